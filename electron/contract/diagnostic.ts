/** One finding about a playlist file, printed as FILE:LINE:COL: severity: message. */
export interface Diagnostic {
  file: string;
  line: number;
  col: number;
  severity: 'error' | 'warning';
  message: string;
  /**
   * The JSON Pointer (RFC 6901) of the value the finding is about (`/items/2/duration`, "" for the
   * whole file), so an editor can show it at its field; absent for findings about no value in a file
   * (a missing file, a bad file name).
   */
  pointer?: string;
}

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.col}: ${d.severity}: ${d.message}`;
}

export function summarize(diagnostics: Diagnostic[], fileCount: number): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const files = `${fileCount} file${fileCount === 1 ? '' : 's'}`;
  if (errors === 0 && warnings === 0) return `ok: ${files} checked, no problems`;
  return `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} in ${files}`;
}

export function hasErrors(diagnostics: Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
