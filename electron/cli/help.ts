/**
 * `hallcast help`, `hallcast COMMAND --help` and the README's command section, all written from
 * the command table (commands.ts).
 */
import { COMMANDS, type CommandSpec } from './commands.js';

const TABLE = COMMANDS as Readonly<Record<string, CommandSpec>>;

/** "serve [--port N] …": the command, its arguments and its flags with their defaults. */
export function synopsis(name: string): string {
  const spec = TABLE[name]!;
  const shared = spec.sharesFlagsOf ? TABLE[spec.sharesFlagsOf]!.flags : {};
  const flags = Object.entries(spec.flags)
    .filter(([flag]) => !(flag in shared))
    .map(([flag, f]) => (f.switch ? `[--${flag}]` : `[--${flag} ${f.showDefault ? f.default : f.value}]`));
  return [name, spec.args, spec.sharesFlagsOf ? `[${spec.sharesFlagsOf} options]` : undefined, ...flags].filter(Boolean).join(' ');
}

export function overview(): string {
  const lines = ['usage: hallcast COMMAND [options]', '', 'commands:'];
  for (const [name, spec] of Object.entries(TABLE)) lines.push(`  ${synopsis(name)}`, `      ${spec.summary}`);
  lines.push('  help [COMMAND]', '      this overview, or one command\'s flags (also: hallcast COMMAND --help)');
  lines.push('  --version', "      hallcast's version");
  lines.push('', 'exit status: 0 done, 1 failed (e.g. a port in use), 2 a wrong command, flag or value');
  return lines.join('\n');
}

export function commandHelp(name: string): string {
  const spec = TABLE[name]!;
  const rows: [string, string][] = Object.entries(spec.flags).map(([flag, f]) => [
    f.switch ? `--${flag}` : `--${flag} ${f.value}`,
    `${f.help}${f.default === undefined ? '' : ` (default: ${f.default})`}`,
  ]);
  rows.push(['-h, --help', 'this help']);
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  return [
    `usage: hallcast ${synopsis(name)}`,
    '',
    spec.summary,
    ...(spec.notes ?? []),
    '',
    'flags:',
    ...rows.map(([left, right]) => `  ${left.padEnd(width)}${right}`),
  ].join('\n');
}

export const README_BEGIN = '<!-- commands: written by `npm run readme:commands` from electron/cli/commands.ts; a test checks it -->';
export const README_END = '<!-- end of commands -->';

/** The README's command section: each command's synopsis under its summary. */
export function readmeCommands(): string {
  const lines = [README_BEGIN, '', '```sh'];
  for (const [name, spec] of Object.entries(TABLE)) lines.push(`# ${spec.summary}`, `npx hallcast ${synopsis(name)}`);
  lines.push('npx hallcast help [COMMAND]     # this list, or one command\'s flags (also: npx hallcast COMMAND --help)');
  lines.push('npx hallcast --version', '```', '', README_END);
  return lines.join('\n');
}

/** `readme` with its command section replaced by the table's; null when it has no such section. */
export function withReadmeCommands(readme: string): string | null {
  const begin = readme.indexOf(README_BEGIN);
  const end = readme.indexOf(README_END);
  if (begin < 0 || end < begin) return null;
  return readme.slice(0, begin) + readmeCommands() + readme.slice(end + README_END.length);
}
