// The noise-models widget's runs as plain engine configs: one noisy sine with outliers, and the
// same network trained twice on it, once with squared error (the Gaussian noise model) and once
// with absolute error (the Laplace noise model). Shared by the widget, its tests and the study.

import { predictCurve, predictInto, type Dataset, type Model, type TrainerConfig } from '@engine';
import { gaussianNllParts, laplaceNllParts, laplaceScaleFor, type NllParts } from '../likelihood';

/** The reader's settings. */
export interface NoiseModelsSettings {
  /** σ: the standard deviation of the noise, whatever its shape. */
  noise: number;
  /** Fraction of points offset by ±U(2, 4) as outliers. */
  outliers: number;
  /** Shape of the noise the data really have. */
  noiseKind: 'gaussian' | 'laplace';
  /** η of Adam. */
  lr: number;
}

export const DEFAULTS: NoiseModelsSettings = { noise: 0.2, outliers: 0.15, noiseKind: 'gaussian', lr: 0.02 };

/** Points in the data set; a quarter is held out for validation. */
export const POINTS = 60;
export const VALIDATION = 0.25;
/** Hidden tanh units of the network (one layer). */
export const HIDDEN = 16;

/** The two trainers: which loss each one minimizes. */
export const RUNS = [
  { id: 'gaussian', label: 'Gaussian noise model (squared error)', loss: 'mse' },
  { id: 'laplace', label: 'Laplace noise model (absolute error)', loss: 'absolute' },
] as const;

export type RunId = (typeof RUNS)[number]['id'];

/**
 * The engine config of one run. Both runs share the seed, hence the same data, split, initial
 * weights and shuffles; only the loss differs. For Laplace data the engine's scale is b = σ/√2,
 * so that the slider always sets the standard deviation.
 */
export function noiseModelsConfig(loss: 'mse' | 'absolute', s: NoiseModelsSettings, seed: number): TrainerConfig {
  const train = Math.round(POINTS * (1 - VALIDATION));
  return {
    network: { hidden: [HIDDEN], activation: 'tanh', loss },
    data: {
      name: 'sine',
      n: POINTS,
      noise: s.noiseKind,
      noiseScale: s.noiseKind === 'gaussian' ? s.noise : laplaceScaleFor(s.noise),
      outliers: s.outliers,
      outlierScale: 2,
    },
    split: { validation: VALIDATION },
    optimizer: { kind: 'adam', eta: s.lr },
    batchSize: train,
    seed,
  };
}

/** RMS distance between the fit and the clean function f on `points` evenly spaced inputs of the interval. */
export function distanceToClean(model: Model, f: (x: number) => number, interval: readonly [number, number], points = 201): number {
  const [a, b] = interval;
  const fit = predictCurve(model, a, b, points);
  let s = 0;
  for (let i = 0; i < points; i++) {
    const x = a + (i * (b - a)) / (points - 1);
    s += (fit[i]! - f(x)) ** 2;
  }
  return Math.sqrt(s / points);
}

/** Residuals y − ỹ of a model on a 1-D regression data set. */
export function residuals(model: Model, data: Dataset): Float64Array {
  const fit = new Float64Array(data.n);
  predictInto(model, data.x, data.n, fit);
  const r = new Float64Array(data.n);
  for (let i = 0; i < data.n; i++) r[i] = data.y[i]! - fit[i]!;
  return r;
}

/** The NLL of a run's residuals under its own noise model, with σ the slider's standard deviation. */
export function nllOf(run: RunId, r: ArrayLike<number>, sigma: number): NllParts {
  return run === 'gaussian' ? gaussianNllParts(r, sigma) : laplaceNllParts(r, laplaceScaleFor(sigma));
}
