// The progress store over localStorage: reads once, writes after every change, and keeps
// working in memory when storage is unavailable, full or damaged, with a message saying so.
// Unreadable data is set aside under its own key, never silently overwritten.

import type { CheckResult, Response } from '../types.ts';
import { DEFAULT_STUDENT_ID, normalizeStudentId } from '../variant.ts';
import {
  afterCheck,
  BACKUP_KEY,
  emptyProgress,
  mergeRecord,
  parseProgress,
  PROGRESS_KEY,
  type ExerciseRecord,
  type ProgressData,
} from './progress.ts';

/** What is wrong with storage, for the page to say. */
export interface StoreProblem {
  kind: 'unavailable' | 'corrupt' | 'newer' | 'repaired' | 'quota';
  message: string;
}

/** The part of the Storage API the store uses (localStorage, or a fake in tests). */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'>;

const MESSAGES: Record<StoreProblem['kind'], string> = {
  unavailable: 'This browser does not let the site store data, so your progress is kept only until you leave the page. Export an answer sheet to keep it.',
  corrupt: 'Your saved progress could not be read (the stored data is damaged). It was set aside, not deleted, and new progress is saved from now on.',
  newer: 'Your progress was saved by a newer version of this site, so this page cannot read it; it is left untouched and new answers are not saved here.',
  repaired: 'Some of your saved progress was damaged and could not be read; the rest is kept.',
  quota: 'Your browser’s storage is full, so new progress is not saved. Export an answer sheet to keep it, or free some space.',
};

export class ProgressStore {
  private data: ProgressData = emptyProgress();
  /** What went wrong with storage, or null when all is well. */
  problem: StoreProblem | null = null;
  private readOnly = false;

  constructor(private readonly storage: KeyValueStorage | null) {
    this.load();
  }

  /** (Re)reads storage, e.g. after another tab changed it. */
  load(): void {
    this.readOnly = false;
    this.problem = null;
    if (!this.storage) {
      this.problem = { kind: 'unavailable', message: MESSAGES.unavailable };
      return;
    }
    let raw: string | null;
    try {
      raw = this.storage.getItem(PROGRESS_KEY);
    } catch {
      this.problem = { kind: 'unavailable', message: MESSAGES.unavailable };
      return;
    }
    const { data, problem } = parseProgress(raw);
    this.data = data;
    if (problem === 'corrupt' && raw !== null) {
      try {
        if (this.storage.getItem(BACKUP_KEY) === null) this.storage.setItem(BACKUP_KEY, raw);
      } catch {
        /* the backup is best effort; the message still says what happened */
      }
    }
    if (problem === 'newer') this.readOnly = true;
    if (problem) this.problem = { kind: problem, message: MESSAGES[problem] };
  }

  private save(): void {
    if (!this.storage || this.readOnly) return;
    try {
      this.storage.setItem(PROGRESS_KEY, JSON.stringify(this.data));
      if (this.problem?.kind === 'quota') this.problem = null;
    } catch (e) {
      const quota = e instanceof DOMException && (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED');
      this.problem = quota ? { kind: 'quota', message: MESSAGES.quota } : { kind: 'unavailable', message: MESSAGES.unavailable };
    }
  }

  /** The current student ID ('default' when none was entered). */
  get studentId(): string {
    return this.data.currentStudent;
  }

  /** Whether the student entered an ID of their own. */
  get hasOwnId(): boolean {
    return this.data.currentStudent !== DEFAULT_STUDENT_ID;
  }

  setStudentId(raw: string): void {
    this.data.currentStudent = normalizeStudentId(raw);
    this.save();
  }

  /** The current student's records. */
  records(student = this.studentId): Readonly<Record<string, ExerciseRecord>> {
    return this.data.students[student] ?? {};
  }

  get(id: string): ExerciseRecord | undefined {
    const recs = this.records();
    return Object.hasOwn(recs, id) ? recs[id] : undefined;
  }

  private put(student: string, id: string, rec: ExerciseRecord): void {
    const recs = (this.data.students[student] ??= {});
    Object.defineProperty(recs, id, { value: rec, enumerable: true, writable: true, configurable: true });
  }

  /** Records a check of `id` for the current student; returns the new record. */
  recordCheck(id: string, response: Response, result: CheckResult, time = new Date().toISOString()): ExerciseRecord | undefined {
    const next = afterCheck(this.get(id), response, result, time);
    if (next && next !== this.get(id)) {
      this.put(this.studentId, id, next);
      this.save();
    }
    return next;
  }

  markSolutionSeen(id: string): void {
    const rec = this.get(id);
    const next: ExerciseRecord = rec
      ? { ...rec, solutionSeen: true }
      : { attempts: 0, verdict: 'wrong', solved: false, response: '', time: new Date().toISOString(), solutionSeen: true };
    this.put(this.studentId, id, next);
    this.save();
  }

  /** Merges imported records into a student's progress (never removes anything) and switches to that student. */
  importRecords(student: string, records: Readonly<Record<string, ExerciseRecord>>): void {
    const sid = normalizeStudentId(student);
    const existing = this.records(sid);
    for (const [id, rec] of Object.entries(records)) {
      this.put(sid, id, mergeRecord(Object.hasOwn(existing, id) ? existing[id] : undefined, rec));
    }
    this.data.currentStudent = sid;
    this.save();
  }
}
