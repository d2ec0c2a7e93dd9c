// Lesson 1's live widget: one network, two heads. The same trunk trained as a regression (a
// noisy 1-D function, the fitted curve redrawn as it trains) or as a classifier (2-D points of
// 2 to 5 classes, softmax head, live decision regions). Settings → config in heads/config.ts.

import { defineWidget, num, params as p, str, views } from '@widgets/kit';
import { DEFAULTS, headsConfig } from './heads/config';

export default defineWidget({
  params: [
    p.select(
      'head',
      'Head',
      [
        { value: 'regression', label: 'Regression: one output, squared error' },
        { value: 'classification', label: 'Classification: softmax over k classes' },
      ],
      { default: DEFAULTS.head, effect: 'data', hint: 'the trunk stays; the output layer, the loss and the data change' },
    ),
    p.select(
      'fn',
      'Function (regression head)',
      [
        { value: 'sine', label: 'sine wave' },
        { value: 'abs', label: 'absolute value |x|' },
        { value: 'step', label: 'step' },
        { value: 'poly', label: 'cubic x³ − x' },
      ],
      { default: DEFAULTS.fn, effect: 'data' },
    ),
    p.noise({ label: 'Noise σ (regression head)', default: DEFAULTS.noise, max: 1 }),
    p.select(
      'points',
      'Points (classification head)',
      [
        { value: 'blobs', label: 'Gaussian blobs' },
        { value: 'spirals', label: 'two spirals' },
        { value: 'moons', label: 'two moons' },
        { value: 'circle', label: 'disk and ring' },
        { value: 'xor', label: 'XOR quadrants' },
      ],
      { default: DEFAULTS.points, effect: 'data' },
    ),
    p.number('classes', 'Classes k (blobs)', { default: DEFAULTS.classes, min: 2, max: 5, step: 1, integer: true, effect: 'data' }),
    p.hiddenLayers({ default: DEFAULTS.layers, maxLayers: 2, maxWidth: 64, hint: 'e.g. “16”; empty for no hidden layer' }),
    p.activation({ default: DEFAULTS.act }),
    p.learningRate({ default: DEFAULTS.lr }),
    p.batchSize({ default: DEFAULTS.batch }),
  ],
  trainers: [{ id: 'net', label: 'Network', config: headsConfig }],
  views: [
    // Each draws itself only for its head: the curve for 1-D data, the regions for 2-D.
    views.fittedCurve({ title: 'Regression head: the fitted curve' }),
    views.decisionRegions({ title: 'Classification head: the decision regions' }),
    views.networkDiagram(),
    views.lossCurves({ log: true }),
  ],
  readouts: [
    {
      id: 'noise-var',
      label: 'Noise variance σ²',
      value: (_t, state) => (str(state.params, 'head', DEFAULTS.head) === 'regression' ? num(state.params, 'noise', DEFAULTS.noise) ** 2 : Number.NaN),
    },
  ],
  step: 'epoch',
});
