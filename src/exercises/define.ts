// The helpers a bank file writes exercises with: one per kind, so TypeScript infers the variant
// type V from `generate` and checks prompt/answer/solution against it; defineBank stamps the
// lesson id on each exercise.

import type {
  Bank,
  ChallengeExercise,
  ChoiceExercise,
  CodeExercise,
  Exercise,
  ExerciseDef,
  FormulaExercise,
  NumericExercise,
  VectorExercise,
} from './types.ts';

type Def<T> = Omit<T, 'kind'>;

/** A numeric exercise (kind `numeric`). */
export function numeric<V>(def: Def<NumericExercise<V>>): ExerciseDef {
  return { kind: 'numeric', ...def } as NumericExercise<V>;
}

/** A vector or matrix exercise (kind `vector`). */
export function vector<V>(def: Def<VectorExercise<V>>): ExerciseDef {
  return { kind: 'vector', ...def } as VectorExercise<V>;
}

/** A single- or multiple-choice exercise (kind `choice`). */
export function choice<V>(def: Def<ChoiceExercise<V>>): ExerciseDef {
  return { kind: 'choice', ...def } as ChoiceExercise<V>;
}

/** A formula exercise (kind `formula`). */
export function formula<V>(def: Def<FormulaExercise<V>>): ExerciseDef {
  return { kind: 'formula', ...def } as FormulaExercise<V>;
}

/**
 * A code exercise (kind `code`). `A` is the argument list of the student's function, as
 * `expected` declares it; every case's args are passed to it (the validation test runs them all).
 */
export function code<V, A extends unknown[]>(
  def: Omit<Def<CodeExercise<V>>, 'expected' | 'mistakes'> & {
    expected: (...args: A) => unknown;
    mistakes?: readonly { id: string; impl: (...args: NoInfer<A>) => unknown; message: string }[];
  },
): ExerciseDef {
  return { kind: 'code', ...def } as unknown as CodeExercise<V>;
}

/** A widget challenge (kind `challenge`). */
export function challenge<V>(def: Def<ChallengeExercise<V>>): ExerciseDef {
  return { kind: 'challenge', ...def } as ChallengeExercise<V>;
}

/** A lesson's bank: `export default defineBank('03-softmax-gradient', [numeric({...}), ...])`. */
export function defineBank(lesson: string, exercises: readonly ExerciseDef[]): Bank {
  return { lesson, exercises: exercises.map((e) => ({ ...e, lesson }) as Exercise) };
}
