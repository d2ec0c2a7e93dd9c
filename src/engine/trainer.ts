// The training loop the widgets drive. One tick is: forward → loss → backward → step → record
// metrics. The Trainer owns the seeded data, split, model and optimizer; the same config and seed
// replay the same run bit for bit, and reset() returns to its first state exactly.

import type { ActivationName } from './activations';
import {
  datasetFromArrays,
  makeDataset,
  MiniBatches,
  splitDataset,
  type Dataset,
  type DatasetSpec,
  type SplitSpec,
} from './data';
import { EngineError } from './errors';
import { createAutoKernels } from './kernels-wasm';
import type { InitName } from './init';
import { heads, type LossName } from './losses';
import { evaluateDataset, penalty } from './metrics';
import { createModel, trainingPass, type HiddenSpec, type Model } from './model';
import { modelFromJSON, modelToJSON, type ModelJSON } from './model-json';
import {
  createOptimizer,
  updateOptimizer,
  type Optimizer,
  type OptimizerConfig,
  type Parameter,
} from './optimizers';
import { createRng, type Rng } from './random';
import { addPenalties } from './regularizers';

/** A hidden layer in a trainer's network: a width, or a full layer (activation defaults to the network's). */
export type HiddenLayerConfig = number | { units: number; activation?: ActivationName | undefined; keep?: number | undefined };

/** The network of a trainer: like createModel's spec, with inputs and outputs derived from the data. */
export interface NetworkConfig {
  /** Hidden layers, first to last (0 to 8). */
  hidden: readonly HiddenLayerConfig[];
  /** Activation of hidden layers that do not name one (default 'relu'). */
  activation?: ActivationName | undefined;
  /** The loss/head (default: 'mse' for regression data, 'softmax-cross-entropy' for classification). */
  loss?: LossName | undefined;
  /** σ for 'gaussian-nll'. */
  sigma?: number | undefined;
  /** Initialization (default per layer by activation, see defaultInit). */
  init?: InitName | undefined;
}

/** Explicit data: number[][] targets are regression values, number[] targets are class labels. */
export interface ArrayData {
  inputs: number[][];
  targets: number[][] | number[];
  /** Number of classes, when the labels do not show them all. */
  classes?: number | undefined;
}

/** Everything that defines a training run. */
export interface TrainerConfig {
  network: NetworkConfig;
  /** A data set spec (its own seed, else the trainer's) or explicit arrays. */
  data: DatasetSpec | ArrayData;
  /** Held-out fractions (default: no validation or test set). */
  split?: SplitSpec | undefined;
  optimizer: OptimizerConfig;
  /** B, examples per mini-batch. */
  batchSize: number;
  /** λ₁ of the L1 penalty λ₁ Σ|w| (default 0). */
  l1?: number | undefined;
  /** λ₂ of the L2 penalty λ₂ ½ Σ w² (default 0). */
  l2?: number | undefined;
  /** Dropout keep probability of every hidden layer that sets none itself (default 1: off). */
  keep?: number | undefined;
  /** Keep the parameters of the lowest validation loss (see restoreBest). Default false. */
  earlyStopping?: boolean | undefined;
  /** Seeds the initial weights, split, shuffles and dropout (and the data set, unless it has its own). */
  seed: number;
}

/** A change to a trainer's config; every field is optional, the optimizer's too. */
export type TrainerChange = Partial<Omit<TrainerConfig, 'optimizer' | 'network'>> & {
  optimizer?: Partial<OptimizerConfig>;
  network?: Partial<NetworkConfig>;
};

/** Where training stands after a call. Losses are data losses (mean over examples, no penalty). */
export interface Metrics {
  /** Epochs done, fractional: 2.5 is half-way through the third epoch. */
  epoch: number;
  /** Optimizer steps (mini-batches) taken. */
  steps: number;
  /** Loss on the whole training set (no dropout). */
  trainLoss: number;
  valLoss?: number;
  testLoss?: number;
  trainAccuracy?: number;
  valAccuracy?: number;
  testAccuracy?: number;
  /** λ₁ Σ|w| + λ₂ ½ Σ w² at the current weights. */
  penalty: number;
  /** With early stopping: the epoch of the best validation loss so far. */
  bestEpoch?: number;
  status: 'ok' | 'diverged';
  /** Why training stopped, for status 'diverged'. */
  message?: string;
}

/** Metrics over time, one entry per step()/epoch call; NaN where a value does not exist. */
export interface MetricsHistory {
  epoch: number[];
  steps: number[];
  trainLoss: number[];
  valLoss: number[];
  trainAccuracy: number[];
  valAccuracy: number[];
}

/** A trainer's state as plain data. */
export interface TrainerSnapshot {
  model: ModelJSON;
  history: MetricsHistory;
  metrics: Metrics;
  bestEpoch?: number;
}

/** The data a trainer learns from, split. */
export interface TrainerData {
  all: Dataset;
  train: Dataset;
  validation: Dataset;
  test: Dataset;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a).filter((key) => (a as Record<string, unknown>)[key] !== undefined);
  const keysB = Object.keys(b).filter((key) => (b as Record<string, unknown>)[key] !== undefined);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) => sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

function isArrayData(data: TrainerConfig['data']): data is ArrayData {
  return 'inputs' in data && Array.isArray(data.inputs);
}

function nonNegative(value: number, field: string): number {
  if (!Number.isFinite(value) || value < 0) throw new EngineError(`${field} must be a finite number ≥ 0, got ${value}`);
  return value;
}

function checkOptimizer(config: OptimizerConfig): OptimizerConfig {
  if (config.kind !== 'sgd' && config.kind !== 'momentum' && config.kind !== 'adam') {
    throw new EngineError(`optimizer.kind must be 'sgd', 'momentum' or 'adam', got ${JSON.stringify(config.kind)}`);
  }
  if (!Number.isFinite(config.eta) || config.eta <= 0) throw new EngineError(`optimizer.eta must be a finite number > 0, got ${config.eta}`);
  for (const key of ['decay', 'beta', 'beta1', 'beta2'] as const) {
    const v = config[key];
    if (v === undefined) continue;
    if (!Number.isFinite(v) || v < 0 || (key !== 'decay' && v >= 1)) {
      throw new EngineError(`optimizer.${key} must be a number in ${key === 'decay' ? '[0, ∞)' : '[0, 1)'}, got ${v}`);
    }
  }
  return config;
}

function formatNumber(x: number): string {
  return Number.isInteger(x) || Math.abs(x) >= 1e-3 ? String(Number(x.toPrecision(4))) : x.toExponential(2);
}

/**
 * Trains a network on a data set with mini-batch gradient descent. Build it from a config, call
 * `step(batches)` from an animation loop or worker tick, and read the returned Metrics.
 */
export class Trainer {
  private cfg: TrainerConfig;
  private loaded: ModelJSON | null = null;
  private net!: Model;
  private sets!: TrainerData;
  private batches!: MiniBatches;
  private optimizer!: Optimizer;
  private params!: Parameter[];
  private dropoutRng!: Rng;
  private stepsTaken = 0;
  private diverged: Metrics | null = null;
  private last!: Metrics;
  private history!: MetricsHistory;
  private best: { W: Float64Array[]; b: Float64Array[]; epoch: number; valLoss: number } | null = null;
  /** WebAssembly SIMD where it pays (plain JS without it), kept across resets: one module instance per trainer. */
  private readonly kernels = createAutoKernels();

  constructor(config: TrainerConfig) {
    this.cfg = structuredCopy(config);
    this.build();
  }

  /** The current config (a copy). */
  get config(): TrainerConfig {
    return structuredCopy(this.cfg);
  }

  /** The network being trained (live: read, do not resize). */
  get model(): Model {
    return this.net;
  }

  /** All data and its train / validation / test parts. */
  get data(): TrainerData {
    return this.sets;
  }

  /** Optimizer steps taken. */
  get steps(): number {
    return this.stepsTaken;
  }

  /** Fractional epochs done. */
  get epoch(): number {
    return this.batches.epoch + this.batches.progress;
  }

  /** The metrics of the last call. */
  get metrics(): Metrics {
    return { ...this.last };
  }

  /** With early stopping, the epoch at which the validation loss was lowest. */
  get bestEpoch(): number | undefined {
    return this.best?.epoch;
  }

  /** Builds data, split, model and optimizer from the config; every random choice comes from the seed. */
  private build(): void {
    const cfg = this.cfg;
    const root = createRng(cfg.seed);
    const initSeed = root.uint32();
    const splitRng = root.fork();
    const shuffleRng = root.fork();
    this.dropoutRng = root.fork();

    const all = isArrayData(cfg.data)
      ? datasetFromArrays(cfg.data.inputs, cfg.data.targets, cfg.data.classes)
      : makeDataset(cfg.data, cfg.seed);
    this.sets = { all, ...splitDataset(all, cfg.split ?? { validation: 0 }, splitRng) };

    const network = cfg.network;
    const loss = network.loss ?? (all.task === 'regression' ? 'mse' : 'softmax-cross-entropy');
    if (heads[loss].task !== all.task) {
      throw new EngineError(`network.loss '${loss}' is a ${heads[loss].task} head, but the data set is for ${all.task}`);
    }
    if (loss === 'sigmoid-cross-entropy' && all.classes !== 2) {
      throw new EngineError(`network.loss 'sigmoid-cross-entropy' needs 2 classes, the data has ${all.classes}`);
    }
    const outputs = loss === 'sigmoid-cross-entropy' ? 1 : all.outputs;
    if (this.loaded) {
      this.net = modelFromJSON(this.loaded);
      checkCompatible(this.net, all);
    } else {
      if (!Array.isArray(network.hidden)) throw new EngineError('network.hidden must be an array of layers');
      const hidden: HiddenSpec[] = network.hidden.map((layer) => {
        const spec = typeof layer === 'number' ? { units: layer } : layer;
        const keep = spec.keep ?? cfg.keep ?? 1;
        return { units: spec.units, activation: spec.activation ?? network.activation ?? 'relu', keep };
      });
      this.net = createModel(
        {
          inputs: all.inputs,
          hidden,
          outputs,
          loss,
          ...(network.sigma !== undefined ? { sigma: network.sigma } : {}),
          ...(network.init !== undefined ? { init: network.init } : {}),
        },
        initSeed,
      );
    }
    this.net.kernels = this.kernels;
    nonNegative(cfg.l1 ?? 0, 'l1');
    nonNegative(cfg.l2 ?? 0, 'l2');
    this.params = this.net.layers.flatMap((layer) => [
      { value: layer.W, grad: layer.dW },
      { value: layer.b, grad: layer.db },
    ]);
    this.optimizer = createOptimizer(this.params, checkOptimizer(cfg.optimizer));
    this.batches = new MiniBatches(this.sets.train, cfg.batchSize, shuffleRng);
    this.stepsTaken = 0;
    this.diverged = null;
    this.best = null;
    this.history = { epoch: [], steps: [], trainLoss: [], valLoss: [], trainAccuracy: [], valAccuracy: [] };
    this.last = this.measure();
  }

  /**
   * Trains on `batches` more mini-batches, then measures. After a divergence it changes nothing
   * and returns the diverged metrics again.
   */
  step(batches = 1): Metrics {
    if (this.diverged) return { ...this.diverged };
    const l1 = this.cfg.l1 ?? 0;
    const l2 = this.cfg.l2 ?? 0;
    const { net, batches: source, optimizer } = this;
    for (let i = 0; i < batches; i++) {
      const epoch = this.epoch;
      const n = source.next();
      trainingPass(net, source.x, source.y, n, this.dropoutRng);
      const loss = net.lastLoss[0]! + addPenalties(net.layers, l1, l2, true);
      if (!Number.isFinite(loss)) return this.diverge(`the loss became ${loss}`, epoch);
      optimizer.step();
      this.stepsTaken++;
    }
    if (!net.parametersFinite()) return this.diverge('a weight became non-finite', this.epoch);
    const measured = this.measure(false);
    // Finite but enormous weights can still overflow on the whole set (∞ − ∞ = NaN).
    if (!Number.isFinite(measured.trainLoss)) return this.diverge(`the training loss became ${measured.trainLoss}`, this.epoch);
    if (measured.valLoss !== undefined && !Number.isFinite(measured.valLoss)) return this.diverge(`the validation loss became ${measured.valLoss}`, this.epoch);
    this.last = this.record(measured);
    return { ...this.last };
  }

  /** Trains to the end of the current epoch and then n − 1 more whole epochs, measuring after each. */
  runEpochs(n: number): Metrics {
    for (let e = 0; e < n && !this.diverged; e++) {
      this.step(this.batches.remaining);
    }
    return this.metrics;
  }

  /** Metrics now, including the test set. */
  evaluate(): Metrics {
    if (this.diverged) return { ...this.diverged };
    const metrics = this.measure(false);
    const test = this.sets.test;
    if (test.n > 0) {
      const result = evaluateDataset(this.net, test);
      metrics.testLoss = result.loss;
      if (result.accuracy !== undefined) metrics.testAccuracy = result.accuracy;
    }
    return metrics;
  }

  /**
   * Back to the first state: the same initial weights (or the loaded model), data, split and
   * shuffles. With a change, applies it first (a new architecture, data set or seed).
   */
  reset(change?: TrainerChange): Metrics {
    if (change) {
      const next = mergeConfig(this.cfg, change);
      if (change.network !== undefined && !sameValue(next.network, this.cfg.network)) this.loaded = null;
      this.cfg = next;
    }
    this.build();
    return this.metrics;
  }

  /** True when applying `change` needs new weights: network (architecture, loss, init), data, split or seed. */
  needsReset(change: TrainerChange): boolean {
    const next = mergeConfig(this.cfg, change);
    return (
      !sameValue(next.network, this.cfg.network) ||
      !sameValue(next.data, this.cfg.data) ||
      !sameValue(next.split, this.cfg.split) ||
      next.seed !== this.cfg.seed
    );
  }

  /**
   * Changes settings live, keeping the weights: η and the optimizer's other settings (a new
   * optimizer kind starts with fresh state), λ₁, λ₂, keep, batch size, early stopping. Throws an
   * EngineError for a change that needs reset (see needsReset).
   */
  setHyper(change: TrainerChange): void {
    if (this.needsReset(change)) {
      throw new EngineError('this change needs new weights (network, data, split or seed): call reset(change)');
    }
    const next = mergeConfig(this.cfg, change);
    checkOptimizer(next.optimizer);
    nonNegative(next.l1 ?? 0, 'l1');
    nonNegative(next.l2 ?? 0, 'l2');
    if (next.optimizer.kind !== this.cfg.optimizer.kind) this.optimizer = createOptimizer(this.params, next.optimizer);
    else updateOptimizer(this.optimizer, next.optimizer);
    if (change.keep !== undefined) {
      const keep = change.keep;
      if (!Number.isFinite(keep) || keep <= 0 || keep > 1) throw new EngineError(`keep must be a number in (0, 1], got ${keep}`);
      this.net.layers.forEach((layer, l) => {
        const own = this.cfg.network.hidden[l];
        if (l < this.net.layers.length - 1 && !(typeof own === 'object' && own.keep !== undefined)) layer.keep = keep;
      });
    }
    if (next.batchSize !== this.batches.batchSize) this.batches.batchSize = next.batchSize;
    if (Boolean(next.earlyStopping) !== Boolean(this.cfg.earlyStopping)) this.best = null;
    this.cfg = next;
    if (!this.diverged) this.last = { ...this.last, penalty: penalty(this.net, next.l1 ?? 0, next.l2 ?? 0) };
  }

  /** The model, the metrics history and the last metrics, as plain data. */
  snapshot(): TrainerSnapshot {
    const h = this.history;
    return {
      model: modelToJSON(this.net),
      history: {
        epoch: [...h.epoch],
        steps: [...h.steps],
        trainLoss: [...h.trainLoss],
        valLoss: [...h.valLoss],
        trainAccuracy: [...h.trainAccuracy],
        valAccuracy: [...h.valAccuracy],
      },
      metrics: this.metrics,
      ...(this.best ? { bestEpoch: this.best.epoch } : {}),
    };
  }

  /**
   * Replaces the network by a model file (same inputs and head kind as the data) and starts
   * over from it: counters, history and optimizer state are reset, and reset() returns to it.
   */
  loadModel(json: unknown): Metrics {
    const model = modelFromJSON(json);
    checkCompatible(model, this.sets.all);
    this.loaded = modelToJSON(model);
    this.cfg = { ...this.cfg, network: networkOf(model) };
    this.build();
    return this.metrics;
  }

  /** With early stopping: puts back the parameters of the best validation loss; false if there are none. */
  restoreBest(): boolean {
    const best = this.best;
    if (!best) return false;
    this.net.layers.forEach((layer, l) => {
      layer.W.set(best.W[l]!);
      layer.b.set(best.b[l]!);
    });
    this.diverged = null;
    this.last = this.measure(false);
    return true;
  }

  /** Copies of every layer's W (h×d, row-major) and b, cheap to post to a page. */
  parameters(): { W: Float64Array; b: Float64Array }[] {
    return this.net.layers.map((layer) => ({ W: layer.W.slice(), b: layer.b.slice() }));
  }

  private measure(record = true): Metrics {
    const { train, validation } = this.sets;
    const trainResult = evaluateDataset(this.net, train);
    const metrics: Metrics = {
      epoch: this.epoch,
      steps: this.stepsTaken,
      trainLoss: trainResult.loss,
      penalty: penalty(this.net, this.cfg.l1 ?? 0, this.cfg.l2 ?? 0),
      status: 'ok',
    };
    if (trainResult.accuracy !== undefined) metrics.trainAccuracy = trainResult.accuracy;
    if (validation.n > 0) {
      const val = evaluateDataset(this.net, validation);
      metrics.valLoss = val.loss;
      if (val.accuracy !== undefined) metrics.valAccuracy = val.accuracy;
    }
    if (record) return this.record(metrics);
    if (this.best) metrics.bestEpoch = this.best.epoch;
    return metrics;
  }

  /** Adds measured metrics to the history and, with early stopping, keeps the best parameters. */
  private record(metrics: Metrics): Metrics {
    if (this.cfg.earlyStopping && metrics.valLoss !== undefined && (!this.best || metrics.valLoss < this.best.valLoss)) {
      this.best = {
        W: this.net.layers.map((layer) => layer.W.slice()),
        b: this.net.layers.map((layer) => layer.b.slice()),
        epoch: metrics.epoch,
        valLoss: metrics.valLoss,
      };
    }
    if (this.best) metrics.bestEpoch = this.best.epoch;
    const h = this.history;
    h.epoch.push(metrics.epoch);
    h.steps.push(metrics.steps);
    h.trainLoss.push(metrics.trainLoss);
    h.valLoss.push(metrics.valLoss ?? Number.NaN);
    h.trainAccuracy.push(metrics.trainAccuracy ?? Number.NaN);
    h.valAccuracy.push(metrics.valAccuracy ?? Number.NaN);
    return metrics;
  }

  private diverge(what: string, epoch: number): Metrics {
    const eta = this.cfg.optimizer.eta;
    const message =
      `${what} at epoch ${Math.floor(epoch) + 1} (step ${this.stepsTaken + 1}) — the learning rate ` +
      `η = ${formatNumber(eta)} is probably too large; lower it and press Reset`;
    this.diverged = { ...this.last, epoch, steps: this.stepsTaken, status: 'diverged', message };
    this.last = this.diverged;
    return { ...this.diverged };
  }
}

/** Throws an EngineError unless the model reads the data's inputs and predicts its kind of targets. */
function checkCompatible(model: Model, all: Dataset): void {
  if (model.inputs !== all.inputs) throw new EngineError(`inputs: the model has ${model.inputs} inputs, the data ${all.inputs}`);
  if (model.head.task !== all.task) throw new EngineError(`loss: the model's head is for ${model.head.task}, the data for ${all.task}`);
  if (all.task === 'regression' && model.outputs !== all.outputs) {
    throw new EngineError(`layers: the model has ${model.outputs} outputs, the data ${all.outputs}`);
  }
  if (all.task === 'classification' && model.classes !== all.classes) {
    throw new EngineError(`layers: the model tells ${model.classes} classes apart, the data has ${all.classes}`);
  }
}

/** The network config describing a model's architecture. */
function networkOf(model: Model): NetworkConfig {
  const hidden = model.layers.slice(0, -1).map((layer) => ({
    units: layer.units,
    activation: layer.activation.name,
    ...(layer.keep < 1 ? { keep: layer.keep } : {}),
  }));
  return { hidden, loss: model.loss, ...(model.loss === 'gaussian-nll' ? { sigma: model.sigma } : {}) };
}

function mergeConfig(config: TrainerConfig, change: TrainerChange): TrainerConfig {
  const merged = { ...config, ...structuredCopy(change) } as TrainerConfig;
  merged.optimizer = { ...config.optimizer, ...structuredCopy(change.optimizer ?? {}) };
  merged.network = { ...config.network, ...structuredCopy(change.network ?? {}) };
  return merged;
}

/** A deep copy of plain config data (arrays and objects of numbers and strings). */
function structuredCopy<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => structuredCopy(item)) as T;
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) if (item !== undefined) out[key] = structuredCopy(item);
    return out as T;
  }
  return value;
}
