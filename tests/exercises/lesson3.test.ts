// Lesson 3's exercises against independent hand computations (plain loops and Math.exp here,
// never the engine), for several students' variants: the key is accepted, each likely mistake is
// recognised with its message, and the code exercises run in the Node sandbox.
import { describe, expect, test } from 'vitest';
import { check, ref, variant } from './helpers.ts';

const STUDENTS = ['ada', 'bob', 'carol', 'dan', 'eve'];

const onehot = (k: number, y: number) => Array.from({ length: k }, (_, c) => (c === y ? 1 : 0));
const matVec = (W: number[][], x: number[]) => W.map((r) => r.reduce((s, w, k) => s + w * x[k]!, 0));
const colVec = (W: number[][], e: number[]) => W[0]!.map((_, k) => W.reduce((s, r, c) => s + r[k]! * e[c]!, 0));
const rows = (M: number[][]) => M.map((r) => `[${r.map((v) => v.toFixed(6)).join(', ')}]`).join('\n');
const list = (v: number[]) => `[${v.map((x) => x.toFixed(6)).join(', ')}]`;
/** −log softmax(z)_y written out: log Σ e^{z − m} + m − z_y. */
const ce = (z: number[], y: number) => {
  const m = Math.max(...z);
  return Math.log(z.reduce((s, v) => s + Math.exp(v - m), 0)) + m - z[y]!;
};

describe('numeric: l3-loss-change', () => {
  test.each(STUDENTS)('the first-order estimate (p_c − y_c)·δ for %s', async (who) => {
    const { z, y, c, delta } = variant<{ z: number[]; y: number; c: number; delta: number }>('l3-loss-change', who);
    const p = ref.softmax(z);
    const key = (p[c]! - (c === y ? 1 : 0)) * delta;
    expect((await check('l3-loss-change', who, key.toPrecision(5))).verdict).toBe('correct');
    expect(await check('l3-loss-change', who, (-key).toPrecision(5))).toMatchObject({ verdict: 'wrong' });
    if (c === y) expect(await check('l3-loss-change', who, (p[c]! * delta).toPrecision(5))).toMatchObject({ verdict: 'wrong', mistake: 'p-only' });
  });
});

describe('numeric: l3-jacobian-entry', () => {
  test.each(STUDENTS)('p_y(1[y = c] − p_c), and the diagonal/off-diagonal mix-ups, for %s', async (who) => {
    const { z, y, c } = variant<{ z: number[]; y: number; c: number }>('l3-jacobian-entry', who);
    const p = ref.softmax(z);
    const key = p[y]! * ((y === c ? 1 : 0) - p[c]!);
    expect((await check('l3-jacobian-entry', who, key.toPrecision(5))).verdict).toBe('correct');
    if (y === c) {
      expect(await check('l3-jacobian-entry', who, (-p[y]! * p[c]!).toPrecision(5))).toMatchObject({ verdict: 'wrong', mistake: 'off-diagonal-everywhere' });
    } else {
      expect(await check('l3-jacobian-entry', who, (p[c]! * (1 - p[c]!)).toPrecision(5))).toMatchObject({ verdict: 'wrong', mistake: 'diagonal-everywhere' });
    }
  });
  test('both cases occur among the students', () => {
    const cases = ['ada', 'bob', 'carol', 'dan', 'eve', 'fay', 'gus', 'hal'].map((who) => {
      const v = variant<{ y: number; c: number }>('l3-jacobian-entry', who);
      return v.y === v.c;
    });
    expect(cases).toContain(true);
    expect(cases).toContain(false);
  });
});

describe('formula: l3-bias-gradient', () => {
  test.each(STUDENTS)('p_r − 1[r = y] for %s; the log-p sign and the Jacobian are named', async (who) => {
    const { same } = variant<{ same: boolean }>('l3-bias-gradient', who);
    expect((await check('l3-bias-gradient', who, same ? 'p_r - 1' : 'p_r')).verdict).toBe('correct');
    expect((await check('l3-bias-gradient', who, same ? '-(1 - p_r)' : '0 + p_r')).verdict).toBe('correct');
    expect(await check('l3-bias-gradient', who, same ? '1 - p_r' : '-p_r')).toMatchObject({ verdict: 'wrong', mistake: 'log-p-not-loss' });
    expect(await check('l3-bias-gradient', who, 'p_r*(1-p_r)')).toMatchObject({ verdict: 'wrong', mistake: 'jacobian' });
  });
});

describe('formula: l3-two-class-gradient', () => {
  test.each(STUDENTS)('σ of the logit difference minus the target, for %s', async (who) => {
    const { y, c } = variant<{ y: number; c: number }>('l3-two-class-gradient', who);
    // p_c by hand: e^{z_c} / (e^{z1} + e^{z2}).
    const pc = c === 0 ? 'exp(z1)/(exp(z1)+exp(z2))' : 'exp(z2)/(exp(z1)+exp(z2))';
    const key = c === y ? `${pc} - 1` : pc;
    expect((await check('l3-two-class-gradient', who, key)).verdict).toBe('correct');
    const flipped = c === y ? `1 - ${pc}` : `-${pc}`;
    expect(await check('l3-two-class-gradient', who, flipped)).toMatchObject({ verdict: 'wrong', mistake: 'flipped' });
  });
});

describe('vector: l3-hidden-gradient', () => {
  test.each(STUDENTS)('W_Sᵀ(p − y) = Σ p_l w_l − w_y for %s', async (who) => {
    const { WS, h, y } = variant<{ WS: number[][]; h: number[]; y: number }>('l3-hidden-gradient', who);
    const p = ref.softmax(matVec(WS, h));
    const key = [0, 1].map((k) => p.reduce((s, pl, l) => s + pl * WS[l]![k]!, 0) - WS[y]![k]!);
    expect((await check('l3-hidden-gradient', who, list(key))).verdict).toBe('correct');
    expect(await check('l3-hidden-gradient', who, list(WS[y]!.map((w) => -w)))).toMatchObject({ verdict: 'wrong', mistake: 'first-term-only' });
    expect(await check('l3-hidden-gradient', who, list(key.map((g) => -g)))).toMatchObject({ verdict: 'wrong', mistake: 'flipped' });
  });
});

describe('vector: l3-softmax-sgd-step', () => {
  test.each(STUDENTS)('W − η(p − y)xᵀ for %s; the deck’s factor 2 is named', async (who) => {
    const { W, x, y, eta } = variant<{ W: number[][]; x: number[]; y: number; eta: number }>('l3-softmax-sgd-step', who);
    const e = ref.softmax(matVec(W, x)).map((p, c) => p - (c === y ? 1 : 0));
    const step = (f: number) => W.map((r, c) => r.map((w, k) => w - f * eta * e[c]! * x[k]!));
    expect((await check('l3-softmax-sgd-step', who, rows(step(1)))).verdict).toBe('correct');
    const two = await check('l3-softmax-sgd-step', who, rows(step(2)));
    expect(two).toMatchObject({ verdict: 'wrong', mistake: 'factor-two' });
    expect(two.message).toMatch(/no factor 2/);
    expect(await check('l3-softmax-sgd-step', who, rows(step(-1)))).toMatchObject({ verdict: 'wrong', mistake: 'uphill' });
  });
});

describe('numeric: l3-stable-loss', () => {
  test.each(STUDENTS)('d + log(1 + e^{−d}) for logits [a, a − d, −a], class 2 (%s)', async (who) => {
    const { a, d } = variant<{ a: number; d: number }>('l3-stable-loss', who);
    // The naive route really fails here: e^a overflows.
    expect(Math.exp(a)).toBe(Infinity);
    const key = d + Math.log(1 + Math.exp(-d));
    expect(key).toBeCloseTo(ce([a, a - d, -a], 1), 10);
    expect((await check('l3-stable-loss', who, key.toPrecision(6))).verdict).toBe('correct');
    expect(await check('l3-stable-loss', who, (a + Math.log(1 + Math.exp(-d))).toPrecision(8))).toMatchObject({ verdict: 'wrong', mistake: 'lse-only' });
    expect(await check('l3-stable-loss', who, Math.log(1 + Math.exp(-d)).toPrecision(6))).toMatchObject({ verdict: 'wrong', mistake: 'wrong-class' });
  });
});

describe('choice: l3-gradient-check-verdict', () => {
  test.each(STUDENTS)('the parameters whose relative error reaches 1e-6, for %s', async (who) => {
    const { rows: table } = variant<{ rows: { name: string; analytic: number; numeric: number }[] }>('l3-gradient-check-verdict', who);
    const bad = table.filter((r) => Math.abs(r.analytic - r.numeric) / Math.max(Math.abs(r.analytic), Math.abs(r.numeric), 1e-4) >= 1e-6).map((r) => r.name);
    expect(bad.length).toBeGreaterThanOrEqual(1);
    expect(bad.length).toBeLessThan(table.length);
    // Every bug is a factor 2 or a flipped sign: relative error 0.5 or 2, nothing in between.
    for (const r of table.filter((t) => bad.includes(t.name))) expect([0.5, 2]).toContainEqual(Number((Math.abs(r.analytic - r.numeric) / Math.max(Math.abs(r.analytic), Math.abs(r.numeric))).toFixed(6)));
    expect((await check('l3-gradient-check-verdict', who, bad)).verdict).toBe('correct');
    const all = await check('l3-gradient-check-verdict', who, table.map((r) => r.name));
    expect(all.verdict).toBe('wrong');
    expect(all.message).toMatch(/rounding/);
  });
});

describe('vector: l3-backprop-dz1', () => {
  test.each(STUDENTS)('W₂ᵀ(p − y) gated by u(z₁), for %s', async (who) => {
    const v = variant<{ W1: number[][]; b1: number[]; x: number[]; W2: number[][]; y: number }>('l3-backprop-dz1', who);
    const z1 = matVec(v.W1, v.x).map((s, j) => s + v.b1[j]!);
    const h1 = z1.map((s) => Math.max(0, s));
    const e = ref.softmax(matVec(v.W2, h1)).map((p, k) => p - (k === v.y ? 1 : 0));
    const dh = colVec(v.W2, e);
    const key = dh.map((g, j) => (z1[j]! > 0 ? g : 0));
    expect(z1.some((s) => s < 0) && z1.some((s) => s > 0)).toBe(true);
    expect((await check('l3-backprop-dz1', who, list(key))).verdict).toBe('correct');
    expect(await check('l3-backprop-dz1', who, list(dh))).toMatchObject({ verdict: 'wrong', mistake: 'no-gate' });
  });
});

describe('code: l3-code-stable-ce', () => {
  const good = 'function crossEntropy(z, y) {\n  const m = Math.max(...z);\n  let s = 0;\n  for (const v of z) s += Math.exp(v - m);\n  return m + Math.log(s) - z[y];\n}\n';
  test('a log-sum-exp implementation passes every case, large logits included', async () => {
    expect((await check('l3-code-stable-ce', 'ada', good)).verdict).toBe('correct');
  });
  test('the naive formula is recognised by its failure on large logits', async () => {
    const naive = 'function crossEntropy(z, y) {\n  const e = z.map(Math.exp);\n  const s = e.reduce((a, b) => a + b, 0);\n  return -Math.log(e[y] / s);\n}\n';
    const r = await check('l3-code-stable-ce', 'ada', naive);
    expect(r).toMatchObject({ verdict: 'wrong', mistake: 'naive' });
  });
  test('log-sum-exp without − z_y is named', async () => {
    const lse = 'function crossEntropy(z, y) {\n  const m = Math.max(...z);\n  return m + Math.log(z.reduce((a, v) => a + Math.exp(v - m), 0));\n}\n';
    expect(await check('l3-code-stable-ce', 'bob', lse)).toMatchObject({ verdict: 'wrong', mistake: 'lse-only' });
  });
  test('the large-logit case’s key is the lesson’s closed form', () => {
    const { big } = variant<{ big: number }>('l3-code-stable-ce', 'ada');
    expect(ce([big, big - 1, -big], 2)).toBeCloseTo(2 * big + Math.log1p(Math.exp(-1)), 9);
  });
});

describe('code: l3-code-weight-gradient', () => {
  const good =
    'function weightGradient(W, b, x, y) {\n  const z = W.map((row, c) => row.reduce((s, w, k) => s + w * x[k], b[c]));\n  const m = Math.max(...z);\n  const e = z.map((v) => Math.exp(v - m));\n  const s = e.reduce((a, v) => a + v, 0);\n  return e.map((v, c) => x.map((xk) => (v / s - (c === y ? 1 : 0)) * xk));\n}\n';
  test('(p − y)xᵀ with a stable softmax passes, on the lesson’s example too', async () => {
    expect((await check('l3-code-weight-gradient', 'ada', good)).verdict).toBe('correct');
  });
  test('the deck’s factor 2 is named', async () => {
    const two = good.replace('* xk));', '* xk * 2));');
    const r = await check('l3-code-weight-gradient', 'carol', two);
    expect(r).toMatchObject({ verdict: 'wrong', mistake: 'factor-two' });
    expect(r.message).toMatch(/no factor 2/);
  });
  test('forgetting the bias is named', async () => {
    const noBias = good.replace('b[c]));', '0));');
    expect(await check('l3-code-weight-gradient', 'dan', noBias)).toMatchObject({ verdict: 'wrong', mistake: 'no-bias' });
  });
});

describe('challenge: l3-challenge-settle', () => {
  const state = (spread: number, epoch: number, norm: number | null) => ({
    params: { spread },
    trainers: [{ epoch, readouts: { 'grad-norm': norm } }],
  });
  test.each(STUDENTS)('needs the spread, some training and a small gradient (%s)', async (who) => {
    const { spread, gradient } = variant<{ spread: number; gradient: number }>('l3-challenge-settle', who);
    expect((await check('l3-challenge-settle', who, state(spread, 40, gradient / 2))).verdict).toBe('correct');
    const narrow = await check('l3-challenge-settle', who, state(0.6, 40, gradient / 2));
    expect(narrow.verdict).toBe('wrong');
    expect(narrow.message).toMatch(/spread/);
    const early = await check('l3-challenge-settle', who, state(spread, 3, gradient * 5));
    expect(early.verdict).toBe('wrong');
    expect(early.message).toMatch(/keep training/);
    expect((await check('l3-challenge-settle', who, state(spread, 3, null))).verdict).toBe('invalid');
  });
});

describe('the lesson’s worked example as an exercise case', () => {
  test('(p − y)xᵀ for w = (1, 0), (0, 1), (−1, −1), x = (1, 2), class 1', () => {
    const e = ref.softmax([1, 2, -3]).map((p, c) => p - onehot(3, 0)[c]!);
    expect(e.map((v) => Number(v.toFixed(4)))).toEqual([-0.7324, 0.7275, 0.0049]);
  });
});
