// Export and import of the answer sheet. Export writes the current student's progress as JSON;
// import re-checks every answer here (the file's claimed verdicts are ignored), then merges it
// into that student's progress. A foreign or damaged file is refused and changes nothing.

import { gradeSheet } from '../grading/grade.ts';
import type { ExerciseRecord } from '../progress/progress.ts';
import { runInSandbox } from '../sandbox/index.ts';
import { buildSheet, MAX_SHEET_CHARS, sheetFileName } from '../sheet/sheet.ts';
import { announce, progressStore, showStorageProblem } from './store.ts';

/** Offers `text` as a file download. */
export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function mountAnswerSheet(root: HTMLElement, lessonOf: (id: string) => string): void {
  const exportButton = root.querySelector<HTMLButtonElement>('[data-part="export"]');
  const fileInput = root.querySelector<HTMLInputElement>('input[type="file"]');
  const status = root.querySelector<HTMLElement>('[data-part="status"]');
  const storage = root.querySelector<HTMLElement>('[data-part="storage"]');
  if (!exportButton || !fileInput || !status) return;
  const say = (text: string, state: 'ok' | 'error' | 'busy') => {
    status.textContent = text;
    status.dataset['state'] = state;
  };

  exportButton.addEventListener('click', () => {
    const store = progressStore();
    const sheet = buildSheet(store.studentId, store.records(), lessonOf);
    download(sheetFileName(sheet), `${JSON.stringify(sheet, null, 2)}\n`, 'application/json');
    say(`Exported ${sheet.answers.length} answer${sheet.answers.length === 1 ? '' : 's'} for ID “${sheet.studentId}”.`, 'ok');
  });

  fileInput.addEventListener('change', async () => {
    const file = fileInput.files?.[0];
    if (!file) return;
    fileInput.disabled = true;
    say(`Reading ${file.name} and re-checking its answers…`, 'busy');
    try {
      if (file.size > MAX_SHEET_CHARS) {
        say(`${file.name} was not imported: it is too large to be an answer sheet. Your progress is unchanged.`, 'error');
        return;
      }
      const { loadRegistry } = await import('../registry.ts');
      const { exercises } = await loadRegistry();
      const graded = await gradeSheet(file.name, await file.text(), { exercises, runCode: runInSandbox });
      if (!graded.ok) {
        say(`${file.name} was not imported: ${graded.error} Your progress is unchanged.`, 'error');
        return;
      }
      const byId = new Map(graded.sheet.answers.map((a) => [a.exercise, a]));
      const records: Record<string, ExerciseRecord> = {};
      let skipped = 0;
      for (const row of graded.rows) {
        const a = byId.get(row.exercise);
        if (row.verdict === 'unknown' || !a) {
          skipped++;
          continue;
        }
        const solved = row.verdict === 'correct';
        Object.defineProperty(records, row.exercise, {
          value: { attempts: a.attempts, verdict: solved ? 'correct' : 'wrong', solved, response: a.response, time: a.time, solutionSeen: a.solutionSeen === true },
          enumerable: true,
        });
      }
      const store = progressStore();
      const before = store.studentId;
      store.importRecords(graded.sheet.studentId, records);
      const imported = Object.keys(records).length;
      const correct = graded.rows.filter((r) => r.verdict === 'correct').length;
      const parts = [`Imported ${imported} answer${imported === 1 ? '' : 's'} for ID “${graded.sheet.studentId}”; re-checked here, ${correct} ${correct === 1 ? 'is' : 'are'} correct.`];
      if (skipped > 0) parts.push(`${skipped} answer${skipped === 1 ? ' was' : 's were'} for exercises this version of the course does not have, and ${skipped === 1 ? 'was' : 'were'} skipped.`);
      if (before !== store.studentId) parts.push(`Switched from ID “${before}”, whose progress is still kept here.`);
      say(parts.join(' '), 'ok');
      showStorageProblem(storage, store);
      announce(before !== store.studentId);
    } catch (e) {
      say(`${file.name} could not be read (${e instanceof Error ? e.message : String(e)}). Your progress is unchanged.`, 'error');
    } finally {
      fileInput.disabled = false;
      fileInput.value = '';
    }
  });
  showStorageProblem(storage, progressStore());
  root.dataset['ready'] = 'true';
}
