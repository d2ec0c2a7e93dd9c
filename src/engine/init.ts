// Initial weights: Glorot/Xavier keeps the variance of z steady for tanh and sigmoid units, He
// doubles it for ReLUs, which zero half their inputs. Biases start at 0. Draws come from a seeded Rng.

import type { ActivationName } from './activations';
import type { Dense } from './layer';
import type { Rng } from './random';

/** Initialization schemes for W (biases are always 0). */
export type InitName = 'glorot-uniform' | 'glorot-normal' | 'he-uniform' | 'he-normal';

/** The names, for validation. */
export const initNames: readonly InitName[] = Object.freeze(['glorot-uniform', 'glorot-normal', 'he-uniform', 'he-normal']);

/** The default per layer: 'he-normal' for relu and leaky-relu, 'glorot-uniform' for the rest (identity, sigmoid, tanh, softplus). */
export function defaultInit(activation: ActivationName): InitName {
  return activation === 'relu' || activation === 'leaky-relu' ? 'he-normal' : 'glorot-uniform';
}

/**
 * Fills W (h×d, row by row) and zeroes b. With fan-in d and fan-out h:
 *   glorot-uniform  W_jk ~ U(−a, a), a = √(6/(d + h))      glorot-normal  W_jk ~ N(0, 2/(d + h))
 *   he-uniform      W_jk ~ U(−a, a), a = √(6/d)            he-normal      W_jk ~ N(0, 2/d)
 */
export function initialize(layer: Dense, init: InitName, rng: Rng): void {
  const d = layer.inputs;
  const h = layer.units;
  const W = layer.W;
  switch (init) {
    case 'glorot-uniform': {
      const a = Math.sqrt(6 / (d + h));
      for (let i = 0; i < W.length; i++) W[i] = a * (2 * rng.next() - 1);
      break;
    }
    case 'glorot-normal': {
      const sd = Math.sqrt(2 / (d + h));
      for (let i = 0; i < W.length; i++) W[i] = rng.normal(0, sd);
      break;
    }
    case 'he-uniform': {
      const a = Math.sqrt(6 / d);
      for (let i = 0; i < W.length; i++) W[i] = a * (2 * rng.next() - 1);
      break;
    }
    case 'he-normal': {
      const sd = Math.sqrt(2 / d);
      for (let i = 0; i < W.length; i++) W[i] = rng.normal(0, sd);
      break;
    }
  }
  layer.b.fill(0);
}
