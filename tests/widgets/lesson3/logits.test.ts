// The logits panel's numbers against hand computation: p_c = e^{z_c} / Σ e^{z_l} written out
// with Math.exp (small logits, so the naive formula is exact enough to serve as the reference).
import { describe, expect, it } from 'vitest';
import { clampLogit, EXAMPLE_STATE, lossChange, readLogits } from '@widgets/lesson3/logits/model';

const byHand = (z: number[]) => {
  const e = z.map(Math.exp);
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
};

describe('readLogits', () => {
  it('gives the lesson worked example: z = (2, 1, −1), class 1', () => {
    const r = readLogits(EXAMPLE_STATE);
    const p = byHand([2, 1, -1]);
    r.p.forEach((v, c) => expect(v).toBeCloseTo(p[c]!, 14));
    // The numbers printed in the lesson, to their 4 decimals.
    expect(r.p.map((v) => Number(v.toFixed(4)))).toEqual([0.7054, 0.2595, 0.0351]);
    expect(r.loss).toBeCloseTo(0.349, 4);
    expect(r.target).toEqual([1, 0, 0]);
    expect(r.grad.map((v) => Number(v.toFixed(4)))).toEqual([-0.2946, 0.2595, 0.0351]);
  });
  it('has a gradient p − y that sums to zero and lies in (−1, 1)', () => {
    for (const z of [[3, -2, 0.5], [-8, 8, 0], [0, 0, 0]]) {
      for (let y = 0; y < 3; y++) {
        const r = readLogits({ z, y });
        expect(r.grad.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 14);
        r.grad.forEach((g) => expect(Math.abs(g)).toBeLessThan(1));
        r.grad.forEach((g, c) => expect(g).toBeCloseTo(r.p[c]! - (c === y ? 1 : 0), 14));
      }
    }
  });
  it('makes the loss for class 3 exactly z₁ − z₃ = 3 larger than for class 1', () => {
    const a = readLogits({ z: [2, 1, -1], y: 0 });
    const b = readLogits({ z: [2, 1, -1], y: 2 });
    expect(b.loss - a.loss).toBeCloseTo(3, 12);
    expect(b.loss).toBeCloseTo(3.349, 3);
  });
  it('equals −log p_y', () => {
    const z = [0.3, -1.7, 2.2];
    for (let y = 0; y < 3; y++) expect(readLogits({ z, y }).loss).toBeCloseTo(-Math.log(byHand(z)[y]!), 13);
  });
});

describe('lossChange', () => {
  it('matches the lesson: raising z₁ by 0.1 lowers L by 0.0284, predicted 0.0295', () => {
    const { actual, predicted } = lossChange(EXAMPLE_STATE, { z: [2.1, 1, -1], y: 0 });
    expect(actual).toBeCloseTo(-Math.log(byHand([2.1, 1, -1])[0]!) + Math.log(byHand([2, 1, -1])[0]!), 12);
    expect(Number(actual.toFixed(4))).toBe(-0.0284);
    expect(Number(predicted.toFixed(4))).toBe(-0.0295);
  });
  it('becomes exact to first order: the error shrinks like the step squared', () => {
    const err = (h: number) => {
      const { actual, predicted } = lossChange({ z: [0.5, -0.3, 1], y: 1 }, { z: [0.5 + h, -0.3 - h, 1], y: 1 });
      return Math.abs(actual - predicted);
    };
    const ratio = err(0.01) / err(0.001);
    expect(ratio).toBeGreaterThan(80);
    expect(ratio).toBeLessThan(120);
  });
});

describe('clampLogit', () => {
  it('keeps logits on the slider range and grid', () => {
    expect(clampLogit(12)).toBe(8);
    expect(clampLogit(-9.3)).toBe(-8);
    expect(clampLogit(2.14)).toBe(2.1);
  });
});
