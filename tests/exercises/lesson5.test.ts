// Lesson 5's exercises: every key checked against an independent hand formula (or the engine's
// gradient at the claimed optimum), every likely mistake recognised with its message, and the
// challenges' goals on hand-made widget states. (That the L2 and L1 challenges are reachable in
// the widget is checked with the engine in tests/widgets/lesson5/claims-penalties.test.ts.)
import { describe, expect, test } from 'vitest';
import { createModel, lossAndGradients } from '@engine';
import { check, exercise, variant } from './helpers.ts';

const STUDENTS = ['ada', 'bob', 'carol', 'dan', 'eve', 'fay'];
const list = (xs: readonly number[]) => `[${xs.map((x) => x.toPrecision(8)).join(', ')}]`;

describe('l5-weight-decay-factor', () => {
  test.each(STUDENTS)('%s: the key is (1 − ηλ)^t; the linear and η-less answers are named', async (who) => {
    const { eta, lambda, steps } = variant<{ eta: number; lambda: number; steps: number }>('l5-weight-decay-factor', who);
    const key = (1 - eta * lambda) ** steps;
    expect((await check('l5-weight-decay-factor', who, key.toPrecision(6))).verdict).toBe('correct');
    expect(await check('l5-weight-decay-factor', who, String(1 - eta * lambda * steps))).toMatchObject({ verdict: 'wrong', mistake: 'linear' });
    expect(await check('l5-weight-decay-factor', who, String((1 - lambda) ** steps))).toMatchObject({ verdict: 'wrong', mistake: 'no-eta' });
    // e^{−ηλt} is within the tolerance: the lesson's approximation is accepted.
    expect((await check('l5-weight-decay-factor', who, Math.exp(-eta * lambda * steps).toPrecision(6))).verdict).toBe('correct');
  });
});

describe('l5-ridge-slope', () => {
  test.each(STUDENTS)('%s: the key zeroes the engine’s gradient of MSE + (λ/2)w² (with b = mean y)', async (who) => {
    const { a, y, lambda } = variant<{ a: number; y: number[]; lambda: number }>('l5-ridge-slope', who);
    const key = (a * (y[2]! - y[0]!)) / (2 * a * a + 1.5 * lambda);
    const model = createModel({ inputs: 1, hidden: [], outputs: 1, loss: 'mse' }, 1);
    model.layers[0]!.W[0] = key;
    model.layers[0]!.b[0] = (y[0]! + y[1]! + y[2]!) / 3;
    const { gradients } = lossAndGradients(model, [[-a], [0], [a]], y.map((v) => [v]), { l2: lambda });
    expect(gradients.layers[0]!.weights[0]![0]!).toBeCloseTo(0, 10);
    expect(gradients.layers[0]!.biases[0]!).toBeCloseTo(0, 10);
    expect((await check('l5-ridge-slope', who, key.toPrecision(5))).verdict).toBe('correct');
    expect(await check('l5-ridge-slope', who, String((a * (y[2]! - y[0]!)) / (2 * a * a)))).toMatchObject({ verdict: 'wrong', mistake: 'least-squares' });
    expect(await check('l5-ridge-slope', who, String((a * (y[2]! - y[0]!)) / (2 * a * a + lambda)))).toMatchObject({ verdict: 'wrong', mistake: 'alpha-lambda' });
  });
});

describe('l5-soft-threshold', () => {
  test.each(STUDENTS)('%s: the key is sign(w*) max(0, |w*| − λ); the L2 answer and the unclipped one are named', async (who) => {
    const { lambda, wStar } = variant<{ lambda: number; wStar: number[] }>('l5-soft-threshold', who);
    const key = wStar.map((w) => Math.sign(w) * Math.max(0, Math.abs(w) - lambda));
    expect(key.filter((w) => w === 0).length).toBe(2);
    expect((await check('l5-soft-threshold', who, list(key))).verdict).toBe('correct');
    expect(await check('l5-soft-threshold', who, list(wStar.map((w) => w / (1 + lambda))))).toMatchObject({ verdict: 'wrong', mistake: 'l2' });
    expect(await check('l5-soft-threshold', who, list(wStar.map((w) => w - lambda * Math.sign(w))))).toMatchObject({ verdict: 'wrong', mistake: 'no-clip' });
  });
});

describe('l5-dropout-mask', () => {
  test.each(STUDENTS)('%s: the key is m ⊙ h / p; forgetting the 1/p is named', async (who) => {
    const { h, mask, keep } = variant<{ h: number[]; mask: number[]; keep: number }>('l5-dropout-mask', who);
    const key = h.map((x, j) => (mask[j]! * x) / keep);
    expect((await check('l5-dropout-mask', who, list(key))).verdict).toBe('correct');
    expect(await check('l5-dropout-mask', who, list(h.map((x, j) => mask[j]! * x)))).toMatchObject({ verdict: 'wrong', mistake: 'no-scale' });
    if (keep !== 0.5) expect(await check('l5-dropout-mask', who, list(h.map((x, j) => (mask[j]! * x) / (1 - keep))))).toMatchObject({ verdict: 'wrong', mistake: 'drop-rate' });
  });
});

describe('l5-penalize-what', () => {
  test('weights only: W and w', async () => {
    expect((await check('l5-penalize-what', 'ada', ['hidden-weights', 'output-weights'])).verdict).toBe('correct');
    const withBias = await check('l5-penalize-what', 'ada', ['hidden-weights', 'output-weights', 'output-bias']);
    expect(withBias.verdict).toBe('wrong');
    expect(withBias.message).toMatch(/towards 0/);
  });
});

describe('l5-read-the-curves', () => {
  test('each variant has exactly one right diagnosis, the kind the curves were drawn from', async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 40; i++) {
      const who = `student-${i}`;
      const { kind } = variant<{ kind: string }>('l5-read-the-curves', who);
      seen.add(kind);
      expect((await check('l5-read-the-curves', who, [kind])).verdict).toBe('correct');
      for (const other of ['overfit', 'underfit', 'good'].filter((k) => k !== kind)) {
        expect((await check('l5-read-the-curves', who, [other])).verdict).toBe('wrong');
      }
    }
    expect(seen).toEqual(new Set(['overfit', 'underfit', 'good']));
  });
});

describe('l5-penalty-update', () => {
  test('the L2 and L1 steps, in any equivalent form; a missing η on the penalty and the other penalty are named', async () => {
    const seen = new Set<string>();
    for (const who of [...STUDENTS, 'gus', 'hal', 'ivy', 'jo']) {
      const { penalty } = variant<{ penalty: string }>('l5-penalty-update', who);
      seen.add(penalty);
      const grad = penalty === 'l2' ? 'lambda*w' : 'lambda*sign(w)';
      expect((await check('l5-penalty-update', who, `w - eta*(g + ${grad})`)).verdict).toBe('correct');
      expect((await check('l5-penalty-update', who, `w - eta*g - eta*${grad}`)).verdict).toBe('correct');
      expect(await check('l5-penalty-update', who, `w - eta*g - ${grad}`)).toMatchObject({ verdict: 'wrong', mistake: 'no-eta-on-penalty' });
      const other = penalty === 'l2' ? 'lambda*sign(w)' : 'lambda*w';
      expect(await check('l5-penalty-update', who, `w - eta*(g + ${other})`)).toMatchObject({ verdict: 'wrong', mistake: 'other-penalty' });
    }
    expect(seen).toEqual(new Set(['l2', 'l1']));
  });
});

describe('l5-map-lambda', () => {
  test('2σ²/(nτ²) for the Gaussian prior, 2σ²/(nβ) for the Laplace prior; forgetting n is named', async () => {
    for (const who of STUDENTS) {
      const { prior } = variant<{ prior: string }>('l5-map-lambda', who);
      const key = prior === 'gaussian' ? '2*s^2/(n*t^2)' : '2*s^2/(n*t)';
      expect((await check('l5-map-lambda', who, key)).verdict).toBe('correct');
      expect(await check('l5-map-lambda', who, prior === 'gaussian' ? '2*s^2/t^2' : '2*s^2/t')).toMatchObject({ verdict: 'wrong', mistake: 'no-n' });
    }
  });
});

describe('l5-code-early-stopping', () => {
  const RIGHT = `function earlyStop(losses, patience) {
    let best = 0;
    for (let i = 0; i < losses.length; i++) {
      if (losses[i] < losses[best]) best = i;
      if (i - best >= patience) return [best + 1, i + 1];
    }
    return [best + 1, losses.length];
  }`;
  test('a straightforward loop passes for every variant', async () => {
    for (const who of STUDENTS) expect((await check('l5-code-early-stopping', who, RIGHT)).verdict).toBe('correct');
  });
  test('returning the stop epoch as the best one is named', async () => {
    const wrong = RIGHT.replace('return [best + 1, i + 1]', 'return [i + 1, i + 1]').replace('return [best + 1, losses.length]', 'return [losses.length, losses.length]');
    expect(await check('l5-code-early-stopping', 'ada', wrong)).toMatchObject({ verdict: 'wrong', mistake: 'last-not-best' });
  });
  test('stopping one epoch early is named', async () => {
    expect(await check('l5-code-early-stopping', 'ada', RIGHT.replace('i - best >= patience', 'i - best >= patience - 1'))).toMatchObject({ verdict: 'wrong', mistake: 'off-by-one' });
  });
  test('the lesson example is one of the cases: [4, 7]', () => {
    const ex = exercise('l5-code-early-stopping');
    if (ex.kind !== 'code') throw new Error('not a code exercise');
    const v = variant<unknown>('l5-code-early-stopping', 'ada');
    const lessonCase = ex.cases(v).find((c) => c.label === 'the lesson example')!;
    expect((ex.expected as (...a: unknown[]) => unknown)(...lessonCase.args)).toEqual([4, 7]);
  });
});

describe('l5-code-l1-step', () => {
  const RIGHT = 'function l1Step(w, g, eta, lambda) { return w.map((x, j) => x - eta * (g[j] + lambda * Math.sign(x))); }';
  test('the subgradient step passes; the L2 step and sign(0) = 1 are named', async () => {
    for (const who of STUDENTS) expect((await check('l5-code-l1-step', who, RIGHT)).verdict).toBe('correct');
    expect(await check('l5-code-l1-step', 'ada', RIGHT.replace('Math.sign(x)', 'x'))).toMatchObject({ verdict: 'wrong', mistake: 'l2' });
    expect(await check('l5-code-l1-step', 'ada', RIGHT.replace('Math.sign(x)', '(x >= 0 ? 1 : -1)'))).toMatchObject({ verdict: 'wrong', mistake: 'sign-zero' });
  });
});

/** A widget state as getState() gives it, with the fields the goals read. */
function state(o: { seed: number; l1?: number; l2?: number; dropout?: number; stop?: boolean; epoch: number; valLoss: number; small?: number }) {
  return {
    name: 'regularization',
    seed: o.seed,
    params: { l1: o.l1 ?? 0, l2: o.l2 ?? 0, dropout: o.dropout ?? 0, stop: o.stop ?? false, patience: 100, lr: 0.05 },
    trainers: [{ id: 'net', epoch: o.epoch, valLoss: o.valLoss, readouts: { 'small-weights': o.small ?? 0.5, 'best-epoch': 300, 'best-val-loss': 0.12 } }],
  };
}

describe('l5-challenge-l2', () => {
  test('reached with L2 only, on the variant’s seed, after 2000 epochs, below the target', async () => {
    for (const who of STUDENTS) {
      const { seed, target } = variant<{ seed: number; target: number }>('l5-challenge-l2', who);
      expect((await check('l5-challenge-l2', who, state({ seed, l2: 0.003, epoch: 2000, valLoss: target - 0.01 }))).verdict).toBe('correct');
      expect((await check('l5-challenge-l2', who, state({ seed, l2: 0.003, epoch: 2000, valLoss: target + 0.01 }))).message).toMatch(/not yet below/);
      expect((await check('l5-challenge-l2', who, state({ seed, l2: 0.003, epoch: 800, valLoss: target - 0.01 }))).message).toMatch(/train to at least 2000/);
      expect((await check('l5-challenge-l2', who, state({ seed, l2: 0.003, l1: 0.001, epoch: 2000, valLoss: target - 0.01 }))).message).toMatch(/Only L2/);
      expect((await check('l5-challenge-l2', who, state({ seed: seed + 10, l2: 0.003, epoch: 2000, valLoss: target - 0.01 }))).message).toMatch(/seed/);
    }
  });
  test('a state without numbers is invalid, not a crash', async () => {
    expect((await check('l5-challenge-l2', 'ada', { seed: 1, params: { l1: 0, l2: 0, dropout: 0, stop: false }, trainers: [{ id: 'net', epoch: null, valLoss: null }] })).verdict).toBe('invalid');
  });
});

describe('l5-challenge-sparse', () => {
  test('needs both the share of small weights and the validation loss', async () => {
    for (const who of STUDENTS) {
      const { share, target } = variant<{ share: number; target: number }>('l5-challenge-sparse', who);
      expect((await check('l5-challenge-sparse', who, state({ seed: 1, l1: 0.003, epoch: 2000, valLoss: target - 0.01, small: share + 1 }))).verdict).toBe('correct');
      expect((await check('l5-challenge-sparse', who, state({ seed: 1, l2: 0.003, epoch: 2000, valLoss: target - 0.01, small: 6 }))).message).toMatch(/exactly zero/);
      expect((await check('l5-challenge-sparse', who, state({ seed: 1, l1: 0.03, epoch: 2000, valLoss: target + 0.05, small: 99.9 }))).message).toMatch(/not below/);
    }
  });
});
