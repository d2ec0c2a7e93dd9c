// The back-propagation walk-through's model (lesson 3.7): the lesson's two-layer ReLU network,
// run forward on one example and then backward one layer at a time with the engine's own
// layers, so each stage's vector (∂L/∂z₂, ∂L/∂h₁, ∂L/∂z₁, ∂L/∂W₁) can be shown on its own.

import { modelFromJSON, type ModelJSON } from '@engine';

/** The lesson's network: W₁, b₁ (3 ReLU units on 2 inputs), W₂, b₂ (3 logits). */
export const WALKTHROUGH_NETWORK: ModelJSON = {
  inputs: 2,
  layers: [
    { activation: 'relu', weights: [[1, -1], [0.5, 1], [-1, 0.5]], biases: [0, 0, 0.5] },
    { activation: 'identity', weights: [[0.5, 0.5, -1], [-1, 1, 0.5], [1, -1, 0]], biases: [0, 0, 0] },
  ],
  loss: 'softmax-cross-entropy',
};

/** The lesson's example: x = (2, 1), true class 2 (index 1). */
export const WALKTHROUGH_EXAMPLE = { x: [2, 1] as [number, number], y: 1 };

/** Every number of one forward and backward pass. Matrices are rows: W[j][k]. */
export interface Walkthrough {
  x: number[];
  y: number;
  W1: number[][];
  W2: number[][];
  z1: number[];
  h1: number[];
  z2: number[];
  p: number[];
  loss: number;
  /** ∂L/∂z₂ = p − y. */
  dz2: number[];
  /** ∂L/∂h₁ = W₂ᵀ ∂L/∂z₂. */
  dh1: number[];
  /** u(z₁): the ReLU's derivative, 1 where the unit is on. */
  step: number[];
  /** ∂L/∂z₁ = ∂L/∂h₁ ⊙ u(z₁). */
  dz1: number[];
  /** ∂L/∂W₁ = ∂L/∂z₁ xᵀ. */
  dW1: number[][];
  db1: number[];
  /** ∂L/∂W₂ = ∂L/∂z₂ h₁ᵀ. */
  dW2: number[][];
  db2: number[];
}

/** The stages a student steps through, in order. */
export const STAGES = ['forward', 'dz2', 'dh1', 'dz1', 'dW1'] as const;
export type Stage = (typeof STAGES)[number];

const rows = (values: Float64Array, cols: number): number[][] => {
  const out: number[][] = [];
  for (let j = 0; j < values.length / cols; j++) out.push(Array.from(values.subarray(j * cols, (j + 1) * cols)));
  return out;
};

/**
 * Runs the walk-through for input x and true class y (0-based) with the engine: the model's
 * forward pass, the fused softmax-cross-entropy for ∂L/∂z₂, then the output layer's backward
 * (which hands down ∂L/∂h₁) and the hidden layer's backward (which turns it into ∂L/∂z₁, ∂L/∂W₁).
 */
export function walkthrough(x: readonly number[], y: number, network: ModelJSON = WALKTHROUGH_NETWORK): Walkthrough {
  const model = modelFromJSON(network);
  const [hidden, output] = model.layers;
  if (!hidden || !output || model.layers.length !== 2) throw new Error('the walk-through needs exactly one hidden layer');
  const k = output.units;
  const input = Float64Array.from(x);
  const z2 = model.forward(input, 1, null);
  const p = new Float64Array(k);
  model.head.predict(z2, 1, k, p);
  const loss = model.head.loss(z2, Float64Array.of(y), 1, k, output.delta, model.sigma);
  const dz2 = Array.from(output.delta.subarray(0, k));
  const dh1 = new Float64Array(hidden.units);
  output.backward(hidden.out, 1, model.kernels, dh1);
  hidden.delta.set(dh1);
  hidden.backward(input, 1, model.kernels, null);
  const z1 = Array.from(hidden.z.subarray(0, hidden.units));
  return {
    x: [...x],
    y,
    W1: rows(hidden.W, hidden.inputs),
    W2: rows(output.W, output.inputs),
    z1,
    h1: Array.from(hidden.h.subarray(0, hidden.units)),
    z2: Array.from(z2.subarray(0, k)),
    p: Array.from(p),
    loss,
    dz2,
    dh1: Array.from(dh1),
    step: z1.map((z, j) => hidden.activation.df(z, hidden.h[j]!)),
    dz1: Array.from(hidden.delta.subarray(0, hidden.units)),
    dW1: rows(hidden.dW, hidden.inputs),
    db1: Array.from(hidden.db),
    dW2: rows(output.dW, output.inputs),
    db2: Array.from(output.db),
  };
}
