// Checker for numeric answers: parse forgivingly, compare with the engine-computed key under
// the exercise's tolerance rule, then look for a likely mistake before saying "wrong".

import { fmt } from '../format.ts';
import { parseNumber } from '../parse/numbers.ts';
import { describeTolerance, within } from '../tolerance.ts';
import type { CheckResult, NumericExercise } from '../types.ts';

export function checkNumeric<V>(ex: NumericExercise<V>, v: V, response: unknown): CheckResult {
  if (typeof response !== 'string') return { verdict: 'invalid', message: 'The answer should be a typed number.' };
  const parsed = parseNumber(response);
  if (!parsed.ok) return { verdict: 'invalid', message: parsed.message };
  const x = parsed.value;
  const key = ex.answer(v);
  if (within(x, key, ex.tolerance)) {
    return { verdict: 'correct', message: `The exact value is ${fmt(key, 6)}.` };
  }
  for (const m of ex.mistakes ?? []) {
    const alt = m.answer(v);
    if (within(x, alt, ex.tolerance) && !within(alt, key, ex.tolerance)) {
      return { verdict: 'wrong', message: m.message, mistake: m.id };
    }
  }
  if (key !== 0 && within(-x, key, ex.tolerance)) {
    return { verdict: 'wrong', message: 'The size is right but the sign is not: check for a dropped minus sign.', mistake: 'sign' };
  }
  const direction = x > key ? 'too high' : 'too low';
  return { verdict: 'wrong', message: `Your value is ${direction}. ${describeTolerance(ex.tolerance)}` };
}
