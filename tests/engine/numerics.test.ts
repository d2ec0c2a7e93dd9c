import { describe, expect, test } from 'vitest';
import { logSumExp, sigmoid, softmax, softplus } from '../../src/engine';

describe('softmax', () => {
  test('softmax([1000, 999, −1000]) is finite and equals [1/(1+e⁻¹), e⁻¹/(1+e⁻¹), 0]', () => {
    const p = softmax([1000, 999, -1000]);
    const e = Math.exp(-1);
    expect(p.every(Number.isFinite)).toBe(true);
    expect(Math.abs(p[0]! - 1 / (1 + e))).toBeLessThan(1e-12);
    expect(Math.abs(p[1]! - e / (1 + e))).toBeLessThan(1e-12);
    expect(Math.abs(p[2]!)).toBeLessThan(1e-12);
  });

  test('the naive formula fails on the same logits (why the max is subtracted)', () => {
    const naive = [1000, 999, -1000].map((z) => Math.exp(z) / (Math.exp(1000) + Math.exp(999) + Math.exp(-1000)));
    expect(naive.some(Number.isNaN)).toBe(true);
  });

  test('is a probability vector and unchanged by adding a constant to every logit', () => {
    const z = [0.3, -1.2, 2.5, 0];
    const p = softmax(z);
    const q = softmax(z.map((v) => v + 17));
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 15);
    p.forEach((v, i) => {
      expect(v).toBeGreaterThan(0);
      expect(v).toBeCloseTo(q[i]!, 14);
      expect(v).toBeCloseTo(Math.exp(z[i]!) / z.reduce((s, x) => s + Math.exp(x), 0), 14);
    });
  });

  test('two-class softmax equals the sigmoid of the logit difference', () => {
    for (const [z1, z2] of [[0.5, -1], [3, 2.5], [-4, 7], [800, -800]] as const) {
      expect(softmax([z1, z2])[0]).toBeCloseTo(sigmoid(z1 - z2), 15);
    }
  });
});

describe('logSumExp', () => {
  test('logSumExp([1000, 999, −1000]) = 1000 + log(1 + e⁻¹)', () => {
    expect(logSumExp([1000, 999, -1000])).toBeCloseTo(1000 + Math.log(1 + Math.exp(-1)), 10);
  });

  test('equals log Σ e^z on small logits', () => {
    const z = [0.1, -0.4, 1.3];
    expect(logSumExp(z)).toBeCloseTo(Math.log(z.reduce((s, x) => s + Math.exp(x), 0)), 14);
  });
});

describe('sigmoid and softplus', () => {
  test('σ(0) = ½, σ(x) + σ(−x) = 1, and extreme arguments stay finite', () => {
    expect(sigmoid(0)).toBe(0.5);
    for (const x of [0.3, 2, 15, 40]) expect(sigmoid(x) + sigmoid(-x)).toBeCloseTo(1, 15);
    expect(sigmoid(800)).toBe(1);
    expect(sigmoid(-800)).toBeGreaterThanOrEqual(0);
    expect(Number.isFinite(sigmoid(-800))).toBe(true);
    expect(sigmoid(-30)).toBeCloseTo(Math.exp(-30) / (1 + Math.exp(-30)), 25);
  });

  test('softplus(x) = log(1 + eˣ), softplus(0) = log 2, and softplus(800) = 800', () => {
    expect(softplus(0)).toBeCloseTo(Math.log(2), 15);
    for (const x of [-3, -0.5, 0.7, 4]) expect(softplus(x)).toBeCloseTo(Math.log(1 + Math.exp(x)), 14);
    expect(softplus(800)).toBe(800);
    expect(softplus(-800)).toBe(0);
  });
});
