import { describe, expect, it } from 'vitest';
import { COMMANDS, type CommandSpec } from './commands.js';
import { commandHelp, overview } from './help.js';
import { main } from './main.js';
import { packageVersion } from './package-root.js';
import { parserOptions } from './parse-command.js';

const TABLE = Object.entries(COMMANDS as Readonly<Record<string, CommandSpec>>);

async function run(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { stdout: (l) => out.push(l), stderr: (l) => err.push(l) }, () => Date.parse('2026-12-01T04:00:00Z'), async () => 'unused');
  return { code, out, err };
}

/** What a command's positional arguments could be, so a flag's check is what fails. */
const ARGS: Record<string, string[]> = { call: ['A023', '5'], 'plan-call': ['A023', '5'], announce: ['hello'] };
/** Values, one of which each check refuses. */
const WRONG = ['', ' ', 'x', '-1', '99999', '1920', 'tomorrow', 'ftp://x', '2026-02-30T10:00'];

describe('hallcast --help, from the command table', () => {
  it.each(TABLE)('%s --help lists every flag its parser accepts', async (name) => {
    const { code, out, err } = await run([name, '--help']);
    expect(code).toBe(0);
    expect(err).toEqual([]);
    const help = out.join('\n');
    for (const flag of Object.keys(parserOptions(COMMANDS[name as keyof typeof COMMANDS]))) expect(help).toMatch(new RegExp(`(^|\\s)--${flag} `, 'm'));
    expect(help).toBe(commandHelp(name));
    expect((await run(['help', name])).out.join('\n')).toBe(help);
    expect((await run([name, '-h'])).out.join('\n')).toBe(help);
  });

  it('hallcast help names every command; --version says which hallcast', async () => {
    const { code, out } = await run(['help']);
    expect(code).toBe(0);
    for (const [name] of TABLE) expect(out.join('\n')).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
    expect(out.join('\n')).toBe(overview());
    expect(await run(['--version'])).toEqual({ code: 0, out: [`hallcast ${packageVersion()}`], err: [] });
  });
});

describe('a wrong command, flag or value: one line naming it, exit 2', () => {
  const flags = TABLE.flatMap(([name, spec]) => Object.entries(spec.flags).filter(([, f]) => f.check).map(([flag, f]) => [name, flag, WRONG.find((v) => f.check!(v))] as const));

  it.each(flags)('%s --%s %j', async (name, flag, value) => {
    expect(value, 'no value in WRONG fails this check: add one').toBeDefined();
    const { code, out, err } = await run([name, ...(ARGS[name] ?? []), `--${flag}=${value}`]);
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(new RegExp(`^hallcast ${name}: --${flag} ".*": \\S.* \\(hallcast ${name} --help\\)$`));
  });

  it.each(TABLE)('%s: an unknown flag, a flag without its value, the wrong number of arguments', async (name, spec) => {
    const unknown = await run([name, '--no-such-flag']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toHaveLength(1);
    expect(unknown.err[0]).toMatch(new RegExp(`^hallcast ${name}: unknown flag --no-such-flag`));
    const first = Object.keys(spec.flags)[0]!;
    const missing = await run([name, ...(ARGS[name] ?? []), `--${first}`]);
    expect(missing).toEqual({ code: 2, out: [], err: [`hallcast ${name}: --${first} needs a value: --${first} ${spec.flags[first]!.value} (a value starting with "-": --${first}=-…) (hallcast ${name} --help)`] });
    const many = await run([name, ...Array.from({ length: spec.positionals.max + 1 }, (_, i) => `extra${i}`)]);
    expect(many.code).toBe(2);
    expect(many.err).toHaveLength(1);
    expect(many.err[0]).toMatch(new RegExp(`^hallcast ${name}: `));
  });

  it('an unknown command, and none at all', async () => {
    expect(await run(['sevre'])).toEqual({ code: 2, out: [], err: ['hallcast: unknown command "sevre": hallcast help lists them'] });
    const none = await run([]);
    expect(none.code).toBe(2);
    expect(none.err.join('\n')).toBe(overview());
  });

  it('suggests the flag that was meant', async () => {
    expect((await run(['serve', '--prot', '8080'])).err).toEqual(['hallcast serve: unknown flag --prot (did you mean --port?) (hallcast serve --help)']);
  });
});
