import { describe, expect, test } from 'vitest';
import { afterCheck, BACKUP_KEY, mergeRecord, migrate, parseProgress, PROGRESS_KEY, SCHEMA_VERSION, type ExerciseRecord } from '@exercises/progress/progress.ts';
import { ProgressStore, type KeyValueStorage } from '@exercises/progress/store.ts';
import { buildSheet, parseSheet } from '@exercises/sheet/sheet.ts';

/** An in-memory Storage, optionally full (setItem throws QuotaExceededError) or blocked. */
class FakeStorage implements KeyValueStorage {
  data = new Map<string, string>();
  full = false;
  blocked = false;
  getItem(key: string): string | null {
    if (this.blocked) throw new DOMException('denied', 'SecurityError');
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.blocked) throw new DOMException('denied', 'SecurityError');
    if (this.full) throw new DOMException('full', 'QuotaExceededError');
    this.data.set(key, value);
  }
}

const T1 = '2025-01-01T10:00:00.000Z';
const T2 = '2025-01-02T10:00:00.000Z';
const rec = (over: Partial<ExerciseRecord> = {}): ExerciseRecord => ({ attempts: 1, verdict: 'wrong', solved: false, response: '1', time: T1, solutionSeen: false, ...over });

describe('progress records', () => {
  test('attempts count graded checks up to the first correct one; invalid input does not count', () => {
    let r = afterCheck(undefined, 'abc', { verdict: 'invalid', message: 'm' }, T1);
    expect(r).toBeUndefined();
    r = afterCheck(r, '0.3', { verdict: 'wrong', message: 'm' }, T1);
    r = afterCheck(r, 'x', { verdict: 'invalid', message: 'm' }, T1);
    r = afterCheck(r, '0.27', { verdict: 'correct', message: 'm' }, T2);
    expect(r).toEqual({ attempts: 2, verdict: 'correct', solved: true, response: '0.27', time: T2, solutionSeen: false });
    const after = afterCheck(r, '9', { verdict: 'wrong', message: 'm' }, T2);
    expect(after).toBe(r);
  });

  test('merging keeps the solved record, the most attempts and the solution flag', () => {
    expect(mergeRecord(rec({ attempts: 3 }), rec({ attempts: 1, solved: true, verdict: 'correct', response: '2', time: T2 }))).toEqual(rec({ attempts: 3, solved: true, verdict: 'correct', response: '2', time: T2 }));
    expect(mergeRecord(rec({ time: T2, response: 'new' }), rec({ time: T1, response: 'old', solutionSeen: true }))).toEqual(rec({ time: T2, response: 'new', solutionSeen: true }));
    const a = rec({ attempts: 4, solved: true, verdict: 'correct' });
    expect(mergeRecord(a, a)).toEqual(a);
  });
});

describe('stored progress: versioned, migrated, never fatal', () => {
  test('schema 1 (one student) migrates to schema 2 (per student)', () => {
    const v1 = { schema: 1, studentId: ' Ada ', exercises: { 'practice-mse': { attempts: 2, verdict: 'correct', response: '0.3', time: T1 } } };
    const { data, problem } = parseProgress(JSON.stringify(v1));
    expect(problem).toBeNull();
    expect(data.schema).toBe(SCHEMA_VERSION);
    expect(data.currentStudent).toBe('ada');
    expect(data.students['ada']!['practice-mse']).toEqual({ attempts: 2, verdict: 'correct', solved: true, response: '0.3', time: T1, solutionSeen: false });
    expect(migrate({ schema: 99 })).toBeNull();
  });

  test('damaged data is reported: unreadable → corrupt, newer schema → newer, bad records → repaired', () => {
    expect(parseProgress('{not json').problem).toBe('corrupt');
    expect(parseProgress('[1,2]').problem).toBe('corrupt');
    expect(parseProgress('{"schema": 2}').problem).toBe('corrupt');
    expect(parseProgress('{"schema": 7, "x": 1}').problem).toBe('newer');
    const mixed = { schema: 2, currentStudent: 'ada', students: { ada: { good: rec(), bad: { attempts: -1 } } } };
    const r = parseProgress(JSON.stringify(mixed));
    expect(r.problem).toBe('repaired');
    expect(Object.keys(r.data.students['ada']!)).toEqual(['good']);
  });

  test('a store over corrupted storage keeps working, says so, and sets the data aside', () => {
    const s = new FakeStorage();
    s.data.set(PROGRESS_KEY, '{"schema": 2, "students": {"ada": {');
    const store = new ProgressStore(s);
    expect(store.problem?.kind).toBe('corrupt');
    expect(store.problem?.message).toMatch(/could not be read/);
    expect(s.data.get(BACKUP_KEY)).toBe('{"schema": 2, "students": {"ada": {');
    store.recordCheck('practice-mse', '0.3', { verdict: 'correct', message: '' }, T1);
    expect(JSON.parse(s.data.get(PROGRESS_KEY)!).students.default['practice-mse'].solved).toBe(true);
    // A second damaged read does not overwrite the first backup.
    s.data.set(PROGRESS_KEY, 'garbage');
    new ProgressStore(s);
    expect(s.data.get(BACKUP_KEY)).toBe('{"schema": 2, "students": {"ada": {');
  });

  test('a full quota keeps progress in memory and says so; blocked storage too', () => {
    const s = new FakeStorage();
    const store = new ProgressStore(s);
    s.full = true;
    store.recordCheck('practice-mse', '0.3', { verdict: 'wrong', message: '' }, T1);
    expect(store.problem?.kind).toBe('quota');
    expect(store.get('practice-mse')?.attempts).toBe(1);
    s.full = false;
    store.recordCheck('practice-mse', '0.33', { verdict: 'correct', message: '' }, T2);
    expect(store.problem).toBeNull();
    const blocked = new FakeStorage();
    blocked.blocked = true;
    const b = new ProgressStore(blocked);
    expect(b.problem?.kind).toBe('unavailable');
    b.recordCheck('x', '1', { verdict: 'correct', message: '' }, T1);
    expect(b.get('x')?.solved).toBe(true);
    expect(new ProgressStore(null).problem?.kind).toBe('unavailable');
  });

  test('progress from a newer site version is left untouched', () => {
    const s = new FakeStorage();
    s.data.set(PROGRESS_KEY, '{"schema": 9, "future": true}');
    const store = new ProgressStore(s);
    store.recordCheck('x', '1', { verdict: 'correct', message: '' }, T1);
    expect(s.data.get(PROGRESS_KEY)).toBe('{"schema": 9, "future": true}');
    expect(store.problem?.kind).toBe('newer');
  });

  test('progress is kept per student ID; switching back restores it', () => {
    const store = new ProgressStore(new FakeStorage());
    store.setStudentId('Ada');
    store.recordCheck('e1', '1', { verdict: 'correct', message: '' }, T1);
    store.setStudentId('bob');
    expect(store.get('e1')).toBeUndefined();
    store.setStudentId('ADA');
    expect(store.get('e1')?.solved).toBe(true);
  });

  test('export then import round-trips exactly, and importing never removes progress', () => {
    const a = new ProgressStore(new FakeStorage());
    a.setStudentId('ada');
    a.recordCheck('e1', '0.3', { verdict: 'wrong', message: '' }, T1);
    a.recordCheck('e1', '0.27', { verdict: 'correct', message: '' }, T2);
    a.recordCheck('e2', ['x'], { verdict: 'wrong', message: '' }, T1);
    a.markSolutionSeen('e2');
    const sheet = parseSheet(JSON.stringify(buildSheet(a.studentId, a.records(), () => 'practice')));
    if (!sheet.ok) throw new Error(sheet.message);
    const records = Object.fromEntries(sheet.value.answers.map((x) => [x.exercise, { attempts: x.attempts, verdict: x.verdict === 'correct' ? 'correct' : 'wrong', solved: x.verdict === 'correct', response: x.response, time: x.time, solutionSeen: x.solutionSeen === true } as ExerciseRecord]));
    const b = new ProgressStore(new FakeStorage());
    b.setStudentId('bob');
    b.recordCheck('e9', '1', { verdict: 'correct', message: '' }, T1);
    b.importRecords(sheet.value.studentId, records);
    expect(b.studentId).toBe('ada');
    expect(b.records()).toEqual(a.records());
    expect(b.records('bob')['e9']?.solved).toBe(true);
  });
});
