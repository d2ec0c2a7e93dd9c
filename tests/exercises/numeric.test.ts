import { describe, expect, test } from 'vitest';
import { check, ref, variant } from './helpers.ts';

const STUDENTS = ['ada', 'bob', 'carol', 'dan'];

describe('numeric: practice-sigmoid-value', () => {
  test.each(STUDENTS)('accepts σ(z) for %s in several forms and rejects the mistakes', async (who) => {
    const { z } = variant<{ z: number }>('practice-sigmoid-value', who);
    const key = ref.sigmoid(z);
    for (const form of [key.toPrecision(3), key.toPrecision(6), key.toExponential(3), `  ${key.toFixed(4)} `]) {
      expect((await check('practice-sigmoid-value', who, form)).verdict, form).toBe('correct');
    }
    const dropped = await check('practice-sigmoid-value', who, ref.sigmoid(-z).toPrecision(4));
    expect(dropped).toMatchObject({ verdict: 'wrong', mistake: 'dropped-minus' });
    expect(dropped.message).toMatch(/minus sign/);
    const slope = await check('practice-sigmoid-value', who, (key * (1 - key)).toPrecision(4));
    expect(slope).toMatchObject({ verdict: 'wrong', mistake: 'derivative' });
    const far = await check('practice-sigmoid-value', who, String(key + 0.1));
    expect(far.verdict).toBe('wrong');
    expect(far.message).toMatch(/too high/);
  });

  test('a typographic minus and a fraction are read', async () => {
    const { z } = variant<{ z: number }>('practice-sigmoid-value', 'ada');
    expect(z).toBeLessThan(0);
    // σ(z) for ada's z < 0 is below ½; write it as a fraction 1/(1 + e^{−z}) to 6 figures.
    const denominator = (1 + Math.exp(-z)).toPrecision(8);
    expect((await check('practice-sigmoid-value', 'ada', `1/${denominator}`)).verdict).toBe('correct');
  });

  test('malformed input is invalid with a message, never wrong', async () => {
    for (const bad of ['', 'sigma(2)', '0,06', '1 2', '∞']) {
      const r = await check('practice-sigmoid-value', 'ada', bad);
      expect(r.verdict, bad).toBe('invalid');
      expect(r.message.length).toBeGreaterThan(5);
    }
  });
});

describe('numeric: practice-mse', () => {
  test.each(STUDENTS)('the mean of squared errors, not the sum, half, mean absolute or root (%s)', async (who) => {
    const { y, yHat } = variant<{ y: number[]; yHat: number[] }>('practice-mse', who);
    const sq = yHat.map((p, i) => (p - y[i]!) ** 2);
    const mean = sq.reduce((a, b) => a + b, 0) / 4;
    expect((await check('practice-mse', who, mean.toFixed(5))).verdict).toBe('correct');
    expect(await check('practice-mse', who, (4 * mean).toFixed(5))).toMatchObject({ verdict: 'wrong', mistake: 'sum' });
    expect(await check('practice-mse', who, (mean / 2).toFixed(5))).toMatchObject({ verdict: 'wrong', mistake: 'half' });
    expect(await check('practice-mse', who, Math.sqrt(mean).toFixed(5))).toMatchObject({ verdict: 'wrong', mistake: 'root' });
  });
});

describe('numeric: practice-cross-entropy', () => {
  test.each(STUDENTS)('−log p_y in nats (%s)', async (who) => {
    const { z, y } = variant<{ z: number[]; y: number }>('practice-cross-entropy', who);
    const p = ref.softmax(z);
    const ce = -Math.log(p[y]!);
    expect((await check('practice-cross-entropy', who, ce.toFixed(4))).verdict).toBe('correct');
    expect(await check('practice-cross-entropy', who, (-ce).toFixed(4))).toMatchObject({ verdict: 'wrong', mistake: 'no-minus' });
    expect(await check('practice-cross-entropy', who, (ce / Math.log(10)).toFixed(5))).toMatchObject({ verdict: 'wrong', mistake: 'log10' });
    expect(await check('practice-cross-entropy', who, p[y]!.toFixed(5))).toMatchObject({ verdict: 'wrong', mistake: 'probability' });
  });
});
