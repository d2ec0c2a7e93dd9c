// The page's one progress store (over localStorage) and the events that keep every exercise,
// ID box and progress label on the page, and in other tabs, in step with it.

import { ProgressStore, type KeyValueStorage } from '../progress/store.ts';

/** Fired on document after progress changed (a check, an import, another tab). */
export const PROGRESS_EVENT = 'dl-progress';
/** Fired on document after the student ID changed. */
export const STUDENT_EVENT = 'dl-student-change';

const shared: { store: ProgressStore | null } = { store: null };

function localStorageOrNull(): KeyValueStorage | null {
  try {
    const s = window.localStorage;
    // Reading once tells apart "no storage" (throws here, e.g. blocked cookies) from "empty".
    s.getItem('dl-progress');
    return s;
  } catch {
    return null;
  }
}

/** The store of this page, created on first use. */
export function progressStore(): ProgressStore {
  if (!shared.store) {
    const store = new ProgressStore(localStorageOrNull());
    shared.store = store;
    window.addEventListener('storage', (e) => {
      if (e.key !== null && e.key !== 'dl-progress') return;
      const before = store.studentId;
      store.load();
      if (store.studentId !== before) document.dispatchEvent(new CustomEvent(STUDENT_EVENT));
      document.dispatchEvent(new CustomEvent(PROGRESS_EVENT));
    });
  }
  return shared.store;
}

/** Tells the page that progress (and perhaps the student) changed. */
export function announce(studentChanged: boolean): void {
  if (studentChanged) document.dispatchEvent(new CustomEvent(STUDENT_EVENT));
  document.dispatchEvent(new CustomEvent(PROGRESS_EVENT));
}

/** Shows the store's problem, if any, in `el` (text only); hides `el` otherwise. */
export function showStorageProblem(el: HTMLElement | null, store: ProgressStore): void {
  if (!el) return;
  el.textContent = store.problem?.message ?? '';
  el.hidden = store.problem === null;
}
