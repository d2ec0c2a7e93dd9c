// What the noise-models widget computes from its live state, on the page: each run's network
// rebuilt from the weights the worker sent, its residuals on the training points, the NLL of
// those residuals under the run's own noise model (in its two parts), and its distance from the
// clean sine. All the arithmetic is the engine's or the likelihood module's.

import { cleanFunction, makeDataset, modelFromJSON, predictInto, type Model, type RegressionSpec } from '@engine';
import { num, str, type ParamValues, type TrainerState } from '@widgets/kit';
import type { NllParts } from '../likelihood';
import { DEFAULTS, distanceToClean, nllOf, noiseModelsConfig, RUNS, type NoiseModelsSettings, type RunId } from './config';

/** The settings from the widget's values (missing or odd values fall back to the defaults). */
export function settingsFrom(values: ParamValues): NoiseModelsSettings {
  return {
    noise: num(values, 'noise', DEFAULTS.noise),
    outliers: num(values, 'outliers', DEFAULTS.outliers),
    noiseKind: str(values, 'shape', DEFAULTS.noiseKind) === 'laplace' ? 'laplace' : 'gaussian',
    lr: num(values, 'lr', DEFAULTS.lr),
  };
}

/** Which run a trainer state is (by id), or null for a stranger. */
export function runOf(t: Pick<TrainerState, 'id'>): (typeof RUNS)[number] | null {
  return RUNS.find((r) => r.id === t.id) ?? null;
}

/** The trainer's current network, rebuilt from the weights in the state; null before any arrived. */
export function modelOf(t: TrainerState): Model | null {
  const run = runOf(t);
  if (!run || !t.layers || t.inputs !== 1) return null;
  try {
    return modelFromJSON({ inputs: t.inputs, layers: t.layers, loss: run.loss });
  } catch {
    return null;
  }
}

/** Predictions ỹ of the trainer's network at its training inputs (null before weights and data arrived). */
export function trainingFit(t: TrainerState): Float64Array | null {
  const model = modelOf(t);
  const train = t.data?.train;
  if (!model || !train || train.n === 0) return null;
  const fit = new Float64Array(train.n);
  predictInto(model, train.x, train.n, fit);
  return fit;
}

/** Residuals y − ỹ on the training points. */
export function trainingResiduals(t: TrainerState): Float64Array | null {
  const fit = trainingFit(t);
  const train = t.data?.train;
  if (!fit || !train) return null;
  return Float64Array.from(fit, (v, i) => train.y[i]! - v);
}

/** The NLL of the training residuals under the trainer's own noise model, σ from the settings. */
export function nllParts(t: TrainerState, values: ParamValues): NllParts | null {
  const run = runOf(t);
  const r = trainingResiduals(t);
  if (!run || !r) return null;
  return nllOf(run.id, r, settingsFrom(values).noise);
}

/** The data spec both runs share (its clean function and outliers follow from it and the seed). */
export function dataSpec(values: ParamValues, seed: number): RegressionSpec {
  return noiseModelsConfig('mse', settingsFrom(values), seed).data as RegressionSpec;
}

/** RMS distance of the trainer's fit from the clean sine over the data interval. */
export function distance(t: TrainerState, values: ParamValues, seed: number): number {
  const model = modelOf(t);
  const interval = t.data?.interval;
  if (!model || !interval) return Number.NaN;
  return distanceToClean(model, cleanFunction(dataSpec(values, seed), interval), interval);
}

/**
 * Which points of the widget's data are outliers: the engine marks them when it makes the data
 * set, and the trainers' splits keep each point's x, so a point is found again by its x.
 */
export function outlierXs(values: ParamValues, seed: number): Set<number> {
  const all = makeDataset(dataSpec(values, seed), seed);
  const xs = new Set<number>();
  all.corrupted?.forEach((c, i) => {
    if (c) xs.add(all.x[i]!);
  });
  return xs;
}

export type { RunId };
