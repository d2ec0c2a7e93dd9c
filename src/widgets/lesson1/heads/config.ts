// The heads widget's settings → the engine's TrainerConfig. One trunk (hidden layers and their
// activation) under two heads: regression (one output, squared error, a noisy 1-D function) or
// classification (k outputs, softmax cross-entropy, 2-D points). Pure, so the lesson's claims
// about these exact runs are tested in Vitest against the engine.

import type { ClassificationName, DatasetSpec, TrainerConfig } from '@engine';
import { num, standardConfig, str, type ParamValues } from '@widgets/kit';
import { DEFAULTS, type HeadName } from './experiments';

export { DEFAULTS, EXPERIMENTS, EXPERIMENT_SEED, experimentValues, type Experiment, type HeadName } from './experiments';

/** Examples per data set (a fifth is held out for validation). */
export const REGRESSION_EXAMPLES = 125;
export const CLASSIFICATION_EXAMPLES = 250;
export const VALIDATION_SHARE = 0.2;

/** The data set for the settings: the head decides which of the two families is used. */
export function headsData(values: ParamValues): DatasetSpec {
  if (str<HeadName>(values, 'head', DEFAULTS.head) === 'regression') {
    return { name: str(values, 'fn', DEFAULTS.fn), n: REGRESSION_EXAMPLES, noiseScale: num(values, 'noise', DEFAULTS.noise) };
  }
  const name = str<ClassificationName>(values, 'points', DEFAULTS.points);
  return name === 'blobs'
    ? { name, n: CLASSIFICATION_EXAMPLES, classes: num(values, 'classes', DEFAULTS.classes) }
    : { name, n: CLASSIFICATION_EXAMPLES };
}

/** The engine config of the heads widget: Adam, a 20 % validation split, the head's own loss. */
export function headsConfig(values: ParamValues, seed: number): TrainerConfig {
  const head = str<HeadName>(values, 'head', DEFAULTS.head);
  return standardConfig(values, seed, {
    data: headsData,
    network: { hidden: DEFAULTS.layers, activation: 'relu', loss: head === 'regression' ? 'mse' : 'softmax-cross-entropy' },
    optimizer: { kind: 'adam', eta: DEFAULTS.lr },
    batchSize: DEFAULTS.batch,
    validation: VALIDATION_SHARE,
  });
}
