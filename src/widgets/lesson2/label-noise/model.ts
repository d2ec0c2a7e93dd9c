// What the label-noise widget computes from its live state: logistic regression rebuilt from the
// worker's weights, ‖w‖, the probability it gives at the blob centres and along the line through
// them, and the mean loss of the flipped and of the untouched training points.

import { makeDataset, modelFromJSON, predict, sigmoidCrossEntropy, type ClassificationSpec, type Model } from '@engine';
import { num, type ParamValues, type TrainerState } from '@widgets/kit';
import { centreProbabilities, DEFAULTS, labelNoiseConfig, weightNorm, type LabelNoiseSettings } from './config';

export function settingsFrom(values: ParamValues): LabelNoiseSettings {
  return { labelNoise: num(values, 'noise', DEFAULTS.labelNoise), lr: num(values, 'lr', DEFAULTS.lr) };
}

/** The network of the trainer from the weights in the state (null before any arrived). */
export function modelOf(t: TrainerState): Model | null {
  if (!t.layers || t.inputs !== 2) return null;
  try {
    return modelFromJSON({ inputs: 2, layers: t.layers, loss: 'sigmoid-cross-entropy' });
  } catch {
    return null;
  }
}

export function norm(t: TrainerState): number {
  const m = modelOf(t);
  return m ? weightNorm(m) : Number.NaN;
}

/** P(y = 1) at the centre of class 1, where 1 − ε of the labels are 1. */
export function pAtClassOneCentre(t: TrainerState): number {
  const m = modelOf(t);
  return m ? centreProbabilities(m)[1] : Number.NaN;
}

/** P(y = 1) along the line x₂ = 0 through both centres, at `count` points of [a, b]. */
export function probabilityAlongAxis(t: TrainerState, a = -4, b = 4, count = 161): { x: number; p: number }[] {
  const m = modelOf(t);
  if (!m) return [];
  const xs = Array.from({ length: count }, (_, i) => a + ((b - a) * i) / (count - 1));
  const p = predict(m, xs.map((x) => [x, 0]));
  return xs.map((x, i) => ({ x, p: p[i]![0]! }));
}

/** Key of a 2-D point, to find a point of the trainer's split again in the full data set. */
export const pointKey = (x1: number, x2: number): string => `${x1},${x2}`;

/** The points whose labels the engine flipped, by position. */
export function flippedKeys(values: ParamValues, seed: number): Set<string> {
  const all = makeDataset(labelNoiseConfig(settingsFrom(values), seed).data as ClassificationSpec, seed);
  const keys = new Set<string>();
  all.corrupted?.forEach((c, i) => {
    if (c) keys.add(pointKey(all.x[2 * i]!, all.x[2 * i + 1]!));
  });
  return keys;
}

/** Mean binary cross-entropy over the training points that are (or are not) flipped. */
export function meanLoss(t: TrainerState, flipped: ReadonlySet<string>, which: 'flipped' | 'clean'): number {
  const m = modelOf(t);
  const train = t.data?.train;
  if (!m || !train) return Number.NaN;
  const f = m.forward(train.x, train.n, null);
  let sum = 0;
  let n = 0;
  for (let i = 0; i < train.n; i++) {
    const isFlipped = flipped.has(pointKey(train.x[2 * i]!, train.x[2 * i + 1]!));
    if (isFlipped !== (which === 'flipped')) continue;
    sum += sigmoidCrossEntropy(f.subarray(i, i + 1), train.y.subarray(i, i + 1), 1, 1, null, 1);
    n++;
  }
  return n ? sum / n : Number.NaN;
}
