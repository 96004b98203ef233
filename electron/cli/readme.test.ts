import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from './commands.js';
import { readmeCommands, README_BEGIN, README_END } from './help.js';

const README = readFileSync(path.join(import.meta.dirname, '../../README.md'), 'utf8');

describe("the README's command section", () => {
  it('is the one the command table writes (npm run readme:commands)', () => {
    const section = README.slice(README.indexOf(README_BEGIN), README.indexOf(README_END) + README_END.length);
    expect(section).toBe(readmeCommands());
  });

  it('names every command and every flag', () => {
    for (const [name, spec] of Object.entries(COMMANDS)) {
      expect(README).toContain(`npx hallcast ${name}`);
      for (const flag of Object.keys(spec.flags)) expect(README, `${name} --${flag}`).toContain(`--${flag}`);
    }
  });
});
