// Activations g, each written as its function and, right beside it, its derivative: the one
// local derivative ∂h/∂z a dense layer needs for back-propagation (lesson 3.7).

import { sigmoid, softplus } from './numerics';

/** The names of the activations, as used in model files and network specs. */
export type ActivationName = 'identity' | 'relu' | 'leaky-relu' | 'sigmoid' | 'tanh' | 'softplus';

/** An activation h = g(z) paired with its derivative g'(z), which may use z or the output h. */
export interface Activation {
  readonly name: ActivationName;
  /** h = g(z). */
  f(z: number): number;
  /** ∂h/∂z = g'(z), given z and h = g(z) (whichever is cheaper). */
  df(z: number, h: number): number;
  /**
   * For piecewise-linear g only: the slopes for z < 0 and z ≥ 0 (ReLU: 0 and 1). Used by
   * countLinearPieces; absent for smooth activations.
   */
  readonly slopes?: { readonly negative: number; readonly positive: number };
}

/** Slope of the leaky ReLU for z < 0. */
export const LEAKY_SLOPE = 0.01;

/** The activation table. At the kink z = 0 the derivative takes the left side: ReLU'(0) = 0, leaky-ReLU'(0) = 0.01. */
export const activations: Readonly<Record<ActivationName, Activation>> = Object.freeze({
  /** g(z) = z;  g'(z) = 1. */
  identity: {
    name: 'identity',
    f: (z) => z,
    df: () => 1,
    slopes: { negative: 1, positive: 1 },
  },
  /** g(z) = max(0, z);  g'(z) = u(z), the unit step (0 at z = 0). */
  relu: {
    name: 'relu',
    f: (z) => (z > 0 ? z : 0),
    df: (z) => (z > 0 ? 1 : 0),
    slopes: { negative: 0, positive: 1 },
  },
  /** g(z) = max(0.01 z, z);  g'(z) = 1 for z > 0, else 0.01. */
  'leaky-relu': {
    name: 'leaky-relu',
    f: (z) => (z > 0 ? z : LEAKY_SLOPE * z),
    df: (z) => (z > 0 ? 1 : LEAKY_SLOPE),
    slopes: { negative: LEAKY_SLOPE, positive: 1 },
  },
  /** g(z) = σ(z) = 1/(1 + e^{−z});  g'(z) = σ(z)(1 − σ(z)) = h(1 − h). */
  sigmoid: {
    name: 'sigmoid',
    f: sigmoid,
    df: (_z, h) => h * (1 - h),
  },
  /** g(z) = tanh z;  g'(z) = 1 − tanh² z = 1 − h². */
  tanh: {
    name: 'tanh',
    f: Math.tanh,
    df: (_z, h) => 1 - h * h,
  },
  /** g(z) = log(1 + e^z);  g'(z) = σ(z). */
  softplus: {
    name: 'softplus',
    f: softplus,
    df: (z) => sigmoid(z),
  },
});

/** True when `name` is one of the activation names. */
export function isActivationName(name: unknown): name is ActivationName {
  return typeof name === 'string' && Object.hasOwn(activations, name);
}
