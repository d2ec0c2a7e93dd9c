/**
 * How a notebook cell's output reads: numbers to a sensible precision, vectors inline, matrices
 * as tables, objects as key/value lines. Pure: the element turns these blocks into DOM text.
 */

/** One block of a cell's output. */
export type OutputBlock =
  | { kind: 'text'; text: string; level?: 'log' | 'info' | 'warn' | 'error' | 'debug' }
  | { kind: 'table'; rows: string[][]; header?: string[] }
  | { kind: 'plot'; spec: unknown }
  | { kind: 'error'; text: string; line?: number };

/** Up to 6 significant digits, no trailing zeros; exponent form for very large or small values. */
export function formatNumber(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  if (Object.is(x, -0) || x === 0) return '0';
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return String(x);
  const a = Math.abs(x);
  if (a >= 1e6 || a < 1e-4) {
    const [m, e] = x.toExponential(5).split('e') as [string, string];
    return `${trimZeros(m)}e${e}`;
  }
  return trimZeros(x.toPrecision(6));
}

const trimZeros = (s: string): string => (s.includes('.') ? s.replace(/\.?0+$/, '') : s);

const isNumberArray = (v: unknown): v is number[] => Array.isArray(v) && v.every((x) => typeof x === 'number');

/** A matrix: a non-empty array of equally long, non-empty number arrays. */
export function isMatrix(v: unknown): v is number[][] {
  if (!Array.isArray(v) || v.length === 0 || !v.every(isNumberArray)) return false;
  const w = (v[0] as number[]).length;
  return w > 0 && v.every((row) => (row as number[]).length === w);
}

const MAX_ITEMS = 200;

/** A value as one line of text (vectors and nested data inline, long arrays cut). */
export function formatInline(v: unknown, depth = 0): string {
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'string') return depth === 0 ? v : JSON.stringify(v);
  if (v === undefined) return 'undefined';
  if (v === null || typeof v === 'boolean') return String(v);
  if (depth > 4) return '…';
  if (Array.isArray(v)) {
    const items = v.slice(0, MAX_ITEMS).map((x) => formatInline(x, depth + 1));
    return `[${items.join(', ')}${v.length > MAX_ITEMS ? `, … (${v.length} items)` : ''}]`;
  }
  if (typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).slice(0, 50);
    return `{ ${entries.map(([k, x]) => `${k}: ${formatInline(x, depth + 1)}`).join(', ')} }`;
  }
  return String(v);
}

/** Rows of a matrix as formatted strings, cut to a readable size. */
function matrixTable(m: number[][]): OutputBlock {
  const rows = m.slice(0, 50).map((r) => r.slice(0, 20).map(formatNumber));
  if (m.length > 50) rows.push([`… ${m.length - 50} more rows`]);
  return { kind: 'table', rows };
}

/** The value a cell returned, as output blocks: a plot, a table, key/value lines or a line. */
export function formatValue(v: unknown): OutputBlock[] {
  if (v === undefined) return [];
  if (typeof v === 'object' && v !== null && '$plot' in v) return [{ kind: 'plot', spec: (v as { $plot: unknown }).$plot }];
  if (typeof v === 'object' && v !== null && '$table' in v) {
    const t = (v as { $table: unknown }).$table;
    if (isMatrix(t)) return [matrixTable(t)];
    if (Array.isArray(t) && t.every((r) => typeof r === 'object' && r !== null && !Array.isArray(r))) {
      const header = [...new Set(t.flatMap((r) => Object.keys(r as object)))].slice(0, 20);
      // a table cell is shown as text, so a string needs no quotes (nested values keep theirs)
      const rows = t.slice(0, 100).map((r) => header.map((h) => formatInline((r as Record<string, unknown>)[h])));
      return [{ kind: 'table', header, rows }];
    }
  }
  if (isMatrix(v) && v.length > 1) return [matrixTable(v)];
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
    const entries = Object.entries(v as Record<string, unknown>);
    if (entries.length > 0 && entries.length <= 40) {
      return entries.flatMap(([k, x]): OutputBlock[] =>
        isMatrix(x) && x.length > 1 ? [{ kind: 'text', text: `${k}:` }, matrixTable(x)] : [{ kind: 'text', text: `${k}: ${formatInline(x, 1)}` }],
      );
    }
  }
  return [{ kind: 'text', text: formatInline(v) }];
}
