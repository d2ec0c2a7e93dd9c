import { describe, expect, test } from 'vitest';
import { check, exercise, ref, variant } from './helpers.ts';
import { variantOf } from '@exercises/variant.ts';

const STUDENTS = ['ada', 'bob', 'carol', 'dan', 'eve'];

describe('single choice: practice-linear-classifier', () => {
  test.each(STUDENTS)('the class with the largest score wᵀ[1, x] (%s)', async (who) => {
    const { w3, x } = variant<{ w3: number[]; x: number[] }>('practice-linear-classifier', who);
    const scores = [[0, 2, 1], [0, 1, 2], w3].map((w) => w[0]! + w[1]! * x[0]! + w[2]! * x[1]!);
    const best = scores.indexOf(Math.max(...scores));
    expect((await check('practice-linear-classifier', who, [`class-${best + 1}`])).verdict).toBe('correct');
    const other = (best + 1) % 3;
    const r = await check('practice-linear-classifier', who, [`class-${other + 1}`]);
    expect(r.verdict).toBe('wrong');
    expect(r.message).toContain(`Class ${other + 1} scores`);
  });

  test('no choice, two choices or an unknown option are invalid', async () => {
    expect((await check('practice-linear-classifier', 'ada', [])).verdict).toBe('invalid');
    expect((await check('practice-linear-classifier', 'ada', ['class-1', 'class-2'])).verdict).toBe('invalid');
    expect((await check('practice-linear-classifier', 'ada', ['class-9'])).verdict).toBe('invalid');
    expect((await check('practice-linear-classifier', 'ada', 'class-1')).verdict).toBe('invalid');
  });
});

describe('multiple choice: practice-softmax-invariance', () => {
  test.each(STUDENTS)('exactly the shifts keep the softmax (%s)', async (who) => {
    const ex = exercise('practice-softmax-invariance');
    if (ex.kind !== 'choice') throw new Error('kind');
    const { z } = variant<{ z: number[] }>('practice-softmax-invariance', who);
    const p = ref.softmax(z);
    const options = ex.options(variantOf(ex, who));
    // Independent judgement: parse each option's vector and compare softmax outputs.
    const same = options.filter((o) => {
      const q = ref.softmax(JSON.parse(o.label) as number[]);
      return q.every((v, i) => Math.abs(v - p[i]!) < 1e-3);
    });
    expect(same.map((o) => o.id).sort()).toEqual(['minus-max', 'shift']);
    expect((await check('practice-softmax-invariance', who, ['shift', 'minus-max'])).verdict).toBe('correct');
    const extra = await check('practice-softmax-invariance', who, ['shift', 'minus-max', 'double']);
    expect(extra).toMatchObject({ verdict: 'wrong', mistake: 'double' });
    expect(extra.message).toMatch(/sharpens/);
    const missing = await check('practice-softmax-invariance', who, ['shift']);
    expect(missing.verdict).toBe('wrong');
    expect(missing.message).toMatch(/missing/);
  });
});

describe('multiple choice feedback never gives the answer away', () => {
  test('a right option left out is counted, not named or explained', async () => {
    const ex = exercise('practice-softmax-invariance');
    if (ex.kind !== 'choice') throw new Error('kind');
    const options = ex.options(variantOf(ex, 'ada'));
    const minusMax = options.find((o) => o.id === 'minus-max')!;
    const r = await check('practice-softmax-invariance', 'ada', ['shift']);
    expect(r.message).toBe('One right option is still missing.');
    expect(r.message).not.toContain(minusMax.label);
    if (minusMax.feedback) expect(r.message).not.toContain(minusMax.feedback);
    const none = await check('practice-softmax-invariance', 'ada', ['double']);
    expect(none.message).toMatch(/2 right options are still missing\.$/);
  });

  test('a wrongly chosen option is quoted as markup, its formulas intact', async () => {
    // l5's "what does the penalty act on?" labels carry TeX: the quote keeps the $…$ so it can be typeset
    const ex = exercise('l5-penalize-what');
    if (ex.kind !== 'choice') throw new Error('kind');
    const v = variantOf(ex, 'ada');
    const wrong = ex.options(v).find((o) => !o.correct && o.label.includes('$'))!;
    const r = await check('l5-penalize-what', 'ada', [wrong.id]);
    expect(r.verdict).toBe('wrong');
    expect(r.message).toContain(`“${wrong.label}”`);
    expect((r.message.match(/\$/g) ?? []).length % 2).toBe(0);
  });
});
