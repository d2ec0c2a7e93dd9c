import { describe, expect, test } from 'vitest';
import {
  createModel,
  evaluateDataset,
  datasetFromArrays,
  modelFromJSON,
  predict,
  predictCurve,
  predictGrid,
  sigmoid,
} from '../../src/engine';

const example = {
  inputs: 2,
  layers: [
    { activation: 'tanh', weights: [[0.1, -0.2], [0.3, 0.4], [0.5, 0.6]], biases: [0, 0, 0] },
    { activation: 'identity', weights: [[1, -1, 0.5]], biases: [0.1] },
  ],
  loss: 'mse',
};

describe('predict', () => {
  test('regression: the example model at x = (1, 2), by hand', () => {
    // z = (0.1 − 0.4, 0.3 + 0.8, 0.5 + 1.2) = (−0.3, 1.1, 1.7)
    const expected = Math.tanh(-0.3) - Math.tanh(1.1) + 0.5 * Math.tanh(1.7) + 0.1;
    const [[y]] = predict(modelFromJSON(example), [[1, 2]]) as [[number]];
    expect(y).toBeCloseTo(expected, 15);
  });

  test('sigmoid head: [p] with p = σ(f)', () => {
    const model = modelFromJSON({ ...example, loss: 'sigmoid-cross-entropy' });
    const f = Math.tanh(-0.3) - Math.tanh(1.1) + 0.5 * Math.tanh(1.7) + 0.1;
    expect(predict(model, [[1, 2]])).toEqual([[sigmoid(f)]]);
  });

  test('softmax head: probabilities of all classes, summing to 1', () => {
    const model = createModel({ inputs: 2, hidden: [{ units: 5, activation: 'relu' }], outputs: 4, loss: 'softmax-cross-entropy' }, 3);
    for (const p of predict(model, [[0.3, -1], [2, 2], [0, 0]])) {
      expect(p).toHaveLength(4);
      expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
    }
  });
});

describe('predictGrid', () => {
  test('cell (i, j) holds the prediction at its centre, at index (j · nx + i) · m, reusing out', () => {
    const model = createModel({ inputs: 2, hidden: [{ units: 6, activation: 'tanh' }], outputs: 3, loss: 'softmax-cross-entropy' }, 4);
    const [nx, ny] = [5, 3];
    const out = new Float64Array(nx * ny * 3);
    const grid = predictGrid(model, -1, 1, 0, 3, nx, ny, out);
    expect(grid).toBe(out);
    for (let j = 0; j < ny; j++) {
      for (let i = 0; i < nx; i++) {
        const x = -1 + ((i + 0.5) * 2) / nx;
        const y = 0 + ((j + 0.5) * 3) / ny;
        const [p] = predict(model, [[x, y]]);
        p!.forEach((v, c) => expect(grid[(j * nx + i) * 3 + c]).toBeCloseTo(v, 15));
      }
    }
  });

  test('a 100 × 100 grid on a 16-16 network takes well under a second', () => {
    const model = createModel({ inputs: 2, hidden: [{ units: 16, activation: 'relu' }, { units: 16, activation: 'relu' }], outputs: 3, loss: 'softmax-cross-entropy' }, 1);
    const out = new Float64Array(100 * 100 * 3);
    predictGrid(model, -2, 2, -2, 2, 100, 100, out);
    const start = performance.now();
    predictGrid(model, -2, 2, -2, 2, 100, 100, out);
    expect(performance.now() - start).toBeLessThan(1000);
  });
});

describe('predictCurve', () => {
  test('evenly spaced values from a to b', () => {
    const model = modelFromJSON({ inputs: 1, layers: [{ activation: 'identity', weights: [[2]], biases: [1] }], loss: 'mse' });
    expect(Array.from(predictCurve(model, 0, 1, 5))).toEqual([1, 1.5, 2, 2.5, 3]);
  });
});

describe('evaluateDataset', () => {
  test('accuracy and mean loss of a fixed linear classifier, by hand', () => {
    // Logits z = (x, −x): class 0 wins for x > 0.
    const model = modelFromJSON({ inputs: 1, layers: [{ activation: 'identity', weights: [[1], [-1]], biases: [0, 0] }], loss: 'softmax-cross-entropy' });
    const data = datasetFromArrays([[1], [2], [-1], [0.5]], [0, 0, 0, 1]);
    const { loss, accuracy } = evaluateDataset(model, data);
    expect(accuracy).toBe(0.5);
    // ℓ = log(e^{z₀} + e^{z₁}) − z_y
    const ce = (x: number, y: number) => Math.log(Math.exp(x) + Math.exp(-x)) - (y === 0 ? x : -x);
    expect(loss).toBeCloseTo((ce(1, 0) + ce(2, 0) + ce(-1, 0) + ce(0.5, 1)) / 4, 14);
  });
});
