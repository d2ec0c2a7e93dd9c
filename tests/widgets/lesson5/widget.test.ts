// The widget's declaration: its defaults are the unregularized run the lesson's claims are
// checked on, and the replay requests rebuild a run epoch for epoch.
import { describe, expect, test } from 'vitest';
import { params } from '@widgets/kit';
import definition from '@widgets/lesson5/regularization.widget';
import { OPTIMIZER, regularizationConfig, SUGGESTED, TRAIN_POINTS } from '@widgets/lesson5/regularization/config';
import { replayRequests } from '@widgets/lesson5/regularization/replay';

describe('the regularization widget', () => {
  const defaults = params.defaultValues(definition.params);

  test('starts with every cure off, patience and η as the lesson says', () => {
    expect(defaults).toMatchObject({ l1: 0, l2: 0, dropout: 0, stop: false, patience: SUGGESTED.patience, lr: OPTIMIZER.eta });
  });

  test('its default trainer config is exactly the one the claims tests use', () => {
    for (const seed of [1, 2, 5]) expect(definition.trainers[0]!.config(defaults, seed)).toEqual(regularizationConfig({}, seed));
  });

  test('the suggested settings are inside the sliders’ ranges', () => {
    const range = (key: string) => definition.params.find((p) => p.key === key) as { min: number; max: number };
    for (const key of ['l1', 'l2', 'dropout'] as const) {
      expect(SUGGESTED[key]).toBeGreaterThanOrEqual(range(key).min);
      expect(SUGGESTED[key]).toBeLessThanOrEqual(range(key).max);
    }
  });

  test('views: fitted function (with early stopping), loss curves with the best epoch marked, weight histogram', () => {
    expect(definition.views.map((v) => v.id)).toEqual(['fit', 'loss-curves', 'weight-histogram']);
    expect(definition.readouts?.map((r) => r.id)).toEqual(['best-epoch', 'best-val-loss', 'small-weights']);
  });
});

describe('replayRequests', () => {
  const config = regularizationConfig({}, 1);
  test('epoch 0 is the initial network: only init', () => {
    expect(replayRequests(config, 0, TRAIN_POINTS)).toEqual([{ type: 'init', config }]);
  });
  test('full-batch training: one batch per epoch, in one run that returns the weights', () => {
    expect(replayRequests(config, 310, TRAIN_POINTS)[1]).toEqual({ type: 'run', batchesPerTick: 310, ticks: 1, weights: true });
    expect(replayRequests({ ...config, batchSize: 8 }, 10, TRAIN_POINTS)[1]).toMatchObject({ batchesPerTick: 30 });
  });
});
