import { describe, expect, test } from 'vitest';
import type { LayerView } from '@widgets/kit';
import { bestOfHistory, newWatch, runKey, smallWeightShare, watchRun, type RunWatch } from '@widgets/lesson5/regularization/early-stopping';

const PARAMS = { l1: 0, l2: 0, dropout: 0, lr: 0.05, stop: true, patience: 3 };

/**
 * Feeds a watch one look per epoch, from epoch 0, with the best epoch so far (first minimum)
 * computed here independently; returns the epochs at which it said stop.
 */
function feed(w: RunWatch, vals: number[], params: Record<string, unknown> = PARAMS, from = 0): number[] {
  let best = -1;
  let bestVal = Infinity;
  const stops: number[] = [];
  if (from === 0) watchRun(w, { epoch: 0, bestEpoch: -1, params, seed: 1 });
  vals.forEach((v, i) => {
    const epoch = from + i + 1;
    if (v < bestVal) {
      bestVal = v;
      best = epoch;
    }
    if (watchRun(w, { epoch, bestEpoch: best, params, seed: 1 }).stop) stops.push(epoch);
  });
  return stops;
}

describe('watchRun (early stopping)', () => {
  test('the lesson example: losses 0.50 0.31 0.22 0.19 0.20 0.23 0.27, patience 3 → stop after epoch 7 (best: epoch 4)', () => {
    const w = newWatch();
    expect(feed(w, [0.5, 0.31, 0.22, 0.19, 0.2, 0.23, 0.27])).toEqual([7]);
    expect(w.stoppedFor).toBe(4);
    expect(w.stoppedAt).toBe(7);
  });
  test('does not stop while the validation loss keeps improving within the patience', () => {
    expect(feed(newWatch(), [0.5, 0.4, 0.41, 0.42, 0.39, 0.4, 0.41])).toEqual([]);
  });
  test('stops only once for the same best epoch, even if training resumes', () => {
    expect(feed(newWatch(), [0.3, 0.2, 0.25, 0.26, 0.27, 0.28, 0.29], { ...PARAMS, patience: 2 })).toEqual([4]);
  });
  test('does nothing while switched off', () => {
    expect(feed(newWatch(), [0.3, 0.2, 0.25, 0.26, 0.27], { ...PARAMS, stop: false })).toEqual([]);
  });
  test('a run is replayable unless a training setting changed during it; patience and the switch do not count', () => {
    const w = newWatch();
    feed(w, [0.3, 0.2]);
    watchRun(w, { epoch: 3, bestEpoch: 2, params: { ...PARAMS, patience: 50, stop: false }, seed: 1 });
    expect(w.mixed).toBe(false);
    watchRun(w, { epoch: 4, bestEpoch: 2, params: { ...PARAMS, l2: 0.003 }, seed: 1 });
    expect(w.mixed).toBe(true);
    // Reset: back to epoch 0 with the new settings, a clean run.
    watchRun(w, { epoch: 0, bestEpoch: -1, params: { ...PARAMS, l2: 0.003 }, seed: 1 });
    expect(w.mixed).toBe(false);
  });
  test('runKey ignores the watch-only settings and the key order, not the seed', () => {
    expect(runKey({ l2: 1, stop: true, patience: 5 }, 1)).toBe(runKey({ patience: 9, l2: 1 }, 1));
    expect(runKey({ l2: 1 }, 1)).not.toBe(runKey({ l2: 1 }, 2));
    expect(runKey({ l2: 1 }, 1)).not.toBe(runKey({ l2: 2 }, 1));
  });
});

describe('smallWeightShare', () => {
  test('counts |w| < 1e-3 among weights only', () => {
    const layers: LayerView[] = [
      { activation: 'relu', weights: [[0, 5e-4], [-9.9e-4, 1e-3]], biases: [0, 0] },
      { activation: 'identity', weights: [[-2, 0.5]], biases: [0] },
    ];
    expect(smallWeightShare(layers)).toBe(3 / 6);
  });
  test('NaN when there are no weights', () => {
    expect(smallWeightShare(null)).toBeNaN();
  });
});

describe('bestOfHistory', () => {
  test('the first lowest finite validation loss', () => {
    expect(bestOfHistory({ epoch: [0, 5, 10, 15], valLoss: [Number.NaN, 0.3, 0.2, 0.2] })).toEqual({ epoch: 10, valLoss: 0.2 });
    expect(bestOfHistory({ epoch: [0], valLoss: [Number.NaN] })).toBeNull();
  });
});
