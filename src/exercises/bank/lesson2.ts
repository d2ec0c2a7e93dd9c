// Lesson 2's exercises: likelihoods and the losses they give. Every key is computed (by the
// engine, or by lesson 2's likelihood module, itself tested against hand computations); the
// likely mistakes are the wrong computations a student makes on the way.

import { gaussianNll, sigmoid, softmax, softplus } from '@engine';
import { gaussianNllParts, laplaceNllParts, sigmaSquaredHat } from '@widgets/lesson2/likelihood';
import { num } from '../kinds/challenge.ts';
import { challenge, choice, code, defineBank, formula, numeric, vector } from '../define.ts';
import { fix, fmt, texNum, texVec, vec } from '../format.ts';
import { drawNonZero, drawVector, pick, shuffled } from '../random.ts';

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
const squares = (xs: readonly number[]): number[] => xs.map((x) => x * x);
const median = (xs: readonly number[]): number => {
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const mean = (xs: readonly number[]): number => sum(xs) / xs.length;

/** True when no two of the values are within 2 % of each other (so no mistake passes for the key). */
function apart(values: readonly number[]): boolean {
  return values.every((a, i) => values.every((b, j) => i === j || Math.abs(a - b) > 0.02 * Math.max(Math.abs(a), Math.abs(b), 1e-9)));
}

/** Residuals of one decimal, none zero, none repeated in absolute value (so mistakes stay apart). */
function residuals(rng: Parameters<typeof drawNonZero>[0], n: number, lo: number, hi: number): number[] {
  for (;;) {
    const r = Array.from({ length: n }, () => drawNonZero(rng, lo, hi, 1));
    if (new Set(r.map(Math.abs)).size === n) return r;
  }
}

export default defineBank('02-likelihood', [
  numeric({
    id: 'l2-gaussian-nll',
    title: 'The Gaussian negative log-likelihood of four residuals',
    generate: (rng) => {
      for (;;) {
        const v = { r: residuals(rng, 4, -1.5, 1.5), sigma: pick(rng, [0.5, 0.8, 1.5, 2]) };
        const p = gaussianNllParts(v.r, v.sigma);
        if (apart([p.total, p.data, -p.total, p.total / 4, p.constant + 2 * p.data, (4 / 2) * Math.log(2 * Math.PI * v.sigma) + p.data])) return v;
      }
    },
    prompt: ({ r, sigma }) =>
      `A regression network leaves the residuals $y^{(i)} - \\mu^{(i)}$ = ${vec(r)} on four training items. Assume Gaussian noise with a known standard deviation $\\sigma$ = ${sigma}.\n\nCompute the negative log-likelihood $-\\log \\Lik = \\frac{N}{2}\\log(2\\pi\\sigma^2) + \\frac{1}{2\\sigma^2}\\sum_i (y^{(i)} - \\mu^{(i)})^2$ (natural logarithm).`,
    answer: ({ r, sigma }) => gaussianNll(Float64Array.from(r), new Float64Array(r.length), r.length, 1, null, sigma) * r.length,
    tolerance: { rule: 'relative', rel: 0.005 },
    unit: 'nats',
    mistakes: [
      { id: 'no-constant', answer: ({ r, sigma }) => gaussianNllParts(r, sigma).data, message: 'That is only the data part SSE/(2σ²). The likelihood also carries the constant N/2 · log(2πσ²), one ½ log(2πσ²) per item.' },
      { id: 'no-half', answer: ({ r, sigma }) => gaussianNllParts(r, sigma).constant + sum(squares(r)) / sigma ** 2, message: 'The Gaussian exponent is −(y − μ)²/(2σ²): you dropped the 2 in the denominator.' },
      { id: 'sign', answer: ({ r, sigma }) => -gaussianNllParts(r, sigma).total, message: 'That is the log-likelihood log 𝓛; the question asks for its negative.' },
      { id: 'sigma-not-squared', answer: ({ r, sigma }) => (r.length / 2) * Math.log(2 * Math.PI * sigma) + sum(squares(r)) / (2 * sigma * sigma), message: 'The constant is N/2 · log(2πσ²), with σ squared (the variance), not log(2πσ).' },
      { id: 'mean', answer: ({ r, sigma }) => gaussianNllParts(r, sigma).total / r.length, message: 'You averaged over the items; the likelihood of the data set is a product, so its −log is a sum.' },
    ],
    solution: ({ r, sigma }) => {
      const p = gaussianNllParts(r, sigma);
      return `The squared residuals are $${texVec(squares(r))}$, so $\\text{SSE} = ${texNum(p.sum)}$.\n\n$$-\\log\\Lik = \\frac{4}{2}\\log(2\\pi \\cdot ${texNum(sigma * sigma)}) + \\frac{${texNum(p.sum)}}{2 \\cdot ${texNum(sigma * sigma)}} = ${texNum(p.constant)} + ${texNum(p.data)} = ${texNum(p.total)}.$$`;
    },
  }),

  numeric({
    id: 'l2-laplace-nll',
    title: 'The Laplace negative log-likelihood',
    generate: (rng) => {
      // b = 0.5 would make the constant 4·log(2b) vanish, and with it the difference the exercise is about.
      for (;;) {
        const v = { r: residuals(rng, 4, -2, 2), b: pick(rng, [0.3, 0.75, 1.5, 2]) };
        const p = laplaceNllParts(v.r, v.b);
        if (apart([p.total, p.data, -p.total, p.constant + sum(squares(v.r)) / v.b, 4 * Math.log(v.b) + p.data])) return v;
      }
    },
    prompt: ({ r, b }) =>
      `The same kind of network, but now the noise model is Laplace, $P(y \\mid \\x) = \\frac{1}{2b} e^{-|y - \\mu|/b}$, with scale $b$ = ${b}. The residuals are ${vec(r)}.\n\nCompute $-\\log \\Lik$ for these four items (natural logarithm).`,
    answer: ({ r, b }) => laplaceNllParts(r, b).total,
    tolerance: { rule: 'relative', rel: 0.005 },
    unit: 'nats',
    mistakes: [
      { id: 'no-constant', answer: ({ r, b }) => laplaceNllParts(r, b).data, message: 'That is only SAE/b. Each item also contributes log(2b), the −log of the density’s normalizing factor 1/(2b).' },
      { id: 'squared', answer: ({ r, b }) => laplaceNllParts(r, b).constant + sum(squares(r)) / b, message: 'The Laplace exponent holds |y − μ|, not (y − μ)²: absolute values, not squares.' },
      { id: 'log-b', answer: ({ r, b }) => r.length * Math.log(b) + laplaceNllParts(r, b).data, message: 'The normalizing factor is 1/(2b), so the constant per item is log(2b), not log b.' },
      { id: 'sign', answer: ({ r, b }) => -laplaceNllParts(r, b).total, message: 'That is log 𝓛; the question asks for −log 𝓛.' },
    ],
    solution: ({ r, b }) => {
      const p = laplaceNllParts(r, b);
      return `$\\text{SAE} = \\sum_i |y^{(i)} - \\mu^{(i)}| = ${texNum(p.sum)}$.\n\n$$-\\log\\Lik = N\\log(2b) + \\frac{\\text{SAE}}{b} = 4\\log(${texNum(2 * b)}) + \\frac{${texNum(p.sum)}}{${texNum(b)}} = ${texNum(p.constant)} + ${texNum(p.data)} = ${texNum(p.total)}.$$`;
    },
  }),

  numeric({
    id: 'l2-sigma-hat',
    title: 'The maximum-likelihood noise variance',
    generate: (rng) => {
      for (;;) {
        const r = residuals(rng, 5, -1.2, 1.2);
        const s2 = sigmaSquaredHat(r);
        if (apart([s2, sum(squares(r)) / 4, Math.sqrt(s2), 5 * s2, sum(r.map(Math.abs)) / 5])) return { r };
      }
    },
    prompt: ({ r }) =>
      `After fitting, a network's residuals on five items are ${vec(r)}. Under Gaussian noise with unknown constant variance, which $\\sigma^2$ maximizes the likelihood?\n\n(Minimize $\\frac{N}{2}\\log(2\\pi\\sigma^2) + \\frac{\\text{SSE}}{2\\sigma^2}$ over $\\sigma^2$.)`,
    answer: ({ r }) => sigmaSquaredHat(r),
    tolerance: { rule: 'relative', rel: 0.005 },
    mistakes: [
      { id: 'n-minus-1', answer: ({ r }) => sum(squares(r)) / (r.length - 1), message: 'Dividing by N − 1 gives the unbiased estimate; maximum likelihood divides by N.' },
      { id: 'sigma', answer: ({ r }) => Math.sqrt(sigmaSquaredHat(r)), message: 'That is σ̂, the standard deviation; the question asks for the variance σ̂².' },
      { id: 'sse', answer: ({ r }) => sum(squares(r)), message: 'That is the SSE; setting the derivative N/(2σ²) − SSE/(2σ⁴) to zero gives SSE/N.' },
      { id: 'mae', answer: ({ r }) => sum(r.map(Math.abs)) / r.length, message: 'That is the mean absolute residual; under Gaussian noise the estimate uses squared residuals.' },
    ],
    solution: ({ r }) =>
      `Set $\\frac{\\partial}{\\partial \\sigma^2}\\left(\\frac{N}{2}\\log(2\\pi\\sigma^2) + \\frac{\\text{SSE}}{2\\sigma^2}\\right) = \\frac{N}{2\\sigma^2} - \\frac{\\text{SSE}}{2\\sigma^4} = 0$, so $\\hat\\sigma^2 = \\text{SSE}/N$.\n\n$$\\hat\\sigma^2 = \\frac{${squares(r).map((x) => texNum(x)).join(' + ')}}{5} = ${texNum(sigmaSquaredHat(r))}.$$`,
  }),

  numeric({
    id: 'l2-dataset-cross-entropy',
    title: 'Cross-entropy of a small data set',
    generate: (rng) => {
      for (;;) {
        const items = Array.from({ length: 3 }, () => ({ z: drawVector(rng, 3, -2, 2, 1), y: rng.int(3) }));
        const ce = (p: (it: (typeof items)[number]) => number) => sum(items.map(p));
        const key = ce((it) => -Math.log(softmax(it.z)[it.y]!));
        const candidates = [key, key / 3, ce((it) => -Math.log(Math.max(...softmax(it.z)))), key / Math.LN10, ce((it) => -it.z[it.y]!)];
        if (apart(candidates)) return { items };
      }
    },
    prompt: ({ items }) =>
      `A softmax classifier with three classes gives these logits on three training items:\n\n${items.map((it, i) => `item ${i + 1}: $\\z$ = ${vec(it.z)}, true class ${it.y + 1}`).join('\n')}\n\nCompute the cross-entropy of the data set, $\\CE = -\\sum_i \\log P(\\yt^{(i)} = y^{(i)} \\mid \\z^{(i)})$ (a sum, natural logarithm).`,
    answer: ({ items }) => sum(items.map((it) => -Math.log(softmax(it.z)[it.y]!))),
    tolerance: { rule: 'relative', rel: 0.005 },
    unit: 'nats',
    mistakes: [
      { id: 'mean', answer: ({ items }) => sum(items.map((it) => -Math.log(softmax(it.z)[it.y]!))) / 3, message: 'You averaged; the −log of the likelihood of the data set is the sum over the items.' },
      { id: 'max-class', answer: ({ items }) => sum(items.map((it) => -Math.log(Math.max(...softmax(it.z))))), message: 'You used the largest probability of each item; the likelihood uses the probability of the TRUE class.' },
      { id: 'log10', answer: ({ items }) => sum(items.map((it) => -Math.log10(softmax(it.z)[it.y]!))), message: 'You used log base 10; use the natural logarithm.' },
      { id: 'logit', answer: ({ items }) => sum(items.map((it) => -it.z[it.y]!)), message: 'You used −z_y; the loss is −log p_y = log Σ e^{z} − z_y: the log-sum-exp term is missing.' },
    ],
    solution: ({ items }) =>
      items
        .map((it, i) => {
          const p = softmax(it.z);
          return `Item ${i + 1}: $\\p = ${texVec(p)}$, $-\\log p_{${it.y + 1}} = ${texNum(-Math.log(p[it.y]!))}$.`;
        })
        .join('\n\n') + `\n\nThe sum: $\\CE = ${texNum(sum(items.map((it) => -Math.log(softmax(it.z)[it.y]!))))}$.`,
  }),

  vector({
    id: 'l2-mean-median',
    title: 'The best constant under two noise models',
    generate: (rng) => {
      for (;;) {
        const base = drawVector(rng, 4, 1, 5, 0);
        const outlier = pick(rng, [15, 20, 25, 30]);
        const data = shuffled(rng, [...base, outlier]);
        if (Math.abs(mean(data) - median(data)) > 1) return { data };
      }
    },
    prompt: ({ data }) =>
      `Fit a constant $\\mu = c$ to the five targets ${vec(data)}.\n\nGive $[c_{\\text{sq}}, c_{\\text{abs}}]$: the $c$ that minimizes the squared error $\\sum_i (y_i - c)^2$ (Gaussian noise) and the $c$ that minimizes the absolute error $\\sum_i |y_i - c|$ (Laplace noise).`,
    answer: ({ data }) => [mean(data), median(data)],
    tolerance: { rule: 'absolute', abs: 0.01 },
    mistakes: [
      { id: 'swapped', answer: ({ data }) => [median(data), mean(data)], message: 'Swapped: squared error is minimized by the mean, absolute error by the median.' },
      { id: 'both-mean', answer: ({ data }) => [mean(data), mean(data)], message: 'The second is not the mean: for absolute error, moving c towards the outlier brings it closer to one point but farther from more of them. It stops at the median.' },
    ],
    solution: ({ data }) =>
      `Squared error: $\\frac{d}{dc}\\sum_i (y_i - c)^2 = -2\\sum_i (y_i - c) = 0$ gives the mean, $c = ${texNum(mean(data))}$.\n\nAbsolute error: the derivative is $-\\sum_i \\sign(y_i - c)$, zero when as many points lie above $c$ as below: the median of $${texVec(data.slice().sort((a, b) => a - b))}$, $c = ${texNum(median(data))}$.`,
  }),

  formula({
    id: 'l2-binary-likelihood',
    title: 'The binary model and its loss',
    generate: (rng) => ({ ask: pick(rng, ['probability', 'loss'] as const) }),
    prompt: ({ ask }) =>
      ask === 'probability'
        ? `A binary classifier outputs a real score $f$, and the model is $\\Pr(y \\mid \\x) \\propto \\exp(y f)$ for $y \\in \\{0, 1\\}$.\n\nType the normalized probability $\\Pr(y \\mid \\x)$ as one formula in \`f\` and \`y\` that is right for both labels. You may use \`exp\`, \`log\`, \`sigma(…)\` and \`softplus(…)\`.`
        : `A binary classifier outputs a real score $f$, and the model is $\\Pr(y \\mid \\x) \\propto \\exp(y f)$ for $y \\in \\{0, 1\\}$.\n\nType the loss $-\\log \\Pr(y \\mid \\x)$ as one formula in \`f\` and \`y\` that is right for both labels. You may use \`exp\`, \`log\`, \`sigma(…)\` and \`softplus(…)\`.`,
    answer: ({ ask }) => (ask === 'probability' ? 'sigma((2*y - 1)*f)' : 'softplus((1 - 2*y)*f)'),
    variables: [
      { name: 'f', min: -4, max: 4 },
      { name: 'y', values: [0, 1] },
    ],
    mistakes: [
      { id: 'sign', answer: ({ ask }) => (ask === 'probability' ? 'sigma((1 - 2*y)*f)' : 'softplus((2*y - 1)*f)'), message: 'The sign is flipped: for y = 1 the probability must grow with f, for y = 0 with −f.' },
      { id: 'only-class-1', answer: ({ ask }) => (ask === 'probability' ? 'sigma(f)' : 'softplus(-f)'), message: 'That is right for y = 1 only. Use the sign 2y − 1 (or 1 − 2y) to cover y = 0 as well.' },
      { id: 'unnormalized', answer: ({ ask }) => (ask === 'probability' ? 'exp(y*f)' : '-y*f'), message: 'Normalize over both labels: divide exp(y f) by exp(0·f) + exp(1·f) = 1 + e^f.' },
    ],
    solution: ({ ask }) =>
      `Normalize over $y' \\in \\{0, 1\\}$: $\\Pr(y \\mid \\x) = \\frac{e^{y f}}{1 + e^{f}}$, which is $\\sigma(f)$ for $y = 1$ and $\\sigma(-f)$ for $y = 0$, in one line $\\sigma((2y - 1) f)$.${ask === 'loss' ? ' Then $-\\log \\sigma(m) = \\log(1 + e^{-m}) = \\softplus(-m)$ gives $-\\log \\Pr(y \\mid \\x) = \\softplus((1 - 2y) f)$, typed `softplus((1-2*y)*f)` or `log(1+exp((1-2*y)*f))`.' : ' Typed: `sigma((2*y-1)*f)`, or `exp(y*f)/(1+exp(f))`.'}`,
  }),

  formula({
    id: 'l2-binary-gradient',
    title: 'The slope of the binary loss',
    // Two equivalent ways of writing the same loss: the student differentiates the one they get.
    generate: (rng) => ({ form: pick(rng, ['softplus', 'log'] as const) }),
    prompt: ({ form }) =>
      `The binary cross-entropy of one item is ${form === 'softplus' ? '$L = \\softplus((1 - 2y) f)$' : '$L = -y \\log \\sigma(f) - (1 - y) \\log\\big(1 - \\sigma(f)\\big)$'} with $y \\in \\{0, 1\\}$.\n\nType $\\partial L / \\partial f$ as a formula in \`f\` and \`y\`. You may use \`sigma(…)\` and \`exp\`.`,
    answer: () => 'sigma(f) - y',
    variables: [
      { name: 'f', min: -4, max: 4 },
      { name: 'y', values: [0, 1] },
    ],
    mistakes: [
      { id: 'sign', answer: () => 'y - sigma(f)', message: 'The sign is flipped: raising f lowers the loss when y = 1, so the slope must be negative there.' },
      { id: 'sigmoid-derivative', answer: () => 'sigma(f)*(1 - sigma(f))', message: 'That is σ′(f); the −log in the loss cancels it, leaving the plain error σ(f) − y.' },
      { id: 'no-label', answer: () => 'sigma(f)', message: 'Right for y = 0 only: for y = 1 the slope is σ(f) − 1.' },
    ],
    solution: ({ form }) =>
      form === 'softplus'
        ? `With $m = (1 - 2y) f$: $\\frac{dL}{df} = \\sigma(m)\\,(1 - 2y)$. For $y = 1$ this is $-\\sigma(-f) = \\sigma(f) - 1$; for $y = 0$ it is $\\sigma(f)$. Both are $\\sigma(f) - y$: the error of the predicted probability.`
        : `With $\\sigma'(f) = \\sigma(f)\\,(1 - \\sigma(f))$: $\\frac{dL}{df} = -y\\,(1 - \\sigma(f)) + (1 - y)\\,\\sigma(f) = \\sigma(f) - y$: the error of the predicted probability.`,
  }),

  choice({
    id: 'l2-sigmoid-forms',
    title: 'Which expressions give the probability?',
    multiple: true,
    generate: (rng) => ({ label: pick(rng, [0, 1] as const), order: shuffled(rng, [0, 1, 2, 3, 4, 5]) }),
    prompt: ({ label }) =>
      `A binary classifier has score $f$ and $\\Pr(y = 1 \\mid \\x) = \\sigma(f)$. Which of these expressions equal $\\Pr(y = ${label} \\mid \\x)$ for every $f$? Select all that do.`,
    options: ({ label, order }) => {
      const target = (f: number) => (label === 1 ? sigmoid(f) : sigmoid(-f));
      const candidates: { id: string; label: string; at: (f: number) => number; feedback: string }[] = [
        { id: 'exp-ratio', label: 'e^f / (1 + e^f), that is $\\dfrac{e^{f}}{1 + e^{f}}$', at: (f) => Math.exp(f) / (1 + Math.exp(f)), feedback: 'e^f/(1 + e^f) = 1/(1 + e^{−f}) = σ(f), the probability of y = 1.' },
        { id: 'sigmoid', label: '1 / (1 + e^(−f)), that is $\\dfrac{1}{1 + e^{-f}}$', at: (f) => 1 / (1 + Math.exp(-f)), feedback: 'This is σ(f), the probability of y = 1.' },
        { id: 'deck-slip', label: '1 / (e^f + 1), that is $\\dfrac{1}{e^{f} + 1}$', at: (f) => 1 / (Math.exp(f) + 1), feedback: 'This is σ(−f), the probability of y = 0: the slip in one of the decks. Check it at f = 2.' },
        { id: 'one-minus', label: '1 − σ(−f), that is $1 - \\sigma(-f)$', at: (f) => 1 - sigmoid(-f), feedback: 'Since σ(−f) = 1 − σ(f), this is σ(f), the probability of y = 1.' },
        { id: 'minus-ratio', label: 'e^(−f) / (1 + e^(−f)), that is $\\dfrac{e^{-f}}{1 + e^{-f}}$', at: (f) => Math.exp(-f) / (1 + Math.exp(-f)), feedback: 'Dividing by e^{−f}: this is 1/(e^f + 1) = σ(−f), the probability of y = 0.' },
        { id: 'half', label: 'the constant ½', at: () => 0.5, feedback: 'Only at f = 0: a check at one point is not enough.' },
      ];
      const probes = [-3, -0.7, 0.4, 2, 5];
      return order.map((i) => {
        const c = candidates[i]!;
        const correct = probes.every((f) => Math.abs(c.at(f) - target(f)) < 1e-12);
        return { id: c.id, label: c.label, correct, feedback: c.feedback };
      });
    },
    solution: ({ label }) =>
      `$\\sigma(f) = \\frac{1}{1 + e^{-f}} = \\frac{e^f}{1 + e^f}$ and $\\sigma(-f) = \\frac{1}{1 + e^{f}} = \\frac{e^{-f}}{1 + e^{-f}} = 1 - \\sigma(f)$. The question asks for $\\Pr(y = ${label} \\mid \\x) = \\sigma(${label === 1 ? 'f' : '-f'})$.`,
  }),

  choice({
    id: 'l2-which-loss',
    title: 'Choose the noise model, get the loss',
    generate: (rng) => ({ scenario: rng.int(4), order: shuffled(rng, [0, 1, 2, 3]) }),
    prompt: ({ scenario }) => `${SCENARIOS[scenario]!.text}\n\nWhich loss does maximum likelihood give for this noise model?`,
    options: ({ scenario, order }) =>
      order.map((i) => {
        const o = LOSSES[i]!;
        return { id: o.id, label: o.label, correct: o.model === SCENARIOS[scenario]!.model, feedback: o.feedback };
      }),
    solution: ({ scenario }) => SCENARIOS[scenario]!.solution,
  }),

  code({
    id: 'l2-code-gaussian-nll',
    title: 'The Gaussian NLL in code',
    fn: 'nll',
    generate: (rng) => ({ r: residuals(rng, 5, -2, 2), sigma: pick(rng, [0.3, 0.7, 1.2]) }),
    prompt: ({ r, sigma }) =>
      `Write \`nll(residuals, sigma)\`: the negative log-likelihood of the residuals $y^{(i)} - \\mu^{(i)}$ under Gaussian noise with standard deviation \`sigma\`, $\\frac{N}{2}\\log(2\\pi\\sigma^2) + \\frac{1}{2\\sigma^2}\\sum_i r_i^2$ (natural log).\n\nFor example \`nll(${vec(r)}, ${sigma})\` should return about ${fmt(gaussianNllParts(r, sigma).total, 4)}.`,
    starter: 'function nll(residuals, sigma) {\n  // residuals: array of numbers; sigma > 0\n  \n}\n',
    cases: ({ r, sigma }) => [
      { args: [r, sigma] },
      { args: [[0, 0, 0], 1], label: 'a perfect fit' },
      { args: [[0.5], 0.1], label: 'a small σ (negative constant part)' },
      { args: [[3, -3, 1, -1], 2], label: 'σ = 2' },
    ],
    expected: (r: number[], sigma: number) => gaussianNll(Float64Array.from(r), new Float64Array(r.length), r.length, 1, null, sigma) * r.length,
    tolerance: { rule: 'relative', rel: 1e-9, floor: 1e-9 },
    mistakes: [
      { id: 'no-constant', impl: (r: number[], sigma: number) => sum(squares(r)) / (2 * sigma * sigma), message: 'The constant part N/2 · log(2πσ²) is missing: it does not move the fit, but it is part of −log 𝓛.' },
      { id: 'mean', impl: (r: number[], sigma: number) => gaussianNllParts(r, sigma).total / r.length, message: 'You returned the mean over the items; the NLL of the data set is the sum.' },
      { id: 'no-half', impl: (r: number[], sigma: number) => (r.length / 2) * Math.log(2 * Math.PI * sigma * sigma) + sum(squares(r)) / (sigma * sigma), message: 'The data part is SSE/(2σ²): the 2 in the Gaussian exponent is missing.' },
    ],
    solution: () =>
      'Sum the squares, then add the constant:\n\n```\nfunction nll(residuals, sigma) {\n  let sse = 0;\n  for (const r of residuals) sse += r * r;\n  const n = residuals.length;\n  return (n / 2) * Math.log(2 * Math.PI * sigma * sigma) + sse / (2 * sigma * sigma);\n}\n```',
  }),

  code({
    id: 'l2-code-binary-loss',
    title: 'A binary cross-entropy that never overflows',
    fn: 'bce',
    generate: (rng) => ({ f: drawNonZero(rng, -3, 3, 1), y: pick(rng, [0, 1]) }),
    prompt: ({ f, y }) =>
      `Write \`bce(f, y)\`: the loss $\\softplus((1 - 2y) f) = -y \\ln p - (1 - y)\\ln(1 - p)$ of one item with score \`f\` and label \`y\` (0 or 1), where $p = \\sigma(f)$.\n\nIt must give finite, accurate values for scores as large as ±800. For example \`bce(${fix(f, 1)}, ${y})\` is about ${fmt(softplus((1 - 2 * y) * f), 4)}.`,
    starter: 'function bce(f, y) {\n  // f: a real score, y: 0 or 1\n  \n}\n',
    cases: ({ f, y }) => [
      { args: [f, y] },
      { args: [0, 1], label: 'f = 0' },
      { args: [40, 0], label: 'confidently wrong (f = 40, y = 0)' },
      { args: [-40, 0], label: 'confidently right (f = −40, y = 0)' },
      { args: [800, 1], label: 'f = 800, y = 1' },
      { args: [-800, 1], label: 'f = −800, y = 1' },
    ],
    expected: (f: number, y: number) => softplus((1 - 2 * y) * f),
    tolerance: { rule: 'relative', rel: 1e-9, floor: 1e-12 },
    mistakes: [
      {
        id: 'from-p',
        impl: (f: number, y: number) => {
          const p = 1 / (1 + Math.exp(-f));
          return y === 1 ? -Math.log(p) : -Math.log(1 - p);
        },
        message: 'Computing p first and then ln p or ln(1 − p) loses everything when p rounds to 0 or 1 (ln 0 = −∞). Work from f: softplus(m) = max(m, 0) + ln(1 + e^{−|m|}).',
      },
      {
        id: 'naive-softplus',
        impl: (f: number, y: number) => Math.log(1 + Math.exp((1 - 2 * y) * f)),
        message: 'ln(1 + e^m) overflows for large m (e^800 = ∞). Write it as max(m, 0) + ln(1 + e^{−|m|}).',
      },
      { id: 'sign', impl: (f: number, y: number) => softplus((2 * y - 1) * f), message: 'The sign is flipped: for y = 1 the loss must fall as f grows.' },
    ],
    solution: () =>
      'Work from the score and keep the exponent non-positive:\n\n```\nfunction bce(f, y) {\n  const m = (1 - 2 * y) * f;\n  return Math.max(m, 0) + Math.log1p(Math.exp(-Math.abs(m)));\n}\n```',
  }),

  challenge({
    id: 'l2-outlier-challenge',
    title: 'Make the outliers matter',
    widget: 'noise-models',
    generate: (rng) => ({ outliers: pick(rng, [0.2, 0.25, 0.3]), epochs: pick(rng, [300, 400, 500]) }),
    prompt: ({ outliers, epochs }) =>
      `In the widget "Two noise models, one data set", set the outliers to at least ${Math.round(outliers * 100)} % and train both networks for at least ${epochs} epochs.\n\nThe goal: the Laplace (absolute-error) fit ends at least twice as close to the clean sine as the Gaussian (squared-error) fit. Then press Check.`,
    goal: (state, { outliers, epochs }) => {
      const share = num(state, 'params.outliers', 'outlier setting');
      if (share < outliers - 1e-9) return `Set the outliers to at least ${Math.round(outliers * 100)} % (now ${Math.round(share * 100)} %).`;
      const g = trainer(state, 'gaussian');
      const l = trainer(state, 'laplace');
      const eg = num(g, 'epoch', 'epoch count');
      const el = num(l, 'epoch', 'epoch count');
      if (Math.min(eg, el) < epochs) return `Train for at least ${epochs} epochs (now ${Math.floor(Math.min(eg, el))}).`;
      const dg = num(g, 'readouts.distance', 'distance of the squared-error fit');
      const dl = num(l, 'readouts.distance', 'distance of the absolute-error fit');
      if (dl * 2 > dg) return `Not yet: the absolute-error fit is ${fmt(dl, 3)} from the sine, the squared-error fit ${fmt(dg, 3)}; the first must be at most half the second. More outliers, or another seed, make the difference clearer.`;
      return true;
    },
    solution: ({ outliers }) =>
      `Slide the outliers to ${Math.round(outliers * 100)} % or more and press Train. The squared-error fit bends towards the outliers, because its pull grows with the residual; the absolute-error fit, whose pull is bounded, stays near the sine. In the lesson's study, at 15 % outliers the mean distances over ten seeds were 0.564 and 0.121.`,
  }),
]);

/** The trainer entry of a widget state by id, as a state of its own (for num()). */
function trainer(state: Readonly<Record<string, unknown>>, id: string): Readonly<Record<string, unknown>> {
  const list = state['trainers'];
  const found = Array.isArray(list) ? list.find((t) => typeof t === 'object' && t !== null && (t as { id?: unknown }).id === id) : undefined;
  return (found ?? {}) as Readonly<Record<string, unknown>>;
}

type NoiseModel = 'gaussian' | 'laplace' | 'categorical' | 'gaussian-per-item';

const SCENARIOS: readonly { model: NoiseModel; text: string; solution: string }[] = [
  {
    model: 'laplace',
    text: 'A thermometer network predicts temperatures. Most readings are off by a few tenths of a degree, but now and then a reading is wildly wrong because the sensor glitched, far more often than a bell curve would allow. You model the noise with heavy, exponential tails: $P(y \\mid \\x) \\propto e^{-|y - \\mu|/b}$.',
    solution: 'A Laplace noise model: $-\\log P = \\log 2b + |y - \\mu|/b$, so maximum likelihood minimizes the absolute error, which does not chase the glitches.',
  },
  {
    model: 'gaussian',
    text: 'A network predicts the length of machined parts. The measuring device adds small errors that follow a bell curve with the same spread for every part: $y \\sim \\Norm(\\mu, \\sigma^2)$ with one $\\sigma$.',
    solution: 'Gaussian noise with constant $\\sigma^2$: $-\\log P = \\tfrac12\\log 2\\pi\\sigma^2 + (y - \\mu)^2/(2\\sigma^2)$, so maximum likelihood minimizes the squared error.',
  },
  {
    model: 'categorical',
    text: 'Volunteers label photos as cat, dog or fox, and they sometimes disagree on the same photo. The network outputs a probability for each label, $\\p = \\softmax(\\z)$, and the label is modelled as a draw from $\\p$.',
    solution: 'A categorical model: $-\\log P(\\yt = y) = -\\log p_y$, the cross-entropy.',
  },
  {
    model: 'gaussian-per-item',
    text: 'A network predicts house prices. Errors follow a bell curve, but expensive houses are priced far less precisely than cheap ones: each item has its own known standard deviation $\\sigma_i$.',
    solution: 'Gaussian noise with a variance per item: $-\\log P = \\log \\sigma_i + \\tfrac12\\log 2\\pi + (y - \\mu)^2/(2\\sigma_i^2)$, so maximum likelihood minimizes a squared error weighted by $1/\\sigma_i^2$.',
  },
];

const LOSSES: readonly { id: string; model: NoiseModel; label: string; feedback: string }[] = [
  { id: 'squared', model: 'gaussian', label: 'squared error $(y - \\mu)^2$', feedback: 'Squared error assumes Gaussian noise with the same variance everywhere.' },
  { id: 'absolute', model: 'laplace', label: 'absolute error $|y - \\mu|$', feedback: 'Absolute error assumes Laplace noise: heavy tails, one spread.' },
  { id: 'cross-entropy', model: 'categorical', label: 'cross-entropy $-\\log p_y$', feedback: 'Cross-entropy is the −log-likelihood of a class label drawn from p, not of a real-valued target.' },
  { id: 'weighted', model: 'gaussian-per-item', label: 'weighted squared error $(y - \\mu)^2 / \\sigma_i^2$', feedback: 'A weighted squared error assumes Gaussian noise whose variance changes from item to item.' },
];
