import { describe, expect, test } from 'vitest';
import {
  montufarBound,
  montufarDeepBound,
  parameterCount,
  predict,
  tent,
  tentNetwork,
  tentOnZeroTwo,
} from '../../src/engine';

describe('tents', () => {
  test('h̃^[2] on [0, 1] and h̃^[1] on [0, 2], by hand', () => {
    expect([0, 0.25, 0.5, 0.75, 1].map(tent)).toEqual([0, 0.5, 1, 0.5, 0]);
    expect([0, 0.5, 1, 1.5, 2].map(tentOnZeroTwo)).toEqual([0, 0.5, 1, 0.5, 0]);
  });

  test('the tent network computes the k-fold tent: a zigzag with 2^(k−1) teeth', () => {
    // T^k(x) = 1 − |2 frac(2^(k−1) x) − 1| on [0, 1].
    const zigzag = (x: number, k: number): number => {
      const s = 2 ** (k - 1) * x;
      return 1 - Math.abs(2 * (s - Math.floor(s)) - 1);
    };
    const xs = Array.from({ length: 37 }, (_, i) => (i + 0.3) / 37.6);
    for (const k of [1, 2, 3, 5, 8, 9, 10]) {
      const model = tentNetwork(k);
      expect(model.layers.length - 1).toBeLessThanOrEqual(8);
      predict(model, xs.map((x) => [x])).forEach(([y], i) => expect(y).toBeCloseTo(zigzag(xs[i]!, k), 9));
    }
  });

  test('for k ≤ 8 each hidden layer has the two units of one tent', () => {
    expect(tentNetwork(3).layers.map((l) => l.units)).toEqual([2, 2, 2, 1]);
  });
});

describe('Montúfar bound Σ_{i=0}^{d} C(h, i)', () => {
  test('small cases by hand', () => {
    expect(montufarBound(1, 1)).toBe(2n); // 1 + 1: exceeds h^d = 1 (the deck's slip)
    expect(montufarBound(2, 1)).toBe(3n); // one input: h + 1 pieces
    expect(montufarBound(3, 2)).toBe(7n); // 1 + 3 + 3
    expect(montufarBound(4, 2)).toBe(11n); // 1 + 4 + 6
    expect(montufarBound(2, 3)).toBe(4n); // 1 + 2 + 1 + 0 = 2²: all sign patterns
    expect(montufarBound(10, 0)).toBe(1n);
  });

  test('stays exact for large h', () => {
    // Σ_{i=0}^{h} C(h, i) = 2^h.
    expect(montufarBound(100, 100)).toBe(2n ** 100n);
  });

  test('deep bound ⌊h/d⌋^{(k−1)d} Σ C(h, i): k = 1 is the shallow bound', () => {
    expect(montufarDeepBound(4, 2, 1)).toBe(11n);
    expect(montufarDeepBound(4, 2, 3)).toBe(2n ** 4n * 11n);
  });
});

describe('parameterCount', () => {
  test('Σ (d_in · d_out + d_out), by hand', () => {
    expect(parameterCount({ inputs: 2, hidden: [3], outputs: 1 })).toBe(2 * 3 + 3 + 3 * 1 + 1);
    expect(parameterCount({ inputs: 10, hidden: [{ units: 4 }, { units: 4 }], outputs: 2 })).toBe(44 + 20 + 10);
    expect(parameterCount({ inputs: 5, hidden: [], outputs: 3 })).toBe(18);
  });
});
