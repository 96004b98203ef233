import { describe, expect, it } from 'vitest';
import { fillTemplate, templatePlaceholders, TemplateSyntaxError } from './text-template.js';

describe('templatePlaceholders', () => {
  it('lists each placeholder once, in order of first use', () => {
    expect(templatePlaceholders('{counter}号窗口暂停服务，请到{other}号窗口；{counter}号窗口稍后开放')).toEqual(['counter', 'other']);
    expect(templatePlaceholders('Counter {counter_2} and {queueName}')).toEqual(['counter_2', 'queueName']);
  });

  it('a text without braces has none', () => {
    expect(templatePlaceholders('请保管好您的随身物品。')).toEqual([]);
    expect(templatePlaceholders('')).toEqual([]);
  });

  it.each([
    ['{minutes分钟后', 1, '"{" at character 1 is not closed: write a placeholder as {name}, e.g. {minutes}'],
    ['a {b {c} d', 3, '"{" at character 3 is not closed: write a placeholder as {name}, e.g. {minutes}'],
    ['窗口}', 3, '"}" at character 3 closes nothing: braces only mark placeholders such as {minutes}; remove it'],
    ['{a}}', 4, '"}" at character 4 closes nothing: braces only mark placeholders such as {minutes}; remove it'],
    ['{}', 1, '"{}" at character 1 is not a placeholder: a name starts with a lowercase letter, then letters, digits or _, e.g. {minutes}'],
    ['x {Minutes}', 3, '"{Minutes}" at character 3 is not a placeholder: a name starts with a lowercase letter, then letters, digits or _, e.g. {minutes}'],
    ['{1st}', 1, '"{1st}" at character 1 is not a placeholder: a name starts with a lowercase letter, then letters, digits or _, e.g. {minutes}'],
    ['{ minutes }', 1, '"{ minutes }" at character 1 is not a placeholder: a name starts with a lowercase letter, then letters, digits or _, e.g. {minutes}'],
    ['{counter-no}', 1, '"{counter-no}" at character 1 is not a placeholder: a name starts with a lowercase letter, then letters, digits or _, e.g. {minutes}'],
  ])('%j is refused at character %i', (text, position, message) => {
    let error: unknown;
    try {
      templatePlaceholders(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TemplateSyntaxError);
    expect(error).toBeInstanceOf(SyntaxError);
    expect((error as TemplateSyntaxError).message).toBe(message);
    expect((error as TemplateSyntaxError).position).toBe(position);
  });

  it('counts positions in characters, so an emoji before a brace counts once', () => {
    expect(() => templatePlaceholders('😀😀}')).toThrow('"}" at character 3 closes nothing');
  });
});

describe('fillTemplate', () => {
  it('replaces every placeholder, each use of a repeated one too', () => {
    expect(fillTemplate('本营业厅将于{minutes}分钟后结束营业', { minutes: '15' })).toBe('本营业厅将于15分钟后结束营业');
    expect(fillTemplate('{counter}号窗口暂停服务，{counter}号窗口稍后开放', { counter: '3' })).toBe('3号窗口暂停服务，3号窗口稍后开放');
    expect(fillTemplate('Counter {a} to {b}', { b: 'two', a: 'one' })).toBe('Counter one to two');
  });

  it('a template without placeholders needs no variables', () => {
    expect(fillTemplate('请保管好您的随身物品。', {})).toBe('请保管好您的随身物品。');
  });

  it('inserts values as they are: braces and $ patterns in a value are text', () => {
    expect(fillTemplate('Hello {name}.', { name: '{minutes} $& $1' })).toBe('Hello {minutes} $& $1.');
    expect(fillTemplate('[{x}]', { x: '' })).toBe('[]');
  });

  it('names an unknown variable and the ones the template uses', () => {
    expect(() => fillTemplate('{minutes}分钟后结束营业', { minutes: '15', mins: '15' })).toThrow(
      new RangeError('unknown variable "mins" (the template uses: minutes)'),
    );
    expect(() => fillTemplate('请保管好您的随身物品。', { minutes: '15' })).toThrow(new RangeError('unknown variable "minutes" (the template uses: no variables)'));
  });

  it('names a missing variable', () => {
    expect(() => fillTemplate('{minutes}分钟后结束营业', {})).toThrow(new RangeError('missing variable "minutes"'));
    expect(() => fillTemplate('{counter}号窗口，{minutes}分钟', {})).toThrow(new RangeError('missing variables "counter", "minutes"'));
  });

  it('names both when a variable is misspelt', () => {
    expect(() => fillTemplate('{minutes}分钟后结束营业', { mins: '15' })).toThrow(
      new RangeError('unknown variable "mins" (the template uses: minutes); missing variable "minutes"'),
    );
    expect(() => fillTemplate('{counter} {minutes}', { a: '1', b: '2' })).toThrow(
      new RangeError('unknown variables "a", "b" (the template uses: counter, minutes); missing variables "counter", "minutes"'),
    );
  });

  it('does not fill a placeholder from Object.prototype', () => {
    expect(() => fillTemplate('{constructor}', {})).toThrow(new RangeError('missing variable "constructor"'));
    expect(fillTemplate('{constructor}', { constructor: 'ok' })).toBe('ok');
  });

  it('refuses a value that is not a string (JSON from the PA system may hold numbers)', () => {
    const vars = JSON.parse('{"minutes": 15}') as Record<string, string>;
    expect(() => fillTemplate('{minutes}分钟', vars)).toThrow(new TypeError('variable "minutes" must be a string, got number'));
    expect(() => fillTemplate('{minutes}分钟', JSON.parse('{"minutes": null}') as Record<string, string>)).toThrow(
      new TypeError('variable "minutes" must be a string, got null'),
    );
  });

  it('throws TemplateSyntaxError for a malformed template, whatever the variables', () => {
    expect(() => fillTemplate('{minutes分钟', { minutes: '15' })).toThrow(TemplateSyntaxError);
  });
});
