// The worked examples of lesson 2 that are not about the widgets, recomputed independently:
// the softmax cross-entropy example, the underflow of a product of densities, and the constant
// fit of 1, 2, 3, 4, 20 (mean for squared error, median for absolute error).
import { describe, expect, it } from 'vitest';
import { logSumExp, softmax } from '@engine';

describe('softmax worked example: z = (2, 1, 0.1)', () => {
  const z = [2, 1, 0.1];
  it('p ≈ (0.659, 0.242, 0.099), by e^z / Σ e^z', () => {
    const e = z.map(Math.exp);
    const s = e.reduce((a, b) => a + b, 0);
    expect(softmax(z).map((p) => p.toFixed(3))).toEqual(['0.659', '0.242', '0.099']);
    softmax(z).forEach((p, i) => expect(p).toBeCloseTo(e[i]! / s, 15));
  });

  it('CE is 0.417 for class 1 and 2.317 for class 3, and equals log Σ e^z (2.417) minus z_y', () => {
    const p = softmax(z);
    expect((-Math.log(p[0]!)).toFixed(3)).toBe('0.417');
    expect((-Math.log(p[2]!)).toFixed(3)).toBe('2.317');
    expect(logSumExp(z).toFixed(3)).toBe('2.417');
    expect(logSumExp(z) - z[0]!).toBeCloseTo(-Math.log(p[0]!), 14);
    expect(logSumExp(z) - z[2]!).toBeCloseTo(-Math.log(p[2]!), 14);
  });
});

describe('why logs: a thousand densities of 0.1', () => {
  it('their product underflows to exactly 0, while the sum of logs is 1000 log 0.1 ≈ −2302.6', () => {
    let product = 1;
    let sum = 0;
    for (let i = 0; i < 1000; i++) {
      product *= 0.1;
      sum += Math.log(0.1);
    }
    expect(product).toBe(0);
    expect(sum.toFixed(1)).toBe('-2302.6');
    // The lesson's "about 5 × 10^−324": the smallest positive double.
    expect(Number.MIN_VALUE).toBe(2 ** -1074);
    expect(Number.MIN_VALUE.toExponential(0)).toBe('5e-324');
  });
});

describe('a constant fit to 1, 2, 3, 4, 20', () => {
  const data = [1, 2, 3, 4, 20];
  const sse = (c: number) => data.reduce((s, y) => s + (y - c) ** 2, 0);
  const sae = (c: number) => data.reduce((s, y) => s + Math.abs(y - c), 0);
  const grid = Array.from({ length: 2001 }, (_, i) => i / 100);
  const best = (f: (c: number) => number) => grid.reduce((a, c) => (f(c) < f(a) ? c : a), grid[0]!);

  it('squared error is smallest at the mean, 6', () => {
    expect(best(sse)).toBe(6);
  });

  it('absolute error is smallest at the median, 3, however large the outlier', () => {
    expect(best(sae)).toBe(3);
    const far = [1, 2, 3, 4, 2000];
    expect(grid.reduce((a, c) => (far.reduce((s, y) => s + Math.abs(y - c), 0) < far.reduce((s, y) => s + Math.abs(y - a), 0) ? c : a), 0)).toBe(3);
  });
});
