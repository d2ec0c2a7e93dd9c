// Forgiving readers for typed numbers, vectors and matrices. They accept what people write
// (−0.5 with a typographic minus, 1.2e-3, 3×10^-4, 1/3, [0.1, 0.2], 0.1 0.2, rows on lines or
// split by ;) and refuse anything else with a message that says what to write instead.

/** A parse outcome: the value, or a message for the student. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** Longest accepted text for a number and for a whole vector/matrix answer. */
export const MAX_NUMBER_LENGTH = 100;
export const MAX_ARRAY_LENGTH = 20_000;
/** Most entries a vector/matrix answer may have. */
export const MAX_ENTRIES = 2_500;

const DASHES = /[\u2212\u2012\u2013\u2014\uFE63\uFF0D]/g;
const PLAIN = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const TIMES_TEN = /^([+-]?(?:\d+\.?\d*|\.\d+))\s*(?:[x×*·]|\\times|\\cdot)\s*10\s*(?:\^|\*\*)\s*\(?\s*([+-]?\d+)\s*\)?$/;

/** Replaces typographic minus signs and non-breaking spaces with their ASCII forms. */
export function normalizeText(text: string): string {
  return text.replace(DASHES, '-').replace(/[\u00A0\u2009\u202F]/g, ' ');
}

/**
 * Reads one number: a decimal (`-0.25`, `.5`, `3.`), scientific (`1.2e-3`, `1.2×10^-3`) or a
 * fraction of two of them (`1/3`). Finite values only.
 */
export function parseNumber(input: string): Parsed<number> {
  const text = normalizeText(input).trim();
  if (text === '') return { ok: false, message: 'Enter a number, for example 0.25 or -1.5e-3.' };
  if (text.length > MAX_NUMBER_LENGTH) return { ok: false, message: `That is too long for one number (${text.length} characters).` };
  const single = readSingle(text);
  if (single.ok) return single;
  const slash = text.indexOf('/');
  if (slash > 0 && slash === text.lastIndexOf('/')) {
    const num = readSingle(text.slice(0, slash).trim());
    const den = readSingle(text.slice(slash + 1).trim());
    if (num.ok && den.ok) {
      if (den.value === 0) return { ok: false, message: 'The fraction divides by zero.' };
      return finite(num.value / den.value, text);
    }
  }
  return single;
}

function readSingle(text: string): Parsed<number> {
  if (PLAIN.test(text)) return finite(Number(text), text);
  const m = TIMES_TEN.exec(text);
  if (m) return finite(Number(`${m[1]}e${m[2]}`), text);
  if (/^[+-]?\d+,\d+$/.test(text)) return { ok: false, message: `Use a decimal point: write ${text.replace(',', '.')}, not ${text}.` };
  if (/%$/.test(text)) return { ok: false, message: 'Give a plain number, not a percentage (0.25 rather than 25 %).' };
  if (/^[+-]?(inf(inity)?|∞|nan)$/i.test(text)) return { ok: false, message: 'Give a finite number.' };
  return { ok: false, message: `"${clip(text)}" is not a number. Write it like 0.25, -1.5, 3e-4 or 1/3.` };
}

function finite(x: number, text: string): Parsed<number> {
  if (!Number.isFinite(x)) return { ok: false, message: `"${clip(text)}" is too large to be a finite number.` };
  return { ok: true, value: x === 0 ? 0 : x };
}

/** Shortens text quoted back in a message. */
export function clip(text: string, max = 24): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

/**
 * Reads a vector or a matrix as rows of numbers. Rows are split by new lines, `;`, or written
 * as nested brackets `[[1, 2], [3, 4]]`; entries by commas and/or spaces; an outer pair of
 * brackets or parentheses around the whole answer or a row is ignored.
 */
export function parseRows(input: string): Parsed<number[][]> {
  const text = normalizeText(input).trim();
  if (text === '') return { ok: false, message: 'Enter the numbers, for example [0.1, 0.2, 0.7] or 0.1 0.2 0.7.' };
  if (text.length > MAX_ARRAY_LENGTH) return { ok: false, message: `That answer is too long (${text.length} characters).` };
  const rowTexts = splitRows(text);
  if (!rowTexts.ok) return rowTexts;
  const rows: number[][] = [];
  let count = 0;
  for (const [r, rowText] of rowTexts.value.entries()) {
    const tokens = stripBrackets(rowText.trim())
      .split(/[\s,]+/)
      .filter((t) => t !== '');
    if (tokens.length === 0) continue;
    const row: number[] = [];
    for (const token of tokens) {
      const n = parseNumber(token);
      if (!n.ok) {
        const where = rowTexts.value.length > 1 ? ` (row ${r + 1})` : '';
        return { ok: false, message: `"${clip(token)}"${where} is not a number. Separate entries with commas or spaces, rows with ; or new lines.` };
      }
      row.push(n.value);
    }
    count += row.length;
    if (count > MAX_ENTRIES) return { ok: false, message: `That is more than ${MAX_ENTRIES} numbers.` };
    rows.push(row);
  }
  if (rows.length === 0) return { ok: false, message: 'No numbers found. Write them like [0.1, 0.2, 0.7].' };
  const width = rows[0]!.length;
  const ragged = rows.findIndex((row) => row.length !== width);
  if (ragged > 0) {
    return { ok: false, message: `Row ${ragged + 1} has ${rows[ragged]!.length} numbers but row 1 has ${width}: every row needs the same count.` };
  }
  return { ok: true, value: rows };
}

function splitRows(text: string): Parsed<string[]> {
  const opens = (text.match(/\[/g) ?? []).length;
  const closes = (text.match(/\]/g) ?? []).length;
  if (opens !== closes) return { ok: false, message: 'The brackets do not match: check every [ has its ].' };
  const inner = stripBrackets(text);
  if (/^\s*\[/.test(inner)) {
    // Nested brackets: each [...] at the top level is a row.
    const rows: string[] = [];
    const re = /\[([^[\]]*)\]/g;
    let rest = inner;
    for (const m of inner.matchAll(re)) {
      rows.push(m[1] ?? '');
      rest = rest.replace(m[0], ' ');
    }
    if (/[^\s,;]/.test(rest)) return { ok: false, message: 'Write every row inside brackets, like [[1, 2], [3, 4]], or one row per line.' };
    return { ok: true, value: rows };
  }
  if (/[[\]]/.test(inner)) return { ok: false, message: 'Unexpected bracket: write [0.1, 0.2] for a vector or one row per line for a matrix.' };
  return { ok: true, value: inner.split(/[;\n]/) };
}

function stripBrackets(text: string): string {
  const t = text.trim();
  if ((t.startsWith('[') && t.endsWith(']') && matchingClose(t, '[', ']')) || (t.startsWith('(') && t.endsWith(')') && matchingClose(t, '(', ')'))) {
    return t.slice(1, -1).trim();
  }
  return t;
}

/** True when the opening bracket at 0 closes at the very end (so `[1] [2]` is not stripped). */
function matchingClose(t: string, open: string, close: string): boolean {
  let depth = 0;
  for (let i = 0; i < t.length; i++) {
    if (t[i] === open) depth++;
    else if (t[i] === close) {
      depth--;
      if (depth === 0) return i === t.length - 1;
    }
  }
  return false;
}

/** The shape of an answer: [n] for a vector, [rows, cols] for a matrix. */
export type Shape = [number] | [number, number];

export function shapeOf(value: number[] | number[][]): Shape {
  if (value.length > 0 && Array.isArray(value[0])) return [value.length, (value[0] as number[]).length];
  return [value.length];
}

/** "3 numbers" / "a 2 × 3 matrix". */
export function describeShape(shape: Shape): string {
  if (shape.length === 1) return shape[0] === 1 ? '1 number' : `${shape[0]} numbers`;
  return `a ${shape[0]} × ${shape[1]} matrix`;
}

/**
 * Fits parsed rows to the expected shape: a vector may be typed as one row or one column; a
 * matrix must have its rows. Returns the value in the expected shape, or null when it does not fit.
 */
export function fitShape(rows: number[][], shape: Shape): number[] | number[][] | null {
  if (shape.length === 1) {
    const n = shape[0];
    if (rows.length === 1 && rows[0]!.length === n) return rows[0]!;
    if (rows.every((r) => r.length === 1) && rows.length === n) return rows.map((r) => r[0]!);
    return null;
  }
  const [r, c] = shape;
  if (rows.length === r && rows[0]!.length === c) return rows;
  return null;
}
