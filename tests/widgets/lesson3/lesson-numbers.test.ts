// Every number lesson 3 states in its prose that code can check, computed with the engine where
// the engine does the work, and compared with the values printed in the lesson (which were
// computed independently, by hand and with NumPy) to the digits printed.
import { describe, expect, it } from 'vitest';
import { logSumExp, lossAndGradients, modelFromJSON, softmax } from '@engine';

const fixed = (v: readonly number[], d = 4) => v.map((x) => Number(x.toFixed(d)));

describe('the softmax Jacobian for z = (2, 1, −1)', () => {
  const z = [2, 1, -1];
  const p = softmax(z);
  const J = p.map((py, y) => p.map((pc, c) => py * ((y === c ? 1 : 0) - pc)));

  it('matches the matrix printed in the lesson', () => {
    expect(J.map((row) => fixed(row))).toEqual([
      [0.2078, -0.183, -0.0248],
      [-0.183, 0.1922, -0.0091],
      [-0.0248, -0.0091, 0.0339],
    ]);
  });
  it('is the derivative of the engine’s softmax (central differences)', () => {
    const h = 1e-6;
    for (let c = 0; c < 3; c++) {
      const up = softmax(z.map((v, i) => (i === c ? v + h : v)));
      const down = softmax(z.map((v, i) => (i === c ? v - h : v)));
      for (let y = 0; y < 3; y++) expect(J[y]![c]).toBeCloseTo((up[y]! - down[y]!) / (2 * h), 9);
    }
  });
  it('has rows that sum to zero and a diagonal p(1 − p)', () => {
    J.forEach((row, y) => {
      expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 15);
      expect(row[y]).toBeCloseTo(p[y]! * (1 - p[y]!), 15);
    });
  });
  it('gives e^z = (7.389, 2.718, 0.368) with sum 10.475', () => {
    expect(fixed(z.map(Math.exp), 3)).toEqual([7.389, 2.718, 0.368]);
    expect(z.reduce((s, v) => s + Math.exp(v), 0).toFixed(3)).toBe('10.475');
  });
});

describe('one SGD step of softmax regression by hand', () => {
  // w₁ = (1, 0), w₂ = (0, 1), w₃ = (−1, −1), biases 0; x = (1, 2), class 1; η = 0.1.
  const network = (W: number[][], b: number[]) =>
    modelFromJSON({ inputs: 2, layers: [{ activation: 'identity', weights: W, biases: b }], loss: 'softmax-cross-entropy' });
  const W = [[1, 0], [0, 1], [-1, -1]];
  const b = [0, 0, 0];
  const x = [1, 2];
  const eta = 0.1;
  const before = lossAndGradients(network(W, b), [x], [0]);
  const grads = before.gradients.layers[0]!;
  const eps = grads.biases; // ∂L/∂b_c = ε_c
  const W1 = W.map((row, c) => row.map((w, k) => w - eta * grads.weights[c]![k]!));
  const b1 = b.map((v, c) => v - eta * eps[c]!);

  it('has z = (1, 2, −3), p = (0.2676, 0.7275, 0.0049) and loss 1.3182', () => {
    const z = W.map((row) => row[0]! * x[0]! + row[1]! * x[1]!);
    expect(z).toEqual([1, 2, -3]);
    expect(fixed(softmax(z))).toEqual([0.2676, 0.7275, 0.0049]);
    expect(before.loss.toFixed(4)).toBe('1.3182');
  });
  it('has errors ε = p − y = (−0.7324, 0.7275, 0.0049) that sum to zero', () => {
    expect(fixed(eps)).toEqual([-0.7324, 0.7275, 0.0049]);
    expect(eps.reduce((a, v) => a + v, 0)).toBeCloseTo(0, 15);
  });
  it('has the weight gradient ε_c x, with no factor 2', () => {
    grads.weights.forEach((row, c) => row.forEach((g, k) => expect(g).toBeCloseTo(eps[c]! * x[k]!, 15)));
  });
  it('moves the weights to the values printed in the lesson', () => {
    expect(W1.map((r) => fixed(r))).toEqual([[1.0732, 0.1465], [-0.0727, 0.8545], [-1.0005, -1.001]]);
    expect(fixed(b1)).toEqual([0.0732, -0.0727, -0.0005]);
  });
  it('lowers the loss on the example from 1.3182 to 0.7626, with p = (0.4664, 0.5281, 0.0055)', () => {
    const after = lossAndGradients(network(W1, b1), [x], [0]);
    expect(after.loss.toFixed(4)).toBe('0.7626');
    const z = W1.map((row, c) => row[0]! * x[0]! + row[1]! * x[1]! + b1[c]!);
    expect(fixed(softmax(z))).toEqual([0.4664, 0.5281, 0.0055]);
  });
});

describe('floating-point limits quoted in the stability section', () => {
  it('overflows e^z just above 709.78 and underflows it to 0 below about −745', () => {
    expect(Number.isFinite(Math.exp(709.78))).toBe(true);
    expect(Math.exp(709.79)).toBe(Infinity);
    expect(Math.exp(-745)).toBeGreaterThan(0);
    expect(Math.exp(-745.2)).toBe(0);
    expect(Number.MAX_VALUE.toExponential(1)).toBe('1.8e+308');
  });
  it('puts e^{−2000} near 10^{−869}, far below any double', () => {
    expect(-2000 / Math.LN10).toBeCloseTo(-868.59, 2);
    expect(Math.exp(-2000)).toBe(0);
  });
  it('gives log Σ e^z = 1000.3133 for z = (1000, 999, −1000) with the engine', () => {
    expect(logSumExp([1000, 999, -1000]).toFixed(4)).toBe('1000.3133');
  });
});
