// The stability panel against independent closed forms. For z = (1000, 999, −1000) the shift
// by 1000 gives (0, −1, −2000), so p = (1, e^{−1}, 0) / (1 + e^{−1}) and
// log Σ e^z = 1000 + log(1 + e^{−1}) (the e^{−2000} term is far below double precision).
import { describe, expect, it } from 'vitest';
import { naiveSoftmaxCrossEntropy, parseLogits, stableSoftmaxCrossEntropy } from '@widgets/lesson3/stability/model';
import { PRESETS, stabilityView } from '@widgets/lesson3/stability/view';

const z = [1000, 999, -1000];
const l = Math.log1p(Math.exp(-1)); // log(1 + e^{−1}) = 0.313261687518…

describe('naive softmax and cross-entropy', () => {
  it('fails on (1000, 999, −1000): e^1000 overflows and p becomes NaN', () => {
    const r = naiveSoftmaxCrossEntropy({ z, y: 0 });
    expect(r.exps[0]).toBe(Infinity);
    expect(r.p[0]).toBeNaN();
    expect(r.p[1]).toBeNaN();
    expect(r.failure).toMatch(/overflows/);
  });
  it('fails on (−1000, −1001, −1002): every e^z underflows and p = 0/0', () => {
    const r = naiveSoftmaxCrossEntropy({ z: [-1000, -1001, -1002], y: 0 });
    expect(r.sum).toBe(0);
    expect(r.p.every(Number.isNaN)).toBe(true);
    expect(r.failure).toMatch(/underflows/);
  });
  it('gives an infinite loss when only p_y underflows', () => {
    const r = naiveSoftmaxCrossEntropy({ z: [0, -800], y: 1 });
    expect(r.p[1]).toBe(0);
    expect(r.loss).toBe(Infinity);
    expect(r.failure).toMatch(/−log 0/);
  });
  it('notices a sum that overflows although each term is finite', () => {
    const r = naiveSoftmaxCrossEntropy({ z: [709, 709, 709], y: 0 });
    expect(r.exps.every(Number.isFinite)).toBe(true);
    expect(r.failure).toMatch(/sum overflows/);
  });
  it('is right and reports no failure on tame logits', () => {
    const r = naiveSoftmaxCrossEntropy({ z: [2, 1, -1], y: 0 });
    expect(r.failure).toBeNull();
    expect(r.loss).toBeCloseTo(0.349, 3);
  });
});

describe('stable softmax and cross-entropy', () => {
  it('matches the closed form on (1000, 999, −1000)', () => {
    const r = stableSoftmaxCrossEntropy({ z, y: 2 });
    expect(r.shift).toBe(1000);
    expect(r.shiftedExps).toEqual([1, Math.exp(-1), 0]);
    expect(r.p[0]).toBeCloseTo(1 / (1 + Math.exp(-1)), 15);
    expect(r.p[1]).toBeCloseTo(Math.exp(-1) / (1 + Math.exp(-1)), 15);
    expect(r.p[2]).toBe(0);
    expect(r.logSumExp).toBeCloseTo(1000 + l, 10);
    expect(r.loss).toBeCloseTo(2000 + l, 10);
  });
  it('gives the lesson losses 0.3133, 1.3133 and 2000.3133 for the three classes', () => {
    const losses = [0, 1, 2].map((y) => stableSoftmaxCrossEntropy({ z, y }).loss);
    expect(losses[0]).toBeCloseTo(l, 12);
    expect(losses[1]).toBeCloseTo(1 + l, 12);
    expect(losses.map((v) => v.toFixed(4))).toEqual(['0.3133', '1.3133', '2000.3133']);
  });
  it('matches softmax(0, −1, −2) on (−1000, −1001, −1002), where the naive route divides 0 by 0', () => {
    const r = stableSoftmaxCrossEntropy({ z: [-1000, -1001, -1002], y: 0 });
    const s = 1 + Math.exp(-1) + Math.exp(-2);
    expect(r.p[0]).toBeCloseTo(1 / s, 15);
    expect(r.p[2]).toBeCloseTo(Math.exp(-2) / s, 15);
    expect(r.loss).toBeCloseTo(Math.log(s), 12);
  });
  it('agrees with the naive route where the naive route works', () => {
    const zs = [0.4, -2, 3.1, 0];
    const a = naiveSoftmaxCrossEntropy({ z: zs, y: 2 });
    const b = stableSoftmaxCrossEntropy({ z: zs, y: 2 });
    b.p.forEach((v, c) => expect(v).toBeCloseTo(a.p[c]!, 14));
    expect(b.loss).toBeCloseTo(a.loss, 13);
  });
});

describe('stabilityView', () => {
  it('lays out the (1000, 999, −1000) comparison with finite stable numbers', () => {
    const preset = PRESETS[0]!;
    const view = stabilityView({ z: preset.z, y: preset.y });
    const loss = view.rows.find((r) => r.key === 'loss')!;
    expect(loss.naive).toBe(Infinity);
    expect(loss.stableText).toBe('2000.3133');
    expect(view.rows.filter((r) => r.key.startsWith('p-')).every((r) => Number.isFinite(r.stable))).toBe(true);
    expect(view.naiveVerdict).toMatch(/overflows/);
    expect(view.stableVerdict).toContain('1000.3133');
  });
});

describe('parseLogits', () => {
  it('reads commas, spaces, brackets and the typographic minus', () => {
    expect(parseLogits('[1000, 999, \u22121000]')).toEqual({ ok: true, z: [1000, 999, -1000] });
    expect(parseLogits('1 2  3')).toEqual({ ok: true, z: [1, 2, 3] });
  });
  it('explains what is wrong instead of failing', () => {
    const bad = ['', '5', '1, two, 3', '1, 2, 1e400', '1,2,3,4,5,6,7'];
    for (const text of bad) {
      const r = parseLogits(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message.length).toBeGreaterThan(10);
    }
  });
});
