// The model file: a network as plain JSON, exactly round-tripped. weights[j][k] = W_jk (row j
// for unit j, column k for input k; W ∈ ℝ^{h×d}, z = W h + b). Anything malformed throws an
// EngineError that names the field, never a silent NaN.

import { activations, isActivationName, type ActivationName } from './activations';
import { EngineError } from './errors';
import { Dense } from './layer';
import { heads, type LossName } from './losses';
import { checkArchitecture, checkKeep, checkSigma, LIMITS, matrixRows, Model } from './model';

/** One dense layer in a model file: W as rows (weights[j][k] = W_jk), b, g, optional dropout keep. */
export interface LayerJSON {
  activation: ActivationName;
  /** h rows of d numbers. */
  weights: number[][];
  /** h numbers. */
  biases: number[];
  /** Dropout keep probability in (0, 1] (hidden layers only); written only when < 1. */
  keep?: number;
}

/** A model file. The last layer is the output layer, with activation "identity". */
export interface ModelJSON {
  inputs: number;
  layers: LayerJSON[];
  loss: LossName;
  /** σ of the gaussian-nll loss; required for it, written only for it. */
  sigma?: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function finiteNumber(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new EngineError(`${field} is not a finite number`);
  return value;
}

/** Parses and validates a model file (an object, or its JSON text). */
export function modelFromJSON(json: unknown): Model {
  const root = typeof json === 'string' ? parseText(json) : json;
  if (!isRecord(root)) throw new EngineError('the model must be a JSON object');
  const { inputs, layers, loss } = root;
  if (!Array.isArray(layers) || layers.length === 0) {
    throw new EngineError('layers must be a non-empty array (the last entry is the output layer)');
  }
  if (layers.length > LIMITS.hiddenLayers + 1) {
    throw new EngineError(`layers has ${layers.length - 1} hidden layers; at most ${LIMITS.hiddenLayers} are allowed`);
  }
  layers.forEach((layer, l) => {
    if (!isRecord(layer)) throw new EngineError(`layers[${l}] must be an object`);
    if (!Array.isArray(layer.weights) || layer.weights.length === 0) {
      throw new EngineError(`layers[${l}].weights must be a non-empty array of rows`);
    }
  });
  const records = layers as Record<string, unknown>[];
  const widths = records.map((layer) => (layer.weights as unknown[]).length);
  checkArchitecture(inputs, widths, loss, {
    inputs: 'inputs',
    width: (l) => `layers[${l}].weights`,
    loss: 'loss',
    layers: 'layers',
  });
  const lossName = loss as LossName;
  const sigma = lossName === 'gaussian-nll' ? checkSigma(root.sigma, 'sigma') : 1;
  let d = inputs as number;
  const dense = records.map((layer, l) => {
    const isOutput = l === records.length - 1;
    const field = `layers[${l}]`;
    if (!isActivationName(layer.activation)) {
      throw new EngineError(`${field}.activation is not a known activation: ${JSON.stringify(layer.activation)} (expected one of ${Object.keys(activations).join(', ')})`);
    }
    if (isOutput && layer.activation !== 'identity') {
      throw new EngineError(`${field}.activation must be "identity" for the output layer (the loss is the head), got "${layer.activation}"`);
    }
    let keep = 1;
    if (layer.keep !== undefined) {
      keep = checkKeep(layer.keep, `${field}.keep`);
      if (isOutput && keep !== 1) throw new EngineError(`${field}.keep: the output layer cannot use dropout`);
    }
    const rows = layer.weights as unknown[];
    const h = rows.length;
    const result = new Dense(d, h, activations[layer.activation], keep);
    rows.forEach((row, j) => {
      if (!Array.isArray(row) || row.length !== d) {
        throw new EngineError(`${field}.weights[${j}] must be an array of ${d} numbers (one per input of the layer)`);
      }
      row.forEach((v: unknown, k: number) => {
        result.W[j * d + k] = finiteNumber(v, `${field}.weights[${j}][${k}]`);
      });
    });
    if (!Array.isArray(layer.biases) || layer.biases.length !== h) {
      throw new EngineError(`${field}.biases must be an array of ${h} numbers (one per unit)`);
    }
    layer.biases.forEach((v: unknown, j: number) => {
      result.b[j] = finiteNumber(v, `${field}.biases[${j}]`);
    });
    d = h;
    return result;
  });
  return new Model(inputs as number, dense, lossName, sigma);
}

function parseText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new EngineError(`the model is not valid JSON: ${(error as Error).message}`);
  }
}

/** The model file of a model; modelFromJSON(modelToJSON(m)) reproduces every number exactly. */
export function modelToJSON(model: Model): ModelJSON {
  const json: ModelJSON = {
    inputs: model.inputs,
    layers: model.layers.map((layer) => {
      const out: LayerJSON = {
        activation: layer.activation.name,
        weights: matrixRows(layer.W, layer.units, layer.inputs),
        biases: Array.from(layer.b),
      };
      if (layer.keep < 1) out.keep = layer.keep;
      return out;
    }),
    loss: model.loss,
  };
  if (model.loss === 'gaussian-nll') json.sigma = model.sigma;
  return json;
}

/** The loss names, for menus. */
export const lossNames: readonly LossName[] = Object.freeze(Object.keys(heads) as LossName[]);
