// Checker for formula answers: the student's expression and the reference are evaluated at the
// same seeded random points; equal values at every point where the reference is defined mean
// equivalent. A counterexample point is the feedback when they differ.

import { createRng, hashSeed } from '@engine';
import { fmt } from '../format.ts';
import { parseFormula, type Formula } from '../formula/expr.ts';
import type { CheckResult, FormulaExercise, FormulaVariable } from '../types.ts';

/** Number of random points a formula is compared at. */
export const FORMULA_POINTS = 48;
const MIN_DEFINED_POINTS = 12;

/** The seeded test points of an exercise (the same for every check of that exercise). */
export function formulaPoints(exerciseId: string, variables: readonly FormulaVariable[]): Record<string, number>[] {
  const rng = createRng(hashSeed(`formula-points:${exerciseId}`));
  return Array.from({ length: FORMULA_POINTS }, () => {
    const point: Record<string, number> = {};
    for (const v of variables) {
      point[v.name] = 'values' in v ? v.values[rng.int(v.values.length)]! : v.min + (v.max - v.min) * rng.next();
    }
    return point;
  });
}

/** Where two formulas differ (the first such point), or null when they agree at every usable point. */
export function firstDifference(
  a: Formula,
  reference: Formula,
  points: readonly Record<string, number>[],
  rel: number,
): { point: Record<string, number>; got: number; want: number } | null {
  let defined = 0;
  for (const point of points) {
    const want = reference.evaluate(point);
    if (!Number.isFinite(want)) continue;
    defined++;
    const got = a.evaluate(point);
    if (!(Math.abs(got - want) <= rel * Math.max(1, Math.abs(want)))) return { point, got, want };
  }
  if (defined < MIN_DEFINED_POINTS) throw new Error(`the reference formula is defined at only ${defined} of ${points.length} test points`);
  return null;
}

export function checkFormula<V>(ex: FormulaExercise<V>, v: V, response: unknown): CheckResult {
  if (typeof response !== 'string') return { verdict: 'invalid', message: 'The answer should be a typed formula.' };
  const names = ex.variables.map((x) => x.name);
  const parsed = parseFormula(response, names);
  if (!parsed.ok) return { verdict: 'invalid', message: parsed.message };
  const reference = mustParse(ex.answer(v), names, ex.id);
  const points = formulaPoints(ex.id, ex.variables);
  const rel = ex.rel ?? 1e-6;
  const diff = firstDifference(parsed.value, reference, points, rel);
  if (diff === null) return { verdict: 'correct', message: `Your formula equals the expected one at all ${points.length} test points.` };
  for (const m of ex.mistakes ?? []) {
    const alt = mustParse(m.answer(v), names, ex.id);
    if (firstDifference(parsed.value, alt, points, rel) === null) return { verdict: 'wrong', message: m.message, mistake: m.id };
  }
  const at = Object.entries(diff.point)
    .map(([k, x]) => `${k} = ${fmt(x, 3)}`)
    .join(', ');
  const got = Number.isFinite(diff.got) ? fmt(diff.got, 4) : 'no finite value';
  return {
    verdict: 'wrong',
    message: `Not equivalent: at ${at} your formula gives ${got}, but the right one gives ${fmt(diff.want, 4)}.`,
  };
}

function mustParse(text: string, names: readonly string[], id: string): Formula {
  const p = parseFormula(text, names);
  if (!p.ok) throw new Error(`exercise ${id}: reference formula "${text}" does not parse: ${p.message}`);
  return p.value;
}
