// Lesson 4's exact objects: the tent map and a ReLU network composing it k times (2^k linear
// pieces from a fixed number of units per layer), Montúfar's bound on the pieces of one layer,
// and parameter counts for comparing shallow-wide with deep-narrow networks.

import { activations } from './activations';
import { EngineError } from './errors';
import { Dense } from './layer';
import { LIMITS, Model } from './model';

/** The tent on [0, 1]: T(x) = h̃^[2](x) = max(0, 2x) − max(0, 4(x − ½)); T maps [0, 1] onto [0, 1]. */
export function tent(x: number): number {
  return Math.max(0, 2 * x) - Math.max(0, 4 * (x - 0.5));
}

/** The deck's first tent, on [0, 2]: h̃^[1](x) = max(0, x) − max(0, 2(x − 1)), mapping [0, 2] onto [0, 1]. */
export function tentOnZeroTwo(x: number): number {
  return Math.max(0, x) - Math.max(0, 2 * (x - 1));
}

/** T∘T∘…∘T (k times) at x. */
export function tentPower(x: number, k: number): number {
  let t = x;
  for (let i = 0; i < k; i++) t = tent(t);
  return t;
}

/**
 * A ReLU network (1 input, 1 output, mse head) computing T^k = T∘…∘T on [0, 1], with exactly 2^k
 * linear pieces there. For k ≤ 8 each hidden layer is one tent: two units relu(2t), relu(4t − 2)
 * of the previous layer's tent value t, combined as t' = u₁ − u₂ by the next layer's weights.
 * Past 8 hidden layers (the engine's limit) some layers compute T^m (m = 2 or more) at once with
 * 2^m units relu(2^m t − i), i = 0…2^m − 1, weighted 1, −2, +2, −2, …
 */
export function tentNetwork(k: number): Model {
  if (!Number.isInteger(k) || k < 1 || k > 16) throw new EngineError(`k must be an integer in 1…16, got ${k}`);
  const layersCount = Math.min(k, LIMITS.hiddenLayers);
  // m_l compositions in layer l, as even as possible, summing to k.
  const per = Array.from({ length: layersCount }, (_, l) => Math.floor(k / layersCount) + (l < k % layersCount ? 1 : 0));
  const layers: Dense[] = [];
  // c: weights that turn the previous layer's units into its tent value t = Σ c_i u_i.
  let c: number[] = [1];
  for (const m of per) {
    const scales = m === 1 ? [2, 4] : Array.from({ length: 2 ** m }, () => 2 ** m);
    const shifts = m === 1 ? [0, -2] : Array.from({ length: 2 ** m }, (_, i) => -i);
    const layer = new Dense(c.length, scales.length, activations.relu);
    scales.forEach((scale, j) => {
      c.forEach((ci, i) => (layer.W[j * c.length + i] = scale * ci));
      layer.b[j] = shifts[j]!;
    });
    layers.push(layer);
    c = m === 1 ? [1, -1] : Array.from({ length: 2 ** m }, (_, i) => (i === 0 ? 1 : i % 2 === 1 ? -2 : 2));
  }
  const output = new Dense(c.length, 1, activations.identity);
  c.forEach((ci, i) => (output.W[i] = ci));
  layers.push(output);
  return new Model(1, layers, 'mse');
}

function binomial(n: bigint, k: bigint): bigint {
  if (k < 0n || k > n) return 0n;
  let result = 1n;
  for (let i = 0n; i < k; i++) result = (result * (n - i)) / (i + 1n);
  return result;
}

/**
 * Montúfar et al. (2014): one layer of h ReLUs on d inputs has at most Σ_{i=0}^{d} C(h, i)
 * linear regions. Exact, as a BigInt (C(h, i) = 0 for i > h).
 */
export function montufarBound(h: number, d: number): bigint {
  if (!Number.isInteger(h) || !Number.isInteger(d) || h < 0 || d < 0) {
    throw new EngineError(`montufarBound needs integers h, d ≥ 0, got h = ${h}, d = ${d}`);
  }
  let sum = 0n;
  for (let i = 0; i <= d; i++) sum += binomial(BigInt(h), BigInt(i));
  return sum;
}

/**
 * Montúfar et al. (2014), k layers of width h ≥ d on d inputs: at least
 * ⌊h/d⌋^{(k−1)d} · Σ_{i=0}^{d} C(h, i) linear regions can be reached (polynomial in h,
 * exponential in k). Exact, as a BigInt.
 */
export function montufarDeepBound(h: number, d: number, k: number): bigint {
  if (!Number.isInteger(k) || k < 1) throw new EngineError(`montufarDeepBound needs an integer k ≥ 1, got ${k}`);
  if (!Number.isInteger(d) || d < 1) throw new EngineError(`montufarDeepBound needs an integer d ≥ 1, got ${d}`);
  return BigInt(Math.floor(h / d)) ** BigInt((k - 1) * d) * montufarBound(h, d);
}

/**
 * The number of weights and biases of a network: Σ_l (d_{l−1} d_l + d_l) over the layers, with
 * d_0 = inputs and the last layer of `outputs` units. Hidden layers are widths or { units }.
 */
export function parameterCount(spec: {
  inputs: number;
  hidden: readonly (number | { units: number })[];
  outputs: number;
}): number {
  let d = spec.inputs;
  let count = 0;
  for (const layer of [...spec.hidden, spec.outputs]) {
    const h = typeof layer === 'number' ? layer : layer.units;
    count += d * h + h;
    d = h;
  }
  return count;
}
