// Progress as plain data: per student ID, per exercise, attempts, verdict, the response worth
// keeping and when. Versioned (schema 2) with a migration from schema 1; parsing never throws
// and says what it could not read, so damaged storage cannot break a page or lose new work.

import type { CheckResult, Response, Verdict } from '../types.ts';
import { DEFAULT_STUDENT_ID, normalizeStudentId } from '../variant.ts';

/** The localStorage key, and where unreadable data is set aside instead of being overwritten. */
export const PROGRESS_KEY = 'dl-progress';
export const BACKUP_KEY = 'dl-progress-unreadable';

/** The current schema. Bump it with a migration in MIGRATIONS when the format changes. */
export const SCHEMA_VERSION = 2;

/** One exercise's progress. */
export interface ExerciseRecord {
  /** Graded checks (correct or wrong) up to and including the first correct one; invalid input does not count. */
  attempts: number;
  /** The last graded verdict. */
  verdict: Exclude<Verdict, 'invalid'>;
  solved: boolean;
  /** The solving response once solved, otherwise the last graded one. */
  response: Response;
  /** When `response` was checked (ISO 8601). */
  time: string;
  /** Whether the worked solution was opened. */
  solutionSeen: boolean;
}

export interface ProgressData {
  schema: typeof SCHEMA_VERSION;
  /** The student ID in use (normalized); 'default' when none was entered. */
  currentStudent: string;
  /** Progress per normalized student ID: variants differ per ID, so do their records. */
  students: Record<string, Record<string, ExerciseRecord>>;
}

export function emptyProgress(): ProgressData {
  return { schema: SCHEMA_VERSION, currentStudent: DEFAULT_STUDENT_ID, students: {} };
}

/** Why stored progress could not be used as it was. */
export type ParseProblem = 'corrupt' | 'newer' | 'repaired';

const MAX_RESPONSE_CHARS = 50_000;

const isRecordObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A response as this site can store it (text, option ids, or a widget state of bounded size). */
export function isResponse(v: unknown): v is Response {
  if (typeof v === 'string') return v.length <= MAX_RESPONSE_CHARS;
  if (Array.isArray(v)) return v.length <= 100 && v.every((x) => typeof x === 'string' && x.length <= 200);
  if (isRecordObject(v)) {
    try {
      return JSON.stringify(v).length <= MAX_RESPONSE_CHARS;
    } catch {
      return false;
    }
  }
  return false;
}

export function isIsoTime(v: unknown): v is string {
  return typeof v === 'string' && v.length <= 40 && /^\d{4}-\d\d-\d\dT/.test(v) && !Number.isNaN(Date.parse(v));
}

/** A well-formed record from unknown data, or null. */
export function sanitizeRecord(v: unknown): ExerciseRecord | null {
  if (!isRecordObject(v)) return null;
  const { attempts, verdict, solved, response, time, solutionSeen } = v;
  if (typeof attempts !== 'number' || !Number.isInteger(attempts) || attempts < 0 || attempts > 1e6) return null;
  if (verdict !== 'correct' && verdict !== 'wrong') return null;
  if (typeof solved !== 'boolean' || !isResponse(response) || !isIsoTime(time)) return null;
  return { attempts, verdict, solved, response, time, solutionSeen: solutionSeen === true };
}

/**
 * Migrations from older schemas, keyed by the schema they read. Schema 1 (the first release)
 * held one student: { schema: 1, studentId, exercises: { id: { attempts, verdict, response, time } } }.
 */
const MIGRATIONS: Readonly<Record<number, (old: Record<string, unknown>) => Record<string, unknown>>> = {
  1: (old) => {
    const student = normalizeStudentId(typeof old['studentId'] === 'string' ? old['studentId'] : '');
    const exercises: Record<string, unknown> = {};
    const src = isRecordObject(old['exercises']) ? old['exercises'] : {};
    for (const [id, r] of Object.entries(src)) {
      if (!isRecordObject(r)) continue;
      exercises[id] = { ...r, solved: r['verdict'] === 'correct', solutionSeen: false };
    }
    return { schema: 2, currentStudent: student, students: { [student]: exercises } };
  },
};

/** Brings data of any known schema up to the current one (null when it cannot). */
export function migrate(data: Record<string, unknown>): Record<string, unknown> | null {
  let cur = data;
  for (let guard = 0; guard < 100; guard++) {
    const schema = cur['schema'];
    if (schema === SCHEMA_VERSION) return cur;
    if (typeof schema !== 'number') return null;
    const step = MIGRATIONS[schema];
    if (!step) return null;
    cur = step(cur);
  }
  return null;
}

/** Reads stored text. Unknown ids are kept (a later site version may define them). */
export function parseProgress(raw: string | null): { data: ProgressData; problem: ParseProblem | null } {
  if (raw === null || raw === '') return { data: emptyProgress(), problem: null };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { data: emptyProgress(), problem: 'corrupt' };
  }
  if (!isRecordObject(json)) return { data: emptyProgress(), problem: 'corrupt' };
  if (typeof json['schema'] === 'number' && json['schema'] > SCHEMA_VERSION) return { data: emptyProgress(), problem: 'newer' };
  const migrated = migrate(json);
  if (!migrated || !isRecordObject(migrated['students'])) return { data: emptyProgress(), problem: 'corrupt' };
  let dropped = 0;
  const students: ProgressData['students'] = {};
  for (const [sid, recs] of Object.entries(migrated['students'])) {
    if (!isRecordObject(recs)) {
      dropped++;
      continue;
    }
    const clean: Record<string, ExerciseRecord> = {};
    for (const [id, r] of Object.entries(recs)) {
      const rec = sanitizeRecord(r);
      if (rec) Object.defineProperty(clean, id, { value: rec, enumerable: true, writable: true, configurable: true });
      else dropped++;
    }
    Object.defineProperty(students, normalizeStudentId(sid), { value: clean, enumerable: true, writable: true, configurable: true });
  }
  const current = typeof migrated['currentStudent'] === 'string' ? normalizeStudentId(migrated['currentStudent']) : DEFAULT_STUDENT_ID;
  return { data: { schema: SCHEMA_VERSION, currentStudent: current, students }, problem: dropped > 0 ? 'repaired' : null };
}

/** The record after a check (pure). Once solved, later checks change nothing. */
export function afterCheck(prev: ExerciseRecord | undefined, response: Response, result: CheckResult, time: string): ExerciseRecord | undefined {
  if (result.verdict === 'invalid') return prev;
  if (prev?.solved) return prev;
  return {
    attempts: (prev?.attempts ?? 0) + 1,
    verdict: result.verdict,
    solved: result.verdict === 'correct',
    response,
    time,
    solutionSeen: prev?.solutionSeen ?? false,
  };
}

/** Combines two records of the same exercise (import): solved wins, attempts never go down. */
export function mergeRecord(a: ExerciseRecord | undefined, b: ExerciseRecord): ExerciseRecord {
  if (!a) return b;
  const attempts = Math.max(a.attempts, b.attempts);
  const solutionSeen = a.solutionSeen || b.solutionSeen;
  let pick: ExerciseRecord;
  if (a.solved !== b.solved) pick = a.solved ? a : b;
  else if (a.solved) pick = a.time <= b.time ? a : b;
  else pick = a.time >= b.time ? a : b;
  return { ...pick, attempts, solutionSeen };
}

/** "3 of 8 exercises solved" counts for a lesson. */
export function lessonCounts(records: Readonly<Record<string, ExerciseRecord>>, ids: readonly string[]): { solved: number; total: number } {
  return { solved: ids.filter((id) => records[id]?.solved === true).length, total: ids.length };
}
