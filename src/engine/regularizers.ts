// Penalties on the WEIGHTS only (biases shift a function without changing its shape, lesson 5):
// L_total = L_data + λ₂ · ½ Σ w² + λ₁ · Σ |w|. Each returns its value and adds its gradient.

import type { Dense } from './layer';

/** λ · ½ Σ_jk W_jk²; adds λ W to `dW` when given (weight decay). */
export function l2Penalty(W: Float64Array, lambda: number, dW: Float64Array | null): number {
  let s = 0;
  for (let i = 0; i < W.length; i++) {
    const w = W[i]!;
    s += w * w;
    if (dW) dW[i] = dW[i]! + lambda * w;
  }
  return 0.5 * lambda * s;
}

/** λ · Σ_jk |W_jk|; adds λ sign(W) to `dW` when given (subgradient 0 at w = 0). */
export function l1Penalty(W: Float64Array, lambda: number, dW: Float64Array | null): number {
  let s = 0;
  for (let i = 0; i < W.length; i++) {
    const w = W[i]!;
    s += Math.abs(w);
    if (dW) dW[i] = dW[i]! + lambda * Math.sign(w);
  }
  return lambda * s;
}

/** The total penalty over all layers' W; with `withGradient` it is added to each layer's dW. */
export function addPenalties(layers: readonly Dense[], l1: number, l2: number, withGradient: boolean): number {
  let penalty = 0;
  for (let l = 0; l < layers.length; l++) {
    const layer = layers[l]!;
    const dW = withGradient ? layer.dW : null;
    if (l2 !== 0) penalty += l2Penalty(layer.W, l2, dW);
    if (l1 !== 0) penalty += l1Penalty(layer.W, l1, dW);
  }
  return penalty;
}
