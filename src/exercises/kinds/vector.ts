// Checker for vector and matrix answers: read the rows, fit them to the key's shape (a vector
// may be a row or a column), compare entry by entry, and recognise likely mistakes, including
// a transposed matrix.

import { describeShape, fitShape, parseRows, shapeOf, type Shape } from '../parse/numbers.ts';
import { describeTolerance, within, type Tolerance } from '../tolerance.ts';
import type { CheckResult, VectorExercise } from '../types.ts';

type Arr = number[] | number[][];

function flat(a: Arr): number[] {
  return (a as (number | number[])[]).flat();
}

/** True when a and b have the same shape and every entry is within tolerance. */
export function arraysMatch(a: Arr, b: Arr, tol: Tolerance): boolean {
  const sa = shapeOf(a);
  const sb = shapeOf(b);
  if (sa.length !== sb.length || sa.some((d, i) => d !== sb[i])) return false;
  const fb = flat(b);
  return flat(a).every((x, i) => within(x, fb[i]!, tol));
}

function transpose(rows: number[][]): number[][] {
  return rows[0]!.map((_, j) => rows.map((r) => r[j]!));
}

export function checkVector<V>(ex: VectorExercise<V>, v: V, response: unknown): CheckResult {
  if (typeof response !== 'string') return { verdict: 'invalid', message: 'The answer should be typed numbers.' };
  const parsed = parseRows(response);
  if (!parsed.ok) return { verdict: 'invalid', message: parsed.message };
  const key = ex.answer(v);
  const shape = shapeOf(key);
  const fitted = fitShape(parsed.value, shape);
  if (fitted === null) return wrongShape(ex, v, parsed.value, key, shape);
  if (arraysMatch(fitted, key, ex.tolerance)) return { verdict: 'correct', message: 'Every entry is right.' };
  for (const m of ex.mistakes ?? []) {
    const alt = m.answer(v);
    if (arraysMatch(fitted, alt, ex.tolerance) && !arraysMatch(alt, key, ex.tolerance)) {
      return { verdict: 'wrong', message: m.message, mistake: m.id };
    }
  }
  const fk = flat(key);
  const off = flat(fitted)
    .map((x, i) => (within(x, fk[i]!, ex.tolerance) ? -1 : i))
    .filter((i) => i >= 0);
  if (off.length === fk.length && flat(fitted).every((x, i) => within(-x, fk[i]!, ex.tolerance))) {
    return { verdict: 'wrong', message: 'Every entry has the wrong sign: check for a dropped minus sign.', mistake: 'sign' };
  }
  const names = off.slice(0, 6).map((i) => entryName(i, shape));
  const more = off.length > 6 ? ` and ${off.length - 6} more` : '';
  const which = off.length === 1 ? `Entry ${names[0]} is off` : `Entries ${names.join(', ')}${more} are off`;
  return { verdict: 'wrong', message: `${which}. ${describeTolerance(ex.tolerance, true)}` };
}

function wrongShape<V>(ex: VectorExercise<V>, v: V, rows: number[][], key: Arr, shape: Shape): CheckResult {
  for (const m of ex.mistakes ?? []) {
    const alt = m.answer(v);
    const fitted = fitShape(rows, shapeOf(alt));
    if (fitted !== null && arraysMatch(fitted, alt, ex.tolerance)) {
      return { verdict: 'wrong', message: m.message, mistake: m.id };
    }
  }
  if (shape.length === 2) {
    const t = transpose(key as number[][]);
    const fitted = fitShape(rows, shapeOf(t));
    if (fitted !== null && arraysMatch(fitted, t, ex.tolerance)) {
      return {
        verdict: 'wrong',
        message: `You entered the transpose: the answer is ${describeShape(shape)} (${shape[0]} rows of ${shape[1]}).`,
        mistake: 'transposed',
      };
    }
  }
  const given = rows.length === 1 || rows.every((r) => r.length === 1) ? describeShape([rows.flat().length]) : describeShape([rows.length, rows[0]!.length]);
  const rowHint = shape.length === 2 ? ` (${shape[0]} rows of ${shape[1]}, rows on separate lines or split by ;)` : '';
  return { verdict: 'invalid', message: `This answer needs ${describeShape(shape)}${rowHint}; you gave ${given}.` };
}

/** 1-based entry name: "2" in a vector, "(1, 3)" in a matrix. */
function entryName(i: number, shape: Shape): string {
  if (shape.length === 1) return String(i + 1);
  return `(${Math.floor(i / shape[1]) + 1}, ${(i % shape[1]) + 1})`;
}
