// The grader's output: a plain-text table for the terminal and CSV for a spreadsheet (cells
// that a spreadsheet would run as formulas are defused with a leading apostrophe).

import type { GradeRow } from './grade.ts';

export const COLUMNS = ['student', 'lesson', 'exercise', 'verdict', 'attempts', 'time', 'claimed', 'solutionSeen', 'message', 'file'] as const;
const TABLE_COLUMNS = ['student', 'lesson', 'exercise', 'verdict', 'attempts'] as const;

function cell(row: GradeRow, col: (typeof COLUMNS)[number]): string {
  const v = row[col];
  return typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v);
}

/** A fixed-width table of student, lesson, exercise, verdict, attempts (control characters removed). */
export function formatTable(rows: readonly GradeRow[]): string {
  const clean = (s: string) => s.replace(/[\u0000-\u001F\u007F]/g, ' ');
  const data = rows.map((r) => TABLE_COLUMNS.map((c) => clean(cell(r, c))));
  const widths = TABLE_COLUMNS.map((c, i) => Math.min(40, Math.max(c.length, ...data.map((d) => d[i]!.length))));
  const line = (cells: readonly string[]) => cells.map((c, i) => (c.length > widths[i]! ? `${c.slice(0, widths[i]! - 1)}…` : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(TABLE_COLUMNS), line(widths.map((w) => '-'.repeat(w))), ...data.map(line)].join('\n');
}

function csvCell(s: string): string {
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** RFC 4180 CSV with a header row. */
export function toCsv(rows: readonly GradeRow[]): string {
  return `${[COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => csvCell(cell(r, c))).join(','))].join('\r\n')}\r\n`;
}
