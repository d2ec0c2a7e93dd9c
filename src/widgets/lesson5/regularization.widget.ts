// Lesson 5's live widget: overfit a big network on 20 noisy points on purpose, then cure it with
// L2, L1, dropout or early stopping, watching the training and validation curves, the fitted
// function and the histogram of the weights.

import { defineWidget, params as p, views } from '@widgets/kit';
import { regularizationConfig } from './regularization/config';
import { bestOfHistory, smallWeightShare } from './regularization/early-stopping';
import { fitView } from './regularization/fit-view';

export default defineWidget({
  params: [
    p.l2({ max: 0.03, step: 0.0005, hint: 'adds (λ₂/2)Σw² to the loss: weight decay' }),
    p.l1({ max: 0.03, step: 0.0005, hint: 'adds λ₁Σ|w| to the loss: pushes weights to zero' }),
    p.dropout({ max: 0.8, step: 0.05, hint: 'share of hidden units switched off in each step (keep rate = 1 − rate)' }),
    p.earlyStopping({ hint: 'stop when the validation loss has not improved for “patience” epochs; return the best network' }),
    p.number('patience', 'Patience (epochs)', { default: 100, min: 10, max: 2000, step: 10, integer: true, effect: 'live', hint: 'epochs without a better validation loss before early stopping stops' }),
    p.learningRate({ default: 0.05, max: 10, hint: 'η of gradient descent with momentum β = 0.9' }),
  ],
  trainers: [{ id: 'net', label: 'Network', config: regularizationConfig }],
  views: [
    fitView(),
    views.lossCurves({ log: true, markBest: true }),
    views.weightHistogram({ zeroBand: 1e-3, bins: 41, title: 'Weights (biases excluded)' }),
  ],
  readouts: [
    { id: 'best-epoch', label: 'Lowest validation loss at epoch', value: (t) => bestOfHistory({ epoch: t.history.epoch, valLoss: t.history.valLoss })?.epoch ?? Number.NaN },
    { id: 'best-val-loss', label: 'Lowest validation loss', value: (t) => bestOfHistory({ epoch: t.history.epoch, valLoss: t.history.valLoss })?.valLoss ?? Number.NaN },
    { id: 'small-weights', label: 'Weights with |w| < 0.001', unit: '%', value: (t) => smallWeightShare(t.layers) * 100 },
  ],
  step: 'epoch',
  speeds: [
    { key: 'slow', label: 'Slow (1 epoch per frame)', batchesPerFrame: 1 },
    { key: 'normal', label: 'Normal (5 epochs per frame)', batchesPerFrame: 5 },
    { key: 'fast', label: 'Fast (20 epochs per frame)', batchesPerFrame: 20 },
    { key: 'fastest', label: 'Fastest (50 epochs per frame)', batchesPerFrame: 50 },
  ],
  defaultSpeed: 'normal',
  seed: 1,
});
