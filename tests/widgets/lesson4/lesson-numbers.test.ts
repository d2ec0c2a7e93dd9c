// Numbers the lesson states that no panel computes, checked here independently.
import { describe, expect, it } from 'vitest';
import { modelFromJSON, parityTable, predict } from '@engine';

describe('lesson 4 numbers', () => {
  it('one hidden layer of n ReLUs, ỹ(s) = relu(s) − 2relu(s−1) + 2relu(s−2) − …, is n-bit parity, with (n+1)² parameters', () => {
    for (let n = 2; n <= 10; n++) {
      const units = Array.from({ length: n }, (_, j) => j);
      const model = modelFromJSON({
        inputs: n,
        layers: [
          { activation: 'relu', weights: units.map(() => Array.from({ length: n }, () => 1)), biases: units.map((j) => -j) },
          { activation: 'identity', weights: [units.map((j) => (j === 0 ? 1 : j % 2 === 1 ? -2 : 2))], biases: [0] },
        ],
        loss: 'mse',
      });
      const table = parityTable(n);
      const out = predict(model, table.inputs).map((r) => r[0]!);
      out.forEach((y, i) => expect(y).toBeCloseTo(table.labels[i]!, 12));
      expect(n * (n + 1) + n + 1).toBe((n + 1) ** 2);
    }
  });
  it('the circuit table’s n = 20 row and Håstad’s exponents for d = 64', () => {
    let odd = 0;
    for (let c = 0; c < 2 ** 20; c++) {
      let ones = 0;
      for (let b = c; b; b >>= 1) ones += b & 1;
      odd += ones % 2;
    }
    expect(odd + 1).toBe(524_289);
    expect(3 * (20 - 1)).toBe(57);
    expect([2, 3, 4].map((k) => Math.round(64 ** (1 / (k - 1))))).toEqual([64, 8, 4]);
  });
  it('products of 1000 inputs: 500 500 pairs; monomials of degree 1000 in 1000 variables exceed 10^400', () => {
    let pairs = 0;
    for (let i = 1; i <= 1000; i++) for (let j = i; j <= 1000; j++) pairs++;
    expect(pairs).toBe(500_500);
    // Monomials of degree exactly 1000 in 1000 variables: C(1999, 1000); log10 by summing logs.
    let log10 = 0;
    for (let i = 1; i <= 1000; i++) log10 += Math.log10(999 + i) - Math.log10(i);
    expect(log10).toBeGreaterThan(400);
    // Ten layers of 1000 units on 1000 inputs: about ten million parameters.
    expect(10 * (1000 * 1000 + 1000)).toBeCloseTo(1e7, -6);
  });
});
