import type { BuildOptions } from 'esbuild';

export const TEST_BUILD_MARKER: string;
export function displayBundle(options: { outdir: string; testHooks: boolean }): BuildOptions;
