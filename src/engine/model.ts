// A feed-forward network: dense layers h^[l] = g(W^[l] h^[l−1] + b^[l]) ending in an identity
// output layer, plus a head (the loss) that turns outputs into predictions. Forward runs the
// layers in order; backward runs their backward passes in reverse, each handing ∂L/∂h_prev on.

import { activations, isActivationName, type ActivationName } from './activations';
import { EngineError } from './errors';
import { defaultInit, initialize, initNames, type InitName } from './init';
import { jsKernels, type Kernels } from './kernels';
import { Dense } from './layer';
import {
  checkHead,
  classCount,
  heads,
  isLossName,
  absoluteInto,
  gaussianNllInto,
  mseInto,
  sigmoidCrossEntropyInto,
  softmaxCrossEntropyInto,
  type Head,
  type LossName,
} from './losses';
import { createRng, type Rng } from './random';
import { addPenalties } from './regularizers';

/** Size limits of a network: inputs ≤ 784, 0–8 hidden layers, 1–1024 units per layer. */
export const LIMITS = Object.freeze({ inputs: 784, hiddenLayers: 8, units: 1024 } as const);

/** One hidden layer of a network spec. */
export interface HiddenSpec {
  /** Width h of the layer, 1…1024. */
  units: number;
  activation: ActivationName;
  /** Dropout keep probability for this layer's output, in (0, 1]; 1 (default) means no dropout. */
  keep?: number | undefined;
}

/** The architecture of a network: d inputs, hidden layers, m outputs, and its head (loss). */
export interface ModelSpec {
  /** d, 1…784. */
  inputs: number;
  /** 0 to 8 hidden layers. */
  hidden: readonly HiddenSpec[];
  /** m: outputs (1 for sigmoid-cross-entropy, the number of classes k for softmax-cross-entropy). */
  outputs: number;
  loss: LossName;
  /** σ of the gaussian-nll loss (required for it, ignored otherwise). */
  sigma?: number | undefined;
  /** Weight initialization for every layer; default per layer by activation (see defaultInit). */
  init?: InitName | undefined;
}

/** A network of dense layers with an identity output layer and a head. */
export class Model {
  /** d: inputs per example. */
  readonly inputs: number;
  /** The dense layers, hidden first, the identity output layer last. */
  readonly layers: readonly Dense[];
  /** The loss, which also names the head. */
  readonly loss: LossName;
  /** σ of the gaussian-nll loss; 1 for the other losses. */
  readonly sigma: number;
  /** The matrix kernels used by every layer (swap in faster ones here; never module state). */
  kernels: Kernels = jsKernels;
  /** The data loss of the last trainingPass (forwardBackward). */
  readonly lastLoss = new Float64Array(1);

  constructor(inputs: number, layers: readonly Dense[], loss: LossName, sigma = 1) {
    this.inputs = inputs;
    this.layers = layers;
    this.loss = loss;
    this.sigma = sigma;
  }

  /** m: outputs per example. */
  get outputs(): number {
    return this.layers[this.layers.length - 1]!.units;
  }

  get head(): Head {
    return heads[this.loss];
  }

  /** Number of classes (2 for the sigmoid head, k for softmax), 0 for regression. */
  get classes(): number {
    return classCount(this.loss, this.outputs);
  }

  /**
   * Forward on a batch x (n×d, row-major): returns the output layer's z (n×m), the logits or
   * regression values ỹ. With `rng`, dropout is active (training); with null it is off.
   */
  forward(x: Float64Array, n: number, rng: Rng | null): Float64Array {
    let h = x;
    const last = this.layers.length - 1;
    for (let l = 0; l <= last; l++) h = this.layers[l]!.forward(h, n, this.kernels, l < last ? rng : null);
    return h;
  }

  /**
   * Backward on the batch of the last forward, once the head has written ∂L/∂z_out into the
   * output layer's `delta`: fills every layer's dW and db.
   */
  backward(x: Float64Array, n: number): void {
    for (let l = this.layers.length - 1; l >= 0; l--) {
      const prev = l > 0 ? this.layers[l - 1]! : null;
      this.layers[l]!.backward(prev ? prev.out : x, n, this.kernels, prev ? prev.delta : null);
    }
  }

  /** Total number of weights and biases. */
  get parameterCount(): number {
    let count = 0;
    for (const layer of this.layers) count += layer.W.length + layer.b.length;
    return count;
  }

  /** Copies every W and b from a model of the same shape. */
  copyParametersFrom(other: Model): void {
    this.layers.forEach((layer, l) => {
      const source = other.layers[l]!;
      layer.W.set(source.W);
      layer.b.set(source.b);
    });
  }

  /** True when every weight and bias is finite. */
  parametersFinite(): boolean {
    for (const layer of this.layers) {
      for (const v of layer.W) if (!Number.isFinite(v)) return false;
      for (const v of layer.b) if (!Number.isFinite(v)) return false;
    }
    return true;
  }
}

function checkInteger(value: unknown, min: number, max: number, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new EngineError(`${field} must be an integer, got ${JSON.stringify(value)}`);
  }
  if (value < min || value > max) throw new EngineError(`${field} must be between ${min} and ${max}, got ${value}`);
  return value;
}

/** Checks a dropout keep probability, 0 < keep ≤ 1. */
export function checkKeep(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > 1) {
    throw new EngineError(`${field} must be a number in (0, 1], got ${JSON.stringify(value)}`);
  }
  return value;
}

/** Checks σ for the gaussian-nll loss: a finite number > 0. */
export function checkSigma(value: unknown, field: string): number {
  if (value === undefined) throw new EngineError(`${field} is required for the gaussian-nll loss`);
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new EngineError(`${field} must be a finite number > 0, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** Checks the architecture numbers shared by specs and model files; fields are named after `prefix`. */
export function checkArchitecture(inputs: unknown, widths: readonly unknown[], loss: unknown, fields: {
  inputs: string;
  width: (l: number) => string;
  loss: string;
  layers: string;
}): void {
  checkInteger(inputs, 1, LIMITS.inputs, fields.inputs);
  if (widths.length > LIMITS.hiddenLayers + 1) {
    throw new EngineError(`${fields.layers} has ${widths.length - 1} hidden layers; at most ${LIMITS.hiddenLayers} are allowed`);
  }
  widths.forEach((w, l) => checkInteger(w, 1, LIMITS.units, fields.width(l)));
  if (!isLossName(loss)) {
    throw new EngineError(`${fields.loss} is not a known loss: ${JSON.stringify(loss)} (expected one of ${Object.keys(heads).join(', ')})`);
  }
  checkHead(loss, widths[widths.length - 1] as number, fields.loss);
}

/**
 * A new network from its spec, with weights drawn from createRng(seed) layer by layer (W row
 * by row; see `initialize`) and biases 0. Throws an EngineError naming the bad field.
 */
export function createModel(spec: ModelSpec, seed: number): Model {
  if (!Array.isArray(spec.hidden)) throw new EngineError('hidden must be an array of layers');
  if (spec.hidden.length > LIMITS.hiddenLayers) {
    throw new EngineError(`hidden has ${spec.hidden.length} layers; at most ${LIMITS.hiddenLayers} are allowed`);
  }
  checkArchitecture(
    spec.inputs,
    [...spec.hidden.map((layer) => layer.units), spec.outputs],
    spec.loss,
    {
      inputs: 'inputs',
      width: (l) => (l < spec.hidden.length ? `hidden[${l}].units` : 'outputs'),
      loss: 'loss',
      layers: 'hidden',
    },
  );
  const sigma = spec.loss === 'gaussian-nll' ? checkSigma(spec.sigma, 'sigma') : 1;
  if (spec.init !== undefined && !initNames.includes(spec.init)) {
    throw new EngineError(`init is not a known initialization: ${JSON.stringify(spec.init)}`);
  }
  const rng = createRng(seed);
  const layers: Dense[] = [];
  let d = spec.inputs;
  spec.hidden.forEach((hidden, l) => {
    const name: unknown = hidden.activation;
    if (!isActivationName(name)) {
      throw new EngineError(`hidden[${l}].activation is not a known activation: ${JSON.stringify(name)}`);
    }
    const keep = hidden.keep === undefined ? 1 : checkKeep(hidden.keep, `hidden[${l}].keep`);
    layers.push(new Dense(d, hidden.units, activations[name], keep));
    d = hidden.units;
  });
  layers.push(new Dense(d, spec.outputs, activations.identity));
  for (const layer of layers) initialize(layer, spec.init ?? defaultInit(layer.activation.name), rng);
  return new Model(spec.inputs, layers, spec.loss, sigma);
}

/**
 * One forward and backward pass on a batch (x: n×d, y: targets as the head reads them), with
 * dropout when `rng` is given. Returns the data loss L = (1/n) Σ ℓ and leaves ∂L/∂W, ∂L/∂b in
 * each layer's dW, db. Allocates nothing once the buffers hold n rows.
 */
export function forwardBackward(model: Model, x: Float64Array, y: Float64Array, n: number, rng: Rng | null): number {
  trainingPass(model, x, y, n, rng);
  return model.lastLoss[0]!;
}

/**
 * forwardBackward for hot loops: leaves the loss in `model.lastLoss[0]` instead of returning it.
 * A double returned from a call that V8 does not inline is boxed on the heap; this allocates
 * nothing at all once the buffers hold n rows.
 */
export function trainingPass(model: Model, x: Float64Array, y: Float64Array, n: number, rng: Rng | null): void {
  const yHat = model.forward(x, n, rng);
  for (let l = 0; l < model.layers.length; l++) model.layers[l]!.reserveDelta(n);
  const out = model.layers[model.layers.length - 1]!;
  const m = model.outputs;
  const { delta } = out;
  const { sigma, lastLoss } = model;
  // One call site per loss (not one through the head table), each writing its value in place.
  switch (model.loss) {
    case 'sigmoid-cross-entropy':
      sigmoidCrossEntropyInto(yHat, y, n, m, delta, sigma, lastLoss);
      break;
    case 'softmax-cross-entropy':
      softmaxCrossEntropyInto(yHat, y, n, m, delta, sigma, lastLoss);
      break;
    case 'mse':
      mseInto(yHat, y, n, m, delta, sigma, lastLoss);
      break;
    case 'absolute':
      absoluteInto(yHat, y, n, m, delta, sigma, lastLoss);
      break;
    case 'gaussian-nll':
      gaussianNllInto(yHat, y, n, m, delta, sigma, lastLoss);
      break;
  }
  model.backward(x, n);
}

/** Inputs as a row-major n×d Float64Array; throws an EngineError naming a bad entry. */
export function inputMatrix(inputs: readonly (readonly number[])[], d: number, field = 'inputs'): Float64Array {
  if (!Array.isArray(inputs)) throw new EngineError(`${field} must be an array of rows`);
  const x = new Float64Array(inputs.length * d);
  inputs.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== d) {
      throw new EngineError(`${field}[${i}] must be an array of ${d} numbers`);
    }
    row.forEach((v, k) => {
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new EngineError(`${field}[${i}][${k}] is not a finite number`);
      x[i * d + k] = v;
    });
  });
  return x;
}

/**
 * Targets as the head reads them: regression → n×m values (number[][], or number[] when m = 1);
 * classification → n integer labels in 0…classes−1 (number[]). Throws an EngineError naming a bad entry.
 */
export function targetArray(
  model: Pick<Model, 'loss' | 'outputs'>,
  targets: readonly (readonly number[])[] | readonly number[],
  n: number,
  field = 'targets',
): Float64Array {
  if (!Array.isArray(targets) || targets.length !== n) {
    throw new EngineError(`${field} must be an array with one entry per input row (${n})`);
  }
  const m = model.outputs;
  const head = heads[model.loss];
  if (head.task === 'classification') {
    const classes = classCount(model.loss, m);
    const y = new Float64Array(n);
    targets.forEach((v, i) => {
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v >= classes) {
        throw new EngineError(`${field}[${i}] must be a class label 0…${classes - 1}, got ${JSON.stringify(v)}`);
      }
      y[i] = v;
    });
    return y;
  }
  const y = new Float64Array(n * m);
  targets.forEach((row, i) => {
    const values = typeof row === 'number' && m === 1 ? [row] : row;
    if (!Array.isArray(values) || values.length !== m) {
      throw new EngineError(`${field}[${i}] must be an array of ${m} numbers`);
    }
    values.forEach((v: unknown, c: number) => {
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new EngineError(`${field}[${i}][${c}] is not a finite number`);
      y[i * m + c] = v;
    });
  });
  return y;
}

/** Gradients in the model file's shape: weights[j][k] = ∂L/∂W_jk, biases[j] = ∂L/∂b_j. */
export interface GradientsJSON {
  layers: { weights: number[][]; biases: number[] }[];
}

/** Weights (or their gradients) in the model file's nested shape, W[j][k] = W_jk. */
export function matrixRows(W: Float64Array, rows: number, cols: number): number[][] {
  const out: number[][] = [];
  for (let j = 0; j < rows; j++) out.push(Array.from(W.subarray(j * cols, (j + 1) * cols)));
  return out;
}

/**
 * The whole loss L = (1/n) Σ_i ℓ(ỹ⁽ⁱ⁾, y⁽ⁱ⁾) + λ₁ Σ|w| + λ₂ ½ Σ w² (weights only, no dropout)
 * and its gradient with respect to every W and b, in the model file's shape.
 * inputs: n×d; targets: n×m (regression) or n labels (classification).
 */
export function lossAndGradients(
  model: Model,
  inputs: number[][],
  targets: number[][] | number[],
  options: { l1?: number | undefined; l2?: number | undefined } = {},
): { loss: number; gradients: GradientsJSON } {
  const n = inputs.length;
  if (n === 0) throw new EngineError('inputs must hold at least one row');
  const x = inputMatrix(inputs, model.inputs);
  const y = targetArray(model, targets, n);
  const l1 = options.l1 ?? 0;
  const l2 = options.l2 ?? 0;
  const data = forwardBackward(model, x, y, n, null);
  const penalty = addPenalties(model.layers, l1, l2, true);
  return {
    loss: data + penalty,
    gradients: {
      layers: model.layers.map((layer) => ({
        weights: matrixRows(layer.dW, layer.units, layer.inputs),
        biases: Array.from(layer.db),
      })),
    },
  };
}
