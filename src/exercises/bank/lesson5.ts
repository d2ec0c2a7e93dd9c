// Lesson 5's exercises (05-regularization): weight decay, ridge regression, soft thresholding,
// dropout masks, what to penalize, reading loss curves, MAP penalties, early stopping and L1 steps
// in code, and two challenges on the lesson's widget. Keys come from the engine (SGD with the L2 /
// L1 penalty, a dropout layer) or from the lesson's own code (the geometry panel's exact L1
// optimum, the widget's early-stopping tracker); none is typed in.

import { activations, Dense, jsKernels, l1Penalty, l2Penalty, SGD, type Rng } from '@engine';
import { curvature, l1Optimum, l2Optimum } from '@widgets/lesson5/geometry/model';
import { newWatch, watchRun } from '@widgets/lesson5/regularization/early-stopping';
import { bool, num, trainer } from '../kinds/challenge.ts';
import { challenge, choice, code, defineBank, formula, numeric, vector } from '../define.ts';
import { fix, fmt, texNum, texVec, vec } from '../format.ts';
import { draw, drawNonZero, intBetween, pick, shuffled } from '../random.ts';

/** `steps` steps of engine SGD (rate η) on the penalty alone, from w = 1: what is left of a weight the data do not defend. */
function decayed(eta: number, lambda: number, steps: number): number {
  const value = Float64Array.of(1);
  const grad = new Float64Array(1);
  const sgd = new SGD([{ value, grad }], eta);
  for (let t = 0; t < steps; t++) {
    grad.fill(0);
    l2Penalty(value, lambda, grad);
    sgd.step();
  }
  return value[0]!;
}

/** One engine SGD step on L_data + λ‖w‖₁ given the data gradient g: w − η(g + λ sign w). */
function l1Step(w: number[], g: number[], eta: number, lambda: number): number[] {
  const value = Float64Array.from(w);
  const grad = Float64Array.from(g);
  l1Penalty(value, lambda, grad);
  new SGD([{ value, grad }], eta).step();
  return Array.from(value);
}

/** argmin over w of ½‖w − w*‖² + λR(w), coordinate pairs through the geometry panel's exact solver (H = I). */
function penalizedOptimum(wStar: readonly number[], lambda: number, kind: 'l1' | 'l2'): number[] {
  const out: number[] = [];
  for (let i = 0; i < wStar.length; i += 2) {
    const q = { H: curvature(1, 1, 0), wStar: [wStar[i]!, wStar[i + 1] ?? 0] as const };
    const w = kind === 'l1' ? l1Optimum(q, lambda) : l2Optimum(q, lambda);
    out.push(w[0], w[1]);
  }
  return out.slice(0, wStar.length);
}

/** The engine's inverted dropout on h with keep probability p and a given mask (1 = kept). */
function dropout(h: readonly number[], mask: readonly number[], keep: number): number[] {
  const n = h.length;
  const layer = new Dense(n, n, activations.identity, keep);
  for (let j = 0; j < n; j++) layer.W[j * n + j] = 1;
  // The layer keeps a unit when its draw is below `keep`: feed it draws that reproduce the mask.
  const draws = mask.map((m) => (m ? 0 : 0.999999));
  const rng = { next: () => draws.shift() ?? 0 } as unknown as Rng;
  return Array.from(layer.forward(Float64Array.from(h), 1, jsKernels, rng));
}

/** Early stopping as the widget does it: [epoch of the best validation loss, epoch at which training stops] (1-based). */
function earlyStopping(losses: readonly number[], patience: number): [number, number] {
  const w = newWatch();
  const params = { stop: true, patience };
  watchRun(w, { epoch: 0, bestEpoch: -1, params, seed: 0 });
  let best = -1;
  let bestVal = Infinity;
  for (let i = 0; i < losses.length; i++) {
    const epoch = i + 1;
    if (losses[i]! < bestVal) {
      bestVal = losses[i]!;
      best = epoch;
    }
    if (watchRun(w, { epoch, bestEpoch: best, params, seed: 0 }).stop) return [best, epoch];
  }
  return [best, losses.length];
}

/** A validation curve that falls, bottoms out and rises again, rounded to 2 decimals, with a unique minimum. */
function valleyCurve(rng: Rng, length: number): number[] {
  for (;;) {
    const bottom = intBetween(rng, 3, length - 4);
    const low = draw(rng, 0.12, 0.25, 2);
    const c: number[] = [];
    for (let i = 0; i < length; i++) {
      const d = i - bottom;
      c.push(Math.round((low + (d < 0 ? -d * draw(rng, 0.04, 0.09, 2) : d * draw(rng, 0.005, 0.03, 3)) + (d === 0 ? 0 : 0.01)) * 100) / 100);
    }
    if (c.filter((x) => x === Math.min(...c)).length === 1) return c;
  }
}

const WIDGET = 'regularization';

export default defineBank('05-regularization', [
  numeric({
    id: 'l5-weight-decay-factor',
    title: 'How much does weight decay leave?',
    generate: (rng) => ({ eta: pick(rng, [0.1, 0.2]), lambda: pick(rng, [0.005, 0.01]), steps: pick(rng, [500, 1000]) }),
    prompt: ({ eta, lambda, steps }) =>
      `A weight gets no gradient from the data, only from the L2 penalty $\\tfrac{\\lambda}{2} w^2$. Gradient descent runs ${steps} steps with learning rate $\\eta$ = ${eta} and $\\lambda$ = ${lambda}.\n\nWhat fraction of its starting value is left?`,
    answer: ({ eta, lambda, steps }) => decayed(eta, lambda, steps),
    tolerance: { rule: 'relative', rel: 0.005 },
    mistakes: [
      { id: 'linear', answer: ({ eta, lambda, steps }) => 1 - eta * lambda * steps, message: 'You subtracted ηλ once per step from the starting value; each step removes a fraction ηλ of what is left, so the factors multiply: (1 − ηλ)^t.' },
      { id: 'no-eta', answer: ({ lambda, steps }) => (1 - lambda) ** steps, message: 'The factor per step is 1 − ηλ: the penalty’s gradient λw is also multiplied by the learning rate.' },
      { id: 'half', answer: ({ eta, lambda, steps }) => (1 - (eta * lambda) / 2) ** steps, message: 'The ½ in (λ/2)w² cancels when you differentiate: the gradient is λw, not λw/2.' },
    ],
    solution: ({ eta, lambda, steps }) =>
      `Each step is $w \\leftarrow w - \\eta\\lambda w = (1 - \\eta\\lambda) w = ${texNum(1 - eta * lambda, 6)}\\, w$. After $t = ${steps}$ steps:\n\n$$(1 - \\eta\\lambda)^{t} = ${texNum(1 - eta * lambda, 6)}^{${steps}} = ${texNum(decayed(eta, lambda, steps))} \\approx e^{-\\eta\\lambda t} = ${texNum(Math.exp(-eta * lambda * steps))}.$$`,
  }),

  numeric({
    id: 'l5-ridge-slope',
    title: 'Ridge regression by hand',
    generate: (rng) => {
      const a = pick(rng, [1, 2]);
      return { a, y: [draw(rng, -3, -0.5, 1), draw(rng, -1, 1, 1), draw(rng, 0.5, 3, 1)], lambda: pick(rng, [0.5, 1, 2, 4]) };
    },
    prompt: ({ a, y, lambda }) =>
      `Fit $\\yt = w x + b$ to three points with inputs $x$ = ${vec([-a, 0, a])} and targets $y$ = ${vec(y)}, minimizing the mean squared error (no ½) plus $\\tfrac{\\lambda}{2} w^2$ with $\\lambda$ = ${lambda}. The bias $b$ is not penalized.\n\nWhat is the slope $w$?`,
    answer: ({ a, y, lambda }) => (a * (y[2]! - y[0]!)) / (2 * a * a + (3 * lambda) / 2),
    tolerance: { rule: 'relative', rel: 0.01 },
    mistakes: [
      { id: 'least-squares', answer: ({ a, y }) => (a * (y[2]! - y[0]!)) / (2 * a * a), message: 'That is the unpenalized least-squares slope; the penalty adds nλ/2 to the denominator.' },
      { id: 'alpha-lambda', answer: ({ a, y, lambda }) => (a * (y[2]! - y[0]!)) / (2 * a * a + lambda), message: 'With the mean (1/n) and the penalty (λ/2)w², the term added to Σx² is nλ/2, not λ: multiply the stationarity condition by n/2.' },
      { id: 'alpha-n-lambda', answer: ({ a, y, lambda }) => (a * (y[2]! - y[0]!)) / (2 * a * a + 3 * lambda), message: 'Close: the penalty is (λ/2)w², so its derivative λw, multiplied by n/2, adds nλ/2 (not nλ).' },
    ],
    solution: ({ a, y, lambda }) => {
      const sxy = a * (y[2]! - y[0]!);
      return `The inputs are centred, so $b = \\bar y$ and $$w = \\frac{\\sum_i x_i y_i}{\\sum_i x_i^2 + n\\lambda/2} = \\frac{${texNum(sxy)}}{${texNum(2 * a * a)} + ${texNum((3 * lambda) / 2)}} = ${texNum(sxy / (2 * a * a + (3 * lambda) / 2))}.$$`;
    },
  }),

  vector({
    id: 'l5-soft-threshold',
    title: 'Shrink or cut: the L1 optimum',
    generate: (rng) => {
      const lambda = pick(rng, [0.3, 0.5, 0.8]);
      const wStar = [drawNonZero(rng, 1, 2.5, 1), drawNonZero(rng, -lambda + 0.1, lambda - 0.1, 1), -draw(rng, 1, 2.5, 1), draw(rng, 0.1, lambda - 0.05, 2)];
      return { lambda, wStar: shuffled(rng, wStar) };
    },
    prompt: ({ lambda, wStar }) =>
      `Four weights each have the data loss $\\tfrac12 (w_j - w_j^*)^2$ with unpenalized optima $\\w^*$ = ${vec(wStar)}. Add the L1 penalty $\\lambda \\sum_j |w_j|$ with $\\lambda$ = ${lambda}.\n\nGive the minimizing $\\w$ (four numbers).`,
    answer: ({ lambda, wStar }) => penalizedOptimum(wStar, lambda, 'l1'),
    tolerance: { rule: 'absolute', abs: 0.005 },
    mistakes: [
      { id: 'l2', answer: ({ lambda, wStar }) => penalizedOptimum(wStar, lambda, 'l2'), message: 'That is the L2 answer w*/(1 + λ): every weight scaled, none zero. L1 subtracts λ from each |w*| and cuts at zero.' },
      { id: 'no-clip', answer: ({ lambda, wStar }) => wStar.map((w) => w - lambda * Math.sign(w)), message: 'A weight smaller than λ does not change sign: it stops at exactly zero (the subgradient at 0 can balance the data).' },
      { id: 'hard', answer: ({ lambda, wStar }) => wStar.map((w) => (Math.abs(w) > lambda ? w : 0)), message: 'Right zeros, but the surviving weights also shrink: by λ towards zero.' },
    ],
    solution: ({ lambda, wStar }) =>
      `Each coordinate is soft-thresholded: $w_j = \\sign(w_j^*) \\max(0, |w_j^*| - \\lambda)$.\n\n$$\\w = ${texVec(penalizedOptimum(wStar, lambda, 'l1'), 3)}.$$ The weights with $|w_j^*| \\le ${texNum(lambda)}$ are exactly zero.`,
  }),

  vector({
    id: 'l5-dropout-mask',
    title: 'Apply a dropout mask',
    generate: (rng) => {
      const h = Array.from({ length: 5 }, () => draw(rng, 0, 3, 1));
      let mask: number[];
      do mask = h.map(() => (rng.next() < 0.5 ? 1 : 0));
      while (mask.every((m) => m === mask[0]));
      return { h, mask, keep: pick(rng, [0.5, 0.8]) };
    },
    prompt: ({ h, mask, keep }) =>
      `A hidden layer outputs $\\h$ = ${vec(h)}. Training uses inverted dropout with keep probability $p$ = ${keep}, and this mini-batch draws the mask $\\mathbf{m}$ = ${vec(mask)} (1 = kept).\n\nWhat does the next layer receive?`,
    answer: ({ h, mask, keep }) => dropout(h, mask, keep),
    tolerance: { rule: 'absolute', abs: 0.005 },
    mistakes: [
      { id: 'no-scale', answer: ({ h, mask }) => h.map((x, j) => x * mask[j]!), message: 'The kept units must be divided by p, so that the expected input of the next layer is the same as at inference.' },
      { id: 'times-p', answer: ({ h, mask, keep }) => h.map((x, j) => x * mask[j]! * keep), message: 'Multiplying by p is the inference-time rule of the original (non-inverted) dropout; inverted dropout divides the kept units by p during training.' },
      { id: 'drop-rate', answer: ({ h, mask, keep }) => h.map((x, j) => (x * mask[j]!) / (1 - keep)), message: 'Divide by the keep probability p, not by the drop rate 1 − p.' },
    ],
    solution: ({ h, mask, keep }) =>
      `$\\tilde h_j = m_j h_j / p$: the dropped units become 0, the kept ones are divided by $p = ${keep}$:\n\n$$\\tilde\\h = ${texVec(dropout(h, mask, keep), 3)}.$$`,
  }),

  choice({
    id: 'l5-penalize-what',
    title: 'What does the penalty act on?',
    multiple: true,
    generate: (rng) => ({ order: shuffled(rng, [0, 1, 2, 3, 4]) }),
    prompt: () => 'A network $\\yt = \\w \\cdot g(\\W \\x + \\bb) + b$ is trained with an L2 penalty, as in this course. Which parameters does the penalty act on? Select all that apply.',
    options: ({ order }) => {
      const all = [
        { id: 'hidden-weights', label: 'the hidden weights $\\W$', correct: true, feedback: 'The hidden weights set the slopes of the units: the penalty keeps them small.' },
        { id: 'output-weights', label: 'the output weights $\\w$', correct: true, feedback: 'Output weights are weights too: large ones make steep, wiggly functions.' },
        { id: 'hidden-biases', label: 'the hidden biases $\\bb$', correct: false, feedback: 'A hidden bias only slides its unit’s kink along the input: no steeper or wigglier function, so no penalty.' },
        { id: 'output-bias', label: 'the output bias $b$', correct: false, feedback: 'Penalizing the output bias pulls every prediction towards 0 (the constant model on 4, 5, 6 predicted 4 instead of 5): pure harm.' },
        { id: 'inputs', label: 'the inputs $\\x$', correct: false, feedback: 'The inputs are data, not parameters: nothing is learned about them.' },
      ];
      return order.map((i) => all[i]!);
    },
    solution: () => 'The penalty acts on the weights $\\W$ and $\\w$ only. Biases shift the function without changing its shape, and penalizing them only biases the predictions.',
  }),

  choice({
    id: 'l5-read-the-curves',
    title: 'Read the loss curves',
    generate: (rng) => {
      const kind = pick(rng, ['overfit', 'underfit', 'good'] as const);
      const epochs = [100, 500, 1000, 2000];
      const lo = draw(rng, 0.1, 0.14, 2);
      const curves = {
        overfit: { train: [0.3, 0.09, 0.05, 0.03].map((x) => x + draw(rng, 0, 0.01, 2)), val: [0.34, lo, lo + 0.04, lo + 0.09] },
        underfit: { train: [0.5, 0.46, 0.45, 0.45].map((x) => x + draw(rng, 0, 0.02, 2)), val: [0.52, 0.48, 0.47, 0.47] },
        good: { train: [0.3, 0.1, 0.08, 0.075].map((x) => x + draw(rng, 0, 0.01, 2)), val: [0.32, lo + 0.01, lo, lo] },
      }[kind];
      return { kind, epochs, ...curves };
    },
    prompt: ({ epochs, train, val }) =>
      `A network is trained on noisy data whose noise variance is about 0.09. Its mean squared errors at epochs ${epochs.join(', ')} are:\n\ntraining: ${train.map((x) => fix(x, 2)).join(', ')}\nvalidation: ${val.map((x) => fix(x, 2)).join(', ')}\n\nWhat do the curves say?`,
    options: ({ train, val }) => {
      const valRises = val[3]! > Math.min(...val) + 0.02;
      const trainFalls = train[3]! < train[1]!;
      const bothHigh = Math.min(...train) > 0.3 && Math.min(...val) > 0.3;
      return [
        { id: 'overfit', label: 'Overfitting: regularize more (a larger λ, dropout) or stop earlier.', correct: valRises && trainFalls, feedback: 'Overfitting shows as a validation loss that turns up while the training loss keeps falling.' },
        { id: 'underfit', label: 'Underfitting: regularize less, or use a bigger network.', correct: bothHigh, feedback: 'Underfitting shows as both losses staying high together, far above the noise level.' },
        { id: 'good', label: 'Neither: both curves have settled close together near the noise level.', correct: !valRises && !bothHigh, feedback: 'Look at the validation curve after its minimum, and at how far both are from the noise level 0.09.' },
      ];
    },
    solution: ({ kind }) =>
      kind === 'overfit'
        ? 'The validation loss bottoms out and climbs while the training loss keeps falling, below the noise level: the network fits the noise. More regularization or early stopping helps.'
        : kind === 'underfit'
          ? 'Both losses stay high together, far above the noise level: the model cannot even fit the training data. Less regularization (or more capacity) helps.'
          : 'Both curves flatten out near the noise level with a small gap: nothing to cure.',
  }),

  formula({
    id: 'l5-penalty-update',
    title: 'One gradient step with a penalty',
    generate: (rng) => ({ penalty: pick(rng, ['l2', 'l1'] as const) }),
    prompt: ({ penalty }) =>
      `One gradient-descent step on ${penalty === 'l2' ? '$L_{\\text{data}} + \\tfrac{\\lambda}{2} w^2$' : '$L_{\\text{data}} + \\lambda |w|$'} for a single weight \`w\` with data gradient \`g\`, learning rate \`eta\` and penalty weight \`lambda\`${penalty === 'l1' ? ' (use the subgradient, with `sign(w)`)' : ''}.\n\nType the new value of \`w\`.`,
    answer: ({ penalty }) => (penalty === 'l2' ? '(1 - eta*lambda)*w - eta*g' : 'w - eta*(g + lambda*sign(w))'),
    variables: [
      { name: 'w', min: -2, max: 2 },
      { name: 'g', min: -2, max: 2 },
      { name: 'eta', min: 0.01, max: 0.5 },
      { name: 'lambda', min: 0.01, max: 1 },
    ],
    mistakes: [
      {
        id: 'no-eta-on-penalty',
        answer: ({ penalty }) => (penalty === 'l2' ? 'w - eta*g - lambda*w' : 'w - eta*g - lambda*sign(w)'),
        message: 'The penalty’s gradient is part of the gradient, so it is multiplied by η too: w − η(g + penalty gradient).',
      },
      {
        id: 'other-penalty',
        answer: ({ penalty }) => (penalty === 'l2' ? 'w - eta*(g + lambda*sign(w))' : 'w - eta*(g + lambda*w)'),
        message: 'That is the other penalty’s step: the gradient of (λ/2)w² is λw, the subgradient of λ|w| is λ·sign(w).',
      },
      {
        id: 'half',
        answer: ({ penalty }) => (penalty === 'l2' ? 'w - eta*(g + lambda*w/2)' : 'w - eta*(g + lambda*sign(w)/2)'),
        message: 'No factor ½ here: the derivative of (λ/2)w² is λw, and the subgradient of λ|w| is λ·sign(w).',
      },
      {
        id: 'sign',
        answer: ({ penalty }) => (penalty === 'l2' ? 'w - eta*(g - lambda*w)' : 'w - eta*(g - lambda*sign(w))'),
        message: 'The penalty pulls towards zero: its gradient is added to g, and the step subtracts both.',
      },
    ],
    solution: ({ penalty }) =>
      penalty === 'l2'
        ? '$$w \\leftarrow w - \\eta\\,(g + \\lambda w) = (1 - \\eta\\lambda)\\,w - \\eta g.$$ The factor $1 - \\eta\\lambda$ is the decay.'
        : '$$w \\leftarrow w - \\eta\\,(g + \\lambda \\sign(w)).$$ The push towards zero has the same size $\\eta\\lambda$ for every nonzero weight.',
  }),

  formula({
    id: 'l5-map-lambda',
    title: 'λ from a prior',
    generate: (rng) => ({ prior: pick(rng, ['gaussian', 'laplace'] as const) }),
    prompt: ({ prior }) =>
      prior === 'gaussian'
        ? 'The targets have Gaussian noise with standard deviation $\\sigma$, there are $n$ training items, and every weight has the prior $\\Norm(0, \\tau^2)$. The course minimizes the mean squared error (no ½) plus $\\tfrac{\\lambda}{2}\\|\\w\\|^2$.\n\nWhich $\\lambda$ makes this the MAP estimate? Type it with `s` for σ, `t` for τ and `n`.'
        : 'The targets have Gaussian noise with standard deviation $\\sigma$, there are $n$ training items, and every weight has the Laplace prior $p(w) = e^{-|w|/\\beta} / (2\\beta)$. The course minimizes the mean squared error (no ½) plus $\\lambda \\|\\w\\|_1$.\n\nWhich $\\lambda$ makes this the MAP estimate? Type it with `s` for σ, `t` for β and `n`.',
    answer: ({ prior }) => (prior === 'gaussian' ? '2*s^2/(n*t^2)' : '2*s^2/(n*t)'),
    variables: [
      { name: 's', min: 0.1, max: 2 },
      { name: 't', min: 0.1, max: 3 },
      { name: 'n', values: [5, 10, 20, 50, 100] },
    ],
    mistakes: [
      { id: 'no-n', answer: ({ prior }) => (prior === 'gaussian' ? '2*s^2/t^2' : '2*s^2/t'), message: 'The data term is a mean over n items: dividing the MAP objective by n puts n in the denominator of λ.' },
      { id: 'no-2', answer: ({ prior }) => (prior === 'gaussian' ? 's^2/(n*t^2)' : 's^2/(n*t)'), message: 'Almost: the negative log-likelihood has 1/(2σ²) and the mean squared error has no ½, which leaves a factor 2.' },
      { id: 'inverted', answer: ({ prior }) => (prior === 'gaussian' ? 'n*t^2/(2*s^2)' : 'n*t/(2*s^2)'), message: 'Upside down: noisier data (larger σ) and a tighter prior (smaller τ) must give a larger λ.' },
    ],
    solution: ({ prior }) =>
      prior === 'gaussian'
        ? 'The MAP objective is $\\sum_i (y_i - \\yt_i)^2/(2\\sigma^2) + \\sum_j w_j^2/(2\\tau^2)$. Multiply by $2\\sigma^2/n$: $\\frac1n\\sum_i (y_i - \\yt_i)^2 + \\frac{\\sigma^2}{n\\tau^2}\\|\\w\\|^2$, so $\\lambda/2 = \\sigma^2/(n\\tau^2)$ and $$\\lambda = \\frac{2\\sigma^2}{n\\tau^2}.$$'
        : 'The MAP objective is $\\sum_i (y_i - \\yt_i)^2/(2\\sigma^2) + \\sum_j |w_j|/\\beta$. Multiply by $2\\sigma^2/n$: $$\\lambda = \\frac{2\\sigma^2}{n\\beta}.$$',
  }),

  code({
    id: 'l5-code-early-stopping',
    title: 'Early stopping in code',
    fn: 'earlyStop',
    generate: (rng) => ({ curve: valleyCurve(rng, 12), patience: intBetween(rng, 2, 4) }),
    prompt: ({ patience }) =>
      `Write \`earlyStop(losses, patience)\`. \`losses[i]\` is the validation loss after epoch i + 1. Return \`[best, stop]\`: the epoch (1-based) of the lowest validation loss seen when training stops (the first one on ties), and the epoch after which training stops, the first epoch at which \`patience\` epochs have passed without a lower loss (or the last epoch if that never happens).\n\nFor example the lesson's losses 0.50, 0.31, 0.22, 0.19, 0.20, 0.23, 0.27 with patience 3 give \`[4, 7]\`. Your variant is tested with patience ${patience} among others.`,
    starter: 'function earlyStop(losses, patience) {\n  // return [bestEpoch, stopEpoch], epochs counted from 1\n  \n}\n',
    cases: ({ curve, patience }) => [
      { args: [curve, patience] },
      { args: [[0.5, 0.31, 0.22, 0.19, 0.2, 0.23, 0.27], 3], label: 'the lesson example' },
      { args: [[0.4, 0.3, 0.2, 0.1], 2], label: 'never stops' },
      { args: [[0.3, 0.3, 0.3, 0.3], 2], label: 'a tie' },
      { args: [[0.3, 0.2, 0.25, 0.19, 0.22, 0.23, 0.24, 0.25, 0.1], 3], label: 'a second minimum, and a lower loss after the stop' },
    ],
    expected: (losses: number[], patience: number) => earlyStopping(losses, patience),
    tolerance: { rule: 'absolute', abs: 1e-9 },
    mistakes: [
      {
        id: 'last-not-best',
        impl: (losses: number[], patience: number) => {
          const [, stop] = earlyStopping(losses, patience);
          return [stop, stop];
        },
        message: 'You return the epoch where training stopped as the best one: early stopping returns the parameters of the best validation epoch, which is patience epochs earlier.',
      },
      {
        id: 'off-by-one',
        impl: (losses: number[], patience: number) => {
          const [best, stop] = earlyStopping(losses, Math.max(1, patience - 1));
          return [best, stop];
        },
        message: 'Training stops one epoch early: it stops when `patience` whole epochs have passed since the best one (stop − best = patience).',
      },
      {
        id: 'global-min',
        impl: (losses: number[], patience: number) => {
          const [, stop] = earlyStopping(losses, patience);
          const best = losses.indexOf(Math.min(...losses)) + 1;
          return [best, stop];
        },
        message: 'The best epoch must be among the epochs seen before training stops: losses after the stop are never computed.',
      },
    ],
    solution: () =>
      'Keep the best loss and its epoch; stop at the first epoch that is `patience` epochs after the best one.\n\n`function earlyStop(losses, patience) { let best = 0; for (let i = 0; i < losses.length; i++) { if (losses[i] < losses[best]) best = i; if (i - best >= patience) return [best + 1, i + 1]; } return [best + 1, losses.length]; }`',
  }),

  code({
    id: 'l5-code-l1-step',
    title: 'One gradient step with an L1 penalty',
    fn: 'l1Step',
    generate: (rng) => ({ w: [draw(rng, -1, 1, 2), 0, draw(rng, -1, 1, 2)], g: [draw(rng, -0.5, 0.5, 2), draw(rng, -0.5, 0.5, 2), draw(rng, -0.5, 0.5, 2)], lambda: pick(rng, [0.01, 0.05, 0.1]) }),
    prompt: ({ lambda }) =>
      `Write \`l1Step(w, g, eta, lambda)\`: one gradient-descent step on $L_{\\text{data}} + \\lambda \\sum_j |w_j|$, given the weights \`w\` and the data gradient \`g\` (arrays), the learning rate \`eta\` and \`lambda\`. Use the subgradient $\\lambda \\sign(w_j)$, with $\\sign(0) = 0$. Return the new weights as an array.\n\nYour variant is tested with $\\lambda$ = ${lambda} among others.`,
    starter: 'function l1Step(w, g, eta, lambda) {\n  // return the new weights\n  \n}\n',
    cases: ({ w, g, lambda }) => [
      { args: [w, g, 0.1, lambda] },
      { args: [[0.5, -0.5, 0], [0, 0, 0], 0.1, 0.1], label: 'no data gradient' },
      { args: [[2, -3], [0.4, -0.2], 0.05, 0.5] },
    ],
    expected: (w: number[], g: number[], eta: number, lambda: number) => l1Step(w, g, eta, lambda),
    tolerance: { rule: 'absolute', abs: 1e-9 },
    mistakes: [
      { id: 'l2', impl: (w: number[], g: number[], eta: number, lambda: number) => w.map((x, j) => x - eta * (g[j]! + lambda * x)), message: 'That is the L2 step (gradient λw). The L1 penalty’s subgradient is λ·sign(w): the same size for every nonzero weight.' },
      { id: 'no-eta', impl: (w: number[], g: number[], eta: number, lambda: number) => w.map((x, j) => x - eta * g[j]! - lambda * Math.sign(x)), message: 'The penalty’s subgradient is multiplied by the learning rate too: w − η(g + λ sign w).' },
      { id: 'sign-zero', impl: (w: number[], g: number[], eta: number, lambda: number) => w.map((x, j) => x - eta * (g[j]! + lambda * (x >= 0 ? 1 : -1))), message: 'At w = 0 use sign(0) = 0 (Math.sign does this): a zero weight gets no push from the penalty.' },
    ],
    solution: () => '$w_j \\leftarrow w_j - \\eta\\,(g_j + \\lambda \\sign(w_j))$.\n\n`function l1Step(w, g, eta, lambda) { return w.map((x, j) => x - eta * (g[j] + lambda * Math.sign(x))); }`',
  }),

  challenge({
    id: 'l5-challenge-l2',
    title: 'Cure overfitting with L2 alone',
    widget: WIDGET,
    generate: (rng) => ({ seed: pick(rng, [1, 3, 4]), target: 0.135, epochs: 2000 }),
    prompt: ({ seed, target, epochs }) =>
      `In the widget above, set the seed to ${seed}, keep L1, dropout and early stopping off, and choose an L2 strength so that after at least ${epochs} epochs the validation loss is below ${target}. Then press Check.`,
    goal: (s, { seed, target, epochs }) => {
      if (num(s, 'seed', 'seed') !== seed) return `Set the seed to ${seed} first (the field next to “New seed”).`;
      if (num(s, 'params.l1', 'L1 strength') !== 0 || num(s, 'params.dropout', 'dropout rate') !== 0 || bool(s, 'params.stop', 'early-stopping switch')) {
        return 'Only L2 this time: set L1 and the dropout rate to 0 and turn early stopping off, then Reset.';
      }
      const t = trainer(s);
      const epoch = num(t, 'epoch', 'epoch');
      const val = num(t, 'valLoss', 'validation loss');
      if (epoch < epochs) return `The network is at epoch ${Math.floor(epoch)}; train to at least ${epochs}.`;
      if (num(s, 'params.l2', 'L2 strength') === 0) return `Without any penalty the validation loss is ${fmt(val, 3)}: add some L2.`;
      if (val >= target) return `The validation loss is ${fmt(val, 3)}, not yet below ${target}. Try another λ₂ (and press Reset after changing it, so the whole run uses it).`;
      return true;
    },
    solution: ({ target }) => `λ₂ = 0.003, trained from a reset for 2000 epochs, ends below ${target} on each of these seeds; without the penalty the validation loss ends between 0.14 and 0.21.`,
  }),

  challenge({
    id: 'l5-challenge-sparse',
    title: 'A sparse network that still generalizes',
    widget: WIDGET,
    generate: (rng) => ({ share: pick(rng, [80, 90, 95]), target: 0.13 }),
    prompt: ({ share, target }) =>
      `With seed 1, find settings under which at least ${share} % of the weights are smaller than 0.001 in size, while the validation loss is below ${target}. Then press Check.`,
    goal: (s, { share, target }) => {
      if (num(s, 'seed', 'seed') !== 1) return 'Set the seed to 1 first.';
      const t = trainer(s);
      const small = num(t, 'readouts.small-weights', 'share of small weights');
      const val = num(t, 'valLoss', 'validation loss');
      if (small < share) return `Only ${fmt(small, 3)} % of the weights are below 0.001. Which penalty drives weights to exactly zero?`;
      if (val >= target) return `The weights are sparse enough, but the validation loss is ${fmt(val, 3)}: not below ${target}. A penalty that strong may be too much; or train longer.`;
      return true;
    },
    solution: () => 'L1 with λ₁ = 0.003 (L2 and dropout at 0), trained for 2000 epochs from a reset: over 99 % of the weights end below 0.001 and the validation loss near 0.12.',
  }),
]);
