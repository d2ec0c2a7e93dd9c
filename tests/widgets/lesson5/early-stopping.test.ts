import { describe, expect, test } from 'vitest';
import type { LayerView } from '@widgets/kit';
import { bestOfHistory, newTracker, observe, smallWeightShare, type StopTracker } from '@widgets/lesson5/regularization/early-stopping';

const layer = (tag: number): LayerView[] => [{ activation: 'identity', weights: [[tag]], biases: [0] }];

/**
 * Feeds a tracker the reports of a run: one per epoch, with the engine's bookkeeping of the best
 * epoch (first minimum so far) computed here independently.
 */
function feed(tr: StopTracker, vals: number[], patience: number, on = true, data = 1) {
  let best = -1;
  let bestVal = Infinity;
  const stops: number[] = [];
  vals.forEach((v, i) => {
    const epoch = i + 1;
    if (v < bestVal) {
      bestVal = v;
      best = epoch;
    }
    const r = observe(tr, { epoch, bestEpoch: on ? best : -1, valLoss: v, layers: layer(epoch), versions: { data, history: 0, layers: 0, grid: 0 } }, on, patience);
    if (r.stop) stops.push(epoch);
  });
  return stops;
}

describe('observe (early stopping)', () => {
  test('the lesson example: losses 0.50 0.31 0.22 0.19 0.20 0.23 0.27, patience 3 → stop after epoch 7, return epoch 4', () => {
    const tr = newTracker();
    const stops = feed(tr, [0.5, 0.31, 0.22, 0.19, 0.2, 0.23, 0.27], 3);
    expect(stops).toEqual([7]);
    expect(tr.best?.epoch).toBe(4);
    expect(tr.best?.valLoss).toBe(0.19);
    expect(tr.best?.layers).toEqual(layer(4));
  });
  test('does not stop while the validation loss keeps improving within the patience', () => {
    expect(feed(newTracker(), [0.5, 0.4, 0.41, 0.42, 0.39, 0.4, 0.41], 3)).toEqual([]);
  });
  test('stops only once for the same best epoch, even if training resumes', () => {
    expect(feed(newTracker(), [0.3, 0.2, 0.25, 0.26, 0.27, 0.28, 0.29], 2)).toEqual([4]);
  });
  test('does nothing while switched off', () => {
    const tr = newTracker();
    expect(feed(tr, [0.3, 0.2, 0.25, 0.26, 0.27], 1, false)).toEqual([]);
    expect(tr.best).toBeNull();
  });
  test('a reset (new data version) starts over', () => {
    const tr = newTracker();
    feed(tr, [0.3, 0.2, 0.25], 10, true, 1);
    expect(tr.best?.epoch).toBe(2);
    feed(tr, [0.5], 10, true, 2);
    expect(tr.best?.epoch).toBe(1);
    expect(tr.best?.valLoss).toBe(0.5);
  });
  test('keeps the weights reported with the best epoch, not later ones', () => {
    const tr = newTracker();
    feed(tr, [0.3, 0.1, 0.2, 0.25], 100);
    expect(tr.best?.layers).toEqual(layer(2));
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
