// The course-wide review set on /practice/: at least two exercises of every kind, about the
// whole course (sigmoid, softmax, cross-entropy, MSE, gradients, SGD). Every key comes from the
// engine; the likely mistakes are the wrong computations students actually make.

import {
  lossAndGradients,
  modelFromJSON,
  mse,
  SGD,
  sigmoid,
  softmax,
  softmaxCrossEntropy,
} from '@engine';
import { num } from '../kinds/challenge.ts';
import { challenge, choice, code, defineBank, formula, numeric, vector } from '../define.ts';
import { fix, fmt, pct, texNum, texVec, vec } from '../format.ts';
import { draw, drawNonZero, drawVector, intBetween, shuffled } from '../random.ts';
import { NEURON_WIDGET } from '../practice/neuron.ts';

const onehot = (k: number, y: number): number[] => Array.from({ length: k }, (_, c) => (c === y ? 1 : 0));
const argmax = (xs: readonly number[]): number => xs.reduce((best, x, i) => (x > xs[best]! ? i : best), 0);
const sub = (a: readonly number[], b: readonly number[]): number[] => a.map((x, i) => x - b[i]!);
const meanSquared = (yHat: readonly number[], y: readonly number[]): number =>
  mse(Float64Array.from(yHat), Float64Array.from(y), yHat.length, 1, null, 1);
const crossEntropy = (z: readonly number[], y: number): number =>
  softmaxCrossEntropy(Float64Array.from(z), Float64Array.of(y), 1, z.length, null, 1);

/** Logits with a clear winner-free spread: distinct values so no option or mistake coincides. */
function distinctLogits(rng: Parameters<typeof draw>[0], k: number, min: number, max: number): number[] {
  for (;;) {
    const z = drawVector(rng, k, min, max, 1);
    if (new Set(z).size === k) return z;
  }
}

/** Softmax without the max shift: overflows to NaN on large logits (the mistake lesson 3 warns about). */
function naiveSoftmax(z: readonly number[]): number[] {
  const e = z.map((x) => Math.exp(x));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / s);
}

export default defineBank('practice', [
  numeric({
    id: 'practice-sigmoid-value',
    title: 'The sigmoid at a point',
    generate: (rng) => ({ z: drawNonZero(rng, -3, 3, 1) }),
    prompt: ({ z }) =>
      `The logistic sigmoid is $\\sigma(z) = \\dfrac{1}{1 + e^{-z}}$.\n\nCompute $\\sigma(z)$ for $z$ = ${fix(z, 1)}.`,
    answer: ({ z }) => sigmoid(z),
    tolerance: { rule: 'sigfigs', digits: 3 },
    mistakes: [
      {
        id: 'dropped-minus',
        answer: ({ z }) => sigmoid(-z),
        message: 'That is σ(−z) = 1/(1 + e^{z}): the exponent in the sigmoid is −z. A dropped minus sign?',
      },
      {
        id: 'derivative',
        answer: ({ z }) => sigmoid(z) * (1 - sigmoid(z)),
        message: 'That is the derivative σ(z)(1 − σ(z)), not σ(z) itself.',
      },
    ],
    solution: ({ z }) =>
      `Put $z = ${texNum(z)}$ into the formula:\n\n$$\\sigma(${texNum(z)}) = \\frac{1}{1 + e^{${texNum(-z)}}} = \\frac{1}{1 + ${texNum(Math.exp(-z))}} = ${texNum(sigmoid(z))}.$$\n\nA check: $\\sigma(z) > \\tfrac12$ exactly when $z > 0$.`,
  }),

  numeric({
    id: 'practice-mse',
    title: 'Mean squared error of four predictions',
    generate: (rng) => {
      const y = drawVector(rng, 4, -2, 2, 1);
      const yHat = y.map((t) => Math.round((t + drawNonZero(rng, -1, 1, 1)) * 10) / 10);
      return { y, yHat };
    },
    prompt: ({ y, yHat }) =>
      `A regression network predicts $\\hat y$ = ${vec(yHat)} for targets $y$ = ${vec(y)}.\n\nWhat is the mean squared error $\\frac{1}{n}\\sum_i (\\hat y_i - y_i)^2$ over these $n = 4$ examples? (The course uses the mean and no factor ½.)`,
    answer: ({ y, yHat }) => meanSquared(yHat, y),
    tolerance: { rule: 'relative', rel: 0.01 },
    mistakes: [
      {
        id: 'sum',
        answer: ({ y, yHat }) => 4 * meanSquared(yHat, y),
        message: 'You summed the squared errors; the question asks for the mean, so divide by n = 4.',
      },
      {
        id: 'half',
        answer: ({ y, yHat }) => meanSquared(yHat, y) / 2,
        message: 'You included a factor ½; the course’s squared error has none (the mean only).',
      },
      {
        id: 'absolute',
        answer: ({ y, yHat }) => yHat.reduce((s, p, i) => s + Math.abs(p - y[i]!), 0) / 4,
        message: 'That is the mean absolute error: square each error before averaging.',
      },
      {
        id: 'root',
        answer: ({ y, yHat }) => Math.sqrt(meanSquared(yHat, y)),
        message: 'That is the root of the mean squared error (RMSE): leave out the square root.',
      },
    ],
    solution: ({ y, yHat }) => {
      const e = sub(yHat, y);
      return `The errors are $\\hat y - y = ${texVec(e, 3)}$, their squares $${texVec(e.map((x) => x * x), 4)}$.\n\n$$\\text{MSE} = \\frac{${e.map((x) => texNum(x * x, 4)).join(' + ')}}{4} = ${texNum(meanSquared(yHat, y))}.$$`;
    },
  }),

  numeric({
    id: 'practice-cross-entropy',
    title: 'Cross-entropy of one example',
    generate: (rng) => ({ z: distinctLogits(rng, 3, -2, 3), y: rng.int(3) }),
    prompt: ({ z, y }) =>
      `A softmax classifier gives the logits $\\z$ = ${vec(z)} for an example whose true class is ${y + 1} (of 3).\n\nCompute its cross-entropy loss $-\\log p_y$ (natural logarithm).`,
    answer: ({ z, y }) => crossEntropy(z, y),
    tolerance: { rule: 'relative', rel: 0.01 },
    unit: 'nats',
    mistakes: [
      {
        id: 'no-minus',
        answer: ({ z, y }) => -crossEntropy(z, y),
        message: 'Your value is log p_y; the loss is its negative, −log p_y, which is never negative.',
      },
      {
        id: 'log10',
        answer: ({ z, y }) => crossEntropy(z, y) / Math.LN10,
        message: 'You used log base 10; the cross-entropy here uses the natural logarithm ln.',
      },
      {
        id: 'probability',
        answer: ({ z, y }) => softmax(z)[y]!,
        message: 'That is the probability p_y itself; the loss is −log p_y.',
      },
      {
        id: 'wrong-class',
        answer: ({ z, y }) => crossEntropy(z, argmax(z) === y ? (y + 1) % 3 : argmax(z)),
        message: 'That is the loss of another class: use the probability of the TRUE class.',
      },
    ],
    solution: ({ z, y }) => {
      const p = softmax(z);
      return `First the softmax: $\\p = \\softmax(\\z) = ${texVec(p)}$. The true class is ${y + 1}, so\n\n$$-\\log p_{${y + 1}} = -\\log ${texNum(p[y]!)} = ${texNum(crossEntropy(z, y))}.$$\n\nIn one stable step: $\\log \\sum_c e^{z_c} - z_y$.`;
    },
  }),

  vector({
    id: 'practice-softmax-probs',
    title: 'Softmax of three logits',
    generate: (rng) => ({ z: distinctLogits(rng, 3, -2, 3) }),
    prompt: ({ z }) =>
      `Compute the softmax $p_c = \\dfrac{e^{z_c}}{\\sum_l e^{z_l}}$ of the logits $\\z$ = ${vec(z)}.\n\nGive the three probabilities, e.g. \`[0.1, 0.2, 0.7]\`.`,
    answer: ({ z }) => softmax(z),
    tolerance: { rule: 'absolute', abs: 0.005 },
    mistakes: [
      {
        id: 'no-normalization',
        answer: ({ z }) => z.map((x) => Math.exp(x)),
        message: 'These are the exponentials e^{z_c}; divide each by their sum so that the probabilities add up to 1.',
      },
      {
        id: 'no-exp',
        answer: ({ z }) => {
          const s = z.reduce((a, b) => a + b, 0);
          return z.map((x) => x / s);
        },
        message: 'You divided the logits by their sum; exponentiate them first (e^{z_c}), then normalize.',
      },
      {
        id: 'argmax',
        answer: ({ z }) => onehot(3, argmax(z)),
        message: 'That is the one-hot argmax; softmax is its smooth version: every probability is strictly between 0 and 1.',
      },
    ],
    solution: ({ z }) => {
      const m = Math.max(...z);
      const e = z.map((x) => Math.exp(x - m));
      const s = e.reduce((a, b) => a + b, 0);
      return `Subtract the largest logit ($${texNum(m)}$) first; it does not change the result:\n\n$$e^{\\z - ${texNum(m)}} = ${texVec(e)}, \\qquad \\sum = ${texNum(s)}.$$\n\n$$\\p = ${texVec(softmax(z))}.$$`;
    },
  }),

  vector({
    id: 'practice-ce-gradient-logits',
    title: 'Gradient of the cross-entropy with respect to the logits',
    generate: (rng) => ({ z: distinctLogits(rng, 3, -2, 2), y: rng.int(3) }),
    prompt: ({ z, y }) =>
      `For logits $\\z$ = ${vec(z)} and true class ${y + 1} (of 3), compute the gradient $\\pd{L}{\\z}$ of the cross-entropy $L = -\\log p_y$.`,
    answer: ({ z, y }) => sub(softmax(z), onehot(3, y)),
    tolerance: { rule: 'absolute', abs: 0.005 },
    mistakes: [
      {
        id: 'p-only',
        answer: ({ z }) => softmax(z),
        message: 'That is p: the gradient is p − y, with y the one-hot vector of the true class (subtract 1 at the true class).',
      },
      {
        id: 'flipped',
        answer: ({ z, y }) => sub(onehot(3, y), softmax(z)),
        message: 'The sign is flipped: ∂L/∂z = p − y, not y − p (it points uphill, SGD steps against it).',
      },
    ],
    solution: ({ z, y }) => {
      const p = softmax(z);
      return `The gradient of softmax cross-entropy with respect to the logits is $\\p - \\onehot(y)$:\n\n$$\\p = ${texVec(p)}, \\qquad \\pd{L}{\\z} = ${texVec(p)} - ${texVec(onehot(3, y))} = ${texVec(sub(p, onehot(3, y)))}.$$\n\nIts entries add up to 0, and only the true class has a negative entry.`;
    },
  }),

  vector({
    id: 'practice-weight-gradient',
    title: 'Weight gradient of softmax regression',
    generate: (rng) => ({
      W: [drawVector(rng, 2, -1, 1, 1), drawVector(rng, 2, -1, 1, 1), drawVector(rng, 2, -1, 1, 1)],
      x: [drawNonZero(rng, -2, 2, 1), drawNonZero(rng, -2, 2, 1)],
      y: rng.int(3),
    }),
    prompt: ({ W, x, y }) =>
      `Softmax regression with three classes computes $\\z = \\W\\x$ (no bias) with\n${W.map((r, j) => `row ${j + 1} of $\\W$: ${vec(r)}`).join('\n')}\n\nFor the input $\\x$ = ${vec(x)} with true class ${y + 1}, compute the gradient $\\pd{L}{\\W}$ of the cross-entropy: a 3 × 2 matrix, one row per line (or rows separated by \`;\`).`,
    answer: ({ W, x, y }) => {
      const model = modelFromJSON({ inputs: 2, layers: [{ activation: 'identity', weights: W, biases: [0, 0, 0] }], loss: 'softmax-cross-entropy' });
      return lossAndGradients(model, [x], [y]).gradients.layers[0]!.weights;
    },
    tolerance: { rule: 'absolute', abs: 0.005 },
    mistakes: [
      {
        id: 'p-not-error',
        answer: ({ W, x }) => softmax(W.map((r) => r[0]! * x[0]! + r[1]! * x[1]!)).map((pc) => x.map((xk) => pc * xk)),
        message: 'You used p xᵀ; the error is p − y: subtract 1 from p at the true class before multiplying by xᵀ.',
      },
      {
        id: 'flipped',
        answer: ({ W, x, y }) =>
          sub(onehot(3, y), softmax(W.map((r) => r[0]! * x[0]! + r[1]! * x[1]!))).map((e) => x.map((xk) => e * xk)),
        message: 'The sign is flipped: the gradient is (p − y) xᵀ, not (y − p) xᵀ.',
      },
    ],
    solution: ({ W, x, y }) => {
      const z = W.map((r) => r[0]! * x[0]! + r[1]! * x[1]!);
      const e = sub(softmax(z), onehot(3, y));
      return `Logits $\\z = \\W\\x = ${texVec(z)}$, so $\\p = ${texVec(softmax(z))}$ and the error is $\\p - \\y = ${texVec(e)}$.\n\nThe gradient is the outer product $(\\p - \\y)\\,\\x^{\\top}$: row $c$ is $(p_c - y_c)\\,\\x^{\\top}$:\n\n$$\\pd{L}{\\W} = ${texVec(e, 4, true)} ${texVec(x)} = \\begin{bmatrix} ${e.map((ec) => x.map((xk) => texNum(ec * xk)).join(' & ')).join(' \\\\ ')} \\end{bmatrix}.$$`;
    },
  }),

  vector({
    id: 'practice-sgd-step',
    title: 'One SGD step',
    generate: (rng) => ({ w: drawVector(rng, 3, -1, 1, 1), g: drawVector(rng, 3, -2, 2, 1).map((x) => (x === 0 ? 0.5 : x)), eta: [0.1, 0.05, 0.2, 0.5][rng.int(4)]! }),
    prompt: ({ w, g, eta }) =>
      `The weights are $\\w$ = ${vec(w)} and the gradient of the loss there is $\\nabla_{\\w} L$ = ${vec(g)}.\n\nWhat are the weights after one SGD step with learning rate $\\eta$ = ${eta}?`,
    answer: ({ w, g, eta }) => {
      const param = { value: Float64Array.from(w), grad: Float64Array.from(g) };
      new SGD([param], eta).step();
      return Array.from(param.value);
    },
    tolerance: { rule: 'absolute', abs: 0.0005 },
    mistakes: [
      {
        id: 'uphill',
        answer: ({ w, g, eta }) => w.map((x, i) => x + eta * g[i]!),
        message: 'You stepped along the gradient (uphill). SGD steps against it: w − η∇L.',
      },
      {
        id: 'no-eta',
        answer: ({ w, g }) => w.map((x, i) => x - g[i]!),
        message: 'You forgot the learning rate: the step is η∇L, not ∇L.',
      },
    ],
    solution: ({ w, g, eta }) =>
      `$$\\w \\leftarrow \\w - \\eta \\nabla_{\\w} L = ${texVec(w)} - ${texNum(eta)} \\cdot ${texVec(g)} = ${texVec(w.map((x, i) => x - eta * g[i]!))}.$$`,
  }),

  choice({
    id: 'practice-softmax-invariance',
    title: 'Which logits give the same softmax?',
    multiple: true,
    generate: (rng) => ({ z: distinctLogits(rng, 3, -2, 2), c: drawNonZero(rng, -3, 3, 1, 0.5), order: shuffled(rng, [0, 1, 2, 3, 4]) }),
    prompt: ({ z }) => `Which of these logit vectors have exactly the same softmax output as $\\z$ = ${vec(z)}? Select all that do.`,
    options: ({ z, c, order }) => {
      const p = softmax(z);
      const m = Math.max(...z);
      const candidates = [
        { id: 'shift', value: z.map((x) => x + c), feedback: 'Adding the same number to every logit multiplies numerator and denominator by the same factor: the softmax does not change.' },
        { id: 'minus-max', value: z.map((x) => x - m), feedback: 'Subtracting the largest logit is a shift like any other: the softmax does not change (this is why the stable softmax may do it).' },
        { id: 'double', value: z.map((x) => 2 * x), feedback: 'Scaling the logits changes the softmax: doubling them sharpens the distribution.' },
        { id: 'half', value: z.map((x) => x / 2), feedback: 'Scaling the logits changes the softmax: halving them flattens the distribution.' },
        { id: 'reverse', value: z.slice().reverse(), feedback: 'Reordering the logits reorders the probabilities: class 1 no longer gets the same probability.' },
      ];
      return order.map((i) => {
        const o = candidates[i]!;
        const same = softmax(o.value).every((q, k) => Math.abs(q - p[k]!) < 1e-9);
        return { id: o.id, label: vec(o.value, 3), correct: same, feedback: o.feedback };
      });
    },
    solution: ({ z, c }) =>
      `For any constant $c$: $\\dfrac{e^{z_i + c}}{\\sum_l e^{z_l + c}} = \\dfrac{e^{c} e^{z_i}}{e^{c}\\sum_l e^{z_l}} = \\dfrac{e^{z_i}}{\\sum_l e^{z_l}}$, so shifting every logit by $${texNum(c)}$ or by $-\\max_c z_c = ${texNum(-Math.max(...z))}$ changes nothing. Scaling (×2, ×½) changes the ratios $e^{z_i}/e^{z_j} = e^{z_i - z_j}$, and reordering moves probabilities to other classes.`,
  }),

  choice({
    id: 'practice-linear-classifier',
    title: 'Which class does the linear classifier choose?',
    generate: (rng) => {
      const w3 = [draw(rng, -1, 1, 1), draw(rng, 0.5, 2, 1), draw(rng, -2, -0.5, 1)];
      for (;;) {
        const x = [draw(rng, -2, 2, 1), draw(rng, -2, 2, 1)];
        const scores = [[0, 2, 1], [0, 1, 2], w3].map((w) => w[0]! + w[1]! * x[0]! + w[2]! * x[1]!);
        const sorted = scores.slice().sort((a, b) => b - a);
        if (sorted[0]! - sorted[1]! >= 0.2) return { w3, x };
      }
    },
    prompt: ({ w3, x }) =>
      `A linear classifier $f(\\x) = \\argmax_k \\w_k^{\\top} [1, x_1, x_2]$ has three classes with $\\w_1$ = [0, 2, 1], $\\w_2$ = [0, 1, 2] and $\\w_3$ = ${vec(w3)} (the first entry multiplies the constant 1).\n\nWhich class does it assign to $\\x$ = ${vec(x)}?`,
    options: ({ w3, x }) => {
      const scores = [[0, 2, 1], [0, 1, 2], w3].map((w) => w[0]! + w[1]! * x[0]! + w[2]! * x[1]!);
      const best = argmax(scores);
      return scores.map((s, k) => ({
        id: `class-${k + 1}`,
        label: `class ${k + 1}`,
        correct: k === best,
        feedback: `Class ${k + 1} scores ${fmt(s, 3)}, but class ${best + 1} scores more: ${fmt(scores[best]!, 3)}. Compute every score w_kᵀ[1, x₁, x₂] and take the largest.`,
      }));
    },
    solution: ({ w3, x }) => {
      const ws = [[0, 2, 1], [0, 1, 2], w3];
      const scores = ws.map((w) => w[0]! + w[1]! * x[0]! + w[2]! * x[1]!);
      return `Augment the input: $[1, x_1, x_2] = ${texVec([1, ...x])}$. The scores are\n\n$$${scores.map((s, k) => `\\w_${k + 1}^{\\top}[1, \\x] = ${texNum(s)}`).join(', \\quad ')}$$\n\nThe largest is class ${argmax(scores) + 1}'s, so $f(\\x) = ${argmax(scores) + 1}$.`;
    },
  }),

  formula({
    id: 'practice-sigmoid-chain',
    title: 'Derivative of a scaled sigmoid',
    generate: (rng) => ({ a: intBetween(rng, 2, 5) }),
    prompt: ({ a }) =>
      `Let $f(z) = \\sigma(a z)$ with $a$ = ${a}. Type $f'(z)$ as a formula in $z$.\n\nYou may use \`sigma(…)\`, \`exp(…)\`, \`+ - * / ^\` and parentheses, e.g. \`2*sigma(2*z)\`.`,
    answer: ({ a }) => `${a} * sigma(${a} * z) * (1 - sigma(${a} * z))`,
    variables: [{ name: 'z', min: -2, max: 2 }],
    mistakes: [
      {
        id: 'no-chain-factor',
        answer: ({ a }) => `sigma(${a} * z) * (1 - sigma(${a} * z))`,
        message: 'Almost: the chain rule adds the inner derivative, the factor a from d(az)/dz.',
      },
      {
        id: 'plus-instead-of-minus',
        answer: ({ a }) => `${a} * sigma(${a} * z) * (1 + sigma(${a} * z))`,
        message: 'σ′(u) = σ(u)(1 − σ(u)), with a minus sign inside the bracket.',
      },
      {
        id: 'not-derived',
        answer: ({ a }) => `sigma(${a} * z)`,
        message: 'That is f itself; its derivative uses σ′(u) = σ(u)(1 − σ(u)).',
      },
      {
        id: 'sign',
        answer: ({ a }) => `-${a} * sigma(${a} * z) * (1 - sigma(${a} * z))`,
        message: 'The sign is off: the sigmoid is increasing, so f′(z) > 0 for a > 0.',
      },
    ],
    solution: ({ a }) =>
      `With $u = ${a} z$: $f'(z) = \\sigma'(u)\\,\\dfrac{du}{dz} = \\sigma(u)(1 - \\sigma(u)) \\cdot ${a}$, so\n\n$$f'(z) = ${a}\\,\\sigma(${a} z)\\,\\bigl(1 - \\sigma(${a} z)\\bigr).$$\n\nAs a formula: \`${a}*sigma(${a}*z)*(1-sigma(${a}*z))\`.`,
  }),

  formula({
    id: 'practice-log-softmax-gradient',
    title: 'Gradient of log-softmax with respect to a weight',
    generate: (rng) => ({ same: rng.next() < 0.5 }),
    prompt: ({ same }) =>
      `A softmax layer computes $p_j = \\dfrac{e^{\\w_j \\cdot \\h + b_j}}{\\sum_l e^{\\w_l \\cdot \\h + b_l}}$. Consider one component $h$ of $\\h$, and the weight $w$ that multiplies it in $\\w_r$.\n\nIn the case ${same ? '$r = j$' : '$r \\neq j$'}, type $\\dfrac{\\partial \\log p_j}{\\partial w}$ using \`p_r\` (the probability of class r) and \`h\`.`,
    answer: ({ same }) => (same ? '(1 - p_r) * h' : '-p_r * h'),
    variables: [
      { name: 'p_r', min: 0.01, max: 0.99 },
      { name: 'h', min: -3, max: 3 },
    ],
    mistakes: [
      {
        id: 'dropped-minus',
        answer: ({ same }) => (same ? '(p_r - 1) * h' : 'p_r * h'),
        message: 'The sign is off: log p_j = z_j − log Σ exp(z_l), and the second term enters with a minus sign.',
      },
      {
        id: 'other-case',
        answer: ({ same }) => (same ? '-p_r * h' : '(1 - p_r) * h'),
        message: 'That is the other case: the first term ∂z_j/∂w is h only when r = j, and 0 otherwise.',
      },
      {
        id: 'forgot-h',
        answer: ({ same }) => (same ? '1 - p_r' : '-p_r'),
        message: 'That is the derivative with respect to the bias b_r; for a weight, multiply by the input h it meets.',
      },
    ],
    solution: ({ same }) =>
      `Write $\\log p_j = z_j - \\log \\sum_l e^{z_l}$ with $z_l = \\w_l \\cdot \\h + b_l$. The weight $w$ sits only in $z_r$, with $\\partial z_r / \\partial w = h$.\n\n$$\\frac{\\partial \\log p_j}{\\partial w} = ${same ? 'h' : '0'} - \\frac{e^{z_r}}{\\sum_l e^{z_l}}\\, h = ${same ? '(1 - p_r)\\, h' : '-p_r\\, h'}.$$`,
  }),

  code({
    id: 'practice-code-stable-softmax',
    title: 'A numerically stable softmax',
    fn: 'softmax',
    generate: (rng) => ({ z: distinctLogits(rng, 4, -3, 3), big: intBetween(rng, 700, 1000) }),
    prompt: ({ big }) =>
      `Write \`softmax(z)\`: given an array of logits, return the array of probabilities $p_c = e^{z_c} / \\sum_l e^{z_l}$.\n\nIt must also work for large logits such as [${big}, ${big - 1}, −${big}], where $e^{z}$ overflows.`,
    starter: 'function softmax(z) {\n  // z: array of logits; return an array of probabilities\n  \n}\n',
    cases: ({ z, big }) => [
      { args: [z] },
      { args: [[0, 0]], label: 'equal logits' },
      { args: [[5]], label: 'one class' },
      { args: [[big, big - 1, -big]], label: 'large logits' },
      { args: [[-big, -big - 1, -big - 2]], label: 'very negative logits' },
    ],
    expected: (z: number[]) => softmax(z),
    tolerance: { rule: 'absolute', abs: 1e-9 },
    mistakes: [
      {
        id: 'no-max-shift',
        impl: (z: number[]) => naiveSoftmax(z),
        message: 'Right formula, but e^z overflows for large logits (Infinity / Infinity = NaN). Subtract the largest logit from every logit before exp: the result does not change.',
      },
      {
        id: 'no-normalization',
        impl: (z: number[]) => {
          const m = Math.max(...z);
          return z.map((x) => Math.exp(x - m));
        },
        message: 'You return e^{z − max}; divide each by their sum so the probabilities add up to 1.',
      },
    ],
    solution: ({ big }) =>
      `Shift by the maximum (the softmax is unchanged by a common shift), then normalize:\n\n$$p_c = \\frac{e^{z_c - m}}{\\sum_l e^{z_l - m}}, \\qquad m = \\max_l z_l.$$\n\nNow the largest exponent is $e^0 = 1$ and nothing overflows, even for $z_1 = ${big}$.\n\n\`function softmax(z) { const m = Math.max(...z); const e = z.map((x) => Math.exp(x - m)); const s = e.reduce((a, b) => a + b, 0); return e.map((x) => x / s); }\``,
  }),

  code({
    id: 'practice-code-ce-gradient',
    title: 'The cross-entropy gradient in code',
    fn: 'ceGradient',
    generate: (rng) => ({ z: distinctLogits(rng, 3, -2, 2), y: rng.int(3) }),
    prompt: () =>
      `Write \`ceGradient(z, y)\`: for logits \`z\` (an array) and the index \`y\` of the true class (0-based), return $\\pd{L}{\\z}$ of the cross-entropy $L = -\\log \\softmax(\\z)_y$, as an array.\n\nIt is tested with ordinary and with very large logits.`,
    starter: 'function ceGradient(z, y) {\n  // z: logits, y: index of the true class; return dL/dz as an array\n  \n}\n',
    cases: ({ z, y }) => [
      { args: [z, y] },
      { args: [[1, 2, 3], 0] },
      { args: [[1000, 999, -1000], 1], label: 'large logits' },
    ],
    expected: (z: number[], y: number) => sub(softmax(z), onehot(z.length, y)),
    tolerance: { rule: 'absolute', abs: 1e-9 },
    mistakes: [
      {
        id: 'p-only',
        impl: (z: number[]) => softmax(z),
        message: 'You return p; the gradient is p − y: subtract 1 at the true class.',
      },
      {
        id: 'flipped',
        impl: (z: number[], y: number) => sub(onehot(z.length, y), softmax(z)),
        message: 'The sign is flipped: ∂L/∂z = p − onehot(y), not onehot(y) − p.',
      },
      {
        id: 'no-max-shift',
        impl: (z: number[], y: number) => sub(naiveSoftmax(z), onehot(z.length, y)),
        message: 'Correct for ordinary logits, but NaN for large ones: compute p with the max subtracted before exp.',
      },
    ],
    solution: () =>
      `The gradient of softmax cross-entropy with respect to the logits is $\\p - \\onehot(y)$, with $\\p$ computed stably:\n\n\`function ceGradient(z, y) { const m = Math.max(...z); const e = z.map((x) => Math.exp(x - m)); const s = e.reduce((a, b) => a + b, 0); return e.map((x, c) => x / s - (c === y ? 1 : 0)); }\``,
  }),

  code({
    id: 'practice-code-sgd-step',
    title: 'One SGD step in code',
    fn: 'sgdStep',
    generate: (rng) => ({ w: drawVector(rng, 3, -1, 1, 1), g: drawVector(rng, 3, -2, 2, 1).map((x) => (x === 0 ? 0.3 : x)), eta: [0.1, 0.05, 0.2][rng.int(3)]! }),
    prompt: () =>
      `Write \`sgdStep(w, grad, eta)\`: return the new weights $\\w - \\eta\\, \\nabla L$ as a new array (\`w\` and \`grad\` are arrays of the same length, \`eta\` the learning rate).`,
    starter: 'function sgdStep(w, grad, eta) {\n  // return the weights after one SGD step\n  \n}\n',
    cases: ({ w, g, eta }) => [
      { args: [w, g, eta] },
      { args: [[1, -2], [0.5, 0.5], 0.1] },
      { args: [[3], [-4], 0], label: 'η = 0' },
    ],
    expected: (w: number[], grad: number[], eta: number) => {
      const param = { value: Float64Array.from(w), grad: Float64Array.from(grad) };
      new SGD([param], eta).step();
      return Array.from(param.value);
    },
    tolerance: { rule: 'absolute', abs: 1e-9 },
    mistakes: [
      {
        id: 'uphill',
        impl: (w: number[], grad: number[], eta: number) => w.map((x, i) => x + eta * grad[i]!),
        message: 'You step along the gradient (uphill); SGD subtracts it: w − η·grad.',
      },
      {
        id: 'no-eta',
        impl: (w: number[], grad: number[]) => w.map((x, i) => x - grad[i]!),
        message: 'The learning rate is missing: subtract η·grad, not grad.',
      },
    ],
    solution: () =>
      `Each weight moves against its gradient, scaled by $\\eta$: $w_i \\leftarrow w_i - \\eta\\, g_i$.\n\n\`function sgdStep(w, grad, eta) { return w.map((x, i) => x - eta * grad[i]); }\``,
  }),

  challenge({
    id: 'practice-neuron-separate',
    title: 'Separate the classes with a small weight',
    widget: NEURON_WIDGET,
    generate: (rng) => ({ maxW: [1.5, 2, 2.5][rng.int(3)]! }),
    prompt: ({ maxW }) =>
      `Set the sliders of the neuron above so that it classifies every point correctly (accuracy 100 %) while keeping $|w|$ ≤ ${maxW}. Then press Check.`,
    goal: (s, { maxW }) => {
      const acc = num(s, 'metrics.accuracy', 'accuracy');
      const w = num(s, 'params.w', 'weight w');
      if (acc < 1) return `Accuracy is ${pct(acc)}: some points are on the wrong side of the boundary x = −b/w.`;
      if (Math.abs(w) > maxW) return `Every point is right, but |w| = ${fmt(Math.abs(w), 3)} is more than ${maxW}: move the boundary with b instead.`;
      return true;
    },
    solution: ({ maxW }) =>
      `The neuron predicts class 1 when $w x + b > 0$, i.e. right of the boundary $x = -b/w$ (for $w > 0$). Put the boundary in the gap between the classes with a modest $w$ (say $w = ${maxW}$), then choose $b = -w \\cdot x_{\\text{gap}}$.`,
  }),

  challenge({
    id: 'practice-neuron-confident',
    title: 'Make the neuron confident',
    widget: NEURON_WIDGET,
    generate: (rng) => ({ target: [0.15, 0.2, 0.25][rng.int(3)]! }),
    prompt: ({ target }) =>
      `With the same neuron, bring the mean cross-entropy below ${target}. Then press Check.`,
    goal: (s, { target }) => {
      const loss = num(s, 'metrics.loss', 'loss');
      if (loss >= target) return `The mean cross-entropy is ${fmt(loss, 3)}; the goal is below ${target}. Correct points still cost −log p: make the neuron surer (a larger |w|) with the boundary in the gap.`;
      return true;
    },
    solution: ({ target }) =>
      `Once every point is on the right side, a larger $|w|$ pushes each $p$ towards its label and $-\\log p \\to 0$. With the boundary in the gap, increase $w$ until the loss falls below ${target}.`,
  }),
]);
