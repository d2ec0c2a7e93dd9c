// Grading answer sheets: rebuild each student's variant from the ID on the sheet and re-check
// every response with the same checker the page uses. Claimed verdicts are only reported next
// to the real ones; they never decide anything. Used by the CLI, the teacher page and import.

import { checkAnswer, type CheckContext } from '../check.ts';
import { parseSheet, type Sheet } from '../sheet/sheet.ts';
import type { Exercise, Verdict } from '../types.ts';
import { variantOf } from '../variant.ts';

/** A graded answer. `unknown`: the sheet names an exercise this version of the course lacks. */
export interface GradeRow {
  file: string;
  student: string;
  lesson: string;
  exercise: string;
  verdict: Verdict | 'unknown';
  attempts: number;
  time: string;
  message: string;
  /** The verdict the sheet claimed, if any (for spotting tampering). */
  claimed: string;
  solutionSeen: boolean;
}

export type SheetGrade =
  | { file: string; ok: true; sheet: Sheet; rows: GradeRow[] }
  | { file: string; ok: false; error: string };

export interface GradeContext extends CheckContext {
  exercises: ReadonlyMap<string, Exercise>;
}

/** Grades one sheet (file text or parsed JSON). Refused sheets come back with `ok: false` and why. */
export async function gradeSheet(file: string, content: unknown, ctx: GradeContext): Promise<SheetGrade> {
  const parsed = parseSheet(content);
  if (!parsed.ok) return { file, ok: false, error: parsed.message };
  const sheet = parsed.value;
  const rows: GradeRow[] = [];
  for (const a of sheet.answers) {
    const base = {
      file,
      student: sheet.studentId,
      exercise: a.exercise,
      attempts: a.attempts,
      time: a.time,
      claimed: a.verdict ?? '',
      solutionSeen: a.solutionSeen === true,
    };
    const ex = ctx.exercises.get(a.exercise);
    if (!ex) {
      rows.push({ ...base, lesson: a.lesson, verdict: 'unknown', message: 'No exercise with this id in this version of the course.' });
      continue;
    }
    const variant = variantOf(ex, sheet.studentId);
    const result = await checkAnswer(ex, variant, a.response, ctx);
    rows.push({ ...base, lesson: ex.lesson, verdict: result.verdict, message: result.message });
  }
  return { file, ok: true, sheet, rows };
}

/** Grades several sheets, a few at a time (code answers run in parallel sandboxes); results keep the input order. */
export async function gradeSheets(files: readonly { name: string; content: unknown }[], ctx: GradeContext, concurrency = 4): Promise<SheetGrade[]> {
  const out: SheetGrade[] = new Array(files.length);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const i = next++;
      const f = files[i]!;
      out[i] = await gradeSheet(f.name, f.content, ctx);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, files.length)) }, worker));
  return out;
}

/** Correct answers per student, for the summary line. */
export function summary(grades: readonly SheetGrade[]): { student: string; file: string; correct: number; total: number }[] {
  return grades.flatMap((g) => (g.ok ? [{ student: g.sheet.studentId, file: g.file, correct: g.rows.filter((r) => r.verdict === 'correct').length, total: g.rows.length }] : []));
}
