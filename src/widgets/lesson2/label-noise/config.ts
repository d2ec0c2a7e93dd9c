// The label-noise widget's run as a plain engine config: two Gaussian blobs, a fraction ε of their
// labels flipped, and logistic regression (no hidden layer, sigmoid head, binary cross-entropy).
// Shared by the widget and its tests.

import { predict, type Model, type TrainerConfig } from '@engine';

export interface LabelNoiseSettings {
  /** ε: fraction of labels flipped at random. */
  labelNoise: number;
  /** η of Adam. */
  lr: number;
}

export const DEFAULTS: LabelNoiseSettings = { labelNoise: 0.1, lr: 0.05 };

export const POINTS = 200;
export const VALIDATION = 0.2;

/** The engine puts blob c of 2 at angle πc on the circle of radius 2: class 0 at (2, 0), class 1 at (−2, 0). */
export const CENTRES: readonly [readonly [number, number], readonly [number, number]] = [
  [2, 0],
  [-2, 0],
];

export function labelNoiseConfig(s: LabelNoiseSettings, seed: number): TrainerConfig {
  return {
    network: { hidden: [], loss: 'sigmoid-cross-entropy' },
    data: { name: 'blobs', classes: 2, n: POINTS, labelNoise: s.labelNoise },
    split: { validation: VALIDATION },
    optimizer: { kind: 'adam', eta: s.lr },
    batchSize: Math.round(POINTS * (1 - VALIDATION)),
    seed,
  };
}

/** ‖w‖ of the logistic regression f(x) = w·x + b. */
export function weightNorm(model: Model): number {
  const W = model.layers[model.layers.length - 1]!.W;
  let s = 0;
  for (const w of W) s += w * w;
  return Math.sqrt(s);
}

/** P(y = 1) at the two blob centres: [at class 0's centre, at class 1's centre]. */
export function centreProbabilities(model: Model): [number, number] {
  const p = predict(model, CENTRES.map((c) => [...c]));
  return [p[0]![0]!, p[1]![0]!];
}
