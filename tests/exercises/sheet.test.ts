import { describe, expect, test } from 'vitest';
import { buildSheet, parseSheet, sheetFileName } from '@exercises/sheet/sheet.ts';

const good = {
  format: 'dl-answer-sheet',
  version: 1,
  studentId: 'Ada Lovelace',
  exportedAt: '2025-03-04T10:30:00.000Z',
  answers: [{ exercise: 'practice-mse', lesson: 'practice', response: '0.33', attempts: 2, time: '2025-03-04T10:02:00.000Z', verdict: 'correct' }],
};
const refused = (v: unknown) => {
  const r = parseSheet(typeof v === 'string' ? v : JSON.stringify(v));
  expect(r.ok).toBe(false);
  return r.ok ? '' : r.message;
};

describe('answer sheets', () => {
  test('a well-formed sheet is read, with the ID normalized', () => {
    const r = parseSheet(JSON.stringify(good));
    if (!r.ok) throw new Error(r.message);
    expect(r.value.studentId).toBe('ada lovelace');
    expect(r.value.answers[0]).toMatchObject({ exercise: 'practice-mse', attempts: 2, verdict: 'correct' });
    expect(parseSheet(`\uFEFF${JSON.stringify(good)}`).ok).toBe(true);
  });

  test('foreign, damaged or forged files are refused whole, naming the problem', () => {
    expect(refused('not json at all')).toMatch(/not JSON/);
    expect(refused({ name: 'x' })).toMatch(/not an answer sheet of this course/);
    expect(refused([good])).toMatch(/not an answer sheet/);
    expect(refused({ ...good, version: 2 })).toMatch(/newer version/);
    expect(refused({ ...good, version: '1' })).toMatch(/version/);
    expect(refused({ ...good, studentId: 7 })).toMatch(/studentId/);
    expect(refused({ ...good, studentId: 'x'.repeat(65) })).toMatch(/at most 64/);
    expect(refused({ ...good, exportedAt: 'yesterday' })).toMatch(/exportedAt/);
    expect(refused({ ...good, answers: 'all right' })).toMatch(/answers/);
    const a = good.answers[0]!;
    expect(refused({ ...good, answers: [{ ...a, attempts: -3 }] })).toMatch(/answers\[0\]\.attempts/);
    expect(refused({ ...good, answers: [{ ...a, attempts: 1.5 }] })).toMatch(/whole number/);
    expect(refused({ ...good, answers: [{ ...a, response: 12 }] })).toMatch(/response/);
    expect(refused({ ...good, answers: [{ ...a, response: 'x'.repeat(60_000) }] })).toMatch(/response/);
    expect(refused({ ...good, answers: [{ ...a, time: 'noon' }] })).toMatch(/time/);
    expect(refused({ ...good, answers: [a, a] })).toMatch(/appears twice/);
    expect(refused({ ...good, answers: [{ ...a, exercise: '' }] })).toMatch(/exercise/);
    expect(refused('x'.repeat(5_000_001))).toMatch(/too large/);
  });

  test('buildSheet writes what parseSheet reads, sorted by exercise', () => {
    const sheet = buildSheet('ada', { b: { attempts: 1, verdict: 'wrong', solved: false, response: '1', time: '2025-01-01T00:00:00.000Z', solutionSeen: true }, a: { attempts: 2, verdict: 'correct', solved: true, response: ['x'], time: '2025-01-01T00:00:00.000Z', solutionSeen: false } }, () => 'practice', new Date('2025-05-06T07:08:09Z'));
    const back = parseSheet(JSON.stringify(sheet));
    if (!back.ok) throw new Error(back.message);
    expect(back.value).toEqual(sheet);
    expect(sheet.answers.map((a) => a.exercise)).toEqual(['a', 'b']);
    expect(sheetFileName(sheet)).toBe('answers-ada-2025-05-06.json');
    expect(sheetFileName({ ...sheet, studentId: '../../etc passwd' })).toBe('answers-etc-passwd-2025-05-06.json');
  });
});
