/** Course order: lessons sorted by `order`, drafts left out, each with its neighbours. */
export interface Orderable {
  id: string;
  data: { order: number; draft?: boolean | undefined };
}

export interface WithNeighbours<T> {
  entry: T;
  prev: T | undefined;
  next: T | undefined;
}

/** Sorts by `order` (then id), drops drafts, and pairs each lesson with the previous and next one. */
export function inCourseOrder<T extends Orderable>(entries: readonly T[], includeDrafts = false): WithNeighbours<T>[] {
  const sorted = entries
    .filter((e) => includeDrafts || !e.data.draft)
    .toSorted((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id));
  return sorted.map((entry, i) => ({ entry, prev: sorted[i - 1], next: sorted[i + 1] }));
}

/** The URL of a lesson page. */
export const lessonHref = (id: string): string => `/lessons/${id}/`;
