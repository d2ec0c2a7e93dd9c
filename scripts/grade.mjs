// `npm run grade -- sheets/*.json [--out grades.csv]`: runs the TypeScript grader
// (src/exercises/grading/run.ts → cli.ts) through Vite's module runner, which resolves the
// project's path aliases (@engine, …) and TypeScript exactly like the site build does.

import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
// The same aliases as tsconfig.json's "paths".
const alias = [
  { find: /^@engine$/, replacement: `${root}src/engine/index.ts` },
  { find: /^@engine\//, replacement: `${root}src/engine/` },
  { find: /^@components\//, replacement: `${root}components/` },
  { find: /^@widgets\//, replacement: `${root}src/widgets/` },
  { find: /^@exercises\//, replacement: `${root}src/exercises/` },
  { find: /^@lib\//, replacement: `${root}src/lib/` },
];

await runnerImport(`${root}src/exercises/grading/run.ts`, {
  root,
  configFile: false,
  logLevel: 'error',
  resolve: { alias },
});
