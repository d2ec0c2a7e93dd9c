// What the label-noise widget shows, on the engine with its own config and fixed seeds: without
// label noise the weights of logistic regression on separable blobs keep growing and p goes to
// 0 and 1; with a fraction ε of flipped labels they settle, and p at a blob's centre ends near 1 − ε.
import { describe, expect, it } from 'vitest';
import { Trainer } from '@engine';
import { centreProbabilities, DEFAULTS, labelNoiseConfig, weightNorm } from '@widgets/lesson2/label-noise/config';

describe('label-noise on the engine', () => {
  it('ε = 0: the weights keep growing and the training loss goes to 0', () => {
    for (const seed of [1, 2, 3]) {
      const t = new Trainer(labelNoiseConfig({ ...DEFAULTS, labelNoise: 0 }, seed));
      t.runEpochs(100);
      const early = weightNorm(t.model);
      t.runEpochs(900);
      const late = weightNorm(t.model);
      expect(late).toBeGreaterThan(1.4 * early);
      expect(t.metrics.trainLoss).toBeLessThan(0.01);
      const [p0, p1] = centreProbabilities(t.model);
      expect(p0).toBeLessThan(0.001);
      expect(p1).toBeGreaterThan(0.999);
    }
  });

  it.each([0.1, 0.2, 0.3])('ε = %f: the weights settle and p at the centres ends near ε and 1 − ε', (eps) => {
    for (const seed of [1, 2, 3]) {
      const t = new Trainer(labelNoiseConfig({ ...DEFAULTS, labelNoise: eps }, seed));
      t.runEpochs(300);
      const mid = weightNorm(t.model);
      t.runEpochs(700);
      expect(Math.abs(weightNorm(t.model) - mid) / mid).toBeLessThan(0.02);
      const [p0, p1] = centreProbabilities(t.model);
      expect(Math.abs(p1 - (1 - eps))).toBeLessThan(0.1);
      expect(Math.abs(p0 - eps)).toBeLessThan(0.1);
    }
  });

  it('the flipped labels are marked, and there are round(ε·n) of them', () => {
    const t = new Trainer(labelNoiseConfig({ ...DEFAULTS, labelNoise: 0.2 }, 5));
    const flipped = Array.from(t.data.all.corrupted!).reduce((s, v) => s + v, 0);
    expect(flipped).toBe(40);
  });
});
