// Shared by the exercise tests: the registry, variants, and a checker context with Node's sandbox.
import { checkAnswer } from '@exercises/check.ts';
import { loadRegistry } from '@exercises/registry.ts';
import { runInNodeSandbox } from '@exercises/sandbox/node.ts';
import type { CheckResult, Exercise } from '@exercises/types.ts';
import { variantOf } from '@exercises/variant.ts';

export const registry = await loadRegistry();

export function exercise(id: string): Exercise {
  const ex = registry.exercises.get(id);
  if (!ex) throw new Error(`no exercise ${id}`);
  return ex;
}

/** The variant's parameters, typed loosely for the test's own hand computations. */
export function variant<T>(id: string, student: string): T {
  return variantOf(exercise(id), student) as T;
}

export const ctx = { runCode: runInNodeSandbox };

export function check(id: string, student: string, response: unknown): Promise<CheckResult> {
  const ex = exercise(id);
  return checkAnswer(ex, variantOf(ex, student), response, ctx);
}

/** Independent reference formulas (not the engine's code). */
export const ref = {
  sigmoid: (z: number) => 1 / (1 + Math.exp(-z)),
  softmax: (z: readonly number[]) => {
    const m = Math.max(...z);
    const e = z.map((x) => Math.exp(x - m));
    const s = e.reduce((a, b) => a + b, 0);
    return e.map((x) => x / s);
  },
};
