// Losses are plain functions of the network's output, never layers. Each takes a batch of
// outputs ỹ (n×m, row-major) and targets y, returns the batch loss — the MEAN over the n
// examples — and writes ∂L/∂z_out, the gradient the output layer back-propagates.

import { EngineError } from './errors';
import { sigmoid, softmaxRow } from './numerics';

/** The names of the losses (each also fixes how outputs become predictions: the head). */
export type LossName =
  | 'mse'
  | 'absolute'
  | 'gaussian-nll'
  | 'sigmoid-cross-entropy'
  | 'softmax-cross-entropy';

/**
 * A batch loss. `yHat` is the n×m output of the network (identity output layer: ỹ = z_out);
 * `y` holds the targets: n×m values for regression, n integer labels for classification.
 * Returns L = (1/n) Σ_i ℓ(ỹ⁽ⁱ⁾, y⁽ⁱ⁾) and, when `dz` is given, writes dz = ∂L/∂ỹ (n×m),
 * which already carries the 1/n of the mean. Each loss is also there as `…Into(…, out)`, which
 * writes L to out[0] instead: training loops use those, as a returned double is boxed on the heap.
 */
export type LossFunction = (
  yHat: Float64Array,
  y: Float64Array,
  n: number,
  m: number,
  dz: Float64Array | null,
  sigma: number,
) => number;

/** Squared error without ½: ℓ = Σ_c (ỹ_c − y_c)²;  ∂L/∂ỹ_c = 2(ỹ_c − y_c)/n. */
export function mseInto(yHat: Float64Array, y: Float64Array, n: number, m: number, dz: Float64Array | null, _sigma: number, out: Float64Array): void {
  let sum = 0;
  for (let i = 0; i < n * m; i++) {
    const e = yHat[i]! - y[i]!;
    sum += e * e;
    if (dz) dz[i] = (2 * e) / n;
  }
  out[0] = sum / n;
}

export const mse: LossFunction = (yHat, y, n, m, dz, sigma) => {
  const out = new Float64Array(1);
  mseInto(yHat, y, n, m, dz, sigma, out);
  return out[0]!;
};

/** Absolute error: ℓ = Σ_c |ỹ_c − y_c|;  ∂L/∂ỹ_c = sign(ỹ_c − y_c)/n, with sign(0) = 0. */
export function absoluteInto(yHat: Float64Array, y: Float64Array, n: number, m: number, dz: Float64Array | null, _sigma: number, out: Float64Array): void {
  let sum = 0;
  for (let i = 0; i < n * m; i++) {
    const e = yHat[i]! - y[i]!;
    sum += Math.abs(e);
    if (dz) dz[i] = Math.sign(e) / n;
  }
  out[0] = sum / n;
}

export const absolute: LossFunction = (yHat, y, n, m, dz, sigma) => {
  const out = new Float64Array(1);
  absoluteInto(yHat, y, n, m, dz, sigma, out);
  return out[0]!;
};

/**
 * Gaussian negative log-likelihood with fixed σ (lesson 2.2):
 * ℓ = Σ_c [½ log(2πσ²) + (ỹ_c − y_c)²/(2σ²)];  ∂L/∂ỹ_c = (ỹ_c − y_c)/(σ² n).
 */
export function gaussianNllInto(yHat: Float64Array, y: Float64Array, n: number, m: number, dz: Float64Array | null, sigma: number, out: Float64Array): void {
  const s2 = sigma * sigma;
  const constant = 0.5 * Math.log(2 * Math.PI * s2);
  let sum = 0;
  for (let i = 0; i < n * m; i++) {
    const e = yHat[i]! - y[i]!;
    sum += constant + (e * e) / (2 * s2);
    if (dz) dz[i] = e / (s2 * n);
  }
  out[0] = sum / n;
}

export const gaussianNll: LossFunction = (yHat, y, n, m, dz, sigma) => {
  const out = new Float64Array(1);
  gaussianNllInto(yHat, y, n, m, dz, sigma, out);
  return out[0]!;
};

/**
 * Binary cross-entropy on one logit f with label y ∈ {0, 1} (lesson 2.4):
 * ℓ = softplus((1 − 2y) f) = −y log p − (1 − y) log(1 − p), p = σ(f);  ∂L/∂f = (σ(f) − y)/n.
 */
export function sigmoidCrossEntropyInto(f: Float64Array, y: Float64Array, n: number, _m: number, dz: Float64Array | null, _sigma: number, out: Float64Array): void {
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const t = (1 - 2 * y[i]!) * f[i]!;
    sum += Math.max(t, 0) + Math.log1p(Math.exp(-Math.abs(t)));
    if (dz) dz[i] = (sigmoid(f[i]!) - y[i]!) / n;
  }
  out[0] = sum / n;
}

export const sigmoidCrossEntropy: LossFunction = (yHat, y, n, m, dz, sigma) => {
  const out = new Float64Array(1);
  sigmoidCrossEntropyInto(yHat, y, n, m, dz, sigma, out);
  return out[0]!;
};

/**
 * Softmax and cross-entropy fused (lessons 3.5–3.6): with logits z (k per example) and label y,
 * ℓ = log Σ_c e^{z_c} − z_y (max subtracted first);  ∂L/∂z = (p − onehot(y))/n, p = softmax(z).
 * `dz` doubles as the buffer for p while it is computed.
 */
export function softmaxCrossEntropyInto(z: Float64Array, y: Float64Array, n: number, k: number, dz: Float64Array | null, _sigma: number, out: Float64Array): void {
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const row = i * k;
    const label = y[i]!;
    if (dz) {
      const lse = softmaxRow(z, row, k, dz, row);
      sum += lse - z[row + label]!;
      for (let c = 0; c < k; c++) dz[row + c] = (dz[row + c]! - (c === label ? 1 : 0)) / n;
    } else {
      let max = -Infinity;
      for (let c = 0; c < k; c++) max = Math.max(max, z[row + c]!);
      let s = 0;
      for (let c = 0; c < k; c++) s += Math.exp(z[row + c]! - max);
      sum += max + Math.log(s) - z[row + label]!;
    }
  }
  out[0] = sum / n;
}

export const softmaxCrossEntropy: LossFunction = (yHat, y, n, m, dz, sigma) => {
  const out = new Float64Array(1);
  softmaxCrossEntropyInto(yHat, y, n, m, dz, sigma, out);
  return out[0]!;
};

/** How a head reads the network: the loss, the task, and how outputs become predictions. */
export interface Head {
  readonly name: LossName;
  readonly loss: LossFunction;
  readonly task: 'regression' | 'classification';
  /**
   * Predictions from outputs, row by row (n×m in, n×m out): the value ỹ for regression, p = σ(f)
   * for the sigmoid head, p = softmax(z) for the softmax head.
   */
  predict(yHat: Float64Array, n: number, m: number, out: Float64Array): void;
}

const identityPredict = (yHat: Float64Array, n: number, m: number, out: Float64Array): void => {
  for (let i = 0; i < n * m; i++) out[i] = yHat[i]!;
};

/** The head table, keyed by loss name. */
export const heads: Readonly<Record<LossName, Head>> = Object.freeze({
  mse: { name: 'mse', loss: mse, task: 'regression', predict: identityPredict },
  absolute: { name: 'absolute', loss: absolute, task: 'regression', predict: identityPredict },
  'gaussian-nll': {
    name: 'gaussian-nll',
    loss: gaussianNll,
    task: 'regression',
    predict: identityPredict,
  },
  'sigmoid-cross-entropy': {
    name: 'sigmoid-cross-entropy',
    loss: sigmoidCrossEntropy,
    task: 'classification',
    predict: (f, n, _m, out) => {
      for (let i = 0; i < n; i++) out[i] = sigmoid(f[i]!);
    },
  },
  'softmax-cross-entropy': {
    name: 'softmax-cross-entropy',
    loss: softmaxCrossEntropy,
    task: 'classification',
    predict: (z, n, k, out) => {
      for (let i = 0; i < n; i++) softmaxRow(z, i * k, k, out, i * k);
    },
  },
});

/** True when `name` is one of the loss names. */
export function isLossName(name: unknown): name is LossName {
  return typeof name === 'string' && Object.hasOwn(heads, name);
}

/** Number of classes a classification head distinguishes with m outputs (sigmoid: 2). */
export function classCount(loss: LossName, outputs: number): number {
  if (loss === 'sigmoid-cross-entropy') return 2;
  if (loss === 'softmax-cross-entropy') return outputs;
  return 0;
}

/** Checks that a head can sit on `outputs` units; throws an EngineError naming `field`. */
export function checkHead(loss: LossName, outputs: number, field: string): void {
  if (loss === 'sigmoid-cross-entropy' && outputs !== 1) {
    throw new EngineError(`${field}: the sigmoid-cross-entropy head needs exactly 1 output, not ${outputs}`);
  }
  if (loss === 'softmax-cross-entropy' && outputs < 2) {
    throw new EngineError(`${field}: the softmax-cross-entropy head needs at least 2 outputs, not ${outputs}`);
  }
}
