// The answer sheet: the JSON file a student exports and a teacher grades. It carries the
// student ID and, per exercise, the response, attempts and time. A claimed verdict may be in
// it, but nothing trusts it: graders re-check. Parsing refuses foreign or damaged files whole,
// with a message that names the problem.

import type { Parsed } from '../parse/numbers.ts';
import { isIsoTime, isResponse, type ExerciseRecord } from '../progress/progress.ts';
import type { Response } from '../types.ts';
import { normalizeStudentId, studentIdProblem } from '../variant.ts';

export const SHEET_FORMAT = 'dl-answer-sheet';
export const SHEET_VERSION = 1;
/** Largest sheet file accepted (characters). */
export const MAX_SHEET_CHARS = 5_000_000;
const MAX_ANSWERS = 5_000;

export interface SheetAnswer {
  exercise: string;
  /** The lesson the exercise belonged to when exported (informative; graders use their registry). */
  lesson: string;
  response: Response;
  attempts: number;
  time: string;
  /** What the student's browser said; ignored by graders. */
  verdict?: string;
  solutionSeen?: boolean;
}

export interface Sheet {
  format: typeof SHEET_FORMAT;
  version: typeof SHEET_VERSION;
  studentId: string;
  exportedAt: string;
  answers: SheetAnswer[];
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A sheet of a student's records (export). */
export function buildSheet(studentId: string, records: Readonly<Record<string, ExerciseRecord>>, lessonOf: (id: string) => string, now = new Date()): Sheet {
  return {
    format: SHEET_FORMAT,
    version: SHEET_VERSION,
    studentId,
    exportedAt: now.toISOString(),
    answers: Object.entries(records)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([id, r]) => ({
        exercise: id,
        lesson: lessonOf(id),
        response: r.response,
        attempts: r.attempts,
        time: r.time,
        verdict: r.verdict,
        solutionSeen: r.solutionSeen,
      })),
  };
}

/** Reads a sheet from file text (or parsed JSON); refuses anything that is not a well-formed sheet. */
export function parseSheet(input: unknown): Parsed<Sheet> {
  let json: unknown = input;
  if (typeof input === 'string') {
    if (input.length > MAX_SHEET_CHARS) return { ok: false, message: `The file is too large for an answer sheet (${Math.round(input.length / 1e6)} MB).` };
    try {
      json = JSON.parse(input.replace(/^\uFEFF/, ''));
    } catch {
      return { ok: false, message: 'This file is not JSON, so it is not an answer sheet (it may be damaged).' };
    }
  }
  if (!isObj(json) || json['format'] !== SHEET_FORMAT) {
    return { ok: false, message: `This is not an answer sheet of this course (it has no "format": "${SHEET_FORMAT}").` };
  }
  if (json['version'] !== SHEET_VERSION) {
    return typeof json['version'] === 'number' && json['version'] > SHEET_VERSION
      ? { ok: false, message: `This sheet was made by a newer version of the site (sheet version ${json['version']}).` }
      : { ok: false, message: 'The sheet’s "version" is missing or unknown.' };
  }
  const sid = json['studentId'];
  if (typeof sid !== 'string') return { ok: false, message: 'The sheet has no "studentId".' };
  const idProblem = studentIdProblem(sid);
  if (idProblem) return { ok: false, message: `The sheet’s student ID is not usable: ${idProblem}` };
  if (!isIsoTime(json['exportedAt'])) return { ok: false, message: 'The sheet’s "exportedAt" is not a date and time.' };
  const answers = json['answers'];
  if (!Array.isArray(answers)) return { ok: false, message: 'The sheet has no "answers" list.' };
  if (answers.length > MAX_ANSWERS) return { ok: false, message: `The sheet has ${answers.length} answers; at most ${MAX_ANSWERS} are accepted.` };
  const seen = new Set<string>();
  const out: SheetAnswer[] = [];
  for (const [i, a] of answers.entries()) {
    const where = `answers[${i}]`;
    if (!isObj(a)) return { ok: false, message: `${where} is not an object.` };
    const { exercise, lesson, response, attempts, time, verdict, solutionSeen } = a;
    if (typeof exercise !== 'string' || exercise === '' || exercise.length > 100) return { ok: false, message: `${where}.exercise must be an exercise id.` };
    if (seen.has(exercise)) return { ok: false, message: `The exercise ${exercise} appears twice in the sheet.` };
    seen.add(exercise);
    if (typeof lesson !== 'string' || lesson.length > 100) return { ok: false, message: `${where}.lesson must be text.` };
    if (!isResponse(response)) return { ok: false, message: `${where}.response is not a response this site could have written.` };
    if (typeof attempts !== 'number' || !Number.isInteger(attempts) || attempts < 0 || attempts > 1e6) {
      return { ok: false, message: `${where}.attempts must be a whole number from 0 to 1000000.` };
    }
    if (!isIsoTime(time)) return { ok: false, message: `${where}.time is not a date and time.` };
    if (verdict !== undefined && typeof verdict !== 'string') return { ok: false, message: `${where}.verdict must be text.` };
    if (solutionSeen !== undefined && typeof solutionSeen !== 'boolean') return { ok: false, message: `${where}.solutionSeen must be true or false.` };
    out.push({
      exercise,
      lesson,
      response,
      attempts,
      time,
      ...(typeof verdict === 'string' ? { verdict: verdict.slice(0, 20) } : {}),
      ...(solutionSeen !== undefined ? { solutionSeen } : {}),
    });
  }
  return {
    ok: true,
    value: { format: SHEET_FORMAT, version: SHEET_VERSION, studentId: normalizeStudentId(sid), exportedAt: json['exportedAt'] as string, answers: out },
  };
}

/** The file name a sheet is saved under. */
export function sheetFileName(sheet: Sheet): string {
  const who = sheet.studentId.replace(/[^a-z0-9_-]+/gi, '-').replace(/^-+|-+$/g, '') || 'student';
  return `answers-${who}-${sheet.exportedAt.slice(0, 10)}.json`;
}
