/**
 * What `hallcast doctor` found: one line per check, each failure with the command or step that
 * fixes it. Pure: the checks (checks.ts) make findings; this turns them into the report and the
 * exit code.
 */
export type Verdict = 'ok' | 'warn' | 'fail';

export interface Finding {
  /** The check's name, as the report prints it ("browser", "cjk-font"). */
  check: string;
  verdict: Verdict;
  /** What was seen, in one line. */
  detail: string;
  /** For a warning or a failure: what to do. */
  fix?: string;
}

const MARK: Record<Verdict, string> = { ok: 'ok  ', warn: 'warn', fail: 'FAIL' };

export function reportLines(findings: readonly Finding[]): string[] {
  const width = Math.max(...findings.map((f) => f.check.length));
  const lines = findings.flatMap((f) => [`${MARK[f.verdict]}  ${f.check.padEnd(width)}  ${f.detail}`, ...(f.fix && f.verdict !== 'ok' ? [`      ${' '.repeat(width)}  fix: ${f.fix}`] : [])]);
  const failed = findings.filter((f) => f.verdict === 'fail').length;
  const warned = findings.filter((f) => f.verdict === 'warn').length;
  lines.push('', failed === 0 ? `all ${findings.length} checks pass${warned ? ` (${warned} with a warning)` : ''}` : `${failed} of ${findings.length} checks fail${warned ? `, ${warned} warn` : ''}`);
  return lines;
}

/** 0 when nothing failed (warnings allowed), 1 otherwise. */
export function exitCodeOf(findings: readonly Finding[]): number {
  return findings.some((f) => f.verdict === 'fail') ? 1 : 0;
}

/** "20.19.0" ≥ "20.19"? Plain numeric comparison of dotted versions. */
export function versionAtLeast(version: string, minimum: string): boolean {
  const a = version.replace(/^v/, '').split('.').map(Number);
  const b = minimum.split('.').map(Number);
  for (let i = 0; i < b.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}
