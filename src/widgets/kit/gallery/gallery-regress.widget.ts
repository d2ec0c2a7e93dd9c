// The gallery's regression widget: one noisy 1-D data set (with optional outliers) fitted by two
// networks side by side, one per loss (squared vs absolute error), each in its own worker; the
// fitted curves share one chart and the loss curves another.

import { defineWidget, params as p, standardConfig, str, num, views } from '@widgets/kit';

const data = (values: Parameters<typeof str>[0]) => ({
  name: str(values, 'data', 'sine') as 'sine',
  n: num(values, 'n', 80),
  noiseScale: num(values, 'noise', 0.15),
  outliers: num(values, 'outliers', 0),
});

export default defineWidget({
  params: [
    p.learningRate({ default: 0.05 }),
    p.batchSize({ default: 8 }),
    p.activation({ default: 'tanh' }),
    p.hiddenLayers({ default: [16] }),
    p.dataset([
      { value: 'sine', label: 'sine wave' },
      { value: 'abs', label: 'absolute value |x|' },
      { value: 'step', label: 'step' },
      { value: 'zigzag', label: 'zig-zag' },
      { value: 'poly', label: 'cubic x³ − x' },
    ]),
    p.noise({ label: 'Noise σ', max: 1 }),
    p.number('outliers', 'Outliers', { default: 0.1, min: 0, max: 0.5, step: 0.05, slider: 'linear', effect: 'data', hint: 'share of points moved far off' }),
    p.sampleCount({ default: 80, max: 500 }),
  ],
  trainers: [
    {
      id: 'mse',
      label: 'Squared error',
      config: (v, seed) => standardConfig(v, seed, { data, network: { loss: 'mse' }, validation: 0.2, test: 0.1 }),
    },
    {
      id: 'mae',
      label: 'Absolute error',
      config: (v, seed) => standardConfig(v, seed, { data, network: { loss: 'absolute' }, validation: 0.2, test: 0.1 }),
    },
  ],
  views: [views.fittedCurve({ wide: true }), views.lossCurves({ log: true })],
  step: 'epoch',
});
