import { describe, expect, test } from 'vitest';
import { EngineError, Trainer, type TrainerConfig } from '../../src/engine';

const xorConfig: TrainerConfig = {
  network: { hidden: [2], activation: 'tanh', loss: 'sigmoid-cross-entropy' },
  data: { inputs: [[0, 0], [0, 1], [1, 0], [1, 1]], targets: [0, 1, 1, 0] },
  optimizer: { kind: 'sgd', eta: 0.5 },
  batchSize: 4,
  seed: 1,
};

const regressionConfig: TrainerConfig = {
  network: { hidden: [16, 16], activation: 'tanh' },
  data: { name: 'sine', n: 60, noiseScale: 0.1 },
  split: { validation: 0.25 },
  optimizer: { kind: 'adam', eta: 0.01 },
  batchSize: 10,
  seed: 4,
};

describe('learning', () => {
  test('a 2-2-1 tanh network learns XOR from a fixed seed', () => {
    const trainer = new Trainer(xorConfig);
    const first = trainer.metrics.trainLoss;
    const metrics = trainer.step(2000);
    expect(metrics.status).toBe('ok');
    expect(metrics.trainAccuracy).toBe(1);
    expect(metrics.trainLoss).toBeLessThan(0.05);
    expect(metrics.trainLoss).toBeLessThan(first);
  });

  test('a small network reaches ≥ 95 % training accuracy on two spirals', () => {
    const trainer = new Trainer({
      network: { hidden: [16, 16], activation: 'tanh' },
      data: { name: 'spirals', n: 200, classes: 2 },
      optimizer: { kind: 'adam', eta: 0.03 },
      batchSize: 20,
      seed: 1,
    });
    expect(trainer.metrics.trainAccuracy).toBeLessThan(0.8);
    const metrics = trainer.runEpochs(200);
    expect(metrics.trainAccuracy).toBeGreaterThanOrEqual(0.95);
  });

  test('regression: the training loss goes down on a seeded problem', () => {
    const trainer = new Trainer(regressionConfig);
    const before = trainer.metrics;
    const after = trainer.runEpochs(50);
    expect(after.trainLoss).toBeLessThan(before.trainLoss / 4);
    expect(after.valLoss).toBeLessThan(before.valLoss!);
    expect(after.epoch).toBe(50);
    expect(after.steps).toBe(50 * Math.ceil(45 / 10));
  });
});

describe('determinism', () => {
  test('the same seed gives bit-identical weights twice (with dropout on)', () => {
    const config = { ...regressionConfig, keep: 0.8 };
    const a = new Trainer(config);
    const b = new Trainer(config);
    a.step(37);
    b.step(37);
    expect(b.parameters()).toEqual(a.parameters());
    const c = new Trainer({ ...config, seed: 5 });
    c.step(37);
    expect(c.parameters()).not.toEqual(a.parameters());
  });

  test('reset returns exactly to the initial weights and data, and replays the same run', () => {
    const trainer = new Trainer({ ...regressionConfig, keep: 0.9 });
    const initial = trainer.parameters();
    const data = trainer.data.train.x.slice();
    const firstRun = trainer.step(5);
    trainer.step(30);
    const reset = trainer.reset();
    expect(trainer.parameters()).toEqual(initial);
    expect(trainer.data.train.x).toEqual(data);
    expect(reset.steps).toBe(0);
    expect(trainer.step(5)).toEqual(firstRun);
  });
});

describe('early stopping', () => {
  test('restoreBest puts back the parameters of the lowest validation loss', () => {
    const trainer = new Trainer({
      network: { hidden: [64, 64], activation: 'relu' },
      data: { name: 'sine', n: 24, noiseScale: 0.4 },
      split: { validation: 0.5 },
      optimizer: { kind: 'adam', eta: 0.01 },
      batchSize: 4,
      earlyStopping: true,
      seed: 3,
    });
    for (let e = 0; e < 300; e++) trainer.runEpochs(1);
    const { history, bestEpoch } = trainer.snapshot();
    const minVal = Math.min(...history.valLoss);
    expect(bestEpoch).toBe(history.epoch[history.valLoss.indexOf(minVal)]);
    const final = trainer.evaluate().valLoss!;
    expect(final).toBeGreaterThan(minVal); // it did overfit, so stopping early matters
    expect(trainer.restoreBest()).toBe(true);
    expect(trainer.evaluate().valLoss).toBe(minVal);
  });
});

describe('divergence', () => {
  test('η = 1000 on a regression stops with status diverged and an explanation, without throwing', () => {
    const trainer = new Trainer({ ...regressionConfig, optimizer: { kind: 'sgd', eta: 1e3 } });
    const metrics = trainer.runEpochs(50);
    expect(metrics.status).toBe('diverged');
    expect(metrics.message).toMatch(/became (Infinity|NaN|non-finite)/);
    expect(metrics.message).toMatch(/at epoch \d+/);
    expect(metrics.message).toContain('η = 1000');
    expect(metrics.message).toContain('lower it and press Reset');
    const frozen = trainer.parameters();
    expect(trainer.step(10)).toEqual(metrics);
    expect(trainer.parameters()).toEqual(frozen);
    expect(trainer.reset().status).toBe('ok');
  });
});

describe('live changes', () => {
  test('needsReset: architecture, data, split and seed need new weights; hyper-parameters do not', () => {
    const trainer = new Trainer(regressionConfig);
    expect(trainer.needsReset({ network: { hidden: [8] } })).toBe(true);
    expect(trainer.needsReset({ network: { loss: 'absolute' } })).toBe(true);
    expect(trainer.needsReset({ data: { name: 'abs' } })).toBe(true);
    expect(trainer.needsReset({ seed: 99 })).toBe(true);
    expect(trainer.needsReset({ split: { validation: 0.5 } })).toBe(true);
    expect(trainer.needsReset({ data: { name: 'sine', n: 60, noiseScale: 0.1 }, seed: 4 })).toBe(false);
    expect(trainer.needsReset({ optimizer: { eta: 0.5 }, l1: 0.1, l2: 0.1, keep: 0.5, batchSize: 3 })).toBe(false);
  });

  test('setHyper changes η, λ, keep and the batch size without touching the weights', () => {
    const trainer = new Trainer(regressionConfig);
    trainer.step(10);
    const before = trainer.parameters();
    trainer.setHyper({ optimizer: { eta: 0.001, kind: 'momentum' }, l2: 0.5, keep: 0.5, batchSize: 45 });
    expect(trainer.parameters()).toEqual(before);
    expect(trainer.config.optimizer).toEqual({ kind: 'momentum', eta: 0.001 });
    expect(trainer.model.layers.slice(0, -1).every((layer) => layer.keep === 0.5)).toBe(true);
    expect(trainer.metrics.penalty).toBeGreaterThan(0);
    const stepsBefore = trainer.steps;
    trainer.runEpochs(1);
    expect(trainer.steps - stepsBefore).toBe(1); // one batch of 45 is one epoch
    expect(() => trainer.setHyper({ network: { hidden: [3] } })).toThrow(EngineError);
  });

  test('reset(change) applies an architecture change', () => {
    const trainer = new Trainer(regressionConfig);
    trainer.reset({ network: { hidden: [5] } });
    expect(trainer.model.layers.map((l) => l.units)).toEqual([5, 1]);
  });
});

describe('models and snapshots', () => {
  test('snapshot has the model file and one history entry per measurement', () => {
    const trainer = new Trainer(regressionConfig);
    trainer.step(3);
    trainer.step(3);
    const snapshot = trainer.snapshot();
    expect(snapshot.history.trainLoss).toHaveLength(3);
    expect(snapshot.history.steps).toEqual([0, 3, 6]);
    expect(snapshot.model.layers.map((l) => l.weights.length)).toEqual([16, 16, 1]);
  });

  test('loadModel trains from the given weights and reset returns to them; mismatched models are refused', () => {
    const trainer = new Trainer(xorConfig);
    const json = {
      inputs: 2,
      layers: [
        { activation: 'tanh', weights: [[1, 1], [1, 1]], biases: [-0.5, -1.5] },
        { activation: 'identity', weights: [[1, -1]], biases: [0] },
      ],
      loss: 'sigmoid-cross-entropy',
    };
    trainer.loadModel(json);
    trainer.step(20);
    trainer.reset();
    expect(trainer.snapshot().model).toEqual(json);
    expect(() => trainer.loadModel({ ...json, inputs: 3, layers: [{ ...json.layers[0], weights: [[1, 1, 1], [1, 1, 1]] }, json.layers[1]] })).toThrow(/inputs/);
    expect(() => trainer.loadModel({ ...json, loss: 'mse' })).toThrow(EngineError);
  });

  test('a bad config throws an EngineError naming the field', () => {
    expect(() => new Trainer({ ...xorConfig, optimizer: { kind: 'sgd', eta: -1 } })).toThrow(/optimizer\.eta/);
    expect(() => new Trainer({ ...xorConfig, network: { hidden: [2], loss: 'mse' } })).toThrow(/network\.loss/);
    expect(() => new Trainer({ ...xorConfig, batchSize: 0 })).toThrow(/batchSize/);
  });
});

describe('buffers', () => {
  test('training steps reuse the same buffers once they are allocated', () => {
    const trainer = new Trainer({ ...regressionConfig, keep: 0.7 });
    trainer.step(1);
    const layers = trainer.model.layers;
    const buffers = layers.map((layer) => [layer.z, layer.h, layer.delta, layer.dW, layer.W]);
    trainer.step(25);
    layers.forEach((layer, l) => expect([layer.z, layer.h, layer.delta, layer.dW, layer.W]).toEqual(buffers[l]));
    layers.forEach((layer, l) => {
      expect(layer.z).toBe(buffers[l]![0]);
      expect(layer.delta).toBe(buffers[l]![2]);
    });
  });
});

describe('other data', () => {
  test('parity with a sigmoid head and explicit 784-wide arrays both train', () => {
    const parity = new Trainer({
      network: { hidden: [8, 8], activation: 'relu', loss: 'sigmoid-cross-entropy' },
      data: { name: 'parity', bits: 3 },
      optimizer: { kind: 'adam', eta: 0.05 },
      batchSize: 8,
      seed: 2,
    });
    expect(parity.runEpochs(300).trainAccuracy).toBe(1);
    const wide = new Trainer({
      network: { hidden: [4] },
      data: { inputs: [new Array(784).fill(0), new Array(784).fill(1)], targets: [0, 1] },
      optimizer: { kind: 'sgd', eta: 0.01 },
      batchSize: 2,
      seed: 1,
    });
    expect(wide.step(5).status).toBe('ok');
  });
});
