// The gallery's classification widget: 2-D points of k classes, a softmax network with every
// kind of setting, and the views a classification lesson uses (decision regions, network, weights,
// loss and accuracy curves). Also the worked example of a widget built from the kit.

import { defineWidget, params as p, standardConfig, str, num, views } from '@widgets/kit';

export default defineWidget({
  params: [
    p.learningRate({ default: 0.3 }),
    p.optimizer(),
    p.batchSize({ default: 16 }),
    p.activation({ default: 'tanh' }),
    p.hiddenLayers({ default: [8, 8] }),
    p.l1(),
    p.l2(),
    p.dropout(),
    p.earlyStopping(),
    p.dataset([
      { value: 'blobs', label: 'three blobs' },
      { value: 'circle', label: 'disk and ring' },
      { value: 'xor', label: 'XOR quadrants' },
      { value: 'moons', label: 'two moons' },
      { value: 'spirals', label: 'two spirals' },
    ], { default: 'moons' }),
    p.noise({ label: 'Label noise', hint: 'share of labels flipped', max: 0.5, default: 0.05 }),
    p.sampleCount({ default: 200, max: 1000 }),
    p.validationSplit({ default: 0.2 }),
  ],
  trainers: [
    {
      id: 'net',
      label: 'Network',
      config: (v, seed) =>
        standardConfig(v, seed, {
          data: (values) => ({ name: str(values, 'data', 'moons') as 'moons', n: num(values, 'n', 200), labelNoise: num(values, 'noise', 0) }),
          test: 0.1,
        }),
    },
  ],
  views: [
    views.decisionRegions(),
    views.networkDiagram({ inputLabels: ['x₁', 'x₂'] }),
    views.lossCurves({ log: true, markBest: true }),
    views.lossCurves({ metric: 'accuracy' }),
    views.weightHistogram(),
  ],
  readouts: [{ id: 'penalty', label: 'Penalty', value: (t) => t.penalty }],
  step: 'epoch',
});
