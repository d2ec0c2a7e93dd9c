// Lesson 2's label-noise widget: two blobs with a share ε of their labels flipped, fitted by
// logistic regression with the binary cross-entropy. Without noise the weights grow for ever;
// with it they settle, and P(y = 1) at a centre settles near 1 − ε.

import { defineWidget, params as p, views } from '@widgets/kit';
import { DEFAULTS, labelNoiseConfig } from './label-noise/config';
import { flippedKeys, meanLoss, norm, pAtClassOneCentre, settingsFrom } from './label-noise/model';
import { sliceView } from './label-noise/views';

export default defineWidget({
  params: [
    p.noise({ label: 'Flipped labels ε', default: DEFAULTS.labelNoise, min: 0, max: 0.4, step: 0.05, hint: 'share of labels swapped at random' }),
    p.learningRate({ default: DEFAULTS.lr }),
  ],
  trainers: [{ id: 'logistic', label: 'Logistic regression', config: (values, seed) => labelNoiseConfig(settingsFrom(values), seed) }],
  views: [views.decisionRegions({ classNames: ['class 0', 'class 1'] }), sliceView, views.lossCurves({ title: 'Cross-entropy per epoch' })],
  readouts: [
    { id: 'weight-norm', label: 'Weight norm ‖w‖', value: (t) => norm(t) },
    { id: 'p-centre', label: 'P(y = 1) at the centre of class 1', value: (t) => pAtClassOneCentre(t) },
    { id: 'loss-flipped', label: 'Mean loss, flipped points', value: (t, s) => meanLoss(t, flippedKeys(s.params, s.seed), 'flipped') },
    { id: 'loss-clean', label: 'Mean loss, other points', value: (t, s) => meanLoss(t, flippedKeys(s.params, s.seed), 'clean') },
  ],
  step: 'epoch',
  defaultSpeed: 'fast',
});
