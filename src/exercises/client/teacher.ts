// The teacher page: answer sheets dropped on it (or chosen with the file input) are re-checked
// in this browser with the same checkers as `npm run grade`, shown as a table and offered as CSV.

import { gradeSheets, summary, type GradeRow, type SheetGrade } from '../grading/grade.ts';
import { toCsv } from '../grading/table.ts';
import { loadRegistry } from '../registry.ts';
import { runInSandbox } from '../sandbox/index.ts';
import { MAX_SHEET_CHARS } from '../sheet/sheet.ts';
import { download } from './answer-sheet.ts';

const COLUMNS: { key: keyof GradeRow; label: string }[] = [
  { key: 'student', label: 'Student' },
  { key: 'lesson', label: 'Lesson' },
  { key: 'exercise', label: 'Exercise' },
  { key: 'verdict', label: 'Verdict' },
  { key: 'attempts', label: 'Attempts' },
  { key: 'claimed', label: 'Sheet claimed' },
  { key: 'solutionSeen', label: 'Solution seen' },
  { key: 'message', label: 'Feedback' },
];

export function mountTeacher(root: HTMLElement): void {
  const drop = root.querySelector<HTMLElement>('[data-part="drop"]');
  const input = root.querySelector<HTMLInputElement>('input[type="file"]');
  const status = root.querySelector<HTMLElement>('[data-part="status"]');
  const results = root.querySelector<HTMLElement>('[data-part="results"]');
  const csvButton = root.querySelector<HTMLButtonElement>('[data-part="csv"]');
  const clearButton = root.querySelector<HTMLButtonElement>('[data-part="clear"]');
  if (!drop || !input || !status || !results || !csvButton || !clearButton) return;
  const graded: SheetGrade[] = [];

  const render = () => {
    const rows = graded.flatMap((g) => (g.ok ? g.rows : []));
    const parts: HTMLElement[] = [];
    const refused = graded.filter((g): g is Extract<SheetGrade, { ok: false }> => !g.ok);
    if (refused.length > 0) {
      const ul = document.createElement('ul');
      ul.className = 'teacher__refused';
      for (const g of refused) {
        const li = document.createElement('li');
        li.textContent = `Refused ${g.file}: ${g.error}`;
        ul.append(li);
      }
      parts.push(ul);
    }
    const sums = summary(graded);
    if (sums.length > 0) {
      const ul = document.createElement('ul');
      ul.className = 'teacher__summary';
      for (const s of sums) {
        const li = document.createElement('li');
        li.textContent = `${s.student}: ${s.correct} of ${s.total} correct (${s.file})`;
        ul.append(li);
      }
      parts.push(ul);
    }
    if (rows.length > 0) {
      const wrap = document.createElement('div');
      wrap.className = 'teacher__table-wrap';
      wrap.tabIndex = 0;
      wrap.setAttribute('role', 'region');
      wrap.setAttribute('aria-label', 'Graded answers (scrolls sideways)');
      const table = document.createElement('table');
      table.dataset['testid'] = 'grades';
      const caption = document.createElement('caption');
      caption.textContent = `${rows.length} answer${rows.length === 1 ? '' : 's'} re-checked`;
      const head = document.createElement('tr');
      for (const c of COLUMNS) {
        const th = document.createElement('th');
        th.scope = 'col';
        th.textContent = c.label;
        head.append(th);
      }
      const thead = document.createElement('thead');
      thead.append(head);
      const tbody = document.createElement('tbody');
      for (const r of rows) {
        const tr = document.createElement('tr');
        tr.dataset['verdict'] = r.verdict;
        for (const c of COLUMNS) {
          const td = document.createElement('td');
          td.textContent = c.key === 'solutionSeen' ? (r.solutionSeen ? 'yes' : 'no') : String(r[c.key]);
          if (c.key === 'solutionSeen' && r.solutionSeen) td.dataset['seen'] = 'true';
          if (c.key === 'claimed' && r.claimed !== '' && r.claimed !== r.verdict) td.dataset['mismatch'] = 'true';
          tr.append(td);
        }
        tbody.append(tr);
      }
      table.append(caption, thead, tbody);
      wrap.append(table);
      parts.push(wrap);
    }
    results.replaceChildren(...parts);
    csvButton.disabled = rows.length === 0;
    clearButton.disabled = graded.length === 0;
  };

  const gradeFiles = async (files: readonly File[]) => {
    const json = files.filter((f) => f.name.toLowerCase().endsWith('.json') || f.type === 'application/json');
    if (json.length === 0) {
      status.textContent = 'No .json files were given: answer sheets are JSON files exported from the course.';
      return;
    }
    status.textContent = `Re-checking ${json.length} sheet${json.length === 1 ? '' : 's'}…`;
    const inputs = await Promise.all(json.map(async (f) => ({ name: f.name, content: f.size > MAX_SHEET_CHARS ? null : await f.text() })));
    const { exercises } = await loadRegistry();
    const out = await gradeSheets(inputs, { exercises, runCode: runInSandbox });
    graded.push(...out);
    const ok = out.filter((g) => g.ok).length;
    status.textContent = `Graded ${ok} of ${out.length} sheet${out.length === 1 ? '' : 's'}${ok < out.length ? '; see the refused files below' : ''}.`;
    render();
  };

  input.addEventListener('change', () => {
    const files = Array.from(input.files ?? []);
    input.value = '';
    void gradeFiles(files);
  });
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.dataset['over'] = 'true';
  });
  drop.addEventListener('dragleave', () => delete drop.dataset['over']);
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    delete drop.dataset['over'];
    void gradeFiles(Array.from(e.dataTransfer?.files ?? []));
  });
  csvButton.addEventListener('click', () => download('grades.csv', toCsv(graded.flatMap((g) => (g.ok ? g.rows : []))), 'text/csv'));
  clearButton.addEventListener('click', () => {
    graded.length = 0;
    status.textContent = 'Cleared.';
    render();
  });
  render();
  root.dataset['ready'] = 'true';
}
