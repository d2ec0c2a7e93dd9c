import { describe, expect, test } from 'vitest';
import { Adam, Momentum, SGD } from '../../src/engine';

function param(value: number[], grad: number[]) {
  return { value: Float64Array.from(value), grad: Float64Array.from(grad) };
}

describe('SGD', () => {
  test('θ ← θ − η g', () => {
    const p = param([1, -2], [0.5, 0.25]);
    new SGD([p], 0.1).step();
    expect(p.value[0]).toBeCloseTo(0.95, 15);
    expect(p.value[1]).toBeCloseTo(-2.025, 15);
  });

  test('learning-rate decay η_t = η/(1 + decay · t): the second step uses η/2 when decay = 1', () => {
    const p = param([1], [1]);
    const sgd = new SGD([p], 0.1, 1);
    sgd.step(); // η₀ = 0.1
    sgd.step(); // η₁ = 0.1 / 2
    expect(p.value[0]).toBeCloseTo(1 - 0.1 - 0.05, 15);
  });
});

describe('Momentum', () => {
  test('v ← βv − ηg, θ ← θ + v for two steps', () => {
    const p = param([1, -2], [0.5, 0.25]);
    const opt = new Momentum([p], 0.1, 0.9);
    opt.step();
    // v = −0.1 · (0.5, 0.25) = (−0.05, −0.025)
    expect(p.value[0]).toBeCloseTo(0.95, 15);
    expect(p.value[1]).toBeCloseTo(-2.025, 15);
    opt.step();
    // v = 0.9 · (−0.05, −0.025) − 0.1 · (0.5, 0.25) = (−0.095, −0.0475)
    expect(p.value[0]).toBeCloseTo(0.855, 15);
    expect(p.value[1]).toBeCloseTo(-2.0725, 15);
  });
});

describe('Adam', () => {
  test('first and second steps match the textbook formula with bias correction', () => {
    const p = param([1, -2], [0.5, -0.25]);
    const adam = new Adam([p], 0.01);
    adam.step();
    // t = 1: m = 0.1 g, v = 0.001 g², m̂ = g, v̂ = g², so the step is η g/(|g| + ε).
    expect(p.value[0]).toBeCloseTo(1 - (0.01 * 0.5) / (0.5 + 1e-8), 15);
    expect(p.value[1]).toBeCloseTo(-2 + (0.01 * 0.25) / (0.25 + 1e-8), 15);

    p.grad.set([0.1, 0.3]);
    adam.step();
    // t = 2: m = 0.9 m + 0.1 g = (0.045 + 0.01, −0.0225 + 0.03) = (0.055, 0.0075)
    //        v = 0.999 v + 0.001 g² = (0.00024975 + 0.00001, 0.0000624375 + 0.00009)
    //        m̂ = m / (1 − 0.9²) = m / 0.19,  v̂ = v / (1 − 0.999²) = v / 0.001999
    const m = [0.055, 0.0075];
    const v = [0.00025975, 0.0001524375];
    const start = [1 - (0.01 * 0.5) / (0.5 + 1e-8), -2 + (0.01 * 0.25) / (0.25 + 1e-8)];
    for (let i = 0; i < 2; i++) {
      const expected = start[i]! - (0.01 * (m[i]! / 0.19)) / (Math.sqrt(v[i]! / 0.001999) + 1e-8);
      expect(p.value[i]).toBeCloseTo(expected, 14);
    }
  });

  test('the first step has size η g/(|g| + ε) ≈ η whatever the gradient scale (bias correction at work)', () => {
    for (const g of [1e-6, 1, 1e6]) {
      const p = param([0], [g]);
      new Adam([p], 0.001).step();
      expect(p.value[0]).toBeCloseTo((-0.001 * g) / (g + 1e-8), 15);
      expect(Math.abs(p.value[0]! + 0.001)).toBeLessThan(0.001 * 0.011);
    }
  });
});
