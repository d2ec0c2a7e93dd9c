// Fills every [data-lesson-progress="<lesson-id>"] placeholder (course map, lesson pages) with
// "3 of 8 exercises solved" for the current student, and keeps it current.

import { lessonCounts } from '../progress/progress.ts';
import { PROGRESS_EVENT, progressStore, STUDENT_EVENT } from './store.ts';

/** The label text for a lesson, or '' when it has no exercises. */
export function progressLabel(solved: number, total: number): string {
  if (total === 0) return '';
  return `${solved} of ${total} exercise${total === 1 ? '' : 's'} solved`;
}

const mounted = { done: false };

/** Starts filling the page's placeholders (once per page, however often it is called). */
export function mountLessonProgress(idsByLesson: Readonly<Record<string, readonly string[]>>): void {
  if (mounted.done) return;
  mounted.done = true;
  const fill = () => {
    const records = progressStore().records();
    for (const el of document.querySelectorAll<HTMLElement>('[data-lesson-progress]')) {
      const ids = idsByLesson[el.dataset['lessonProgress'] ?? ''] ?? [];
      const { solved, total } = lessonCounts(records, ids);
      el.textContent = progressLabel(solved, total);
      el.dataset['solved'] = String(solved);
      el.dataset['total'] = String(total);
    }
  };
  document.addEventListener(PROGRESS_EVENT, fill);
  document.addEventListener(STUDENT_EVENT, fill);
  fill();
}
