import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { gradeSheet, gradeSheets, type GradeRow } from '@exercises/grading/grade.ts';
import { formatTable, toCsv } from '@exercises/grading/table.ts';
import { ctx, registry } from './helpers.ts';

const FIXTURES = 'tests/fixtures/sheets';
const grade = async (file: string) => gradeSheet(file, await readFile(join(FIXTURES, file), 'utf8'), { ...ctx, exercises: registry.exercises });
const verdicts = (rows: readonly GradeRow[]) => Object.fromEntries(rows.map((r) => [r.exercise, r.verdict]));

describe('gradeSheet on the fixture sheets', () => {
  test('an honest sheet: re-checked for the student’s own variant', { timeout: 30_000 }, async () => {
    const g = await grade('ada.json');
    if (!g.ok) throw new Error(g.error);
    expect(g.sheet.studentId).toBe('ada');
    expect(verdicts(g.rows)).toEqual({
      'practice-sigmoid-value': 'correct',
      'practice-mse': 'wrong',
      'practice-softmax-probs': 'correct',
      'practice-weight-gradient': 'correct',
      'practice-cross-entropy': 'correct',
      'practice-linear-classifier': 'correct',
      'practice-softmax-invariance': 'correct',
      'practice-sigmoid-chain': 'correct',
      'practice-log-softmax-gradient': 'correct',
      'practice-code-stable-softmax': 'correct',
      'practice-code-sgd-step': 'wrong',
      'practice-neuron-separate': 'correct',
    });
    const mse = g.rows.find((r) => r.exercise === 'practice-mse')!;
    expect(mse.message).toMatch(/summed/);
    expect(g.rows.find((r) => r.exercise === 'practice-code-sgd-step')!.message).toMatch(/Stopped after 2 s/);
    expect(g.rows.find((r) => r.exercise === 'practice-weight-gradient')).toMatchObject({ attempts: 3, lesson: 'practice', student: 'ada' });
  });

  test('a tampered sheet: every claimed "correct" is ignored', async () => {
    const g = await grade('bob-tampered.json');
    if (!g.ok) throw new Error(g.error);
    expect(g.rows.every((r) => r.claimed === 'correct')).toBe(true);
    expect(g.rows.map((r) => r.verdict)).toEqual(g.rows.map(() => 'wrong'));
    expect(g.rows.find((r) => r.exercise === 'practice-code-stable-softmax')!.message).toMatch(/Subtract the largest logit/);
    expect(g.rows.find((r) => r.exercise === 'practice-sigmoid-chain')!.message).toMatch(/chain rule/);
  });

  test('an unknown exercise is reported as such; the rest is graded', async () => {
    const g = await grade('carol-unknown-exercise.json');
    if (!g.ok) throw new Error(g.error);
    expect(verdicts(g.rows)).toEqual({ 'practice-sigmoid-value': 'correct', 'l9-no-such-exercise': 'unknown' });
  });

  test('forged, foreign and damaged files are refused with a reason', async () => {
    expect(await grade('mallory-forged.json')).toMatchObject({ ok: false, error: expect.stringMatching(/attempts/) });
    expect(await grade('foreign.json')).toMatchObject({ ok: false, error: expect.stringMatching(/not an answer sheet/) });
    expect(await grade('truncated.json')).toMatchObject({ ok: false, error: expect.stringMatching(/not JSON/) });
  });
});

test('gradeSheets grades several at once and keeps their order', async () => {
  const names = ['carol-unknown-exercise.json', 'foreign.json', 'ada.json', 'truncated.json', 'mallory-forged.json'];
  const files = await Promise.all(names.map(async (n) => ({ name: n, content: await readFile(join(FIXTURES, n), 'utf8') })));
  const graded = await gradeSheets(files, { ...ctx, exercises: registry.exercises }, 3);
  expect(graded.map((g) => [g.file, g.ok])).toEqual([
    ['carol-unknown-exercise.json', true],
    ['foreign.json', false],
    ['ada.json', true],
    ['truncated.json', false],
    ['mallory-forged.json', false],
  ]);
}, 30_000);

describe('table and CSV', () => {
  const row: GradeRow = { file: 'a.json', student: '=HYPERLINK("x")', lesson: 'practice', exercise: 'e', verdict: 'wrong', attempts: 2, time: 'T', message: 'a "quoted", message\nwith a line', claimed: 'correct', solutionSeen: true };
  test('CSV quotes fields and defuses spreadsheet formulas', () => {
    const csv = toCsv([row]);
    expect(csv.split('\r\n')[0]).toBe('student,lesson,exercise,verdict,attempts,time,claimed,solutionSeen,message,file');
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).toContain('"a ""quoted"", message\nwith a line"');
    expect(csv).toContain(',yes,');
  });
  test('the table has the five columns', () => {
    const lines = formatTable([{ ...row, student: 'ada' }]).split('\n');
    expect(lines[0]).toMatch(/^student\s+lesson\s+exercise\s+verdict\s+attempts$/);
    expect(lines[2]).toMatch(/^ada\s+practice\s+e\s+wrong\s+2$/);
  });
});

describe('npm run grade (the CLI, as a teacher runs it)', () => {
  test('grades the fixture folder, prints the table, writes CSV, reports refused files', { timeout: 120_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'grade-'));
    const out = join(dir, 'grades.csv');
    const files = (await readdir(FIXTURES)).filter((f) => f.endsWith('.json')).map((f) => join(FIXTURES, f));
    let stdout = '';
    let stderr = '';
    let code = 0;
    try {
      ({ stdout, stderr } = await promisify(execFile)(process.execPath, ['scripts/grade.mjs', ...files, '--out', out], { encoding: 'utf8' }));
    } catch (e) {
      const err = e as { stdout: string; stderr: string; code: number };
      ({ stdout, stderr, code } = err);
    }
    expect(code).toBe(1); // three fixture files are refused on purpose
    expect(stdout).toMatch(/^student\s+lesson\s+exercise\s+verdict\s+attempts/m);
    expect(stdout).toMatch(/^ada\s+practice\s+practice-mse\s+wrong\s+1$/m);
    expect(stdout).toMatch(/^bob\s+practice\s+practice-sigmoid-value\s+wrong\s+1$/m);
    expect(stdout).toMatch(/ada: 10 of 12 correct/);
    expect(stdout).toMatch(/bob: 0 of 6 correct/);
    expect(stderr).toMatch(/Refused .*foreign\.json: This is not an answer sheet/);
    expect(stderr).toMatch(/Refused .*mallory-forged\.json/);
    expect(stderr).toMatch(/Refused .*truncated\.json/);
    const csv = await readFile(out, 'utf8');
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(1 + 12 + 6 + 2);
    expect(lines.filter((l) => l.startsWith('bob,')).every((l) => l.includes(',wrong,') && l.includes(',correct,'))).toBe(true);
  });

  test('usage errors exit with 2 and say what to do', async () => {
    const run = promisify(execFile);
    const err = await run(process.execPath, ['scripts/grade.mjs'], { encoding: 'utf8' }).catch((e: { code: number; stderr: string }) => e);
    expect(err).toMatchObject({ code: 2, stderr: expect.stringMatching(/No answer sheets given[\s\S]*Usage: npm run grade/) });
  });
});
