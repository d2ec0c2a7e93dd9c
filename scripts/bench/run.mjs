// Entry of `npm run bench`: bundles the TypeScript benchmark (engine sources included) with
// esbuild into node_modules/.cache/bench and runs it in a child Node with --expose-gc, so the
// allocation check can force a collection first. Arguments after `--` are passed through.

import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../../', import.meta.url));
const outDir = `${root}node_modules/.cache/bench`;
mkdirSync(outDir, { recursive: true });

/** Bundles `entry` (relative to the repository root) into a CommonJS file; returns its path. */
export async function bundle(entry, name) {
  const outfile = `${outDir}/${name}.cjs`;
  await build({
    entryPoints: [`${root}${entry}`],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    outfile,
    logLevel: 'error',
    // TensorFlow.js registers its backends and gradients by side effect; keep those imports.
    ignoreAnnotations: true,
  });
  return outfile;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const file = await bundle('scripts/bench/main.ts', 'main');
  const result = spawnSync(process.execPath, ['--expose-gc', file, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
