// The parity race's model: a deep-narrow network and a shallow-wide one with (nearly) the same
// number of parameters, trained on all 2ⁿ patterns of n-bit parity. Shapes, budgets and trainer
// configs live here so that the widget, the measurement script and the tests use the same ones.

import { parameterCount, Trainer, type ActivationName, type TrainerConfig } from '@engine';

/** Settings of one race. */
export interface ParitySettings {
  /** n, the number of bits: 2…10. */
  bits: number;
  /** Hidden layers of the deep network: 2…4. */
  depth: number;
  /** Units per hidden layer of the deep network: 2…16. */
  width: number;
  activation: Extract<ActivationName, 'tanh' | 'relu'>;
  /** Adam's learning rate η. */
  eta: number;
  seed: number;
}

export const PARITY_LIMITS = {
  bits: { min: 2, max: 10 },
  depth: { min: 2, max: 4 },
  width: { min: 2, max: 16 },
  eta: { min: 0.00001, max: 1 },
} as const;

/** The widget's and the study's defaults: three tanh layers as wide as the input, Adam with η = 0.01. */
export function defaultParitySettings(bits: number, seed = 1): ParitySettings {
  return { bits, depth: 3, width: bits, activation: 'tanh', eta: 0.01, seed };
}

/** Returns a readable message for settings the race cannot use, or null. */
export function paritySettingsProblem(s: ParitySettings): string | null {
  for (const key of ['bits', 'depth', 'width'] as const) {
    const { min, max } = PARITY_LIMITS[key];
    const v = s[key];
    if (!Number.isInteger(v) || v < min || v > max) return `${labels[key]} must be a whole number from ${min} to ${max} (got ${String(v)}).`;
  }
  if (s.activation !== 'tanh' && s.activation !== 'relu') return `The activation must be tanh or ReLU.`;
  if (!Number.isFinite(s.eta) || s.eta < PARITY_LIMITS.eta.min || s.eta > PARITY_LIMITS.eta.max) {
    return `The learning rate η must be a number from ${PARITY_LIMITS.eta.min} to ${PARITY_LIMITS.eta.max} (got ${String(s.eta)}).`;
  }
  if (!Number.isInteger(s.seed) || s.seed < 0) return `The seed must be a whole number ≥ 0.`;
  return null;
}

const labels = { bits: 'The number of bits n', depth: 'The deep network’s depth', width: 'The deep network’s width' } as const;

/** The two competitors: hidden widths and parameter counts. */
export interface ParityShapes {
  deep: number[];
  shallow: number[];
  deepParams: number;
  shallowParams: number;
}

/** Parameters of a network on n inputs with one output (the sigmoid head). */
export function parityParams(bits: number, hidden: readonly number[]): number {
  return parameterCount({ inputs: bits, hidden, outputs: 1 });
}

/**
 * The deep network is `depth` layers of `width` units; the shallow one gets the single width H
 * whose parameter count H(n + 2) + 1 is closest to the deep one's (ties go to the smaller H).
 */
export function parityShapes(s: Pick<ParitySettings, 'bits' | 'depth' | 'width'>): ParityShapes {
  const deep = Array.from({ length: s.depth }, () => s.width);
  const deepParams = parityParams(s.bits, deep);
  // One hidden layer of H units on n inputs, one output: H·n + H + H + 1 = H(n + 2) + 1.
  const exact = (deepParams - 1) / (s.bits + 2);
  const low = Math.max(1, Math.floor(exact));
  const high = low + 1;
  const H = Math.abs(parityParams(s.bits, [high]) - deepParams) < Math.abs(parityParams(s.bits, [low]) - deepParams) ? high : low;
  return { deep, shallow: [H], deepParams, shallowParams: parityParams(s.bits, [H]) };
}

/** Trainer configs of the two networks: all 2ⁿ patterns, full-batch Adam, the sigmoid head, one seed. */
export function parityConfigs(s: ParitySettings): { deep: TrainerConfig; shallow: TrainerConfig } {
  const problem = paritySettingsProblem(s);
  if (problem) throw new RangeError(problem);
  const shapes = parityShapes(s);
  const make = (hidden: number[]): TrainerConfig => ({
    network: { hidden, activation: s.activation, loss: 'sigmoid-cross-entropy' },
    data: { name: 'parity', bits: s.bits },
    optimizer: { kind: 'adam', eta: s.eta },
    batchSize: 2 ** s.bits,
    seed: s.seed,
  });
  return { deep: make(shapes.deep), shallow: make(shapes.shallow) };
}

/** The first epoch at which the accuracy reached 1 (every pattern right), or null. */
export function epochsTo100(epochs: readonly number[], accuracy: readonly number[]): number | null {
  for (let i = 0; i < accuracy.length; i++) if (accuracy[i] === 1) return epochs[i]!;
  return null;
}

/** What one training run reached. */
export interface ParityTrial {
  shape: 'deep' | 'shallow';
  seed: number;
  params: number;
  /** First epoch with 100 % accuracy on all 2ⁿ patterns, or null within the epoch budget. */
  epochsTo100: number | null;
  /** Best accuracy seen at any epoch. */
  bestAccuracy: number;
  /** Accuracy after the last epoch run. */
  finalAccuracy: number;
  /** Epochs actually run (the run stops at 100 %). */
  epochsRun: number;
  status: 'ok' | 'diverged';
}

/**
 * Trains one network for up to `maxEpochs` full-batch epochs (one Adam step each), stopping at
 * 100 % accuracy, and reports what it reached.
 */
export function runParityTrial(config: TrainerConfig, shape: 'deep' | 'shallow', maxEpochs: number): ParityTrial {
  const trainer = new Trainer(config);
  let best = trainer.metrics.trainAccuracy ?? 0;
  let last = best;
  let hit: number | null = last === 1 ? 0 : null;
  let epoch = 0;
  let status: 'ok' | 'diverged' = 'ok';
  while (hit === null && epoch < maxEpochs) {
    const m = trainer.runEpochs(1);
    epoch++;
    if (m.status !== 'ok') {
      status = 'diverged';
      break;
    }
    last = m.trainAccuracy ?? 0;
    best = Math.max(best, last);
    if (last === 1) hit = epoch;
  }
  return {
    shape,
    seed: config.seed,
    params: parityParams(trainer.data.all.inputs, trainer.model.layers.slice(0, -1).map((l) => l.units)),
    epochsTo100: hit,
    bestAccuracy: best,
    finalAccuracy: last,
    epochsRun: epoch,
    status,
  };
}

/** A shape's results over seeds. */
export interface ParitySummary {
  shape: 'deep' | 'shallow';
  hidden: number[];
  params: number;
  runs: number;
  /** Runs that reached 100 % within the budget. */
  solved: number;
  /** Median of epochs to 100 % over the solved runs (null if none). */
  medianEpochsSolved: number | null;
  /** Median and minimum over all runs of the best accuracy reached. */
  medianBestAccuracy: number;
  minBestAccuracy: number;
  meanBestAccuracy: number;
}

/** The median of a non-empty list (mean of the middle two for even lengths). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of an empty list');
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Summarizes the trials of one shape. */
export function summarize(shape: 'deep' | 'shallow', hidden: number[], trials: readonly ParityTrial[]): ParitySummary {
  if (trials.length === 0) throw new RangeError('no trials to summarize');
  const solved = trials.filter((t) => t.epochsTo100 !== null).map((t) => t.epochsTo100!);
  const best = trials.map((t) => t.bestAccuracy);
  return {
    shape,
    hidden,
    params: trials[0]!.params,
    runs: trials.length,
    solved: solved.length,
    medianEpochsSolved: solved.length ? median(solved) : null,
    medianBestAccuracy: median(best),
    minBestAccuracy: Math.min(...best),
    meanBestAccuracy: best.reduce((a, b) => a + b, 0) / best.length,
  };
}
