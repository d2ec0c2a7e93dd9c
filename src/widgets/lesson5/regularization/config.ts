// The regularization widget's fixed setup: a noisy 1-D data set small enough to memorize, a
// network far bigger than it needs, and full-batch gradient descent with momentum. The same
// function builds the widget's trainer config and the configs the unit tests check claims on.

import type { RegressionSpec, TrainerConfig } from '@engine';
import { standardConfig, type ParamValues } from '@widgets/kit';

/** y = sin(3x) + ε on [−1, 1], ε ~ N(0, 0.3²); 120 points. */
export const DATA: RegressionSpec = { name: 'sine', n: 120, interval: [-1, 1], frequency: 3, noiseScale: 0.3 };
/** The noise variance σ², the lowest validation loss any model can expect. */
export const NOISE_FLOOR = 0.3 ** 2;
/** 100 of the 120 points are held out for validation, leaving 20 to train on. */
export const VALIDATION_SHARE = 100 / 120;
export const TRAIN_POINTS = 20;
/** Two hidden ReLU layers of 64: 4,224 weights for 20 points. */
export const HIDDEN = [64, 64] as const;
/** Momentum keeps the step size plain (no per-weight scaling as in Adam), so weight decay stays (1 − ηλ)w inside the velocity. */
export const OPTIMIZER = { kind: 'momentum', eta: 0.05, beta: 0.9 } as const;

/** The widget's trainer config for its settings (l1, l2, dropout, stop, lr) and a seed. */
export function regularizationConfig(values: ParamValues, seed: number): TrainerConfig {
  return standardConfig(values, seed, {
    data: () => ({ ...DATA, interval: [...DATA.interval!] as [number, number] }),
    network: { hidden: [...HIDDEN], activation: 'relu' },
    optimizer: { ...OPTIMIZER },
    batchSize: TRAIN_POINTS,
    validation: VALIDATION_SHARE,
  });
}

/**
 * The settings the lesson recommends trying, and the training length it compares them after;
 * tests/widgets/lesson5 checks the lesson's claims with exactly these on seeds 1…5.
 */
export const SUGGESTED = { l2: 0.003, l1: 0.003, dropout: 0.2, epochs: 2000, patience: 100 } as const;
