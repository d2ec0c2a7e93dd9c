// Entry of `npm run grade` (loaded by scripts/grade.mjs): runs the CLI with the process's
// arguments. The work happens during this module's evaluation, while Vite's module runner is
// still open for the lazy imports (lesson banks, the formula checker).

import { main } from './cli.ts';

process.exitCode = await main(process.argv.slice(2));
