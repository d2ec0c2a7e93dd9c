// Checking back-propagation against the definition of the derivative: nudge one parameter by
// ±ε, recompute the whole loss, and compare (L(θ + ε) − L(θ − ε)) / 2ε with the analytic value.

import { inputMatrix, lossAndGradients, targetArray, type Model } from './model';
import { addPenalties } from './regularizers';

/** One parameter's comparison. For a bias, k is 0. */
export interface GradientCheckEntry {
  /** Layer index, 0 = first hidden layer (or the output layer when there is none). */
  layer: number;
  kind: 'weight' | 'bias';
  /** Unit j (row of W). */
  j: number;
  /** Input k (column of W); 0 for biases. */
  k: number;
  /** ∂L/∂θ from back-propagation. */
  analytic: number;
  /** Central difference (L(θ + ε) − L(θ − ε)) / 2ε. */
  numeric: number;
  /** |analytic − numeric| / max(|analytic|, |numeric|, 1e-4). */
  relError: number;
}

/** Every parameter's comparison, and the largest relative error. */
export interface GradientCheckResult {
  /** The whole loss at θ (data + penalties). */
  loss: number;
  entries: GradientCheckEntry[];
  maxRelError: number;
}

/**
 * Gradient check of the whole loss L = data loss (mean) + λ₁ Σ|w| + λ₂ ½ Σ w² (no dropout) for
 * EVERY weight and bias, by central differences with step ε. The relative error's denominator
 * is at least 1e-4: smaller gradients are compared absolutely, because rounding in L(θ ± ε)
 * (about 1e-16 · L / ε) makes finite differences meaningless below that. The model is left unchanged.
 */
export function gradientCheck(
  model: Model,
  inputs: number[][],
  targets: number[][] | number[],
  options: { l1?: number | undefined; l2?: number | undefined } = {},
  eps = 1e-5,
): GradientCheckResult {
  const l1 = options.l1 ?? 0;
  const l2 = options.l2 ?? 0;
  const { loss, gradients } = lossAndGradients(model, inputs, targets, { l1, l2 });
  const n = inputs.length;
  const x = inputMatrix(inputs, model.inputs);
  const y = targetArray(model, targets, n);
  const totalLoss = (): number => {
    const z = model.forward(x, n, null);
    return model.head.loss(z, y, n, model.outputs, null, model.sigma) + addPenalties(model.layers, l1, l2, false);
  };
  const numeric = (values: Float64Array, i: number): number => {
    const original = values[i]!;
    values[i] = original + eps;
    const plus = totalLoss();
    values[i] = original - eps;
    const minus = totalLoss();
    values[i] = original;
    return (plus - minus) / (2 * eps);
  };
  const entries: GradientCheckEntry[] = [];
  let maxRelError = 0;
  const record = (entry: Omit<GradientCheckEntry, 'relError'>): void => {
    const relError =
      Math.abs(entry.analytic - entry.numeric) / Math.max(Math.abs(entry.analytic), Math.abs(entry.numeric), 1e-4);
    maxRelError = Math.max(maxRelError, relError);
    entries.push({ ...entry, relError });
  };
  model.layers.forEach((layer, l) => {
    const grads = gradients.layers[l]!;
    for (let j = 0; j < layer.units; j++) {
      for (let k = 0; k < layer.inputs; k++) {
        record({ layer: l, kind: 'weight', j, k, analytic: grads.weights[j]![k]!, numeric: numeric(layer.W, j * layer.inputs + k) });
      }
    }
    for (let j = 0; j < layer.units; j++) {
      record({ layer: l, kind: 'bias', j, k: 0, analytic: grads.biases[j]!, numeric: numeric(layer.b, j) });
    }
  });
  return { loss, entries, maxRelError };
}
