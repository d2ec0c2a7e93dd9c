// Checker for widget challenges: the response is the widget's plain state (getState()), the
// goal a pure predicate over it. Helpers read fields by path and refuse missing or non-finite
// ones with a message, so a goal reads like its sentence.

import type { ChallengeExercise, CheckResult, WidgetState } from '../types.ts';

/** A state that lacks what a goal needs: reported as "invalid" with its message. */
export class StateError extends Error {
  override name = 'StateError';
}

/** Most bytes of state kept in a response (a snapshot, not a data set). */
export const MAX_STATE_CHARS = 50_000;

/** The value at a dotted path, e.g. 'metrics.valAccuracy'. */
export function field(state: WidgetState, path: string): unknown {
  let cur: unknown = state;
  for (const key of path.split('.')) {
    if (typeof cur !== 'object' || cur === null || !Object.hasOwn(cur, key)) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** A finite number at `path`, or a StateError naming it (what: how to call it in the message). */
export function num(state: WidgetState, path: string, what = path): number {
  const v = field(state, path);
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new StateError(`The widget has no ${what} yet: run it first, then press Check.`);
  return v;
}

/** A string at `path`. */
export function str(state: WidgetState, path: string, what = path): string {
  const v = field(state, path);
  if (typeof v !== 'string') throw new StateError(`The widget has no ${what} yet.`);
  return v;
}

/** A boolean at `path`. */
export function bool(state: WidgetState, path: string, what = path): boolean {
  const v = field(state, path);
  if (typeof v !== 'boolean') throw new StateError(`The widget has no ${what} yet.`);
  return v;
}

/**
 * One trainer of a widget-kit state (`state.trainers`), by id, or the first when no id is given:
 * `num(trainer(s, 'deep'), 'valAccuracy', 'validation accuracy')`.
 */
export function trainer(state: WidgetState, id?: string): WidgetState {
  const list = field(state, 'trainers');
  const found = Array.isArray(list) ? list.find((t: unknown) => isWidgetState(t) && (id === undefined || t['id'] === id)) : undefined;
  if (!isWidgetState(found)) throw new StateError(id ? `The widget has no network “${id}” yet.` : 'The widget has no network yet: wait until it has loaded.');
  return found;
}

export function isWidgetState(value: unknown): value is WidgetState {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function checkChallenge<V>(ex: ChallengeExercise<V>, v: V, response: unknown): CheckResult {
  if (!isWidgetState(response)) {
    return { verdict: 'invalid', message: 'The widget’s state could not be read: is the widget on this page and running?' };
  }
  let outcome: true | string;
  try {
    outcome = ex.goal(response, v);
  } catch (e) {
    if (e instanceof StateError) return { verdict: 'invalid', message: e.message };
    return { verdict: 'invalid', message: 'The widget’s state is incomplete; change a setting or run it, then press Check again.' };
  }
  if (outcome === true) return { verdict: 'correct', message: 'Goal reached.' };
  return { verdict: 'wrong', message: typeof outcome === 'string' && outcome !== '' ? outcome : 'The goal is not reached yet.' };
}
