// Every exercise of the course, by id: the five lesson banks and the practice set, loaded
// through the per-lesson loaders. The grader, the teacher page, the build-time checks and the
// tests read exercises from here.

import { BANK_FILES, BANK_LOADERS } from './banks.ts';
import type { Bank, Exercise } from './types.ts';

/** All exercises, with lookups. */
export interface Registry {
  /** All banks, practice first, then the lessons in course order. */
  banks: readonly Bank[];
  /** Every exercise by id. */
  exercises: ReadonlyMap<string, Exercise>;
  /** Ids used more than once across the banks (must be empty; a unit test and the build check it). */
  duplicates: readonly string[];
}

const cache: { registry: Promise<Registry> | null } = { registry: null };

/** Loads every bank once (later calls share the result). */
export function loadRegistry(): Promise<Registry> {
  cache.registry ??= (async () => {
    const banks = await Promise.all(Object.values(BANK_LOADERS).map(async (load) => (await load()).default));
    const seen = new Set<string>();
    const duplicates = new Set<string>();
    for (const b of banks) for (const e of b.exercises) (seen.has(e.id) ? duplicates : seen).add(e.id);
    const exercises = new Map(banks.flatMap((b) => b.exercises.map((e) => [e.id, e] as const)));
    return { banks, exercises, duplicates: [...duplicates] };
  })();
  return cache.registry;
}

/** The bank file an exercise (or lesson) is defined in, for error messages. */
export function bankFileOf(lesson: string): string {
  return BANK_FILES[lesson] ?? `src/exercises/bank (lesson "${lesson}")`;
}

/** Exercise ids per lesson, in bank order (for progress counts). */
export function idsByLesson(registry: Registry): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const b of registry.banks) out[b.lesson] = b.exercises.map((e) => e.id);
  return out;
}
