import { describe, expect, test } from 'vitest';
import {
  activations,
  createModel,
  createRng,
  EngineError,
  forwardBackward,
  gradientCheck,
  lossAndGradients,
  modelFromJSON,
  Trainer,
  type ActivationName,
  type LossName,
  type Model,
} from '../../src/engine';

const activationNames = Object.keys(activations) as ActivationName[];
const lossNames: LossName[] = ['mse', 'absolute', 'gaussian-nll', 'sigmoid-cross-entropy', 'softmax-cross-entropy'];
const shapes = [
  { inputs: 2, hidden: [] as number[] },
  { inputs: 2, hidden: [3] },
  { inputs: 3, hidden: [4, 3] },
  { inputs: 1, hidden: [2, 3, 2] },
];

function outputsFor(loss: LossName): number {
  return loss === 'sigmoid-cross-entropy' ? 1 : loss === 'softmax-cross-entropy' ? 3 : 2;
}

/** Random inputs and targets that suit the model's head, from a seed. */
function randomBatch(model: Model, n: number, seed: number): { inputs: number[][]; targets: number[][] | number[] } {
  const rng = createRng(seed);
  const inputs = Array.from({ length: n }, () => Array.from({ length: model.inputs }, () => rng.normal()));
  const classes = model.loss === 'sigmoid-cross-entropy' ? 2 : model.outputs;
  const targets =
    model.head.task === 'classification'
      ? Array.from({ length: n }, () => rng.int(classes))
      : Array.from({ length: n }, () => Array.from({ length: model.outputs }, () => rng.normal()));
  return { inputs, targets };
}

describe('back-propagation equals central finite differences (relative error < 1e-6)', () => {
  const cases = activationNames.flatMap((activation) => lossNames.map((loss) => [activation, loss] as const));
  test.each(cases)('%s hidden units, %s loss, on several shapes, with and without L1 + L2', (activation, loss) => {
    shapes.forEach((shape, s) => {
      const model = createModel(
        {
          inputs: shape.inputs,
          hidden: shape.hidden.map((units) => ({ units, activation })),
          outputs: outputsFor(loss),
          loss,
          sigma: 0.8,
        },
        100 + s,
      );
      const { inputs, targets } = randomBatch(model, 5, 200 + s);
      for (const penalties of [{}, { l1: 0.003, l2: 0.01 }]) {
        const result = gradientCheck(model, inputs, targets, penalties);
        expect(result.entries).toHaveLength(model.parameterCount);
        expect(result.maxRelError).toBeLessThan(1e-6);
      }
    });
  });

  test('dropout: with the masks held fixed, the gradient still matches finite differences', () => {
    const model = createModel(
      { inputs: 3, hidden: [{ units: 6, activation: 'tanh', keep: 0.5 }, { units: 5, activation: 'relu', keep: 0.7 }], outputs: 2, loss: 'mse' },
      7,
    );
    const { inputs, targets } = randomBatch(model, 4, 8);
    const x = Float64Array.from(inputs.flat());
    const y = Float64Array.from((targets as number[][]).flat());
    const rng = createRng(9);
    forwardBackward(model, x, y, 4, rng.clone());
    const lossWithMasks = (): number => {
      const z = model.forward(x, 4, rng.clone());
      return model.head.loss(z, y, 4, 2, null, 1);
    };
    const layer = model.layers[0]!;
    const analytic = layer.dW.slice();
    for (let i = 0; i < layer.W.length; i++) {
      const w = layer.W[i]!;
      layer.W[i] = w + 1e-5;
      const plus = lossWithMasks();
      layer.W[i] = w - 1e-5;
      const minus = lossWithMasks();
      layer.W[i] = w;
      const numeric = (plus - minus) / 2e-5;
      expect(Math.abs(analytic[i]! - numeric)).toBeLessThan(1e-9);
    }
  });
});

describe('one SGD step by hand', () => {
  test('1–1–1 tanh network, mse, batch of two, η = 0.1', () => {
    const json = {
      inputs: 1,
      layers: [
        { activation: 'tanh', weights: [[0.5]], biases: [0] },
        { activation: 'identity', weights: [[2]], biases: [0.1] },
      ],
      loss: 'mse',
    };
    const trainer = new Trainer({
      network: { hidden: [1] },
      data: { inputs: [[1], [-2]], targets: [[1], [0]] },
      optimizer: { kind: 'sgd', eta: 0.1 },
      batchSize: 2,
      seed: 1,
    });
    trainer.loadModel(json);
    trainer.step(1);

    // By hand: z = 0.5 x, h = tanh z, ỹ = 2h + 0.1, L = ½ Σ (ỹ − y)² (mean over 2 examples).
    const x = [1, -2];
    const y = [1, 0];
    const h = x.map((xi) => Math.tanh(0.5 * xi));
    const e = h.map((hi, i) => 2 * hi + 0.1 - y[i]!);
    const dYHat = e.map((ei) => (2 * ei) / 2); // ∂L/∂ỹ_i = 2(ỹ_i − y_i)/n
    const dW2 = dYHat[0]! * h[0]! + dYHat[1]! * h[1]!;
    const db2 = dYHat[0]! + dYHat[1]!;
    const dz1 = dYHat.map((d, i) => d * 2 * (1 - h[i]! ** 2)); // ∂L/∂z = ∂L/∂ỹ · W2 · tanh'(z)
    const dW1 = dz1[0]! * x[0]! + dz1[1]! * x[1]!;
    const db1 = dz1[0]! + dz1[1]!;

    const after = trainer.snapshot().model.layers;
    expect(after[0]!.weights[0]![0]).toBeCloseTo(0.5 - 0.1 * dW1, 14);
    expect(after[0]!.biases[0]).toBeCloseTo(0 - 0.1 * db1, 14);
    expect(after[1]!.weights[0]![0]).toBeCloseTo(2 - 0.1 * dW2, 14);
    expect(after[1]!.biases[0]).toBeCloseTo(0.1 - 0.1 * db2, 14);
  });
});

describe('lossAndGradients', () => {
  const json = {
    inputs: 2,
    layers: [
      { activation: 'relu', weights: [[1, -1], [0.5, 0.5]], biases: [0, -0.25] },
      { activation: 'identity', weights: [[2, -1]], biases: [0.5] },
    ],
    loss: 'mse',
  };

  test('the loss by hand, with penalties on weights only', () => {
    const model = modelFromJSON(json);
    // x = (1, 0): z = (1, 0.25), h = (1, 0.25), ỹ = 2 − 0.25 + 0.5 = 2.25, y = 2 → (0.25)².
    // x = (0, 1): z = (−1, 0.25), h = (0, 0.25), ỹ = −0.25 + 0.5 = 0.25, y = 0 → (0.25)².
    const sumW2 = 1 + 1 + 0.25 + 0.25 + 4 + 1;
    const sumAbsW = 1 + 1 + 0.5 + 0.5 + 2 + 1;
    const { loss } = lossAndGradients(model, [[1, 0], [0, 1]], [[2], [0]], { l1: 0.1, l2: 0.2 });
    expect(loss).toBeCloseTo(0.0625 + 0.1 * sumAbsW + 0.2 * 0.5 * sumW2, 14);
  });

  test("gradients have the model file's shape, and biases carry no penalty", () => {
    const model = modelFromJSON(json);
    const plain = lossAndGradients(model, [[1, 0], [0, 1]], [[2], [0]]);
    const penalized = lossAndGradients(model, [[1, 0], [0, 1]], [[2], [0]], { l2: 0.3 });
    expect(plain.gradients.layers.map((l) => [l.weights.length, l.weights[0]!.length, l.biases.length])).toEqual([
      [2, 2, 2],
      [1, 2, 1],
    ]);
    expect(penalized.gradients.layers[0]!.biases).toEqual(plain.gradients.layers[0]!.biases);
    // ∂(λ/2 Σ w²)/∂W = λ W.
    expect(penalized.gradients.layers[1]!.weights[0]![0]).toBeCloseTo(plain.gradients.layers[1]!.weights[0]![0]! + 0.3 * 2, 14);
  });

  test('the L1 subgradient is 0 at w = 0', () => {
    const model = modelFromJSON({ ...json, layers: [{ ...json.layers[0]!, weights: [[0, -1], [0.5, 0.5]] }, json.layers[1]!] });
    const plain = lossAndGradients(model, [[1, 0]], [[2]]);
    const l1 = lossAndGradients(model, [[1, 0]], [[2]], { l1: 0.5 });
    expect(l1.gradients.layers[0]!.weights[0]![0]).toBe(plain.gradients.layers[0]!.weights[0]![0]);
    expect(l1.gradients.layers[0]!.weights[0]![1]).toBeCloseTo(plain.gradients.layers[0]!.weights[0]![1]! - 0.5, 14);
  });

  test('bad targets throw an EngineError naming the entry', () => {
    const model = modelFromJSON(json);
    expect(() => lossAndGradients(model, [[1, 0]], [[Number.NaN]])).toThrow(/targets\[0\]\[0\]/);
    expect(() => lossAndGradients(model, [[1, 0, 3]], [[1]])).toThrow(EngineError);
    const classifier = modelFromJSON({ ...json, loss: 'sigmoid-cross-entropy' });
    expect(() => lossAndGradients(classifier, [[1, 0]], [2])).toThrow(/targets\[0\]/);
  });
});

describe('createModel', () => {
  test('Glorot-uniform weights lie in ±√(6/(d + h)); He-normal has variance near 2/d; biases are 0', () => {
    const glorot = createModel({ inputs: 30, hidden: [{ units: 50, activation: 'tanh' }], outputs: 1, loss: 'mse' }, 1);
    const a = Math.sqrt(6 / 80);
    expect(glorot.layers[0]!.W.every((w) => Math.abs(w) <= a)).toBe(true);
    expect(glorot.layers[0]!.b.every((b) => b === 0)).toBe(true);
    const he = createModel({ inputs: 100, hidden: [{ units: 200, activation: 'relu' }], outputs: 1, loss: 'mse' }, 1);
    const W = he.layers[0]!.W;
    const variance = W.reduce((s, w) => s + w * w, 0) / W.length;
    expect(variance).toBeGreaterThan(0.02 * 0.95);
    expect(variance).toBeLessThan(0.02 * 1.05);
  });

  test('the same seed gives the same weights; another seed does not', () => {
    const spec = { inputs: 2, hidden: [{ units: 4, activation: 'relu' as const }], outputs: 3, loss: 'softmax-cross-entropy' as const };
    expect(createModel(spec, 5).layers[0]!.W).toEqual(createModel(spec, 5).layers[0]!.W);
    expect(createModel(spec, 5).layers[0]!.W).not.toEqual(createModel(spec, 6).layers[0]!.W);
  });

  test('limits and names are checked, naming the field', () => {
    const base = { inputs: 2, outputs: 1, loss: 'mse' as const };
    expect(() => createModel({ ...base, hidden: Array(9).fill({ units: 2, activation: 'relu' }) }, 1)).toThrow(/hidden/);
    expect(() => createModel({ ...base, hidden: [{ units: 1025, activation: 'relu' }] }, 1)).toThrow(/hidden\[0\]\.units/);
    expect(() => createModel({ ...base, inputs: 785, hidden: [] }, 1)).toThrow(/inputs/);
    expect(() => createModel({ ...base, hidden: [{ units: 3, activation: 'swish' as ActivationName }] }, 1)).toThrow(/hidden\[0\]\.activation/);
    expect(() => createModel({ ...base, loss: 'gaussian-nll', hidden: [] }, 1)).toThrow(/sigma/);
    expect(() => createModel({ ...base, outputs: 2, loss: 'sigmoid-cross-entropy', hidden: [] }, 1)).toThrow(EngineError);
  });
});
