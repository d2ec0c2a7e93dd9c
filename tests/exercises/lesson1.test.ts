// Lesson 1's exercise bank: every definition is valid for many students, each key agrees with an
// independent hand computation, the key checks as correct and each likely mistake is recognised.
import { describe, expect, it } from 'vitest';
import bank from '@exercises/bank/lesson1.ts';
import { checkAnswer } from '@exercises/check.ts';
import { runInNodeSandbox } from '@exercises/sandbox/node.ts';
import type { Exercise } from '@exercises/types.ts';
import { exerciseProblems, formulaProblems, promptTex } from '@exercises/validate.ts';
import { variantOf } from '@exercises/variant.ts';

const STUDENTS = ['default', 'ada', 'b-17', 'Émile Zola', '2024-0042', 'x', ...Array.from({ length: 94 }, (_, i) => `s${i}`)];
const ctx = { runCode: runInNodeSandbox };

function ex(id: string): Exercise {
  const found = bank.exercises.find((e) => e.id === id);
  if (!found) throw new Error(`no exercise ${id}`);
  return found;
}
// Variants are plain data; each test reads the fields its exercise generates.
type Any = any; // eslint-disable-line @typescript-eslint/no-explicit-any
const variants = (id: string): Any[] => STUDENTS.map((s) => variantOf(ex(id), s));
const check = (id: string, v: unknown, response: unknown) => checkAnswer(ex(id), v, response, ctx);

// Independent references, written out here rather than taken from the engine.
const sigma = (z: number) => 1 / (1 + Math.exp(-z));
const softmaxRef = (z: readonly number[]) => {
  const e = z.map(Math.exp);
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / s);
};
const relu = (z: number) => (z > 0 ? z : 0);

describe('the bank', () => {
  it('has at least eight exercises of at least five kinds, with unique l1- ids', () => {
    expect(bank.lesson).toBe('01-regression-vs-classification');
    expect(bank.exercises.length).toBeGreaterThanOrEqual(8);
    expect(new Set(bank.exercises.map((e) => e.kind)).size).toBeGreaterThanOrEqual(5);
    const ids = bank.exercises.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^l1-/);
  });
  it.each(bank.exercises.map((e) => e.id))('%s is valid for 100 students', async (id) => {
    expect(exerciseProblems(ex(id), STUDENTS)).toEqual([]);
    expect(await formulaProblems(ex(id), STUDENTS)).toEqual([]);
  });
  it.each(bank.exercises.map((e) => e.id))('%s keeps variant numbers out of its prompt TeX', (id) => {
    const sampled = promptTex(ex(id));
    const more = promptTex(ex(id), Array.from({ length: 200 }, (_, i) => `more-${i}`));
    expect([...more.keys()].filter((k) => !sampled.has(k))).toEqual([]);
  });
});

describe('numeric keys agree with hand computations and mistakes are recognised', () => {
  it('parameter count is hd + h + h + 1', async () => {
    for (const v of variants('l1-parameter-count')) {
      const key = v.h * v.d + 2 * v.h + 1;
      expect((await check('l1-parameter-count', v, String(key))).verdict).toBe('correct');
      const noBias = await check('l1-parameter-count', v, String(key - 1));
      expect(noBias).toMatchObject({ verdict: 'wrong', mistake: 'no-output-bias' });
    }
  });
  it('forward pass: w · ReLU(W x + b) + c by hand; forgetting the ReLU is named when it matters', async () => {
    let sawNoRelu = false;
    for (const v of variants('l1-forward-pass')) {
      const h = v.W.map((Wj: number, j: number) => relu(Wj * v.x + v.b[j]));
      const key = v.w[0] * h[0] + v.w[1] * h[1] + v.c;
      expect((await check('l1-forward-pass', v, key.toFixed(4))).verdict).toBe('correct');
      const linear = v.W.reduce((s: number, Wj: number, j: number) => s + v.w[j] * (Wj * v.x + v.b[j]), v.c);
      if (Math.abs(linear - key) > 0.05) {
        expect(await check('l1-forward-pass', v, linear.toFixed(4))).toMatchObject({ verdict: 'wrong', mistake: 'no-relu' });
        sawNoRelu = true;
      }
    }
    expect(sawNoRelu).toBe(true);
  });
  it('activation slope: σ(1 − σ) and 1 − tanh²', async () => {
    for (const v of variants('l1-activation-slope')) {
      const key = v.name === 'sigmoid' ? sigma(v.z) * (1 - sigma(v.z)) : 1 - Math.tanh(v.z) ** 2;
      expect((await check('l1-activation-slope', v, key.toPrecision(4))).verdict).toBe('correct');
      const value = v.name === 'sigmoid' ? sigma(v.z) : Math.tanh(v.z);
      expect(await check('l1-activation-slope', v, value.toPrecision(4))).toMatchObject({ verdict: 'wrong', mistake: 'value' });
    }
  });
  it('gradient step: θ − η·2(θ − a); a step uphill and a missing factor 2 are named', async () => {
    for (const v of variants('l1-gradient-step')) {
      const key = v.theta0 - v.eta * 2 * (v.theta0 - v.a);
      expect((await check('l1-gradient-step', v, String(key))).verdict).toBe('correct');
      expect(await check('l1-gradient-step', v, String(v.theta0 + v.eta * 2 * (v.theta0 - v.a)))).toMatchObject({ verdict: 'wrong', mistake: 'uphill' });
      expect(await check('l1-gradient-step', v, String(v.theta0 - v.eta * (v.theta0 - v.a)))).toMatchObject({ verdict: 'wrong', mistake: 'no-factor-2' });
    }
  });
  it('cross-entropy: −ln softmax(z)_y; giving p_y is named', async () => {
    for (const v of variants('l1-cross-entropy')) {
      const p = softmaxRef(v.z);
      const key = -Math.log(p[v.y]!);
      expect((await check('l1-cross-entropy', v, key.toPrecision(4))).verdict).toBe('correct');
      expect(await check('l1-cross-entropy', v, p[v.y]!.toPrecision(4))).toMatchObject({ verdict: 'wrong', mistake: 'probability' });
    }
  });
});

describe('vector, choice, formula', () => {
  it('softmax: e^z / Σ e^z; forgetting to normalize is named', async () => {
    for (const v of variants('l1-softmax')) {
      const key = softmaxRef(v.z);
      expect((await check('l1-softmax', v, `[${key.map((x) => x.toFixed(4)).join(', ')}]`)).verdict).toBe('correct');
      const raw = v.z.map(Math.exp);
      expect(await check('l1-softmax', v, `[${raw.map((x: number) => x.toFixed(4)).join(', ')}]`)).toMatchObject({ verdict: 'wrong', mistake: 'not-normalized' });
    }
  });
  it('which class: the largest b_k + w_k1 x1 + w_k2 x2, computed by hand', async () => {
    for (const v of variants('l1-which-class')) {
      const s = v.W.map((r: number[]) => r[0]! + r[1]! * v.x[0] + r[2]! * v.x[1]);
      const best = s.indexOf(Math.max(...s));
      expect((await check('l1-which-class', v, [`class-${best + 1}`])).verdict).toBe('correct');
      const other = (best + 1) % 3;
      expect((await check('l1-which-class', v, [`class-${other + 1}`])).verdict).toBe('wrong');
    }
  });
  it('boundary line: the key lies on (w2 − w1)ᵀ[1, x1, x2] = 0; the sign slip is named', async () => {
    for (const v of variants('l1-boundary-line')) {
      const [a, b, c] = [0, 1, 2].map((i) => v.w2[i] - v.w1[i]) as [number, number, number];
      const x2 = (x1: number) => -(a + b * x1) / c;
      for (const x1 of [-2, 0.5, 3]) expect(a + b * x1 + c * x2(x1)).toBeCloseTo(0, 12);
      const typed = `(${-a} - ${b}*x1) / ${c}`.replace(/--/g, '+').replace(/- -/g, '+ ');
      expect((await check('l1-boundary-line', v, typed)).verdict).toBe('correct');
      expect(await check('l1-boundary-line', v, `(${a} + (${b})*x1)/(${c})`)).toMatchObject({ verdict: 'wrong', mistake: 'sign' });
    }
  });
  it('two-class sigmoid: e^{s1}/(e^{s1} + e^{s2}) is accepted, the other class’s probability is named', async () => {
    for (const v of variants('l1-two-class-sigmoid')) {
      const mine = v.which === 1 ? 'exp(s1)/(exp(s1) + exp(s2))' : 'exp(s2)/(exp(s1) + exp(s2))';
      expect((await check('l1-two-class-sigmoid', v, mine)).verdict).toBe('correct');
      // the decks' slip, 1/(exp(f) + 1) with f = s1 − s2, is the other class
      const slip = v.which === 1 ? '1/(exp(s1 - s2) + 1)' : '1/(exp(s2 - s1) + 1)';
      expect(await check('l1-two-class-sigmoid', v, slip)).toMatchObject({ verdict: 'wrong', mistake: 'flipped' });
    }
  });
  it('ReLU points: class 1 where h1 − 2h2 + a3 h3 + c > 0, computed by hand', async () => {
    for (const v of variants('l1-relu-points')) {
      const s = (x: number) => relu(x) - 2 * relu(x - 0.2) + v.a3 * relu(x - 0.55) + v.c;
      const right = v.xs.filter((x: number) => s(x) > 0);
      const ids = right.map((x: number) => `x-${x.toFixed(2)}`);
      expect(ids.length).toBeGreaterThan(0);
      expect((await check('l1-relu-points', v, ids)).verdict).toBe('correct');
      const wrongIds = v.xs.filter((x: number) => s(x) <= 0).map((x: number) => `x-${x.toFixed(2)}`);
      // one missed, or one too many: both wrong
      if (ids.length > 1) expect((await check('l1-relu-points', v, ids.slice(1))).verdict).toBe('wrong');
      if (wrongIds.length > 0) expect((await check('l1-relu-points', v, [...ids, wrongIds[0]])).verdict).toBe('wrong');
    }
  });
  it('the decks’ own network (a3 = 3, c = −0.1) has class 1 on (0.1, 0.3) and beyond 0.675', () => {
    const v = variants('l1-relu-points').find((x) => x.a3 === 3 && x.c === -0.1);
    expect(v).toBeDefined();
    const options = (ex('l1-relu-points') as Extract<Exercise, { kind: 'choice' }>).options(v);
    for (const o of options) {
      const x = Number(o.id.slice(2));
      expect(o.correct).toBe((x > 0.1 && x < 0.3) || x > 0.675);
    }
  });
});

describe('code', () => {
  const solution = `function forward(x, W, b, w, c) {
    let y = c;
    for (let j = 0; j < W.length; j++) y += w[j] * Math.max(0, W[j] * x + b[j]);
    return y;
  }`;
  it('a correct forward pass passes every case; one without ReLU is named', async () => {
    const v = variantOf(ex('l1-forward-code'), 'default');
    expect((await check('l1-forward-code', v, solution)).verdict).toBe('correct');
    const noRelu = solution.replace('Math.max(0, W[j] * x + b[j])', '(W[j] * x + b[j])');
    expect(await check('l1-forward-code', v, noRelu)).toMatchObject({ verdict: 'wrong', mistake: 'no-relu' });
    expect((await check('l1-forward-code', v, 'function forward( {')).verdict).not.toBe('correct');
  });
});

describe('challenges read the widget state', () => {
  const state = (over: { head?: string; points?: string; classes?: number; hiddenUnits?: number; accuracy?: number | null }) => ({
    name: 'heads',
    params: { head: over.head ?? 'classification', points: over.points ?? 'blobs', classes: over.classes ?? 4, layers: [] },
    seed: 1,
    training: false,
    hiddenUnits: over.hiddenUnits ?? 0,
    trainers: [{ id: 'net', epoch: 10, accuracy: over.accuracy === undefined ? 0.95 : over.accuracy, hiddenUnits: over.hiddenUnits ?? 0 }],
  });
  it('linear blobs: right data, no hidden layer and 90 % → correct; each missing piece is said', async () => {
    for (const v of variants('l1-linear-blobs')) {
      expect((await check('l1-linear-blobs', v, state({ classes: v.k }))).verdict).toBe('correct');
      expect((await check('l1-linear-blobs', v, state({ classes: v.k, hiddenUnits: 8 }))).message).toMatch(/hidden layer/);
      expect((await check('l1-linear-blobs', v, state({ classes: v.k, accuracy: 0.85 }))).message).toMatch(/90 %/);
      expect((await check('l1-linear-blobs', v, state({ classes: v.k, head: 'regression' }))).message).toMatch(/classification/);
      expect((await check('l1-linear-blobs', v, state({ classes: v.k, accuracy: null }))).verdict).toBe('invalid');
    }
  });
  it('spirals: needs a hidden layer within the unit budget and > 95 %', async () => {
    for (const v of variants('l1-spirals-hidden')) {
      const spirals = (hiddenUnits: number, accuracy: number) => state({ points: 'spirals', hiddenUnits, accuracy });
      expect((await check('l1-spirals-hidden', v, spirals(32, 0.96))).verdict).toBe('correct');
      expect((await check('l1-spirals-hidden', v, spirals(0, 0.96))).message).toMatch(/convex/);
      expect((await check('l1-spirals-hidden', v, spirals(v.maxUnits + 1, 0.99))).message).toMatch(`at most ${v.maxUnits}`);
      expect((await check('l1-spirals-hidden', v, spirals(32, 0.95))).verdict).toBe('wrong');
    }
  });
});
