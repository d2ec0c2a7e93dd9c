// The heads widget's measurable claims, run on the engine with the very configs the widget
// builds (headsConfig) and the lesson's seed: the same runs the e2e test drives in the browser.
import { describe, expect, it } from 'vitest';
import { Trainer, predictGrid, type Metrics } from '@engine';
import { DEFAULTS, EXPERIMENTS, EXPERIMENT_SEED, experimentValues, headsConfig, type Experiment } from '@widgets/lesson1/heads/config';

const experiment = (id: string): Experiment => {
  const found = EXPERIMENTS.find((e) => e.id === id);
  if (!found) throw new Error(`no experiment ${id}`);
  return found;
};
const trainerFor = (id: string, extra: Record<string, unknown> = {}) =>
  new Trainer(headsConfig({ ...experimentValues(experiment(id)), ...extra } as never, EXPERIMENT_SEED));

/** Trains up to `epochs` epochs, returning the metrics after each. */
function history(trainer: Trainer, epochs: number): Metrics[] {
  const out: Metrics[] = [];
  for (let e = 0; e < epochs; e++) out.push(trainer.runEpochs(1));
  return out;
}

describe('settings → engine config', () => {
  it('the regression head has one output and the squared error; the classification head k outputs and softmax CE', () => {
    const reg = headsConfig(experimentValues(experiment('fit')), 1);
    expect(reg.network.loss).toBe('mse');
    expect(reg.data).toMatchObject({ name: 'sine', noiseScale: 0.3 });
    const cls = headsConfig(experimentValues(experiment('blobs')), 1);
    expect(cls.network.loss).toBe('softmax-cross-entropy');
    expect(cls.network.hidden).toEqual([]);
    expect(cls.data).toMatchObject({ name: 'blobs', classes: 3 });
    const reg16 = new Trainer(reg);
    expect(reg16.model.outputs).toBe(1);
    expect(new Trainer(cls).model.outputs).toBe(3);
  });
  it('the trunk is shared: switching the head keeps the hidden layers and activation', () => {
    const values = { ...DEFAULTS, layers: [8, 4], act: 'tanh' };
    const a = headsConfig({ ...values, head: 'regression' }, 3);
    const b = headsConfig({ ...values, head: 'classification' }, 3);
    expect(a.network.hidden).toEqual(b.network.hidden);
    expect(a.network.activation).toBe('tanh');
    expect(b.network.activation).toBe('tanh');
  });
});

describe('the lesson’s four experiments on seed 1', () => {
  it('1: the regression fit’s training MSE falls below 1.5 σ² (σ = 0.3) within 60 epochs', () => {
    const sigma2 = 0.3 ** 2;
    const runs = history(trainerFor('fit'), 60);
    const first = runs.findIndex((m) => m.trainLoss < 1.5 * sigma2);
    expect(first).toBeGreaterThanOrEqual(0);
    // and it stays there: the noise is the floor, not a lucky batch
    expect(runs.slice(first + 10).every((m) => m.trainLoss < 1.5 * sigma2)).toBe(true);
  });
  it('2: three Gaussian blobs with no hidden layer reach ≥ 90 % accuracy within 20 epochs', () => {
    const runs = history(trainerFor('blobs'), 20);
    expect(Math.max(...runs.map((m) => m.trainAccuracy ?? 0))).toBeGreaterThanOrEqual(0.9);
  });
  it('2b: so do five blobs', () => {
    const runs = history(trainerFor('blobs', { classes: 5 }), 30);
    expect(Math.max(...runs.map((m) => m.trainAccuracy ?? 0))).toBeGreaterThanOrEqual(0.9);
  });
  it('3: two spirals with no hidden layer stay below 70 % for 200 epochs', () => {
    const runs = history(trainerFor('spirals-linear'), 200);
    expect(Math.max(...runs.map((m) => m.trainAccuracy ?? 1))).toBeLessThan(0.7);
  });
  it('4: two spirals with 32 hidden ReLU units pass 95 % within 150 epochs', () => {
    const runs = history(trainerFor('spirals-hidden'), 150);
    expect(Math.max(...runs.map((m) => m.trainAccuracy ?? 0))).toBeGreaterThan(0.95);
  });
});

/**
 * Whether every class region on a grid is convex, tested the way the lesson argues: for pairs of
 * cells of one class, the cell at their midpoint must be of that class too. Returns a pair that
 * breaks it, or null.
 */
function nonConvexPair(cls: Uint8Array, n: number): [number, number] | null {
  for (let a = 0; a < n * n; a += 7) {
    for (let b = a + 1; b < n * n; b += 13) {
      if (cls[a] !== cls[b]) continue;
      const [ax, ay, bx, by] = [a % n, Math.floor(a / n), b % n, Math.floor(b / n)];
      if ((ax + bx) % 2 || (ay + by) % 2) continue; // midpoint exactly on a cell centre
      const mid = ((ay + by) / 2) * n + (ax + bx) / 2;
      if (cls[mid] !== cls[a]) return [a, b];
    }
  }
  return null;
}

function classesOnGrid(trainer: Trainer, n: number): Uint8Array {
  const k = trainer.model.outputs;
  const p = predictGrid(trainer.model, -3, 3, -3, 3, n, n);
  const cls = new Uint8Array(n * n);
  for (let i = 0; i < n * n; i++) {
    let best = 0;
    for (let c = 1; c < k; c++) if (p[i * k + c]! > p[i * k + best]!) best = c;
    cls[i] = best;
  }
  return cls;
}

describe('decision regions', () => {
  it('with no hidden layer every region is convex (no pair of same-class cells has its midpoint elsewhere)', () => {
    for (const id of ['blobs', 'spirals-linear']) {
      const trainer = trainerFor(id);
      history(trainer, 30);
      expect(nonConvexPair(classesOnGrid(trainer, 41), 41)).toBeNull();
    }
  });
  it('with a hidden layer, trained on the spirals, some region is not convex', () => {
    const trainer = trainerFor('spirals-hidden');
    history(trainer, 150);
    expect(nonConvexPair(classesOnGrid(trainer, 41), 41)).not.toBeNull();
  });
});
