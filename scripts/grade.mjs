// `npm run grade -- sheets/*.json [--out grades.csv]`: loads the TypeScript grader
// (src/exercises/grading/cli.ts) through Vite's module runner, which resolves the project's
// path aliases (@engine, …) exactly like the site build, then runs it.

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

const { module } = await runnerImport(`${root}src/exercises/grading/cli.ts`, {
  root,
  configFile: false,
  logLevel: 'error',
  resolve: { alias },
});
process.exitCode = await module.main(process.argv.slice(2));
