// The numbers lesson 1 states in its prose, recomputed: by hand where the lesson works them by
// hand, and through the engine where the lesson claims the engine behaves that way.
import { describe, expect, it } from 'vitest';
import { SGD, lossAndGradients, logSumExp, modelFromJSON, parameterCount, predict, sigmoid, softmax } from '@engine';

describe('1.1 the one-hidden-layer network', () => {
  it('has h(d + 2) + 1 parameters: 49 for d = 1, h = 16', () => {
    const h = 16;
    const d = 1;
    expect(h * d + h + h + 1).toBe(49);
    expect(parameterCount({ inputs: d, hidden: [h], outputs: 1 })).toBe(49);
    expect(parameterCount({ inputs: 3, hidden: [5], outputs: 1 })).toBe(5 * (3 + 2) + 1);
  });
  it('the forward pass by hand: W = [1, −1]ᵀ, b = [0, 1], w = [2, 1], b = −1 gives 0.5 at x = 0.5 and 3 at x = 2', () => {
    const model = modelFromJSON({
      inputs: 1,
      loss: 'mse',
      layers: [
        { activation: 'relu', weights: [[1], [-1]], biases: [0, 1] },
        { activation: 'identity', weights: [[2, 1]], biases: [-1] },
      ],
    });
    const [[at05], [at2]] = predict(model, [[0.5], [2]]) as [[number], [number]];
    expect(at05).toBeCloseTo(0.5, 12);
    expect(at2).toBeCloseTo(3, 12);
  });
  it('with g the identity the network collapses to the linear map (Wᵀw)·x + (w·b + b)', () => {
    const W = [[1, 2], [-1, 0.5], [0.3, -2]];
    const b = [0.1, -0.2, 0.4];
    const w = [2, -1, 0.5];
    const c = -0.7;
    const model = modelFromJSON({
      inputs: 2,
      loss: 'mse',
      layers: [
        { activation: 'identity', weights: W, biases: b },
        { activation: 'identity', weights: [w], biases: [c] },
      ],
    });
    const weight = [0, 1].map((k) => W.reduce((s, row, j) => s + row[k]! * w[j]!, 0));
    const bias = b.reduce((s, bj, j) => s + bj * w[j]!, c);
    for (const x of [[0, 0], [1, -1], [2.5, 0.3]] as const) {
      const [[y]] = predict(model, [[...x]]) as [[number]];
      expect(y).toBeCloseTo(weight[0]! * x[0] + weight[1]! * x[1] + bias, 12);
    }
  });
});

describe('1.3 gradient descent on J(θ) = (θ − 3)² from θ = 0', () => {
  const J = (t: number) => (t - 3) ** 2;
  const step = (eta: number) => {
    const theta = { value: Float64Array.of(0), grad: Float64Array.of(2 * (0 - 3)) };
    new SGD([theta], eta).step();
    return theta.value[0]!;
  };
  it('η = 0.1 steps to θ = 0.6 with J = 5.76; Taylor predicted 9 − 0.1·36 = 5.4', () => {
    expect(step(0.1)).toBeCloseTo(0.6, 12);
    expect(J(step(0.1))).toBeCloseTo(5.76, 12);
    expect(J(0) - 0.1 * 6 ** 2).toBeCloseTo(5.4, 12);
    expect(J(step(0.1)) - (J(0) - 0.1 * 36)).toBeCloseTo(0.1 ** 2 * 36, 12);
  });
  it('η = 1.1 overshoots to θ = 6.6 with J = 12.96 > 9', () => {
    expect(step(1.1)).toBeCloseTo(6.6, 12);
    expect(J(step(1.1))).toBeCloseTo(12.96, 12);
  });
});

describe('1.4 and 1.6 softmax and cross-entropy', () => {
  it('softmax([2, 1, 0]) ≈ [0.665, 0.245, 0.090], with e² + e + 1 ≈ 11.107', () => {
    const sum = Math.exp(2) + Math.exp(1) + 1;
    expect(sum).toBeCloseTo(11.107, 3);
    const p = softmax([2, 1, 0]);
    expect(p.map((v) => Number(v.toFixed(3)))).toEqual([0.665, 0.245, 0.09]);
    expect(p[0]).toBeCloseTo(Math.exp(2) / sum, 12);
  });
  it('adding the same number to every logit changes nothing', () => {
    const p = softmax([2, 1, 0]);
    softmax([102, 101, 100]).forEach((v, i) => expect(v).toBeCloseTo(p[i]!, 12));
  });
  it('softmax(5z) ≈ [0.9933, 0.0067, 0.00005]: towards the one-hot argmax', () => {
    const [a, b, c] = softmax([10, 5, 0]) as [number, number, number];
    expect(a).toBeCloseTo(0.9933, 4);
    expect(b).toBeCloseTo(0.0067, 4);
    expect(c).toBeCloseTo(0.00005, 5);
  });
  it('cross-entropy −log p_y is 0.408 for class 1 and 2.408 for class 3', () => {
    const p = softmax([2, 1, 0]);
    expect(-Math.log(p[0]!)).toBeCloseTo(0.408, 3);
    expect(-Math.log(p[2]!)).toBeCloseTo(2.408, 3);
  });
  it('log Σ e^z − y·z equals −log p_y (the one-step form of 1.8)', () => {
    const z = [0.3, -1.2, 2.2, 0.9];
    const p = softmax(z);
    z.forEach((zc, c) => expect(logSumExp(z) - zc).toBeCloseTo(-Math.log(p[c]!), 12));
  });
});

describe('1.7 two classes', () => {
  it('the two-class softmax is σ((w1 − w2)ᵀx): σ(0.5) ≈ 0.622 at x = (1, 0.5) in the worked example', () => {
    const x = [1, 1, 0.5];
    const s1 = [0, 2, 1].reduce((s, w, i) => s + w * x[i]!, 0);
    const s2 = [0, 1, 2].reduce((s, w, i) => s + w * x[i]!, 0);
    const [p1, p2] = softmax([s1, s2]) as [number, number];
    expect(p1).toBeCloseTo(sigmoid(s1 - s2), 12);
    expect(p1).toBeCloseTo(0.622, 3);
    expect(p2).toBeCloseTo(0.378, 3);
  });
  it('σ(10) ≈ 0.99995 while 1/(e¹⁰ + 1) ≈ 0.00005 is the other class', () => {
    expect(sigmoid(10)).toBeCloseTo(0.99995, 5);
    expect(1 / (Math.exp(10) + 1)).toBeCloseTo(1 - sigmoid(10), 12);
  });
});

describe('1.8 gradients: error × input', () => {
  const x = [0.7, -1.3];
  it('softmax cross-entropy: ∂L/∂w_c = (p_c − y_c) x, with no factor 2', () => {
    const weights = [[0.2, -0.5], [1.1, 0.4], [-0.3, 0.8]];
    const biases = [0.1, 0, -0.2];
    const model = modelFromJSON({ inputs: 2, loss: 'softmax-cross-entropy', layers: [{ activation: 'identity', weights, biases }] });
    const y = 1;
    const z = weights.map((w, c) => w[0]! * x[0]! + w[1]! * x[1]! + biases[c]!);
    const p = softmax(z);
    const { gradients } = lossAndGradients(model, [x], [y]);
    gradients.layers[0]!.weights.forEach((row, c) => {
      const err = p[c]! - (c === y ? 1 : 0);
      expect(row[0]).toBeCloseTo(err * x[0]!, 12);
      expect(row[1]).toBeCloseTo(err * x[1]!, 12);
      expect(gradients.layers[0]!.biases[c]).toBeCloseTo(err, 12);
    });
  });
  it('squared error: ∂L/∂w_c = 2(z_c − y_c) x', () => {
    const weights = [[0.2, -0.5], [1.1, 0.4]];
    const biases = [0.1, -0.2];
    const model = modelFromJSON({ inputs: 2, loss: 'mse', layers: [{ activation: 'identity', weights, biases }] });
    const y = [0.5, -1];
    const z = weights.map((w, c) => w[0]! * x[0]! + w[1]! * x[1]! + biases[c]!);
    const { loss, gradients } = lossAndGradients(model, [x], [y]);
    expect(loss).toBeCloseTo((z[0]! - y[0]!) ** 2 + (z[1]! - y[1]!) ** 2, 12);
    gradients.layers[0]!.weights.forEach((row, c) => {
      expect(row[0]).toBeCloseTo(2 * (z[c]! - y[c]!) * x[0]!, 12);
      expect(row[1]).toBeCloseTo(2 * (z[c]! - y[c]!) * x[1]!, 12);
    });
  });
});
