// Every number the lesson's worked examples state, recomputed: by the engine where it applies
// (weight decay, ridge regression, dropout), by direct numeric minimization otherwise.
import { describe, expect, test } from 'vitest';
import { createModel, Dense, activations, jsKernels, l2Penalty, lossAndGradients, SGD, createRng, type Rng } from '@engine';

/** argmin of a 1-D function on [a, b] by golden-section search (independent of any closed form). */
function argmin1d(f: (x: number) => number, a: number, b: number): number {
  const g = (Math.sqrt(5) - 1) / 2;
  let lo = a;
  let hi = b;
  for (let i = 0; i < 200; i++) {
    const c = hi - g * (hi - lo);
    const d = lo + g * (hi - lo);
    if (f(c) < f(d)) hi = d;
    else lo = c;
  }
  return (lo + hi) / 2;
}

describe('weights only, not biases', () => {
  test('penalizing the bias of a constant model on 4, 5, 6 with λ = 0.5 moves it from 5 to 4 (b = 10 / (2 + λ))', () => {
    const y = [4, 5, 6];
    const obj = (lambda: number) => (b: number) => y.reduce((s, v) => s + (v - b) ** 2, 0) / 3 + (lambda / 2) * b * b;
    expect(argmin1d(obj(0), -10, 10)).toBeCloseTo(5, 6);
    expect(argmin1d(obj(0.5), -10, 10)).toBeCloseTo(4, 6);
    for (const lambda of [0.1, 1, 3]) expect(argmin1d(obj(lambda), -10, 10)).toBeCloseTo(10 / (2 + lambda), 6);
  });
});

describe('L2 as weight decay', () => {
  test('η = 0.1, λ = 0.01, no data gradient: 1000 engine SGD steps leave 0.999^1000 ≈ 0.368 of a weight', () => {
    const value = Float64Array.of(1, -2);
    const grad = new Float64Array(2);
    const sgd = new SGD([{ value, grad }], 0.1);
    for (let t = 0; t < 1000; t++) {
      grad.fill(0);
      l2Penalty(value, 0.01, grad);
      sgd.step();
    }
    expect(value[0]).toBeCloseTo(0.999 ** 1000, 12);
    expect(value[1]).toBeCloseTo(-2 * 0.999 ** 1000, 12);
    expect(value[0]!.toFixed(3)).toBe('0.368');
    expect(Math.abs(value[0]! - Math.exp(-1))).toBeLessThan(1e-3);
  });
});

describe('ridge regression', () => {
  const inputs = [[-1], [0], [1]];
  const targets = [[-1], [0.5], [2]];
  /** The gradient of MSE + (λ/2)w² at (w, b), from the engine. */
  function gradientAt(w: number, b: number, lambda: number) {
    const model = createModel({ inputs: 1, hidden: [], outputs: 1, loss: 'mse' }, 1);
    model.layers[0]!.W[0] = w;
    model.layers[0]!.b[0] = b;
    const { gradients } = lossAndGradients(model, inputs, targets, { l2: lambda });
    return { dw: gradients.layers[0]!.weights[0]![0]!, db: gradients.layers[0]!.biases[0]! };
  }
  test('x = (−1, 0, 1), y = (−1, 0.5, 2): least squares w = 1.5, b = 0.5', () => {
    const g = gradientAt(1.5, 0.5, 0);
    expect(g.dw).toBeCloseTo(0, 12);
    expect(g.db).toBeCloseTo(0, 12);
  });
  test('with λ = 2: w = Σxy / (Σx² + nλ/2) = 3/5 = 0.6 and the bias stays 0.5', () => {
    const g = gradientAt(0.6, 0.5, 2);
    expect(g.dw).toBeCloseTo(0, 12);
    expect(g.db).toBeCloseTo(0, 12);
    expect(Math.abs(gradientAt(1.5, 0.5, 2).dw)).toBeGreaterThan(0.1);
  });
});

describe('MAP with a Gaussian prior', () => {
  test('σ = 0.3, n = 20, τ = 1 gives the same minimizer as MSE + (λ/2)w² with λ = 2σ²/(nτ²) = 0.009', () => {
    const rng = createRng(7);
    const n = 20;
    const xs = Array.from({ length: n }, () => rng.normal(0, 1));
    const ys = xs.map((x) => 0.8 * x + rng.normal(0, 0.3));
    const sigma = 0.3;
    const tau = 1;
    const map = (w: number) => xs.reduce((s, x, i) => s + (ys[i]! - w * x) ** 2, 0) / (2 * sigma ** 2) + (w * w) / (2 * tau ** 2);
    const lambda = (2 * sigma ** 2) / (n * tau ** 2);
    expect(lambda).toBeCloseTo(0.009, 12);
    const penalized = (w: number) => xs.reduce((s, x, i) => s + (ys[i]! - w * x) ** 2, 0) / n + (lambda / 2) * w * w;
    expect(argmin1d(map, -5, 5)).toBeCloseTo(argmin1d(penalized, -5, 5), 6);
  });
  test('Laplace prior: λ = 2σ²/(nβ) matches the MAP minimizer too', () => {
    const xs = [-1.2, -0.4, 0.3, 0.9, 1.5];
    const ys = [-0.5, 0.1, 0.05, 0.6, 0.4];
    const sigma = 0.5;
    const beta = 0.2;
    const n = xs.length;
    const map = (w: number) => xs.reduce((s, x, i) => s + (ys[i]! - w * x) ** 2, 0) / (2 * sigma ** 2) + Math.abs(w) / beta;
    const lambda = (2 * sigma ** 2) / (n * beta);
    const penalized = (w: number) => xs.reduce((s, x, i) => s + (ys[i]! - w * x) ** 2, 0) / n + lambda * Math.abs(w);
    expect(argmin1d(map, -5, 5)).toBeCloseTo(argmin1d(penalized, -5, 5), 6);
  });
});

describe('dropout', () => {
  /** A layer whose output is its input (W = I, b = 0, identity) so the mask acts on h itself. */
  function passThrough(keep: number): Dense {
    const layer = new Dense(4, 4, activations.identity, keep);
    for (let j = 0; j < 4; j++) layer.W[j * 4 + j] = 1;
    return layer;
  }
  test('h = (2, 0, 1, 3), keep 0.5, mask (1, 0, 0, 1) → h̃ = (4, 0, 0, 6) in the engine', () => {
    const draws = [0.1, 0.9, 0.9, 0.1]; // kept when the draw is below the keep probability
    const rng = { next: () => draws.shift()! } as unknown as Rng;
    const out = passThrough(0.5).forward(Float64Array.of(2, 0, 1, 3), 1, jsKernels, rng);
    expect(Array.from(out)).toEqual([4, 0, 0, 6]);
  });
  test('inverted dropout keeps the expectation: the mean of h̃ over many masks is h', () => {
    const layer = passThrough(0.5);
    const rng = createRng(3);
    const sum = [0, 0, 0, 0];
    const trials = 40_000;
    for (let t = 0; t < trials; t++) {
      const out = layer.forward(Float64Array.of(2, 0, 1, 3), 1, jsKernels, rng);
      for (let j = 0; j < 4; j++) sum[j]! += out[j]!;
    }
    // Standard error of each mean is |h_j|/√trials ≤ 0.015; allow 4 of them.
    [2, 0, 1, 3].forEach((h, j) => expect(Math.abs(sum[j]! / trials - h)).toBeLessThan(0.06));
  });
  test('at inference (no random source) nothing is dropped or rescaled', () => {
    expect(Array.from(passThrough(0.5).forward(Float64Array.of(2, 0, 1, 3), 1, jsKernels, null))).toEqual([2, 0, 1, 3]);
  });
  test('50 droppable units give 2^50 ≈ 1.1 × 10^15 sub-networks', () => {
    expect((2 ** 50 / 1e15).toFixed(1)).toBe('1.1');
  });
});
