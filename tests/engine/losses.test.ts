import { describe, expect, test } from 'vitest';
import {
  absolute,
  gaussianNll,
  mse,
  sigmoid,
  sigmoidCrossEntropy,
  softmax,
  softmaxCrossEntropy,
  type LossFunction,
} from '../../src/engine';

const f64 = (values: number[]): Float64Array => Float64Array.from(values);

function run(loss: LossFunction, yHat: number[], y: number[], n: number, m: number, sigma = 1) {
  const dz = new Float64Array(n * m);
  const value = loss(f64(yHat), f64(y), n, m, dz, sigma);
  return { value, grad: Array.from(dz) };
}

/** Central differences of a loss with respect to each output. */
function numericGrad(loss: LossFunction, yHat: number[], y: number[], n: number, m: number, sigma = 1): number[] {
  return yHat.map((_, i) => {
    const eps = 1e-6;
    const plus = [...yHat];
    const minus = [...yHat];
    plus[i]! += eps;
    minus[i]! -= eps;
    return (loss(f64(plus), f64(y), n, m, null, sigma) - loss(f64(minus), f64(y), n, m, null, sigma)) / (2 * eps);
  });
}

describe('mse', () => {
  test('per example Σ (ỹ − y)², no ½, mean over examples; gradient 2(ỹ − y)/n', () => {
    // Example 1: (1−0)² + (2−2)² = 1; example 2: (3−3)² + (4−6)² = 4; mean 2.5.
    const { value, grad } = run(mse, [1, 2, 3, 4], [0, 2, 3, 6], 2, 2);
    expect(value).toBe(2.5);
    expect(grad).toEqual([1, 0, 0, -2]);
  });
});

describe('absolute', () => {
  test('per example Σ |ỹ − y|, mean; subgradient sign(ỹ − y)/n with 0 at a tie', () => {
    const { value, grad } = run(absolute, [1, 2, 3, 4], [0, 2, 3, 6], 2, 2);
    expect(value).toBe(1.5);
    expect(grad).toEqual([0.5, 0, 0, -0.5]);
  });
});

describe('gaussian-nll', () => {
  test('per example Σ [½ log(2πσ²) + (ỹ − y)²/(2σ²)], mean', () => {
    const sigma = 2;
    const { value, grad } = run(gaussianNll, [1, 0.5], [0, 0.5], 2, 1, sigma);
    const c = 0.5 * Math.log(2 * Math.PI * 4);
    expect(value).toBeCloseTo((c + 1 / 8 + c) / 2, 15);
    expect(grad[0]).toBeCloseTo(1 / (4 * 2), 15);
    expect(grad[1]).toBe(0);
  });

  test('its gradient matches finite differences', () => {
    const yHat = [0.3, -1.2, 2];
    const y = [1, 0.4, 1.5];
    const { grad } = run(gaussianNll, yHat, y, 3, 1, 0.7);
    numericGrad(gaussianNll, yHat, y, 3, 1, 0.7).forEach((g, i) => expect(grad[i]).toBeCloseTo(g, 8));
  });
});

describe('sigmoid-cross-entropy', () => {
  test('softplus((1 − 2y) f) equals −y log p − (1 − y) log(1 − p) with p = σ(f)', () => {
    const f = [0.4, -1.3, 2.2, 0];
    const y = [1, 0, 0, 1];
    const { value, grad } = run(sigmoidCrossEntropy, f, y, 4, 1);
    const expected = f.reduce((sum, fi, i) => {
      const p = 1 / (1 + Math.exp(-fi));
      return sum - y[i]! * Math.log(p) - (1 - y[i]!) * Math.log(1 - p);
    }, 0) / 4;
    expect(value).toBeCloseTo(expected, 14);
    grad.forEach((g, i) => expect(g).toBeCloseTo((1 / (1 + Math.exp(-f[i]!)) - y[i]!) / 4, 15));
  });

  test('stays finite when confidently wrong: f = −1000, y = 1 costs 1000', () => {
    const { value, grad } = run(sigmoidCrossEntropy, [-1000], [1], 1, 1);
    expect(value).toBe(1000);
    expect(grad[0]).toBe(-1);
  });

  test('saturates when right and is steep when wrong', () => {
    const right = run(sigmoidCrossEntropy, [6], [1], 1, 1);
    const wrong = run(sigmoidCrossEntropy, [-6], [1], 1, 1);
    expect(Math.abs(right.grad[0]!)).toBeLessThan(0.01);
    expect(Math.abs(wrong.grad[0]!)).toBeGreaterThan(0.99);
  });
});

describe('softmax-cross-entropy', () => {
  test('equals −log softmax(z)[y], and ∂L/∂z = (p − onehot(y))/n', () => {
    const z = [0.2, -1, 1.5, 0.3, 0.3, -0.6];
    const y = [2, 0];
    const { value, grad } = run(softmaxCrossEntropy, z, y, 2, 3);
    const p1 = softmax(z.slice(0, 3));
    const p2 = softmax(z.slice(3));
    expect(value).toBeCloseTo((-Math.log(p1[2]!) - Math.log(p2[0]!)) / 2, 14);
    const expected = [p1[0]!, p1[1]!, p1[2]! - 1, p2[0]! - 1, p2[1]!, p2[2]!].map((v) => v / 2);
    grad.forEach((g, i) => expect(g).toBeCloseTo(expected[i]!, 15));
  });

  test('logits [1000, 999, −1000] with y = 1: loss 1 + log(1 + e⁻¹), finite gradient', () => {
    const { value, grad } = run(softmaxCrossEntropy, [1000, 999, -1000], [1], 1, 3);
    expect(value).toBeCloseTo(1 + Math.log(1 + Math.exp(-1)), 12);
    const e = Math.exp(-1);
    expect(grad[0]).toBeCloseTo(1 / (1 + e), 12);
    expect(grad[1]).toBeCloseTo(e / (1 + e) - 1, 12);
    expect(grad[2]).toBeCloseTo(0, 12);
  });

  test('without a gradient buffer it gives the same loss', () => {
    const z = [3, -2, 0.5, 1, 1, 1];
    expect(softmaxCrossEntropy(f64(z), f64([1, 2]), 2, 3, null, 1)).toBeCloseTo(run(softmaxCrossEntropy, z, [1, 2], 2, 3).value, 15);
  });

  test('with two classes it equals the sigmoid loss on the logit difference', () => {
    const z = [1.3, -0.4];
    const soft = run(softmaxCrossEntropy, z, [0], 1, 2);
    const binary = run(sigmoidCrossEntropy, [z[0]! - z[1]!], [1], 1, 1);
    expect(soft.value).toBeCloseTo(binary.value, 15);
    expect(soft.grad[0]).toBeCloseTo(sigmoid(z[0]! - z[1]!) - 1, 15);
  });
});

describe('every loss gradient matches central differences', () => {
  const cases: [string, LossFunction, number[], number[], number, number][] = [
    ['mse', mse, [0.3, -1.2, 2, 0.1], [1, 0.4, 1.5, -0.2], 2, 2],
    ['absolute', absolute, [0.3, -1.2, 2, 0.1], [1, 0.4, 1.5, -0.2], 2, 2],
    ['sigmoid-cross-entropy', sigmoidCrossEntropy, [0.3, -1.2, 2], [1, 0, 0], 3, 1],
    ['softmax-cross-entropy', softmaxCrossEntropy, [0.3, -1.2, 2, 0.1, 0.5, -0.5], [2, 1], 2, 3],
  ];
  test.each(cases)('%s', (_name, loss, yHat, y, n, m) => {
    const { grad } = run(loss, yHat, y, n, m);
    numericGrad(loss, yHat, y, n, m).forEach((g, i) => expect(Math.abs(grad[i]! - g)).toBeLessThan(1e-8));
  });
});
