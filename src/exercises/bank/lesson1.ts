// Lesson 1's exercises (01-regression-vs-classification): the network's shapes and a forward
// pass, activation slopes, one gradient step, softmax and cross-entropy, the linear classifier
// and its boundary, the two-class sigmoid, the ReLU hidden-node classifier, a code exercise and
// two challenges on the heads widget. Every key is computed by the engine.

import { activations, logSumExp, modelFromJSON, parameterCount, predict, SGD, softmax, type ActivationName, type ModelJSON } from '@engine';
import { challenge, choice, code, defineBank, formula, numeric, vector } from '../define.ts';
import { fix, fmt, texLinear, texNum, texVec, vec } from '../format.ts';
import { num, str } from '../kinds/challenge.ts';
import { draw, drawNonZero, drawVector, intBetween, pick } from '../random.ts';

const LESSON = '01-regression-vs-classification';

/** The one-input, h-unit ReLU regression network ỹ = w · ReLU(W x + b) + c as a model file. */
function reluNet(W: readonly number[], b: readonly number[], w: readonly number[], c: number): ModelJSON {
  return {
    inputs: 1,
    loss: 'mse',
    layers: [
      { activation: 'relu', weights: W.map((v) => [v]), biases: [...b] },
      { activation: 'identity', weights: [[...w]], biases: [c] },
    ],
  };
}

/** ỹ of that network at x, by the engine. */
function forwardByEngine(x: number, W: readonly number[], b: readonly number[], w: readonly number[], c: number): number {
  return predict(modelFromJSON(reluNet(W, b, w, c)), [[x]])[0]![0]!;
}

/** The same network with the ReLU replaced by the identity: the answer of someone who forgot g. */
function forwardLinear(x: number, W: readonly number[], b: readonly number[], w: readonly number[], c: number): number {
  return W.reduce((s, Wj, j) => s + w[j]! * (Wj * x + b[j]!), c);
}

/** Scores w_kᵀ[1, x1, x2] of an augmented linear classifier, by the engine (identity layer). */
function linearScores(W: readonly (readonly number[])[], x: readonly [number, number]): number[] {
  const model = modelFromJSON({
    inputs: 2,
    loss: 'mse',
    layers: [{ activation: 'identity', weights: W.map((r) => [r[1]!, r[2]!]), biases: W.map((r) => r[0]!) }],
  });
  return predict(model, [[...x]])[0]!;
}

const argmax = (xs: readonly number[]) => xs.reduce((best, v, i) => (v > xs[best]! ? i : best), 0);
const argmin = (xs: readonly number[]) => xs.reduce((best, v, i) => (v < xs[best]! ? i : best), 0);

/** One gradient-descent step on J(θ) = (θ − a)² from θ0, by the engine's SGD. */
function sgdStep(theta0: number, a: number, eta: number): number {
  const theta = { value: Float64Array.of(theta0), grad: Float64Array.of(2 * (theta0 - a)) };
  new SGD([theta], eta).step();
  return theta.value[0]!;
}

/** s(x) of the decks' ReLU hidden-node classifier with output weights [1, −2, a3] and bias c, by the engine. */
function reluMergeSum(x: number, a3: number, c: number): number {
  return forwardByEngine(x, [1, 1, 1], [0, -0.2, -0.55], [1, -2, a3], c);
}

const sigfigs3 = { rule: 'sigfigs', digits: 3 } as const;

export default defineBank(LESSON, [
  numeric({
    id: 'l1-parameter-count',
    title: 'Counting parameters',
    generate: (rng) => ({ d: intBetween(rng, 1, 8), h: intBetween(rng, 3, 24) }),
    prompt: ({ d, h }) =>
      `A regression network $\\yt = \\w \\cdot g(\\W\\x + \\bb) + b$ has d = ${d} inputs and h = ${h} hidden units. How many trainable numbers (weights and biases) does it have?`,
    answer: ({ d, h }) => parameterCount({ inputs: d, hidden: [h], outputs: 1 }),
    tolerance: { rule: 'absolute', abs: 0.5 },
    mistakes: [
      { id: 'no-output-bias', answer: ({ d, h }) => h * d + 2 * h, message: 'Almost: the output has its own bias b, one more number.' },
      { id: 'one-vector-missing', answer: ({ d, h }) => h * d + h + 1, message: 'Both h-vectors count: the hidden biases b and the output weights w each have h entries.' },
      { id: 'only-W', answer: ({ d, h }) => h * d, message: 'That is only the matrix W. Add the biases b, the output weights w and the output bias b.' },
    ],
    solution: ({ d, h }) =>
      `$\\W$ is ${h} × ${d}, $\\bb$ and $\\w$ have ${h} entries each, and $b$ is one number:\n\n$$hd + h + h + 1 = ${h} \\cdot ${d} + ${h} + ${h} + 1 = ${parameterCount({ inputs: d, hidden: [h], outputs: 1 })}.$$`,
  }),

  numeric({
    id: 'l1-forward-pass',
    title: 'A forward pass',
    generate: (rng) => ({
      W: [drawNonZero(rng, -2, 2, 0), drawNonZero(rng, -2, 2, 0)],
      b: [draw(rng, -2, 2, 0), draw(rng, -2, 2, 0)],
      w: [drawNonZero(rng, -3, 3, 0), drawNonZero(rng, -3, 3, 0)],
      c: draw(rng, -2, 2, 0),
      x: drawNonZero(rng, -2, 2, 1),
    }),
    prompt: ({ W, b, w, c, x }) =>
      `A network with one input and two ReLU hidden units, $\\yt = \\w \\cdot \\relu(\\W x + \\bb) + b$, has $\\W$ = ${vec(W)} (a column), $\\bb$ = ${vec(b)}, $\\w$ = ${vec(w)} and output bias $b$ = ${c}. Compute $\\yt$ at x = ${x}.`,
    answer: ({ W, b, w, c, x }) => forwardByEngine(x, W, b, w, c),
    tolerance: { rule: 'absolute', abs: 0.005 },
    mistakes: [
      { id: 'no-relu', answer: ({ W, b, w, c, x }) => forwardLinear(x, W, b, w, c), message: 'It looks as if the ReLU was left out: negative pre-activations become 0 before the output layer sees them.' },
      { id: 'no-output-bias', answer: ({ W, b, w, c, x }) => forwardByEngine(x, W, b, w, c) - c, message: 'Add the output bias b at the end.' },
    ],
    solution: ({ W, b, w, c, x }) => {
      const z = W.map((Wj, j) => Wj * x + b[j]!);
      const h = z.map((v) => Math.max(0, v));
      return `Pre-activations $\\W x + \\bb = ${texVec(z)}$, hidden layer $\\h = \\relu(\\cdot) = ${texVec(h)}$, output\n\n$$\\yt = ${texNum(w[0]!)} \\cdot ${texNum(h[0]!)} + ${texNum(w[1]!)} \\cdot ${texNum(h[1]!)} + ${texNum(c)} = ${texNum(forwardByEngine(x, W, b, w, c))}.$$`;
    },
  }),

  code({
    id: 'l1-forward-code',
    title: 'The forward pass in code',
    generate: (rng) => ({ h: intBetween(rng, 3, 5), scale: pick(rng, [1, 2]) }),
    prompt: ({ h }) =>
      `Write \`forward(x, W, b, w, c)\` for the one-input network $\\yt = \\w \\cdot \\relu(\\W x + \\bb) + b$: \`x\` is a number, \`W\`, \`b\`, \`w\` are arrays of h numbers (the tests use h = ${h} and a few edge cases), and \`c\` is the output bias $b$. Return $\\yt$ as a number.`,
    fn: 'forward',
    starter: [
      '// x: a number; W, b, w: arrays of h numbers; c: the output bias.',
      '// Return ỹ = w · ReLU(W x + b) + c.',
      'function forward(x, W, b, w, c) {',
      '  return 0;',
      '}',
      '',
    ].join('\n'),
    cases: ({ h, scale }) => {
      const grid = (k: number, f: (j: number) => number) => Array.from({ length: k }, (_, j) => f(j));
      const W = grid(h, (j) => ((j % 3) - 1 || 0.5) * scale);
      const b = grid(h, (j) => (j - 1) * 0.5);
      const w = grid(h, (j) => (j % 2 ? -1.5 : 2) / scale);
      return [
        { args: [0.7, W, b, w, 0.25] as [number, number[], number[], number[], number], label: 'an ordinary input' },
        { args: [-1.3, W, b, w, -0.5] as [number, number[], number[], number[], number], label: 'a negative input' },
        { args: [0, W, b, w, 1] as [number, number[], number[], number[], number], label: 'x = 0' },
        { args: [2, grid(h, () => -1), grid(h, () => -1), w, 0.3] as [number, number[], number[], number[], number], label: 'every unit switched off' },
      ];
    },
    expected: (x: number, W: number[], b: number[], w: number[], c: number) => forwardByEngine(x, W, b, w, c),
    tolerance: { rule: 'absolute', abs: 1e-9 },
    mistakes: [
      { id: 'no-relu', impl: (x: number, W: number[], b: number[], w: number[], c: number) => forwardLinear(x, W, b, w, c), message: 'Apply ReLU, max(0, z), to each pre-activation before the output layer.' },
      {
        id: 'no-output-bias',
        impl: (x: number, W: number[], b: number[], w: number[], c: number) => forwardByEngine(x, W, b, w, c) - c,
        message: 'Add the output bias c at the end.',
      },
    ],
    solution: () =>
      'Loop over the hidden units: `z = W[j] * x + b[j]`, `h = Math.max(0, z)`, add `w[j] * h` to a sum that starts at `c`, and return the sum.',
  }),

  numeric({
    id: 'l1-activation-slope',
    title: 'The slope of an activation',
    generate: (rng) => ({ name: pick(rng, ['sigmoid', 'tanh'] as const), z: drawNonZero(rng, -3, 3, 1) }),
    prompt: ({ name, z }) =>
      `Compute ${name === 'sigmoid' ? "$\\sigma'(z)$" : "$\\tanh'(z)$"} at z = ${z}.`,
    answer: ({ name, z }) => {
      const g = activations[name as ActivationName];
      return g.df(z, g.f(z));
    },
    tolerance: sigfigs3,
    mistakes: [
      { id: 'value', answer: ({ name, z }) => activations[name as ActivationName].f(z), message: 'That is the value of the function, not its slope.' },
      {
        id: 'no-square',
        // Only a tanh mistake; for the sigmoid it returns the key, and a mistake equal to the key is ignored.
        answer: ({ name, z }) => (name === 'tanh' ? 1 - Math.tanh(z) : activations.sigmoid.df(z, activations.sigmoid.f(z))),
        message: 'The derivative of tanh is 1 − tanh²(z): square the tanh.',
      },
    ],
    solution: ({ name, z }) => {
      const g = activations[name as ActivationName];
      const f = g.f(z);
      return name === 'sigmoid'
        ? `$\\sigma(${texNum(z)}) = ${texNum(f)}$, so $\\sigma'(${texNum(z)}) = \\sigma(1 - \\sigma) = ${texNum(f)} \\cdot ${texNum(1 - f)} = ${texNum(g.df(z, f))}$.`
        : `$\\tanh(${texNum(z)}) = ${texNum(f)}$, so $\\tanh'(${texNum(z)}) = 1 - \\tanh^2 = 1 - ${texNum(f * f)} = ${texNum(g.df(z, f))}$.`;
    },
  }),

  numeric({
    id: 'l1-gradient-step',
    title: 'One step of gradient descent',
    generate: (rng) => ({ a: intBetween(rng, 1, 5), theta0: intBetween(rng, -3, 0), eta: pick(rng, [0.05, 0.1, 0.2, 0.25]) }),
    prompt: ({ a, theta0, eta }) =>
      `Minimize $J(\\theta) = (\\theta - a)^2$ with a = ${a}, starting from θ = ${theta0}, with learning rate η = ${eta}. What is θ after one gradient-descent step?`,
    answer: ({ a, theta0, eta }) => sgdStep(theta0, a, eta),
    tolerance: { rule: 'absolute', abs: 0.0005 },
    mistakes: [
      { id: 'uphill', answer: ({ a, theta0, eta }) => theta0 + eta * 2 * (theta0 - a), message: 'The step goes against the gradient: θ − η J′(θ), not θ + η J′(θ).' },
      { id: 'no-factor-2', answer: ({ a, theta0, eta }) => theta0 - eta * (theta0 - a), message: 'J′(θ) = 2(θ − a): the factor 2 from the square is missing.' },
    ],
    solution: ({ a, theta0, eta }) =>
      `$J'(\\theta) = 2(\\theta - a) = 2(${theta0} - ${a}) = ${2 * (theta0 - a)}$, so $\\theta \\leftarrow ${theta0} - ${eta} \\cdot (${2 * (theta0 - a)}) = ${texNum(sgdStep(theta0, a, eta))}$.`,
  }),

  vector({
    id: 'l1-softmax',
    title: 'Softmax of a logit vector',
    generate: (rng) => ({ z: drawVector(rng, 3, -2, 2, 1) }),
    prompt: ({ z }) => `Compute $\\p = \\softmax(\\z)$ for the logits $\\z$ = ${vec(z)}. Give three numbers.`,
    answer: ({ z }) => softmax(z),
    tolerance: { rule: 'absolute', abs: 0.005 },
    mistakes: [
      { id: 'not-normalized', answer: ({ z }) => z.map(Math.exp), message: 'Divide each exponential by their sum, so that the three numbers add up to 1.' },
      { id: 'negated', answer: ({ z }) => softmax(z.map((v) => -v)), message: 'The largest logit should get the largest probability: use e^{z_c}, not e^{−z_c}.' },
    ],
    solution: ({ z }) => {
      const e = z.map(Math.exp);
      const sum = e.reduce((s, v) => s + v, 0);
      return `The exponentials are $${texVec(e)}$, their sum is $${texNum(sum)}$, so $\\p = ${texVec(softmax(z))}$.`;
    },
  }),

  numeric({
    id: 'l1-cross-entropy',
    title: 'Cross-entropy of one example',
    generate: (rng) => ({ z: drawVector(rng, 3, -2, 2, 1), y: rng.int(3) }),
    prompt: ({ z, y }) => `A softmax classifier outputs the logits $\\z$ = ${vec(z)} and the true class is ${y + 1}. Compute the cross-entropy $-\\log p_y$ (natural log).`,
    answer: ({ z, y }) => logSumExp(z) - z[y]!,
    tolerance: sigfigs3,
    mistakes: [
      { id: 'probability', answer: ({ z, y }) => softmax(z)[y]!, message: 'That is the probability p_y; the loss is −log p_y.' },
      { id: 'log10', answer: ({ z, y }) => (logSumExp(z) - z[y]!) / Math.LN10, message: 'Use the natural logarithm, not log base 10.' },
      { id: 'wrong-class', answer: ({ z, y }) => logSumExp(z) - Math.max(...z.filter((_, c) => c !== y)), message: 'Take the probability of the true class, not of another one.' },
    ],
    solution: ({ z, y }) =>
      `In one step, $-\\log p_y = \\log \\sum_l e^{z_l} - z_y = ${texNum(logSumExp(z))} - (${texNum(z[y]!)}) = ${texNum(logSumExp(z) - z[y]!)}$.`,
  }),

  choice({
    id: 'l1-which-class',
    title: 'Which class wins?',
    generate: (rng) => {
      for (;;) {
        const W = [0, 1, 2].map(() => drawVector(rng, 3, -2, 2, 0));
        const x: [number, number] = [draw(rng, -2, 2, 1), draw(rng, -2, 2, 1)];
        const s = linearScores(W, x).slice().sort((p, q) => q - p);
        if (s[0]! - s[1]! >= 0.3) return { W, x };
      }
    },
    prompt: ({ W, x }) =>
      `A linear classifier $f(\\x) = \\argmax_k \\w_k^\\top \\x$ on augmented inputs $[1, x_1, x_2]$ has the rows (bias first)\n\n$\\w_1^\\top$ = ${vec(W[0]!)}, $\\w_2^\\top$ = ${vec(W[1]!)}, $\\w_3^\\top$ = ${vec(W[2]!)}.\n\nWhich class does it assign to $(x_1, x_2)$ = (${x[0]}, ${x[1]})?`,
    options: ({ W, x }) => {
      const s = linearScores(W, x);
      const noBias = linearScores(W.map((r) => [0, r[1]!, r[2]!]), x);
      const best = argmax(s);
      return [0, 1, 2].map((k) => ({
        id: `class-${k + 1}`,
        label: `class ${k + 1}`,
        correct: k === best,
        feedback:
          k === argmax(noBias) && k !== best
            ? 'That class wins if the biases are left out; the augmented input starts with a 1 that multiplies b_k.'
            : k === argmin(s)
              ? 'That class has the smallest score; the argmax picks the largest.'
              : 'Compute all three scores b_k + w_k1 x1 + w_k2 x2 and take the largest.',
      }));
    },
    solution: ({ W, x }) => {
      const s = linearScores(W, x);
      return `The scores are $\\W[1, x_1, x_2]^\\top = ${texVec(s)}$; the largest is class ${argmax(s) + 1}.`;
    },
  }),

  formula({
    id: 'l1-boundary-line',
    title: 'The boundary as a line',
    generate: (rng) => {
      for (;;) {
        const w1 = drawVector(rng, 3, -2, 2, 0);
        const w2 = drawVector(rng, 3, -2, 2, 0);
        if (w2[2]! - w1[2]! !== 0 && w2[1]! - w1[1]! !== 0) return { w1, w2 };
      }
    },
    prompt: ({ w1, w2 }) =>
      `Two classes, bias first: $\\w_1^\\top$ = ${vec(w1)} and $\\w_2^\\top$ = ${vec(w2)}. Write the class boundary $(\\w_2 - \\w_1)^\\top \\x = 0$ as $x_2$ in terms of $x_1$ (type \`x1\`).`,
    variables: [{ name: 'x1', min: -3, max: 3 }],
    answer: ({ w1, w2 }) => {
      const [a, b, c] = [w2[0]! - w1[0]!, w2[1]! - w1[1]!, w2[2]! - w1[2]!];
      return `-((${a}) + (${b})*x1)/(${c})`;
    },
    mistakes: [
      {
        id: 'sign',
        answer: ({ w1, w2 }) => {
          const [a, b, c] = [w2[0]! - w1[0]!, w2[1]! - w1[1]!, w2[2]! - w1[2]!];
          return `((${a}) + (${b})*x1)/(${c})`;
        },
        message: 'The sign is off: from a + b x1 + c x2 = 0, x2 = −(a + b x1)/c.',
      },
      {
        id: 'no-bias',
        answer: ({ w1, w2 }) => `-((${w2[1]! - w1[1]!})*x1)/(${w2[2]! - w1[2]!})`,
        message: 'The biases matter: the first entries give the constant term of the line.',
      },
    ],
    solution: ({ w1, w2 }) => {
      const [a, b, c] = [w2[0]! - w1[0]!, w2[1]! - w1[1]!, w2[2]! - w1[2]!];
      const line = texLinear([-a / c, -b / c], ['', 'x_1']);
      return `$\\w_2 - \\w_1 = ${texVec([a, b, c])}$, so the boundary is $${texLinear([a, b, c], ['', 'x_1', 'x_2'])} = 0$, that is $x_2 = -(${texLinear([a, b], ['', 'x_1'])})/${texNum(c)} = ${line}$.`;
    },
  }),

  formula({
    id: 'l1-two-class-sigmoid',
    title: 'Two classes: softmax is a sigmoid',
    generate: (rng) => ({ which: pick(rng, [1, 2]) }),
    prompt: ({ which }) =>
      `Two classes have scores $s_1$ and $s_2$ (type \`s1\`, \`s2\`). Write the softmax probability of class ${which} using \`sigma(…)\` and no exponentials.`,
    variables: [
      { name: 's1', min: -4, max: 4 },
      { name: 's2', min: -4, max: 4 },
    ],
    answer: ({ which }) => (which === 1 ? 'sigma(s1 - s2)' : 'sigma(s2 - s1)'),
    mistakes: [
      { id: 'flipped', answer: ({ which }) => (which === 1 ? 'sigma(s2 - s1)' : 'sigma(s1 - s2)'), message: 'That is the probability of the other class: the class whose score is subtracted loses.' },
      { id: 'ratio', answer: ({ which }) => (which === 1 ? 's1/(s1 + s2)' : 's2/(s1 + s2)'), message: 'Scores are not probabilities: exponentiate before normalizing, which gives a sigmoid of the difference.' },
    ],
    solution: ({ which }) =>
      which === 1
        ? '$$p_1 = \\frac{e^{s_1}}{e^{s_1} + e^{s_2}} = \\frac{1}{1 + e^{-(s_1 - s_2)}} = \\sigma(s_1 - s_2).$$'
        : '$$p_2 = \\frac{e^{s_2}}{e^{s_1} + e^{s_2}} = \\frac{1}{1 + e^{-(s_2 - s_1)}} = \\sigma(s_2 - s_1).$$',
  }),

  choice({
    id: 'l1-relu-points',
    title: 'Which points are class 1?',
    multiple: true,
    generate: (rng) => {
      const a3 = pick(rng, [2, 3, 4]);
      const c = pick(rng, [-0.05, -0.1, -0.15]);
      const candidates = [-0.1, 0.05, 0.12, 0.18, 0.25, 0.35, 0.45, 0.6, 0.7, 0.8, 1];
      // Six points clearly on one side (|s| ≥ 0.01): two or three of class 1, the rest of class 0.
      const pos = candidates.filter((x) => reluMergeSum(x, a3, c) >= 0.01);
      const neg = candidates.filter((x) => reluMergeSum(x, a3, c) <= -0.01);
      const take = (from: number[], n: number): number[] => {
        const out: number[] = [];
        while (out.length < n && from.length > 0) out.push(from.splice(rng.int(from.length), 1)[0]!);
        return out;
      };
      const ones = take(pos, 2 + rng.int(2));
      return { a3, c, xs: [...ones, ...take(neg, 6 - ones.length)].sort((p, q) => p - q) };
    },
    prompt: ({ a3, c }) =>
      `With $h_1 = \\relu(x)$, $h_2 = \\relu(x - 0.2)$, $h_3 = \\relu(x - 0.55)$, the classifier is f(x) = u(h1 − 2 h2 + ${a3} h3 ${c < 0 ? '−' : '+'} ${Math.abs(c)}), where u is the unit step. Tick every x that f puts in class 1.`,
    options: ({ a3, c, xs }) =>
      xs.map((x) => {
        const s = reluMergeSum(x, a3, c);
        return {
          id: `x-${fix(x, 2)}`,
          label: `x = ${x}`,
          correct: s > 0,
          feedback: s > 0 ? `At x = ${x} the sum is ${fmt(s, 3)} > 0: class 1.` : `At x = ${x} the sum is ${fmt(s, 3)}, not above 0: class 0.`,
        };
      }),
    solution: ({ a3, c, xs }) =>
      `Work out the sum piece by piece and evaluate it: ${xs.map((x) => `s(${x}) = ${fmt(reluMergeSum(x, a3, c), 3)}`).join(', ')}. Class 1 is where s > 0.`,
  }),

  challenge({
    id: 'l1-linear-blobs',
    title: 'Challenge: blobs without a hidden layer',
    widget: 'heads',
    generate: (rng) => ({ k: intBetween(rng, 4, 5) }),
    prompt: ({ k }) =>
      `In the widget, classify ${k} Gaussian blobs with no hidden layer (leave the hidden-layers box empty) and train until the training accuracy reaches 90 %. Then press Check.`,
    goal: (state, { k }) => {
      if (str(state, 'params.head', 'head') !== 'classification') return 'Switch the head to classification.';
      if (str(state, 'params.points', 'data set') !== 'blobs') return 'Choose the Gaussian blobs.';
      if (num(state, 'params.classes', 'number of classes') !== k) return `Set the number of classes k to ${k}.`;
      if (num(state, 'trainers.0.hiddenUnits', 'hidden-unit count') !== 0) return 'Remove the hidden layer: empty the hidden-layers box.';
      const acc = num(state, 'trainers.0.accuracy', 'training accuracy');
      return acc >= 0.9 ? true : `Training accuracy is ${fmt(acc * 100, 3)} %: keep training until it reaches 90 %.`;
    },
    solution: ({ k }) =>
      `Head: classification; points: Gaussian blobs; k = ${k}; hidden layers: empty. Blobs are separable by straight borders, so the linear classifier's convex regions suffice: a few epochs get past 90 %.`,
  }),

  challenge({
    id: 'l1-spirals-hidden',
    title: 'Challenge: untangle the spirals',
    widget: 'heads',
    generate: (rng) => ({ maxUnits: pick(rng, [32, 40, 48]) }),
    prompt: ({ maxUnits }) =>
      `In the widget, classify the two spirals to a training accuracy above 95 % with at most ${maxUnits} hidden units in total. Then press Check.`,
    goal: (state, { maxUnits }) => {
      if (str(state, 'params.head', 'head') !== 'classification') return 'Switch the head to classification.';
      if (str(state, 'params.points', 'data set') !== 'spirals') return 'Choose the two spirals.';
      const units = num(state, 'trainers.0.hiddenUnits', 'hidden-unit count');
      if (units === 0) return 'With no hidden layer the regions are convex and the spirals stay below 70 %: add a hidden layer.';
      if (units > maxUnits) return `Use at most ${maxUnits} hidden units (you have ${units}).`;
      const acc = num(state, 'trainers.0.accuracy', 'training accuracy');
      return acc > 0.95 ? true : `Training accuracy is ${fmt(acc * 100, 3)} %: keep training (or try ReLU units, or another seed) until it passes 95 %.`;
    },
    solution: () => 'Head: classification; points: two spirals; hidden layers: 32; activation: ReLU. Train: the regions bend around the arms and accuracy passes 95 % within a couple of hundred epochs on seed 1.',
  }),
]);
