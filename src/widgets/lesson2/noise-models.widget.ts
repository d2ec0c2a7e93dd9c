// Lesson 2's live widget: one noisy sine with outliers, the same network trained twice side by
// side, with squared error (the Gaussian noise model) and with absolute error (the Laplace noise
// model); the negative log-likelihood of each fit shown with its two parts as it trains.

import { defineWidget, params as p, views } from '@widgets/kit';
import { DEFAULTS, noiseModelsConfig, RUNS } from './noise-models/config';
import { distance, nllParts, settingsFrom } from './noise-models/model';
import { fitsView, likelihoodView } from './noise-models/views';

export default defineWidget({
  params: [
    p.noise({ label: 'Noise level σ', default: DEFAULTS.noise, min: 0.05, max: 0.6, step: 0.05, hint: 'the standard deviation of the noise, whatever its shape' }),
    p.number('outliers', 'Outliers', { default: DEFAULTS.outliers, min: 0, max: 0.3, step: 0.05, slider: 'linear', effect: 'data', hint: 'share of points pushed 2 to 4 up or down' }),
    p.select(
      'shape',
      'Shape of the noise in the data',
      [
        { value: 'gaussian', label: 'Gaussian (thin tails)' },
        { value: 'laplace', label: 'Laplace (heavier tails)' },
      ],
      { effect: 'data' },
    ),
    p.learningRate({ default: DEFAULTS.lr }),
  ],
  trainers: RUNS.map((run) => ({
    id: run.id,
    label: run.label,
    config: (values, seed) => noiseModelsConfig(run.loss, settingsFrom(values), seed),
  })),
  views: [fitsView, likelihoodView, views.lossCurves({ log: true, title: 'Training and validation loss (MSE for one, MAE for the other)' })],
  readouts: [
    { id: 'nll', label: 'NLL −log 𝓛 (training set)', value: (t, s) => nllParts(t, s.params)?.total ?? Number.NaN },
    { id: 'nll-constant', label: 'NLL, constant part', value: (t, s) => nllParts(t, s.params)?.constant ?? Number.NaN },
    { id: 'nll-data', label: 'NLL, data part', value: (t, s) => nllParts(t, s.params)?.data ?? Number.NaN },
    { id: 'distance', label: 'Distance from the clean sine (RMS)', value: (t, s) => distance(t, s.params, s.seed) },
  ],
  step: 'epoch',
  defaultSpeed: 'fast',
});
