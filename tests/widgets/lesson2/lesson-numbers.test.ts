// Every measured number lesson 2 states, recomputed with the widgets' own configs: the
// noise-models study over seeds 1–10 (600 epochs) and the label-noise table over seeds 1–3.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Trainer } from '@engine';
import { DEFAULTS as NM, distanceToClean, noiseModelsConfig, type NoiseModelsSettings } from '@widgets/lesson2/noise-models/config';
import { centreProbabilities, DEFAULTS as LN, labelNoiseConfig, weightNorm } from '@widgets/lesson2/label-noise/config';

const lesson = readFileSync('content/lessons/02-likelihood.mdx', 'utf8');

function study(change: Partial<NoiseModelsSettings>) {
  const s = { ...NM, ...change };
  let absCloser = 0;
  let sumSq = 0;
  let sumAbs = 0;
  for (let seed = 1; seed <= 10; seed++) {
    const [a, b] = (['mse', 'absolute'] as const).map((loss) => {
      const t = new Trainer(noiseModelsConfig(loss, s, seed));
      t.runEpochs(600);
      return distanceToClean(t.model, t.data.all.f!, t.data.all.interval!);
    });
    sumSq += a!;
    sumAbs += b!;
    if (b! < a!) absCloser++;
  }
  return { absCloser, sq: (sumSq / 10).toFixed(3), abs: (sumAbs / 10).toFixed(3) };
}

describe('the noise-models study stated in the lesson (seeds 1–10, 600 epochs)', () => {
  it('no outliers: squared error closer in 9 of 10, mean distance 0.098 against 0.131', () => {
    expect(study({ outliers: 0 })).toEqual({ absCloser: 1, sq: '0.098', abs: '0.131' });
    expect(lesson).toContain('closer in 9 runs of 10, with a mean distance of\n   0.098 against 0.131');
  });

  it('15 % outliers: absolute error closer in 10 of 10, 0.121 against 0.564', () => {
    expect(study({ outliers: 0.15 })).toEqual({ absCloser: 10, sq: '0.564', abs: '0.121' });
    expect(lesson).toContain('Absolute error was closer in 10 runs of 10, with a\n   mean distance of 0.121 against 0.564');
  });

  it('Laplace noise without outliers: absolute error closer in 6 of 10, 0.085 and 0.087', () => {
    expect(study({ outliers: 0, noiseKind: 'laplace' })).toEqual({ absCloser: 6, sq: '0.087', abs: '0.085' });
    expect(lesson).toContain('closer in 6 runs of 10, mean distances 0.085 and 0.087');
  });
});

describe('the label-noise table stated in the lesson (seeds 1–3, 1,000 epochs)', () => {
  function runs(eps: number) {
    return [1, 2, 3].map((seed) => {
      const t = new Trainer(labelNoiseConfig({ ...LN, labelNoise: eps }, seed));
      t.runEpochs(100);
      const w100 = weightNorm(t.model);
      t.runEpochs(900);
      return { w100, w1000: weightNorm(t.model), p1: centreProbabilities(t.model)[1], acc: t.metrics.trainAccuracy! };
    });
  }
  const range = (xs: number[], digits: number) => [Math.min(...xs).toFixed(digits), Math.max(...xs).toFixed(digits)];

  it('ε = 0: ‖w‖ 2.2–2.6 → 4.2–4.8, p 0.9998–0.9999, accuracy 100 %', () => {
    const r = runs(0);
    expect(range(r.map((x) => x.w100), 1)).toEqual(['2.2', '2.6']);
    expect(range(r.map((x) => x.w1000), 1)).toEqual(['4.2', '4.8']);
    expect(range(r.map((x) => x.p1), 4)).toEqual(['0.9998', '0.9999']);
    expect(r.every((x) => x.acc === 1)).toBe(true);
  });

  it.each([
    [0.1, ['1.09', '1.19'], ['0.91', '0.95'], ['89', '91']],
    [0.2, ['0.68', '0.78'], ['0.81', '0.87'], ['79', '83']],
    [0.3, ['0.45', '0.64'], ['0.72', '0.74'], ['69', '71']],
  ])('ε = %f: ‖w‖ %j settled, p %j, accuracy %j percent', (eps, w, p, acc) => {
    const r = runs(eps);
    expect(range(r.map((x) => x.w1000), 2)).toEqual(w);
    for (const x of r) expect(Math.abs(x.w1000 - x.w100) / x.w100).toBeLessThan(0.02);
    expect(range(r.map((x) => x.p1), 2)).toEqual(p);
    expect(range(r.map((x) => 100 * x.acc), 0)).toEqual(acc);
    expect(lesson).toContain(`| ${eps} | ${w[0]}–${w[1]}, settled | ${p[0]}–${p[1]} | ${acc[0]}–${acc[1]} % |`);
  });
});
