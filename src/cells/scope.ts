/**
 * Shared scope for notebook cells. Each run is a fresh sandbox, so a cell that shares its
 * scope runs after the code of the cells run before it (in run order), with their output
 * muted and their top-level `return`s neutralised, so their variables exist for it. The
 * parser is passed in (the page uses CodeMirror's JavaScript parser) to keep this file pure.
 */

/** Finds `[from, to, hasValue]` of each top-level `return` statement (not inside a function). */
export type FindReturns = (code: string) => { from: number; to: number; hasValue: boolean }[];

/** Rewrites top-level `return x` as `void (x)` and a bare `return` as `;`, so code can run as a prefix. */
export function neutraliseReturns(code: string, find: FindReturns): string {
  let out = code;
  for (const r of [...find(code)].sort((a, b) => b.from - a.from)) {
    const stmt = out.slice(r.from, r.to);
    const replaced = r.hasValue ? stmt.replace(/^return\b/, 'void') : ';';
    out = out.slice(0, r.from) + replaced + out.slice(r.to);
  }
  return out;
}

/** Helpers every cell can call: `plot({...})` to draw, `table(rows)` to tabulate. */
export const PRELUDE = 'const plot = (spec) => ({ $plot: spec }), table = (rows) => ({ $table: rows });';

export interface Assembled {
  /** The code to run in the sandbox. */
  code: string;
  /** Lines before the cell's own first line (subtract them from reported error lines). */
  offset: number;
}

/**
 * The code to run for a cell: the prelude, then (for a shared scope) the earlier cells with the
 * console muted, then the cell itself. The prelude shares line 1 with what follows, so a cell
 * with no prefix keeps its own line numbers.
 */
export function assembleCell(code: string, earlier: readonly string[], find: FindReturns): Assembled {
  if (earlier.length === 0) return { code: `${PRELUDE} ${code}`, offset: 0 };
  const prefix = earlier.map((c) => neutraliseReturns(c, find)).join('\n;\n');
  const head = `${PRELUDE} const __cellConsole = console; console = { log() {}, info() {}, warn() {}, error() {}, debug() {} };\n${prefix}\n;console = __cellConsole;\n`;
  return { code: head + code, offset: head.split('\n').length - 1 };
}

/**
 * The run order of a shared scope: re-running a cell moves it to the end, like a notebook
 * kernel's execution counter. Returns the new order and the cell's run number.
 */
export function recordRun(order: readonly string[], cellId: string): string[] {
  return [...order.filter((id) => id !== cellId), cellId];
}
