// The lesson's claims about dropout and early stopping, on the engine with the widget's exact
// trainer config; early stopping also through the widget's own tracker and returned-network code.
import { beforeAll, describe, expect, test } from 'vitest';
import { evaluateDataset, Trainer } from '@engine';
import type { LayerView } from '@widgets/kit';
import { regularizationConfig, SUGGESTED } from '@widgets/lesson5/regularization/config';
import { newTracker, observe } from '@widgets/lesson5/regularization/early-stopping';
import { modelOfLayers } from '@widgets/lesson5/regularization/fit-view';

const SEEDS = [1, 2, 3, 4, 5];
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** The trainer's weights as the widget's views hold them (model-file rows). */
function layersOf(t: Trainer): LayerView[] {
  return t.parameters().map(({ W, b }, l) => {
    const h = b.length;
    const d = W.length / h;
    return {
      activation: t.model.layers[l]!.activation.name,
      weights: Array.from({ length: h }, (_, j) => Array.from(W.subarray(j * d, (j + 1) * d))),
      biases: Array.from(b),
    };
  });
}

describe('dropout', () => {
  let none: number[] = [];
  let dropped: { val: number; train: number }[] = [];
  beforeAll(() => {
    none = SEEDS.map((seed) => new Trainer(regularizationConfig({}, seed)).step(SUGGESTED.epochs).valLoss!);
    dropped = SEEDS.map((seed) => {
      const m = new Trainer(regularizationConfig({ dropout: SUGGESTED.dropout }, seed)).step(SUGGESTED.epochs);
      return { val: m.valLoss!, train: m.trainLoss };
    });
  }, 600_000);

  test(`the widget's dropout rate ${SUGGESTED.dropout} is a keep probability of ${1 - SUGGESTED.dropout} on every hidden layer`, () => {
    const t = new Trainer(regularizationConfig({ dropout: SUGGESTED.dropout }, 1));
    expect(t.config.keep).toBeCloseTo(0.8, 12);
    expect(t.model.layers.map((l) => l.keep)).toEqual([0.8, 0.8, 1]);
  });

  test(`rate ${SUGGESTED.dropout}: lower validation loss than no regularization after ${SUGGESTED.epochs} epochs, averaged over 5 seeds`, () => {
    expect(dropped.every((d) => Number.isFinite(d.val))).toBe(true);
    expect(mean(dropped.map((d) => d.val))).toBeLessThan(mean(none) - 0.01);
    // Seed 1 (the widget's default) ends near 0.15.
    expect(dropped[0]!.val).toBeLessThan(0.16);
    // The lesson's figure: ≈ 0.16 on average (none: ≈ 0.19).
    expect(mean(dropped.map((d) => d.val))).toBeGreaterThan(0.15);
    expect(mean(dropped.map((d) => d.val))).toBeLessThan(0.17);
  });
});

describe('early stopping', () => {
  const TICK = 5; // the widget's "normal" speed: 5 epochs per report
  const patience = SUGGESTED.patience;
  const config = regularizationConfig({ stop: true, patience }, 1);
  const trainer = new Trainer(config);
  const tracker = newTracker();
  const history: { epoch: number; val: number }[] = [];
  let stoppedAt = -1;
  let lastVal = Number.NaN;

  beforeAll(() => {
    const look = () => {
      const m = trainer.metrics;
      return observe(tracker, { epoch: m.epoch, bestEpoch: m.bestEpoch ?? -1, valLoss: m.valLoss!, layers: layersOf(trainer), versions: { data: 1, history: 0, layers: 0, grid: 0 } }, true, patience);
    };
    look();
    for (let i = 0; i < 1000 && stoppedAt < 0; i++) {
      const m = trainer.step(TICK);
      history.push({ epoch: m.epoch, val: m.valLoss! });
      if (look().stop) stoppedAt = m.epoch;
    }
    lastVal = trainer.metrics.valLoss!;
  }, 600_000);

  test('stops once the validation loss has not improved for `patience` epochs', () => {
    expect(stoppedAt).toBeGreaterThan(0);
    const best = history.reduce((a, b) => (b.val < a.val ? b : a));
    expect(tracker.best!.epoch).toBe(best.epoch);
    expect(stoppedAt - best.epoch).toBeGreaterThanOrEqual(patience);
    // The lesson: with seed 1 the best epoch comes around epoch 300.
    expect(best.epoch).toBeGreaterThanOrEqual(250);
    expect(best.epoch).toBeLessThanOrEqual(400);
    expect(stoppedAt - best.epoch).toBeLessThan(patience + TICK);
    expect(history.filter((h) => h.epoch > best.epoch).every((h) => h.val >= best.val)).toBe(true);
  });

  test('the returned network is the best epoch’s: its validation loss, recomputed from the saved weights, is the curve’s minimum', () => {
    const best = Math.min(...history.map((h) => h.val));
    const model = modelOfLayers(1, tracker.best!.layers);
    expect(evaluateDataset(model, trainer.data.validation).loss).toBe(best);
    expect(lastVal).toBeGreaterThan(best);
  });

  test('restoreBest puts back exactly those parameters, the same as a fresh run stopped at the best epoch', () => {
    expect(trainer.restoreBest()).toBe(true);
    const restored = layersOf(trainer);
    expect(restored).toEqual(tracker.best!.layers);
    expect(trainer.evaluate().valLoss).toBe(tracker.best!.valLoss);
    const replay = new Trainer(config);
    for (let e = 0; e < tracker.best!.epoch; e += TICK) replay.step(TICK);
    expect(replay.epoch).toBe(tracker.best!.epoch);
    expect(layersOf(replay)).toEqual(restored);
  });
});
