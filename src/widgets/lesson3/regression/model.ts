// The softmax-regression widget's model (lesson 3.5): the training config (three blobs in the
// plane, no hidden layer, plain SGD, so each step is w_c ← w_c − η ε_c x averaged over a batch),
// and each class's weight vector with its gradient over the training set, from the engine.

import { lossAndGradients, modelFromJSON, type ClassificationSpec, type TrainerConfig } from '@engine';

/** The three classes; the decision regions of softmax regression are convex, one per class. */
export const CLASSES = 3;

/** The widget's settings as plain values (the kit's params, read back). */
export interface RegressionSettings {
  /** η. */
  lr: number;
  /** Examples per mini-batch. */
  batch: number;
  /** Standard deviation of each blob around its centre (2 units from the origin). */
  spread: number;
  /** Number of points. */
  n: number;
}

export const DEFAULT_SETTINGS: RegressionSettings = { lr: 0.1, batch: 16, spread: 0.6, n: 150 };

/** Share of the points held out for validation. */
export const VALIDATION = 0.2;

/** The data set for a spread and size: three Gaussian blobs around the directions 0°, 120°, 240°. */
export function dataSpec(settings: Pick<RegressionSettings, 'spread' | 'n'>): ClassificationSpec {
  return { name: 'blobs', classes: CLASSES, n: settings.n, spread: settings.spread };
}

/** The engine config: softmax regression (no hidden layer) trained by plain SGD. */
export function trainerConfig(settings: RegressionSettings, seed: number): TrainerConfig {
  return {
    network: { hidden: [], loss: 'softmax-cross-entropy' },
    data: dataSpec(settings),
    split: { validation: VALIDATION },
    optimizer: { kind: 'sgd', eta: settings.lr },
    batchSize: settings.batch,
    seed,
  };
}

/** One class's parameters and its gradient: ∂L/∂w_c = mean over the points of (p_c − 1[y = c]) x. */
export interface ClassArrow {
  c: number;
  w: [number, number];
  b: number;
  gradW: [number, number];
  gradB: number;
}

/** The output layer as the kit reports it (model-file rows: weights[c][k], biases[c]). */
export interface OutputLayer {
  weights: readonly (readonly number[])[];
  biases: readonly number[];
}

/** Training points as flat arrays (x: n×2, y: n labels). */
export interface Points {
  n: number;
  x: ArrayLike<number>;
  y: ArrayLike<number>;
}

/**
 * Each class's w_c, b_c and the gradient of the mean cross-entropy over `points` at these
 * weights, computed by the engine's back-propagation. Returns the loss too.
 */
export function classArrows(layer: OutputLayer, points: Points): { loss: number; arrows: ClassArrow[] } {
  const model = modelFromJSON({
    inputs: 2,
    layers: [{ activation: 'identity', weights: layer.weights.map((r) => [...r]), biases: [...layer.biases] }],
    loss: 'softmax-cross-entropy',
  });
  const inputs: number[][] = [];
  const labels: number[] = [];
  for (let i = 0; i < points.n; i++) {
    inputs.push([points.x[2 * i]!, points.x[2 * i + 1]!]);
    labels.push(points.y[i]!);
  }
  const { loss, gradients } = lossAndGradients(model, inputs, labels);
  const g = gradients.layers[0]!;
  const arrows = layer.weights.map((row, c): ClassArrow => ({
    c,
    w: [row[0]!, row[1]!],
    b: layer.biases[c]!,
    gradW: [g.weights[c]![0]!, g.weights[c]![1]!],
    gradB: g.biases[c]!,
  }));
  return { loss, arrows };
}

/** Σ_c ∂L/∂w_c and Σ_c ∂L/∂b_c: zero, because the errors p − y of each point sum to zero. */
export function gradientSum(arrows: readonly ClassArrow[]): { w: [number, number]; b: number } {
  const w: [number, number] = [0, 0];
  let b = 0;
  for (const a of arrows) {
    w[0] += a.gradW[0];
    w[1] += a.gradW[1];
    b += a.gradB;
  }
  return { w, b };
}

/** ‖∇L‖ over every weight and bias: how far from a stationary point the weights are. */
export function gradientNorm(arrows: readonly ClassArrow[]): number {
  let s = 0;
  for (const a of arrows) s += a.gradW[0] ** 2 + a.gradW[1] ** 2 + a.gradB ** 2;
  return Math.sqrt(s);
}
