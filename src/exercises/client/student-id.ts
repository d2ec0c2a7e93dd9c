// The "Your student ID" box: shows the ID in use, saves a new one (normalized), and tells every
// exercise on the page to switch to that student's variants and progress.

import { DEFAULT_STUDENT_ID, normalizeStudentId, studentIdProblem } from '../variant.ts';
import { announce, progressStore, showStorageProblem, STUDENT_EVENT } from './store.ts';

function describe(id: string): string {
  return id === DEFAULT_STUDENT_ID
    ? 'No ID set: every visitor gets the same numbers.'
    : `Exercises use the numbers of ID “${id}”. Progress is kept per ID in this browser.`;
}

export function mountStudentId(root: HTMLElement): void {
  const form = root.querySelector<HTMLFormElement>('form');
  const input = root.querySelector<HTMLInputElement>('input');
  const status = root.querySelector<HTMLElement>('[data-part="status"]');
  const storage = root.querySelector<HTMLElement>('[data-part="storage"]');
  if (!form || !input || !status) return;
  const store = progressStore();
  const sync = () => {
    input.value = store.hasOwnId ? store.studentId : '';
    status.textContent = describe(store.studentId);
    showStorageProblem(storage, store);
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const problem = studentIdProblem(input.value);
    if (problem) {
      status.textContent = problem;
      return;
    }
    const next = normalizeStudentId(input.value);
    const changed = next !== store.studentId;
    store.setStudentId(input.value);
    sync();
    status.textContent = changed ? `Saved. ${describe(next)}` : `Unchanged. ${describe(next)}`;
    if (changed) announce(true);
  });
  document.addEventListener(STUDENT_EVENT, sync);
  sync();
  root.dataset['ready'] = 'true';
}
