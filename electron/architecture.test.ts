/**
 * The dependency rules in `npm run lint` (.dependency-cruiser.cjs) catch what they are for: each case
 * builds a tiny tree with the repository's layout in a temp folder, runs the same depcruise command
 * on it, and expects the named rule to fail it — and the same tree without the bad import to pass.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const CONFIG = path.join(ROOT, '.dependency-cruiser.cjs');
const DEPCRUISE = path.join(ROOT, 'node_modules', '.bin', 'depcruise');
const dirs: string[] = [];

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'hallcast-deps-'));
  dirs.push(dir);
  const all = { 'tsconfig.node.json': JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true } }), ...files };
  for (const [name, text] of Object.entries(all)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

function cruise(dir: string): { code: number | null; out: string } {
  const r = spawnSync(DEPCRUISE, ['electron', 'renderer', '--config', CONFIG, '--output-type', 'err'], { cwd: dir, encoding: 'utf8' });
  return { code: r.status, out: r.stdout + r.stderr };
}

const BASE = {
  'electron/contract/messages.ts': 'export interface Hello { id: string }\n',
  'electron/host/domain/schedule/compile.ts': "import type { Hello } from '../../../contract/messages.js';\nexport const compile = (h: Hello): string => h.id;\n",
  'electron/host/services/log/json-log.ts': "import { appendFileSync } from 'node:fs';\nexport const log = (line: string): void => appendFileSync('/dev/null', line);\n",
  'renderer/display/main.ts': "import type { Hello } from '../../electron/contract/messages.js';\nexport const show = (h: Hello): string => h.id;\n",
  'electron/host/commands/commands.ts': "import { log } from '../services/log/json-log.js';\nexport const reload = (): void => log('reload');\n",
  'electron/host/channels/http/routes.ts': "import { reload } from '../../commands/commands.js';\nexport const route = (): void => reload();\n",
};

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the dependency rules', () => {
  it('pass a tree that keeps the layers', () => {
    const r = cruise(tree(BASE));
    expect(r.out).toContain('no dependency violations');
    expect(r.code).toBe(0);
  });

  const broken: [string, Record<string, string>][] = [
    ['domain-not-services', { 'electron/host/domain/schedule/compile.ts': "import { log } from '../../services/log/json-log.js';\nexport const compile = (): void => log('x');\n" }],
    ['domain-no-io', { 'electron/host/domain/schedule/compile.ts': "import { readFileSync } from 'node:fs';\nexport const compile = (): string => readFileSync('x', 'utf8');\n" }],
    ['contract-is-a-leaf', { 'electron/contract/messages.ts': "import type { compile } from '../host/domain/schedule/compile.js';\nexport interface Hello { id: string; c?: typeof compile }\n" }],
    ['renderer-sees-only-the-contract', { 'renderer/display/main.ts': "import { compile } from '../../electron/host/domain/schedule/compile.js';\nexport const show = compile;\n" }],
    [
      'channels-only-commands',
      { 'electron/host/channels/http/routes.ts': "import { log } from '../../services/log/json-log.js';\nexport const route = (): void => log('x');\n" },
    ],
    [
      'no-circular',
      {
        'electron/host/domain/schedule/a.ts': "import { b } from './b.js';\nexport const a = (): number => b() + 1;\n",
        'electron/host/domain/schedule/b.ts': "import { a } from './a.js';\nexport const b = (): number => (Math.random() > 2 ? a() : 0);\n",
      },
    ],
    [
      'no-circular-folders',
      {
        'electron/host/domain/schedule/a.ts': "import { b } from '../time/b.js';\nexport const a = (): number => b() + 1;\n",
        'electron/host/domain/time/b.ts': 'export const b = (): number => 1;\n',
        'electron/host/domain/time/c.ts': "import { d } from '../schedule/d.js';\nexport const c = (): number => d() + 1;\n",
        'electron/host/domain/schedule/d.ts': 'export const d = (): number => 1;\n',
      },
    ],
  ];
  for (const [rule, files] of broken) {
    it(`fail a tree that breaks ${rule}`, () => {
      const r = cruise(tree({ ...BASE, ...files }));
      expect(r.out).toContain(`error ${rule}:`);
      expect(r.code).not.toBe(0);
    });
  }
});
