/**
 * A command's arguments read against its row in the command table: unknown flags, missing values,
 * wrong values and the wrong number of arguments all end in one UsageError, one line that names
 * the flag and the fix.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { closest } from 'fastest-levenshtein';
import type { CommandSpec, FlagSpec } from './commands.js';
import { UsageError } from './cli-errors.js';

export type FlagValues<F extends Readonly<Record<string, FlagSpec>>> = {
  -readonly [K in keyof F]: F[K] extends { switch: true } ? boolean | undefined : F[K] extends { default: string } ? string : string | undefined;
};

export type Parsed<C extends CommandSpec> = { help: true } | { help: false; values: FlagValues<C['flags']>; positionals: string[] };

type Options = NonNullable<ParseArgsConfig['options']>;

/** What node's parser is given for a command: its flags (each taking a value, but switches), and --help. */
export function parserOptions(spec: CommandSpec): Options {
  const options: Options = { help: { type: 'boolean', short: 'h' } };
  for (const [name, flag] of Object.entries(spec.flags)) {
    options[name] = flag.switch ? { type: 'boolean' } : { type: 'string', ...(flag.default === undefined ? {} : { default: flag.default }) };
  }
  return options;
}

export function parseCommand<C extends CommandSpec>(spec: C, args: string[]): Parsed<C> {
  let parsed;
  try {
    parsed = parseArgs({ args, options: parserOptions(spec), allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(parseProblem(error as Error & { code?: string }, spec));
  }
  const { values, positionals } = parsed;
  if (values['help']) return { help: true };
  for (const [flag, flagSpec] of Object.entries(spec.flags)) {
    const value = values[flag];
    const problem = typeof value === 'string' ? flagSpec.check?.(value) : null;
    if (problem) throw new UsageError(`--${flag} ${JSON.stringify(value)}: ${problem}`);
  }
  const { min, max } = spec.positionals;
  if (positionals.length < min || positionals.length > max) throw new UsageError(positionalProblem(spec, positionals));
  return { help: false, values: values as FlagValues<C['flags']>, positionals };
}

/** node's parser says what went wrong at length; this says it in one line, with the fix. */
function parseProblem(error: Error & { code?: string }, spec: CommandSpec): string {
  const flag = /'(-[^' ]+)/.exec(error.message)?.[1] ?? '';
  const known = Object.keys(spec.flags);
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const name = flag.replace(/^-+/, '').replace(/=.*/, '');
    return known.length ? `unknown flag ${flag}${name ? ` (did you mean --${closest(name, known)}?)` : ''}` : `unknown flag ${flag}: this command takes none`;
  }
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const name = /--([\w-]+)/.exec(error.message)?.[1] ?? flag;
    if (name === 'help') return '--help takes no value';
    const value = spec.flags[name]?.value ?? 'VALUE';
    return `--${name} needs a value: --${name} ${value} (a value starting with "-": --${name}=-…)`;
  }
  return error.message.split('\n')[0]!;
}

function positionalProblem(spec: CommandSpec, positionals: string[]): string {
  const { max, example, wrong } = spec.positionals;
  if (wrong) return wrong;
  if (max === 0) return `takes no arguments (got "${positionals[0]}")`;
  return `give ${spec.args}${positionals.length > max ? ` only (got ${positionals.length} arguments: put a text with spaces in quotes)` : ''}${example ? `, e.g. ${example}` : ''}`;
}
