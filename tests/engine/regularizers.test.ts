import { describe, expect, test } from 'vitest';
import { l1Penalty, l2Penalty, Trainer, type TrainerConfig } from '../../src/engine';

describe('penalties on weights', () => {
  test('L2: λ · ½ Σ w², gradient λ w', () => {
    const W = Float64Array.of(1, -2, 0.5);
    const dW = Float64Array.of(0.1, 0.1, 0.1);
    expect(l2Penalty(W, 0.4, dW)).toBeCloseTo(0.4 * 0.5 * (1 + 4 + 0.25), 15);
    expect(Array.from(dW)).toEqual([0.1 + 0.4, 0.1 - 0.8, 0.1 + 0.2].map((v) => expect.closeTo(v, 15)));
  });

  test('L1: λ · Σ |w|, subgradient λ sign(w), 0 at w = 0', () => {
    const W = Float64Array.of(1, -2, 0);
    const dW = new Float64Array(3);
    expect(l1Penalty(W, 0.3, dW)).toBeCloseTo(0.9, 15);
    expect(Array.from(dW)).toEqual([0.3, -0.3, 0]);
  });

  test('with SGD, L2 is weight decay: w ← (1 − ηλ) w − η ∇L_data, biases untouched', () => {
    const config: TrainerConfig = {
      network: { hidden: [5], activation: 'tanh' },
      data: { name: 'sine', n: 20 },
      optimizer: { kind: 'sgd', eta: 0.1 },
      batchSize: 20,
      seed: 8,
    };
    const plain = new Trainer(config);
    const decayed = new Trainer({ ...config, l2: 0.3 });
    const w0 = plain.parameters();
    plain.step(1);
    decayed.step(1);
    const a = plain.parameters();
    const b = decayed.parameters();
    a.forEach((layer, l) => {
      layer.W.forEach((w, i) => expect(b[l]!.W[i]).toBeCloseTo(w - 0.1 * 0.3 * w0[l]!.W[i]!, 14));
      expect(b[l]!.b).toEqual(layer.b);
    });
  });
});
