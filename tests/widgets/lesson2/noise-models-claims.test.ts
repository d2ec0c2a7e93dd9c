// What the noise-models widget shows, checked on the engine with the widget's own configs and
// fixed seeds: with outliers the absolute-error fit ends closer to the clean function; without
// them squared error is (usually) the better one; the NLL parts match the engine's Gaussian loss.
import { describe, expect, it } from 'vitest';
import { gaussianNll, Trainer } from '@engine';
import { DEFAULTS, distanceToClean, nllOf, noiseModelsConfig, residuals } from '@widgets/lesson2/noise-models/config';
import { laplaceScaleFor } from '@widgets/lesson2/likelihood';

const EPOCHS = 600;

function pair(settings: typeof DEFAULTS, seed: number) {
  const mse = new Trainer(noiseModelsConfig('mse', settings, seed));
  const abs = new Trainer(noiseModelsConfig('absolute', settings, seed));
  mse.runEpochs(EPOCHS);
  abs.runEpochs(EPOCHS);
  const d = (t: Trainer) => distanceToClean(t.model, t.data.all.f!, t.data.all.interval!);
  return { mse, abs, dMse: d(mse), dAbs: d(abs) };
}

describe('noise-models on the engine', () => {
  it('both runs see the same data and split (same seed), and the outliers are marked', () => {
    const a = new Trainer(noiseModelsConfig('mse', DEFAULTS, 3));
    const b = new Trainer(noiseModelsConfig('absolute', DEFAULTS, 3));
    expect(Array.from(a.data.train.y)).toEqual(Array.from(b.data.train.y));
    expect(a.data.train.n).toBe(45);
    const marked = Array.from(a.data.all.corrupted!).reduce((s, v) => s + v, 0);
    expect(marked).toBe(Math.round(60 * DEFAULTS.outliers));
  });

  it.each([1, 2, 3, 4, 5])('seed %i: with 15 percent outliers the absolute-error fit ends closer to the clean sine', (seed) => {
    const { dMse, dAbs } = pair(DEFAULTS, seed);
    expect(dAbs).toBeLessThan(dMse);
    expect(dAbs).toBeLessThan(0.25);
  });

  it('without outliers squared error wins in at least 4 of seeds 1–5 (Gaussian noise: the mean is the better estimate)', () => {
    let mseWins = 0;
    for (const seed of [1, 2, 3, 4, 5]) {
      const { dMse, dAbs } = pair({ ...DEFAULTS, outliers: 0 }, seed);
      if (dMse < dAbs) mseWins++;
    }
    expect(mseWins).toBeGreaterThanOrEqual(4);
  });

  it('the Gaussian NLL parts sum to N × the engine’s gaussian-nll mean loss on the same residuals', () => {
    const { mse } = pair(DEFAULTS, 2);
    const r = residuals(mse.model, mse.data.train);
    const parts = nllOf('gaussian', r, DEFAULTS.noise);
    const zeros = new Float64Array(r.length);
    const engineMean = gaussianNll(r, zeros, r.length, 1, null, DEFAULTS.noise);
    expect(parts.total).toBeCloseTo(engineMean * r.length, 9);
    expect(parts.constant).toBeCloseTo((r.length / 2) * Math.log(2 * Math.PI * DEFAULTS.noise ** 2), 12);
  });

  it('the SSE behind the NLL is N × the trainer’s reported MSE; the SAE is N × its absolute loss', () => {
    const { mse, abs } = pair(DEFAULTS, 4);
    const rm = residuals(mse.model, mse.data.train);
    const ra = residuals(abs.model, abs.data.train);
    expect(nllOf('gaussian', rm, 0.2).sum / rm.length).toBeCloseTo(mse.metrics.trainLoss, 12);
    expect(nllOf('laplace', ra, 0.2).sum / ra.length).toBeCloseTo(abs.metrics.trainLoss, 12);
    expect(nllOf('laplace', ra, 0.2).constant).toBeCloseTo(ra.length * Math.log(2 * laplaceScaleFor(0.2)), 12);
  });

  it('with outliers the data are more probable under the Laplace model: its NLL is lower', () => {
    const { mse, abs } = pair(DEFAULTS, 1);
    const g = nllOf('gaussian', residuals(mse.model, mse.data.train), DEFAULTS.noise).total;
    const l = nllOf('laplace', residuals(abs.model, abs.data.train), DEFAULTS.noise).total;
    expect(l).toBeLessThan(g);
  });
});
