// Lesson 3's exercises (03-softmax-gradient): the gradient at the logits and what it predicts,
// the softmax Jacobian, case 1 and case 2, an SGD step without the deck's factor 2, stable
// log-sum-exp, reading a gradient check, one back-propagation stage, two pieces of code and a
// challenge on the lesson's widget. Every key comes from the engine; the mistakes are the
// computations students actually get wrong.

import { lossAndGradients, modelFromJSON, SGD, softmax, softmaxCrossEntropy, type Rng } from '@engine';
import { num } from '../kinds/challenge.ts';
import { challenge, choice, code, defineBank, formula, numeric, vector } from '../define.ts';
import { fix, fmt, texMat, texNum, texVec, vec } from '../format.ts';
import { draw, drawNonZero, drawVector, intBetween, pick, shuffled } from '../random.ts';

/** The data-widget name of the lesson's live widget (the challenge reads its state). */
const WIDGET = 'softmax-regression';

const onehot = (k: number, y: number): number[] => Array.from({ length: k }, (_, c) => (c === y ? 1 : 0));
const sub = (a: readonly number[], b: readonly number[]): number[] => a.map((x, i) => x - b[i]!);
const matVec = (W: readonly (readonly number[])[], x: readonly number[]): number[] => W.map((r) => r.reduce((s, w, k) => s + w * x[k]!, 0));
const transposeVec = (W: readonly (readonly number[])[], e: readonly number[]): number[] =>
  W[0]!.map((_, k) => W.reduce((s, row, c) => s + row[k]! * e[c]!, 0));
const outer = (e: readonly number[], x: readonly number[]): number[][] => e.map((ec) => x.map((xk) => ec * xk));

/** The engine's fused loss and gradient ∂L/∂z = p − y for one example. */
function lossAndLogitGradient(z: readonly number[], y: number): { loss: number; grad: number[] } {
  const grad = new Float64Array(z.length);
  const loss = softmaxCrossEntropy(Float64Array.from(z), Float64Array.of(y), 1, z.length, grad, 1);
  return { loss, grad: Array.from(grad) };
}

/** Softmax regression z = Wx + b as an engine model. */
function softmaxRegression(W: readonly (readonly number[])[], b: readonly number[]) {
  return modelFromJSON({
    inputs: W[0]!.length,
    layers: [{ activation: 'identity', weights: W.map((r) => [...r]), biases: [...b] }],
    loss: 'softmax-cross-entropy',
  });
}

/**
 * ∂L/∂h of a softmax layer (W_S, b_S) on features h, from the engine's back-propagation: an
 * identity layer with weights I and bias 0 in front makes ∂L/∂b of that layer equal ∂L/∂h.
 */
function featureGradient(WS: readonly (readonly number[])[], bS: readonly number[], h: readonly number[], y: number): number[] {
  const d = h.length;
  const identity = Array.from({ length: d }, (_, j) => onehot(d, j));
  const model = modelFromJSON({
    inputs: d,
    layers: [
      { activation: 'identity', weights: identity, biases: Array(d).fill(0) },
      { activation: 'identity', weights: WS.map((r) => [...r]), biases: [...bS] },
    ],
    loss: 'softmax-cross-entropy',
  });
  return lossAndGradients(model, [[...h]], [y]).gradients.layers[0]!.biases;
}

/** Logits with distinct values, so that no option or mistake coincides by accident. */
function distinctLogits(rng: Rng, k: number, min: number, max: number): number[] {
  for (;;) {
    const z = drawVector(rng, k, min, max, 1);
    if (new Set(z).size === k) return z;
  }
}

/** Softmax without the max shift: NaN on large logits, the mistake the lesson warns about. */
function naiveSoftmax(z: readonly number[]): number[] {
  const e = z.map((x) => Math.exp(x));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / s);
}

/** Relative error as the lesson and the engine's gradientCheck define it. */
const relativeError = (a: number, n: number): number => Math.abs(a - n) / Math.max(Math.abs(a), Math.abs(n), 1e-4);

/** The lesson's two-layer ReLU network with random small weights, one unit surely off and one on. */
function drawTwoLayer(rng: Rng) {
  for (;;) {
    const W1 = [drawVector(rng, 2, -1, 1, 1), drawVector(rng, 2, -1, 1, 1), drawVector(rng, 2, -1, 1, 1)];
    const b1 = drawVector(rng, 3, -0.5, 0.5, 1);
    const x = [drawNonZero(rng, -2, 2, 1), drawNonZero(rng, -2, 2, 1)];
    const z1 = matVec(W1, x).map((v, j) => v + b1[j]!);
    const on = z1.filter((v) => v > 0.1).length;
    const off = z1.filter((v) => v < -0.1).length;
    if (on >= 1 && off >= 1 && on + off === 3) {
      const W2 = [drawVector(rng, 3, -1, 1, 1), drawVector(rng, 3, -1, 1, 1), drawVector(rng, 3, -1, 1, 1)];
      return { W1, b1, x, W2, y: rng.int(3) };
    }
  }
}

export default defineBank('03-softmax-gradient', [
  numeric({
    id: 'l3-loss-change',
    title: 'Predict a loss change from p − y',
    generate: (rng) => ({ z: distinctLogits(rng, 3, -2, 2), y: rng.int(3), c: rng.int(3), delta: drawNonZero(rng, -0.2, 0.2, 2, 0.05) }),
    prompt: ({ z, y, c, delta }) =>
      `A softmax classifier gives the logits $\\z$ = ${vec(z)}; the true class is ${y + 1}. Now logit ${c + 1} changes by ${fix(delta, 2)} and the others stay put.\n\nEstimate the change of the loss $L = -\\log p_y$ to first order, $\\Delta L \\approx \\pd{L}{\\z} \\cdot \\Delta\\z$.`,
    answer: ({ z, y, c, delta }) => lossAndLogitGradient(z, y).grad[c]! * delta,
    tolerance: { rule: 'relative', rel: 0.02, floor: 0.0002 },
    mistakes: [
      {
        id: 'flipped',
        answer: ({ z, y, c, delta }) => -lossAndLogitGradient(z, y).grad[c]! * delta,
        message: 'The sign is off: ∂L/∂z_c = p_c − y_c. Raising the true class’s logit lowers the loss; raising another raises it.',
      },
      {
        id: 'p-only',
        answer: ({ z, c, delta }) => softmax(z)[c]! * delta,
        message: 'You used p_c alone; at the true class the gradient is p_c − 1.',
      },
      {
        id: 'exact',
        answer: ({ z, y, c, delta }) => lossAndLogitGradient(z.map((v, i) => (i === c ? v + delta : v)), y).loss - lossAndLogitGradient(z, y).loss,
        message: 'That is the exact change, computed from the new loss; the question asks for the first-order estimate (p_c − y_c)·Δz_c.',
      },
    ],
    solution: ({ z, y, c, delta }) => {
      const p = softmax(z);
      const g = lossAndLogitGradient(z, y).grad;
      return `$\\p = \\softmax(\\z) = ${texVec(p)}$ and $\\pd{L}{\\z} = \\p - \\y = ${texVec(g)}$. Only $z_{${c + 1}}$ moves, so\n\n$$\\Delta L \\approx \\pd{L}{z_{${c + 1}}}\\, \\Delta z_{${c + 1}} = ${texNum(g[c]!)} \\times ${texNum(delta)} = ${texNum(g[c]! * delta)}.$$`;
    },
  }),

  numeric({
    id: 'l3-jacobian-entry',
    title: 'One entry of the softmax Jacobian',
    generate: (rng) => {
      const z = distinctLogits(rng, 3, -2, 2);
      const y = rng.int(3);
      const same = rng.next() < 0.5;
      return { z, y, c: same ? y : (y + 1 + rng.int(2)) % 3 };
    },
    prompt: ({ z, y, c }) =>
      `For the logits $\\z$ = ${vec(z)}, compute the entry $\\pd{p_y}{z_c}$ of the softmax Jacobian with $y$ = ${y + 1} and $c$ = ${c + 1}.`,
    answer: ({ z, y, c }) => {
      const p = softmax(z);
      return p[y]! * ((y === c ? 1 : 0) - p[c]!);
    },
    tolerance: { rule: 'relative', rel: 0.01, floor: 0.0005 },
    mistakes: [
      {
        id: 'diagonal-everywhere',
        answer: ({ z, c }) => softmax(z)[c]! * (1 - softmax(z)[c]!),
        message: 'p_c(1 − p_c) is a diagonal entry (y = c). Off the diagonal the indicator is 0: ∂p_y/∂z_c = −p_y p_c.',
      },
      {
        id: 'off-diagonal-everywhere',
        answer: ({ z, y, c }) => -softmax(z)[y]! * softmax(z)[c]!,
        message: 'That is the off-diagonal formula; here y = c, so the indicator is 1: ∂p_y/∂z_y = p_y(1 − p_y).',
      },
      {
        id: 'gradient-of-loss',
        answer: ({ z, y, c }) => softmax(z)[c]! - (y === c ? 1 : 0),
        message: 'That is ∂L/∂z_c of the loss L = −log p_y; the question asks for the derivative of the probability p_y itself.',
      },
    ],
    solution: ({ z, y, c }) => {
      const p = softmax(z);
      const same = y === c;
      return `$\\pd{p_y}{z_c} = p_y\\,(\\ind[y = c] - p_c)$. Here $\\p = ${texVec(p)}$ and ${same ? '$y = c$' : '$y \\neq c$'}, so\n\n$$\\pd{p_{${y + 1}}}{z_{${c + 1}}} = ${texNum(p[y]!)} \\times (${same ? 1 : 0} - ${texNum(p[c]!)}) = ${texNum(p[y]! * ((same ? 1 : 0) - p[c]!))}.$$`;
    },
  }),

  formula({
    id: 'l3-bias-gradient',
    title: 'Case 1 for a bias',
    generate: (rng) => ({ same: rng.next() < 0.5 }),
    prompt: ({ same }) =>
      `The loss of one example is $L = -\\log p_y$ with $p_j = \\dfrac{e^{\\w_j \\cdot \\h + b_j}}{\\sum_l e^{\\w_l \\cdot \\h + b_l}}$.\n\nIn the case ${same ? '$r = y$' : '$r \\neq y$'}, type $\\pd{L}{b_r}$ as a formula in \`p_r\`, the probability of class $r$.`,
    answer: ({ same }) => (same ? 'p_r - 1' : 'p_r'),
    variables: [{ name: 'p_r', min: 0.01, max: 0.99 }],
    mistakes: [
      {
        id: 'log-p-not-loss',
        answer: ({ same }) => (same ? '1 - p_r' : '-p_r'),
        message: 'That is ∂ log p_y / ∂b_r; the loss is its negative, L = −log p_y, so flip the sign.',
      },
      {
        id: 'jacobian',
        answer: () => 'p_r * (1 - p_r)',
        message: 'p_r(1 − p_r) is ∂p_r/∂z_r, a softmax Jacobian entry; for the loss, the log cancels the p: ∂L/∂b_r = p_r − y_r.',
      },
      {
        id: 'wrong-case',
        answer: ({ same }) => (same ? 'p_r' : 'p_r - 1'),
        message: 'That is the other case: the −1 appears only for the true class, r = y.',
      },
    ],
    solution: ({ same }) =>
      `Split $\\log p_y = (\\w_y \\cdot \\h + b_y) - \\log \\sum_l e^{\\w_l \\cdot \\h + b_l}$. The first term gives $\\ind[r = y]$, the normalizer gives $p_r$, so\n\n$$\\pd{L}{b_r} = -(\\ind[r = y] - p_r) = p_r - \\ind[r = y] = ${same ? 'p_r - 1' : 'p_r'}.$$`,
  }),

  formula({
    id: 'l3-two-class-gradient',
    title: 'Two classes: the gradient through the sigmoid',
    generate: (rng) => ({ y: rng.int(2), c: rng.int(2) }),
    prompt: ({ y, c }) =>
      `With two classes, $p_1 = \\dfrac{e^{z_1}}{e^{z_1} + e^{z_2}} = \\sigma(z_1 - z_2)$. The true class is ${y === 0 ? '$y = 1$' : '$y = 2$'} and $L = -\\log p_y$.\n\nType ${c === 0 ? '$\\pd{L}{z_1}$' : '$\\pd{L}{z_2}$'} as a formula in \`z1\` and \`z2\`. You may use \`sigma(…)\`, \`exp(…)\`, \`log(…)\`.`,
    answer: ({ y, c }) => {
      const p = c === 0 ? 'sigma(z1 - z2)' : 'sigma(z2 - z1)';
      return c === y ? `${p} - 1` : p;
    },
    variables: [
      { name: 'z1', min: -3, max: 3 },
      { name: 'z2', min: -3, max: 3 },
    ],
    mistakes: [
      {
        id: 'flipped',
        answer: ({ y, c }) => {
          const p = c === 0 ? 'sigma(z1 - z2)' : 'sigma(z2 - z1)';
          return c === y ? `1 - ${p}` : `-${p}`;
        },
        message: 'The sign is flipped: ∂L/∂z_c = p_c − y_c, the gradient of −log p_y, not of log p_y.',
      },
      {
        id: 'sigmoid-derivative',
        answer: () => 'sigma(z1 - z2) * (1 - sigma(z1 - z2))',
        message: 'σ(u)(1 − σ(u)) is the derivative of p_1 itself; the log in the loss divides it by p_y and leaves p_c − y_c.',
      },
      {
        id: 'one-hot-only',
        answer: ({ y, c }) => (c === y ? '-1' : '0'),
        message: 'You kept only the target part; the probability p_c belongs in the gradient too: ∂L/∂z_c = p_c − y_c.',
      },
    ],
    solution: ({ y, c }) => {
      const pc = c === 0 ? '\\sigma(z_1 - z_2)' : '\\sigma(z_2 - z_1)';
      return `The general result $\\pd{L}{z_c} = p_c - \\ind[y = c]$ holds for two classes too, with $p_1 = \\sigma(z_1 - z_2)$ and $p_2 = 1 - p_1 = \\sigma(z_2 - z_1)$:\n\n$$\\pd{L}{z_{${c + 1}}} = ${pc}${c === y ? ' - 1' : ''}.$$`;
    },
  }),

  vector({
    id: 'l3-hidden-gradient',
    title: 'Case 2: the gradient handed down to h',
    generate: (rng) => ({
      WS: [drawVector(rng, 2, -1.5, 1.5, 1), drawVector(rng, 2, -1.5, 1.5, 1), drawVector(rng, 2, -1.5, 1.5, 1)],
      h: [drawNonZero(rng, -2, 2, 1), drawNonZero(rng, -2, 2, 1)],
      y: rng.int(3),
    }),
    prompt: ({ WS, h, y }) =>
      `A softmax layer with three classes sits on a 2-dimensional feature vector $\\h$: $\\z = \\W_S \\h$ (no bias), with\n${WS.map((r, j) => `row ${j + 1} of $\\W_S$: ${vec(r)}`).join('\n')}\n\nFor $\\h$ = ${vec(h)} and true class ${y + 1}, compute $\\pd{L}{\\h}$, the vector the softmax layer hands down to the layer below.`,
    answer: ({ WS, h, y }) => featureGradient(WS, [0, 0, 0], h, y),
    tolerance: { rule: 'absolute', abs: 0.005 },
    mistakes: [
      {
        id: 'first-term-only',
        answer: ({ WS, y }) => WS[y]!.map((w) => -w),
        message: 'That is −w_y, the first term alone; the normalizer adds Σ_l p_l w_l, so ∂L/∂h = Σ_l p_l w_l − w_y.',
      },
      {
        id: 'p-not-error',
        answer: ({ WS, h }) => transposeVec(WS, softmax(matVec(WS, h))),
        message: 'That is W_Sᵀ p; use the error p − y, i.e. subtract w_y.',
      },
      {
        id: 'flipped',
        answer: ({ WS, h, y }) => transposeVec(WS, sub(onehot(3, y), softmax(matVec(WS, h)))),
        message: 'The sign is flipped: ∂L/∂h = W_Sᵀ(p − y).',
      },
    ],
    solution: ({ WS, h, y }) => {
      const z = matVec(WS, h);
      const e = sub(softmax(z), onehot(3, y));
      return `$\\z = \\W_S \\h = ${texVec(z)}$, $\\p = ${texVec(softmax(z))}$, $\\p - \\y = ${texVec(e)}$. Then\n\n$$\\pd{L}{\\h} = \\W_S^{\\top} (\\p - \\y) = ${texMat(WS[0]!.map((_, k) => WS.map((r) => r[k]!)))} ${texVec(e, 4, true)} = ${texVec(transposeVec(WS, e))}.$$\n\nEquivalently $\\sum_l p_l \\w_l - \\w_y$: the probability-weighted average of the class vectors minus the true class's.`;
    },
  }),

  vector({
    id: 'l3-softmax-sgd-step',
    title: 'One SGD step of softmax regression',
    generate: (rng) => ({
      W: [drawVector(rng, 2, -1, 1, 1), drawVector(rng, 2, -1, 1, 1), drawVector(rng, 2, -1, 1, 1)],
      x: [drawNonZero(rng, -2, 2, 1), drawNonZero(rng, -2, 2, 1)],
      y: rng.int(3),
      eta: pick(rng, [0.1, 0.2, 0.5]),
    }),
    prompt: ({ W, x, y, eta }) =>
      `Softmax regression $\\z = \\W\\x$ (no bias) has the weight rows\n${W.map((r, j) => `$\\w_${j + 1}$: ${vec(r)}`).join('\n')}\n\nTake one SGD step on the example $\\x$ = ${vec(x)} with true class ${y + 1} and learning rate $\\eta$ = ${eta}. Give the new weight matrix, one row per line.`,
    answer: ({ W, x, y, eta }) => {
      const model = softmaxRegression(W, [0, 0, 0]);
      const grads = lossAndGradients(model, [x], [y]).gradients.layers[0]!.weights;
      const param = { value: Float64Array.from(W.flat()), grad: Float64Array.from(grads.flat()) };
      new SGD([param], eta).step();
      return W.map((_, c) => Array.from(param.value.subarray(2 * c, 2 * c + 2)));
    },
    tolerance: { rule: 'absolute', abs: 0.0005 },
    mistakes: [
      {
        id: 'factor-two',
        answer: ({ W, x, y, eta }) => {
          const e = sub(softmax(matVec(W, x)), onehot(3, y));
          return W.map((r, c) => r.map((w, k) => w - 2 * eta * e[c]! * x[k]!));
        },
        message: 'You used 2εx, the slide’s slip borrowed from squared error. For cross-entropy the gradient is (p_c − y_c) x, with no factor 2.',
      },
      {
        id: 'uphill',
        answer: ({ W, x, y, eta }) => {
          const e = sub(softmax(matVec(W, x)), onehot(3, y));
          return W.map((r, c) => r.map((w, k) => w + eta * e[c]! * x[k]!));
        },
        message: 'You stepped uphill: SGD subtracts η times the gradient, w_c ← w_c − η ε_c x.',
      },
      {
        id: 'true-class-only',
        answer: ({ W, x, y, eta }) => {
          const e = sub(softmax(matVec(W, x)), onehot(3, y));
          return W.map((r, c) => (c === y ? r.map((w, k) => w - eta * e[c]! * x[k]!) : [...r]));
        },
        message: 'Every class moves, not only the true one: the wrong classes have errors p_c > 0 and are pushed away from x.',
      },
    ],
    solution: ({ W, x, y, eta }) => {
      const z = matVec(W, x);
      const e = sub(softmax(z), onehot(3, y));
      const next = W.map((r, c) => r.map((w, k) => w - eta * e[c]! * x[k]!));
      return `$\\z = ${texVec(z)}$, $\\p = ${texVec(softmax(z))}$, errors $\\varepsilon = \\p - \\y = ${texVec(e)}$.\n\nEach row moves by $-\\eta\\, \\varepsilon_c\\, \\x$:\n\n$$\\W \\leftarrow \\W - ${texNum(eta)}\\, (\\p - \\y)\\, \\x^{\\top} = ${texMat(next)}.$$`;
    },
  }),

  numeric({
    id: 'l3-stable-loss',
    title: 'A loss the naive formula cannot compute',
    generate: (rng) => ({ a: intBetween(rng, 720, 990), d: draw(rng, 0.5, 3, 1) }),
    prompt: ({ a, d }) =>
      `The logits are $\\z$ = [${a}, ${fmt(a - d, 6)}, −${a}] and the true class is 2. In double precision $e^{z_1}$ overflows.\n\nCompute the loss $L = -\\log p_2$ with the log-sum-exp trick, to 4 significant figures.`,
    answer: ({ a, d }) => lossAndLogitGradient([a, a - d, -a], 1).loss,
    tolerance: { rule: 'sigfigs', digits: 4 },
    mistakes: [
      {
        id: 'lse-only',
        answer: ({ a, d }) => a + Math.log1p(Math.exp(-d)),
        message: 'That is log Σ e^z alone; the loss is log Σ e^z − z_y: subtract the true class’s logit.',
      },
      {
        id: 'shift-not-undone',
        answer: ({ a, d }) => Math.log1p(Math.exp(-d)) - (a - d),
        message: 'You took log Σ e^(z − γ) but subtracted the unshifted z_y. Either add γ back to the log-sum-exp, or subtract the shifted z_y − γ.',
      },
      {
        id: 'wrong-class',
        answer: ({ d }) => Math.log1p(Math.exp(-d)),
        message: 'That is the loss for class 1, the largest logit; the true class here is 2.',
      },
    ],
    solution: ({ a, d }) =>
      `Shift by $\\gamma = \\max_c z_c = ${a}$: $\\z - \\gamma = [0, ${texNum(-d)}, ${-2 * a}]$. Then\n\n$$\\log \\sum_l e^{z_l} = \\gamma + \\log(1 + e^{${texNum(-d)}} + e^{${-2 * a}}) = ${texNum(a + Math.log1p(Math.exp(-d)), 8)},$$\n\n$$L = \\log \\sum_l e^{z_l} - z_2 = ${texNum(d + Math.log1p(Math.exp(-d)), 6)}.$$\n\nThe $e^{${-2 * a}}$ term is far below double precision and changes nothing.`,
  }),

  choice({
    id: 'l3-gradient-check-verdict',
    title: 'Read a gradient check',
    multiple: true,
    generate: (rng) => {
      const names = ['W₁[1,1]', 'W₁[2,1]', 'b₁[1]', 'W₂[1,2]', 'W₂[3,1]', 'b₂[2]'];
      // Six parameters, two or three with a planted bug (a factor 2, a flipped sign), the rest
      // agreeing to rounding, one of them with an essentially zero gradient.
      const bugs = shuffled(rng, [0, 1, 2, 3, 4, 5]).slice(0, 2 + rng.int(2));
      const rows = names.map((name, i) => {
        const numeric = i === 5 ? drawNonZero(rng, -9, 9, 0) * 1e-8 : drawNonZero(rng, -0.9, 0.9, 3, 0.05);
        const noise = (rng.next() - 0.5) * 4e-9 * Math.max(Math.abs(numeric), 1e-4);
        let analytic = numeric + noise;
        if (bugs.includes(i) && i !== 5) analytic = rng.next() < 0.5 ? 2 * numeric : -numeric;
        return { name, analytic, numeric };
      });
      return { rows };
    },
    prompt: ({ rows }) =>
      `A gradient check compared back-propagation (analytic) with central differences (numeric) for six parameters:\n${rows.map((r) => `\`${r.name}\`: analytic ${r.analytic.toPrecision(10)}, numeric ${r.numeric.toPrecision(10)}`).join('\n')}\n\nWith the relative error $\\dfrac{|a - n|}{\\max(|a|, |n|, 10^{-4})}$ and the tolerance $10^{-6}$, which parameters have a wrong gradient? Select all.`,
    options: ({ rows }) =>
      rows.map((r) => {
        const err = relativeError(r.analytic, r.numeric);
        const bad = err >= 1e-6;
        const ratio = r.analytic / r.numeric;
        return {
          id: r.name,
          label: `\`${r.name}\``,
          correct: bad,
          feedback: bad
            ? `The relative error of ${r.name} is ${fmt(err, 2)}: ${Math.abs(ratio - 2) < 1e-6 ? 'the analytic value is twice the numeric one, a stray factor 2' : 'the signs differ, a flipped sign'}. That is a bug, not rounding.`
            : `The relative error of ${r.name} is ${fmt(err, 2)}, far below 10⁻⁶: rounding noise. ${Math.abs(r.numeric) < 1e-4 ? 'Its gradient is essentially zero; the 10⁻⁴ floor in the denominator keeps that from looking like a large ratio.' : ''}`.trim(),
        };
      }),
    solution: ({ rows }) =>
      `Relative errors: ${rows.map((r) => `${r.name} ${fmt(relativeError(r.analytic, r.numeric), 2)}`).join(', ')}.\n\nA correct gradient gives errors around $10^{-9}$ or less; a bug gives $0.5$ (a factor 2) or $2$ (a flipped sign). Nothing lands in between, so the verdict is clear: the parameters above $10^{-6}$ have wrong gradients.`,
  }),

  vector({
    id: 'l3-backprop-dz1',
    title: 'Back-propagate through the ReLU',
    generate: (rng) => drawTwoLayer(rng),
    prompt: ({ W1, b1, x, W2, y }) =>
      `A two-layer network computes $\\z_1 = \\W_1 \\x + \\bb_1$, $\\h_1 = \\relu(\\z_1)$, $\\z_2 = \\W_2 \\h_1$, $\\p = \\softmax(\\z_2)$, $L = -\\log p_y$, with\n$\\W_1$ rows: ${W1.map((r) => vec(r)).join(', ')}\n$\\bb_1$ = ${vec(b1)}\n$\\W_2$ rows: ${W2.map((r) => vec(r)).join(', ')}\n\nFor $\\x$ = ${vec(x)} and true class ${y + 1}, compute $\\pd{L}{\\z_1}$ (three numbers).`,
    answer: ({ W1, b1, x, W2, y }) => {
      const model = modelFromJSON({
        inputs: 2,
        layers: [
          { activation: 'relu', weights: W1, biases: b1 },
          { activation: 'identity', weights: W2, biases: [0, 0, 0] },
        ],
        loss: 'softmax-cross-entropy',
      });
      // For one example ∂L/∂b₁ = ∂L/∂z₁ (z₁ = W₁x + b₁).
      return lossAndGradients(model, [x], [y]).gradients.layers[0]!.biases;
    },
    tolerance: { rule: 'absolute', abs: 0.005 },
    mistakes: [
      {
        id: 'no-gate',
        answer: ({ W1, b1, x, W2, y }) => {
          const h1 = matVec(W1, x).map((v, j) => Math.max(0, v + b1[j]!));
          return transposeVec(W2, lossAndLogitGradient(matVec(W2, h1), y).grad);
        },
        message: 'That is ∂L/∂h₁; the ReLU still has to be crossed: multiply by u(z₁), which is 0 where a unit is off.',
      },
      {
        id: 'not-transposed',
        answer: ({ W1, b1, x, W2, y }) => {
          const z1 = matVec(W1, x).map((v, j) => v + b1[j]!);
          const h1 = z1.map((v) => Math.max(0, v));
          const e = lossAndLogitGradient(matVec(W2, h1), y).grad;
          return matVec(W2, e).map((g, j) => (z1[j]! > 0 ? g : 0));
        },
        message: 'You multiplied by W₂ instead of W₂ᵀ: ∂L/∂h₁ⱼ = Σ_k ∂L/∂z₂ₖ w₂,ₖⱼ sums down a column of W₂.',
      },
      {
        id: 'gate-by-h',
        answer: ({ W1, b1, x, W2, y }) => {
          const h1 = matVec(W1, x).map((v, j) => Math.max(0, v + b1[j]!));
          const g = transposeVec(W2, lossAndLogitGradient(matVec(W2, h1), y).grad);
          return g.map((v, j) => v * h1[j]!);
        },
        message: 'You multiplied by h₁ = ReLU(z₁); the derivative of ReLU is the unit step u(z₁): 1 where the unit is on, 0 where it is off.',
      },
    ],
    solution: ({ W1, b1, x, W2, y }) => {
      const z1 = matVec(W1, x).map((v, j) => v + b1[j]!);
      const h1 = z1.map((v) => Math.max(0, v));
      const z2 = matVec(W2, h1);
      const e = lossAndLogitGradient(z2, y).grad;
      const dh = transposeVec(W2, e);
      const u = z1.map((v) => (v > 0 ? 1 : 0));
      return `Forward: $\\z_1 = ${texVec(z1)}$, $\\h_1 = ${texVec(h1)}$, $\\z_2 = ${texVec(z2)}$.\n\nBackward: $\\pd{L}{\\z_2} = \\p - \\y = ${texVec(e)}$; $\\pd{L}{\\h_1} = \\W_2^{\\top} \\pd{L}{\\z_2} = ${texVec(dh)}$; the step function is $u(\\z_1) = ${texVec(u)}$, so\n\n$$\\pd{L}{\\z_1} = ${texVec(dh.map((v, j) => v * u[j]!))}.$$`;
    },
  }),

  code({
    id: 'l3-code-stable-ce',
    title: 'Cross-entropy with log-sum-exp',
    fn: 'crossEntropy',
    generate: (rng) => ({ z: distinctLogits(rng, 4, -3, 3), y: rng.int(4), big: intBetween(rng, 750, 1000) }),
    prompt: ({ big }) =>
      `Write \`crossEntropy(z, y)\`: for an array of logits \`z\` and the index \`y\` of the true class (0-based), return the loss $L = -\\log \\softmax(\\z)_y$ as a number.\n\nCompute it in one step as $\\log \\sum_l e^{z_l} - z_y$ with the maximum subtracted, so that it stays finite for logits such as [${big}, ${big - 1}, −${big}] with the true class 3, where the loss is about ${2 * big}.`,
    starter: 'function crossEntropy(z, y) {\n  // z: array of logits, y: index of the true class; return -log softmax(z)[y]\n  \n}\n',
    cases: ({ z, y, big }) => [
      { args: [z, y] },
      { args: [[0, 0], 1], label: 'two equal logits' },
      { args: [[big, big - 1, -big], 2], label: 'large logits, unlikely class' },
      { args: [[big, big - 1, -big], 0], label: 'large logits, likely class' },
      { args: [[-big, -big - 1, -big - 2], 1], label: 'very negative logits' },
    ],
    expected: (z: number[], y: number) => lossAndLogitGradient(z, y).loss,
    tolerance: { rule: 'relative', rel: 1e-9, floor: 1e-12 },
    mistakes: [
      {
        id: 'naive',
        impl: (z: number[], y: number) => -Math.log(naiveSoftmax(z)[y]!),
        message: 'Right for ordinary logits, but e^z overflows (or underflows to 0) for large ones, giving Infinity or NaN. Use log Σ e^z = m + log Σ e^(z − m) with m = max z, then subtract z_y.',
      },
      {
        id: 'lse-only',
        impl: (z: number[]) => {
          const m = Math.max(...z);
          return m + Math.log(z.reduce((s, v) => s + Math.exp(v - m), 0));
        },
        message: 'You return log Σ e^z; the loss is log Σ e^z − z_y.',
      },
      {
        id: 'sign',
        impl: (z: number[], y: number) => {
          const m = Math.max(...z);
          return z[y]! - m - Math.log(z.reduce((s, v) => s + Math.exp(v - m), 0));
        },
        message: 'You return log p_y, which is never positive; the loss is its negative.',
      },
    ],
    solution: () =>
      `$L = \\log \\sum_l e^{z_l} - z_y$, and $\\log \\sum_l e^{z_l} = m + \\log \\sum_l e^{z_l - m}$ with $m = \\max_l z_l$: every exponent is at most 0, and the sum is at least 1, so nothing overflows and the log never sees 0.\n\n\`function crossEntropy(z, y) { const m = Math.max(...z); const s = z.reduce((a, v) => a + Math.exp(v - m), 0); return m + Math.log(s) - z[y]; }\``,
  }),

  code({
    id: 'l3-code-weight-gradient',
    title: 'The weight gradient of softmax regression in code',
    fn: 'weightGradient',
    generate: (rng) => ({
      W: [drawVector(rng, 2, -1, 1, 1), drawVector(rng, 2, -1, 1, 1), drawVector(rng, 2, -1, 1, 1)],
      b: drawVector(rng, 3, -0.5, 0.5, 1),
      x: [drawNonZero(rng, -2, 2, 1), drawNonZero(rng, -2, 2, 1)],
      y: rng.int(3),
    }),
    prompt: () =>
      `Write \`weightGradient(W, b, x, y)\` for softmax regression $\\z = \\W\\x + \\bb$, $L = -\\log \\softmax(\\z)_y$: \`W\` is an array of rows (one per class), \`b\` the biases, \`x\` the input, \`y\` the index of the true class (0-based). Return $\\pd{L}{\\W}$ as an array of rows, the same shape as \`W\`.\n\nIt is also tested with inputs large enough to overflow a naive softmax.`,
    starter: 'function weightGradient(W, b, x, y) {\n  // return dL/dW: one row per class, one entry per input\n  \n}\n',
    cases: ({ W, b, x, y }) => [
      { args: [W, b, x, y] },
      { args: [[[1, 0], [0, 1], [-1, -1]], [0, 0, 0], [1, 2], 0], label: 'the lesson’s worked example' },
      { args: [[[2, 0], [1, 0], [-2, 0]], [0, 0, 0], [500, 1], 1], label: 'large logits' },
      { args: [[[0.5, -0.5, 1], [0, 1, 0], [1, 1, 1], [-1, 0, 0.5]], [0.1, 0, -0.1, 0.2], [0.3, -1, 2], 3], label: 'four classes, three inputs' },
    ],
    expected: (W: number[][], b: number[], x: number[], y: number) =>
      lossAndGradients(softmaxRegression(W, b), [x], [y]).gradients.layers[0]!.weights,
    tolerance: { rule: 'absolute', abs: 1e-9 },
    mistakes: [
      {
        id: 'factor-two',
        impl: (W: number[][], b: number[], x: number[], y: number) => {
          const z = matVec(W, x).map((v, c) => v + b[c]!);
          return outer(sub(softmax(z), onehot(W.length, y)).map((e) => 2 * e), x);
        },
        message: 'You return 2(p − y)xᵀ, the slide’s slip borrowed from squared error; for cross-entropy there is no factor 2.',
      },
      {
        id: 'flipped',
        impl: (W: number[][], b: number[], x: number[], y: number) => {
          const z = matVec(W, x).map((v, c) => v + b[c]!);
          return outer(sub(onehot(W.length, y), softmax(z)), x);
        },
        message: 'The sign is flipped: ∂L/∂W = (p − y) xᵀ.',
      },
      {
        id: 'naive',
        impl: (W: number[][], b: number[], x: number[], y: number) => {
          const z = matVec(W, x).map((v, c) => v + b[c]!);
          return outer(sub(naiveSoftmax(z), onehot(W.length, y)), x);
        },
        message: 'Right for ordinary inputs, but the softmax overflows to NaN for large logits: subtract the largest logit before exp.',
      },
      {
        id: 'no-bias',
        impl: (W: number[][], _b: number[], x: number[], y: number) => outer(sub(softmax(matVec(W, x)), onehot(W.length, y)), x),
        message: 'The logits include the biases: z = Wx + b. Add b before the softmax.',
      },
    ],
    solution: () =>
      `The error at the logits is $\\p - \\y$; row $c$ of the gradient is that error times the input, $(p_c - y_c)\\,\\x^{\\top}$, so $\\pd{L}{\\W} = (\\p - \\y)\\,\\x^{\\top}$.\n\n\`function weightGradient(W, b, x, y) { const z = W.map((row, c) => row.reduce((s, w, k) => s + w * x[k], b[c])); const m = Math.max(...z); const e = z.map((v) => Math.exp(v - m)); const s = e.reduce((a, v) => a + v, 0); return e.map((v, c) => x.map((xk) => (v / s - (c === y ? 1 : 0)) * xk)); }\``,
  }),

  challenge({
    id: 'l3-challenge-settle',
    title: 'Let the arrows settle',
    widget: WIDGET,
    generate: (rng) => ({ spread: pick(rng, [1, 1.2, 1.5]), gradient: pick(rng, [0.01, 0.02]) }),
    prompt: ({ spread, gradient }) =>
      `In the widget above, set the spread of each class to at least ${spread}, so that the classes overlap and no weights classify every point. Train until the gradient norm $\\|\\nabla L\\|$ is below ${gradient}: the weights have then settled near the minimum of the loss, and the update arrows have all but vanished. Then press Check.`,
    goal: (s, { spread, gradient }) => {
      const chosen = num(s, 'params.spread', 'spread setting');
      if (chosen < spread) return `The spread is ${fmt(chosen, 3)}; set it to at least ${spread} first (this draws new points and restarts training).`;
      const epoch = num(s, 'trainers.0.epoch', 'epoch count');
      if (epoch < 1) return 'Train for at least one epoch first.';
      const norm = num(s, 'trainers.0.readouts.grad-norm', 'gradient norm');
      if (norm >= gradient) return `The gradient norm is ${fmt(norm, 3)}, not yet below ${gradient}: keep training (the loss is still creeping down).`;
      return true;
    },
    solution: ({ spread, gradient }) =>
      `With spread ${spread} the classes overlap, so the loss has a true minimum at finite weights, where $\\nabla L = 0$. Plain SGD with the default $\\eta = 0.1$ gets the gradient norm below ${gradient} within a few dozen epochs; a smaller learning rate or a larger batch makes the last part smoother. (With well-separated classes the weights keep growing instead and the gradient only fades slowly.)`,
  }),
]);
