// The exercise definition format: one object per exercise, generated per student from a seed.
// Lesson authors write these with the helpers in define.ts; checkers, the page and the grading
// CLI all read the same objects, so a key is computed the same way everywhere.

import type { Rng } from '@engine';
import type { Tolerance } from './tolerance.ts';

/** The six kinds, as carried by the exercise root's `data-kind`. */
export type Kind = 'numeric' | 'vector' | 'choice' | 'formula' | 'code' | 'challenge';

/** A check's outcome: `invalid` means the input could not be read, never that it was wrong. */
export type Verdict = 'correct' | 'wrong' | 'invalid';

/** What a checker returns: the verdict and a message for the student (plain text). */
export interface CheckResult {
  verdict: Verdict;
  message: string;
  /** The id of the likely mistake that matched, when one did. */
  mistake?: string;
}

/**
 * A likely mistake: an alternative computation of the answer (the one a student who made the
 * mistake would get) and the message shown when the response matches it.
 */
export interface Mistake<V, K> {
  /** Short id, reported in CheckResult.mistake (e.g. 'no-max-shift'). */
  id: string;
  /** The answer under this mistake, for the variant. */
  answer: (v: V) => K;
  /** What probably went wrong, addressed to the student. */
  message: string;
}

/** Fields shared by every kind. `V` is the variant's parameters, as `generate` returns them. */
interface Common<V> {
  /** Unique across the course, kebab-case, e.g. 'l3-softmax-grad-logits'. */
  id: string;
  /** Short title shown as the exercise's heading. */
  title: string;
  /** The variant's parameters, drawn from the seeded generator (never Math.random). */
  generate: (rng: Rng) => V;
  /**
   * The question as markup (see markup.ts): paragraphs split by blank lines, `$…$` for inline
   * TeX that is the SAME in every variant (it is typeset at build time), `…` in backticks for
   * monospace. Variant numbers go in plain text, formatted with format.ts.
   */
  prompt: (v: V) => string;
  /**
   * The worked solution for the variant, as markup. Here `$…$` and `$$…$$` may hold the
   * variant's numbers: the solution is typeset in the browser when the student asks for it.
   */
  solution: (v: V) => string;
}

/** A single number, checked against `answer` with a tolerance rule shown to the student. */
export interface NumericExercise<V> extends Common<V> {
  kind: 'numeric';
  answer: (v: V) => number;
  tolerance: Tolerance;
  mistakes?: readonly Mistake<V, number>[];
  /** A unit or note shown after the input, e.g. 'nats'. */
  unit?: string;
}

/** A vector (number[]) or matrix (number[][], row-major) answer, compared entry by entry. */
export interface VectorExercise<V> extends Common<V> {
  kind: 'vector';
  answer: (v: V) => number[] | number[][];
  tolerance: Tolerance;
  mistakes?: readonly Mistake<V, number[] | number[][]>[];
}

/** One option of a choice exercise. */
export interface ChoiceOption {
  /** Stable id, stored in responses (option order may change between variants). */
  id: string;
  /** Markup, like a prompt (static TeX only). */
  label: string;
  /** Whether the option belongs to the answer: compute it, do not type it in. */
  correct: boolean;
  /** Shown when the option is chosen wrongly (or, for `multiple`, missed): the likely mistake. */
  feedback?: string;
}

/** Single choice (radio buttons) or, with `multiple`, any number of options (checkboxes). */
export interface ChoiceExercise<V> extends Common<V> {
  kind: 'choice';
  multiple?: boolean;
  options: (v: V) => ChoiceOption[];
}

/**
 * A variable of a formula answer and where its random test points come from: an interval
 * (`min`, `max`) or a list of `values` (e.g. a label y in {0, 1}).
 */
export type FormulaVariable = { name: string; min: number; max: number } | { name: string; values: readonly number[] };

/**
 * A formula typed by the student (mathjs syntax: `p_r*h`, `sigma(z)*(1-sigma(z))`), judged
 * equivalent to `answer` by evaluation at seeded random points.
 */
export interface FormulaExercise<V> extends Common<V> {
  kind: 'formula';
  /** The reference expression, in the same syntax the student uses. */
  answer: (v: V) => string;
  variables: readonly FormulaVariable[];
  /** Likely mistakes as expressions (e.g. the sign dropped). */
  mistakes?: readonly Mistake<V, string>[];
  /** Relative tolerance of the point-wise comparison; default 1e-6. */
  rel?: number;
}

/** One test case of a code exercise: arguments passed to the student's function. */
export interface CodeCase {
  args: unknown[];
  /** Shown in feedback, e.g. 'large logits'. */
  label?: string;
}

/** A likely mistake of a code exercise: a wrong implementation and what it means. */
export interface CodeMistake {
  id: string;
  /** The wrong implementation, run on the same cases; outputs matching it trigger `message`. */
  impl: (...args: never[]) => unknown;
  message: string;
}

/**
 * A small JavaScript function written by the student, run in a sandbox on ordinary and edge
 * cases and compared with `expected` (computed by the engine).
 */
export interface CodeExercise<V> extends Common<V> {
  kind: 'code';
  /** The function the student must define, e.g. 'softmax'. */
  fn: string;
  /** The code the editor starts with. */
  starter: string;
  cases: (v: V) => CodeCase[];
  /** The correct output for one case's arguments (via the engine). */
  expected: (...args: never[]) => unknown;
  tolerance: Tolerance;
  mistakes?: readonly CodeMistake[];
}

/** A widget's plain state, as `getState()` returns it. */
export type WidgetState = Readonly<Record<string, unknown>>;

/**
 * A goal on a lesson widget, checked against the widget's live state when the student presses
 * Check. `goal` is a pure predicate: `true` when met, otherwise what is still missing.
 */
export interface ChallengeExercise<V> extends Common<V> {
  kind: 'challenge';
  /** The `data-widget` name of the widget on the same page. */
  widget: string;
  goal: (state: WidgetState, v: V) => true | string;
}

/** Any exercise definition, with its variant type erased (a bank mixes kinds and variant types). */
export type ExerciseDef =
  | NumericExercise<Erased>
  | VectorExercise<Erased>
  | ChoiceExercise<Erased>
  | FormulaExercise<Erased>
  | CodeExercise<Erased>
  | ChallengeExercise<Erased>;

/** An exercise placed in a lesson (what the registry holds). */
export type Exercise = ExerciseDef & Placed;

/** The erased variant type: `generate`'s result only ever flows back into the same exercise. */
type Erased = any;

/** Where an exercise lives: its lesson id (the bank's), stamped by defineBank. */
export interface Placed {
  lesson: string;
}

/** A lesson's exercises: what src/exercises/bank/<file>.ts exports by default. */
export interface Bank {
  /** The lesson id (the MDX file name without extension) or 'practice'. */
  lesson: string;
  exercises: readonly Exercise[];
}

/** A response as stored and graded: text, chosen option ids, or a widget state. */
export type Response = string | string[] | WidgetState;
