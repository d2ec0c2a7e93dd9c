// Lesson 2's exercises: every variant is valid, every key agrees with an independent computation
// (the formula written out here, not the bank's code path), the likely mistakes are recognized
// and never coincide with the key, and the code and challenge checkers accept and refuse the
// right things.
import { describe, expect, it } from 'vitest';
import bank from '@exercises/bank/lesson2';
import { checkAnswer } from '@exercises/check';
import { exerciseProblems, formulaProblems } from '@exercises/validate';
import { variantOf } from '@exercises/variant';
import { runInNodeSandbox } from '@exercises/sandbox/node';
import type { Exercise } from '@exercises/types';

const ctx = { runCode: runInNodeSandbox };
const STUDENTS = ['default', 'ada', 'b-17', 'grace', 'x', '2024-0042'];

function ex(id: string): Exercise {
  const found = bank.exercises.find((e) => e.id === id);
  if (!found) throw new Error(`no exercise ${id}`);
  return found;
}

type V = Record<string, unknown>;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('the lesson 2 bank', () => {
  it('has at least eight exercises of at least five kinds, all for 02-likelihood', () => {
    expect(bank.lesson).toBe('02-likelihood');
    expect(bank.exercises.length).toBeGreaterThanOrEqual(8);
    expect(new Set(bank.exercises.map((e) => e.kind)).size).toBeGreaterThanOrEqual(5);
  });

  it.each(bank.exercises.map((e) => [e.id, e] as const))('%s: every validated variant is well formed', async (_id, e) => {
    expect(exerciseProblems(e)).toEqual([]);
    expect(await formulaProblems(e)).toEqual([]);
  });
});

/** The key and every mistake of a numeric exercise, checked over several students. */
async function numericBehaves(id: string, independent: (v: V) => number) {
  const e = ex(id);
  if (e.kind !== 'numeric') throw new Error('not numeric');
  for (const s of STUDENTS) {
    const v = variantOf(e, s) as V;
    const key = independent(v);
    expect(e.answer(v)).toBeCloseTo(key, 9);
    expect((await checkAnswer(e, v, String(key), ctx)).verdict).toBe('correct');
    for (const m of e.mistakes ?? []) {
      const wrong = m.answer(v);
      const r = await checkAnswer(e, v, String(wrong), ctx);
      expect(r.verdict, `${id} ${m.id} for ${s}`).toBe('wrong');
      expect(r.mistake).toBe(m.id);
    }
    expect((await checkAnswer(e, v, 'banana', ctx)).verdict).toBe('invalid');
  }
}

describe('numeric and vector exercises: no likely mistake can pass for the key', () => {
  it.each(bank.exercises.filter((e) => e.kind === 'numeric').map((e) => [e.id, e] as const))('%s, over 300 students', async (_id, e) => {
    if (e.kind !== 'numeric') return;
    for (let i = 0; i < 300; i++) {
      const v = variantOf(e, `s${i}`);
      const key = e.answer(v);
      expect((await checkAnswer(e, v, String(key), ctx)).verdict).toBe('correct');
      for (const m of e.mistakes ?? []) expect((await checkAnswer(e, v, String(m.answer(v)), ctx)).mistake, `${m.id} for s${i}`).toBe(m.id);
    }
  });
});

describe('numeric exercises: keys from the formulas written out', () => {
  it('l2-gaussian-nll: N/2·ln(2πσ²) + Σr²/(2σ²)', async () => {
    await numericBehaves('l2-gaussian-nll', (v) => {
      const r = v['r'] as number[];
      const s = v['sigma'] as number;
      return (r.length / 2) * Math.log(2 * Math.PI * s * s) + sum(r.map((x) => x * x)) / (2 * s * s);
    });
  });

  it('l2-laplace-nll: −Σ ln(e^(−|r|/b)/(2b))', async () => {
    await numericBehaves('l2-laplace-nll', (v) => {
      const b = v['b'] as number;
      return -sum((v['r'] as number[]).map((x) => Math.log(Math.exp(-Math.abs(x) / b) / (2 * b))));
    });
  });

  it('l2-sigma-hat: SSE/N', async () => {
    await numericBehaves('l2-sigma-hat', (v) => {
      const r = v['r'] as number[];
      return sum(r.map((x) => x * x)) / r.length;
    });
  });

  it('l2-dataset-cross-entropy: Σ (ln Σ e^z − z_y)', async () => {
    await numericBehaves('l2-dataset-cross-entropy', (v) =>
      sum((v['items'] as { z: number[]; y: number }[]).map((it) => Math.log(sum(it.z.map(Math.exp))) - it.z[it.y]!)),
    );
  });
});

describe('l2-mean-median (vector)', () => {
  it('the key is [mean, median], sorted by hand; swapping is recognized', async () => {
    const e = ex('l2-mean-median');
    for (const s of STUDENTS) {
      const v = variantOf(e, s) as V;
      const d = (v['data'] as number[]).slice().sort((a, b) => a - b);
      const mean = sum(d) / 5;
      const median = d[2]!;
      expect((await checkAnswer(e, v, `[${mean}, ${median}]`, ctx)).verdict).toBe('correct');
      expect((await checkAnswer(e, v, `[${median}, ${mean}]`, ctx)).mistake).toBe('swapped');
      expect((await checkAnswer(e, v, `[${mean}, ${mean}]`, ctx)).mistake).toBe('both-mean');
    }
  });
});

describe('formula exercises', () => {
  it('l2-binary-likelihood accepts the equivalent forms and names the sign slip', async () => {
    const e = ex('l2-binary-likelihood');
    for (const s of STUDENTS) {
      const v = variantOf(e, s) as V;
      const loss = v['ask'] === 'loss';
      const right = loss ? ['log(1 + exp((1 - 2*y)*f))', 'softplus(f - 2*y*f)', '-log(sigma((2y-1) f))'] : ['exp(y*f)/(1 + exp(f))', '1/(1 + exp(-(2*y - 1)*f))'];
      for (const r of right) expect((await checkAnswer(e, v, r, ctx)).verdict, r).toBe('correct');
      const flipped = loss ? 'log(1 + exp((2*y - 1)*f))' : 'sigma((1-2y)*f)';
      expect((await checkAnswer(e, v, flipped, ctx)).mistake).toBe('sign');
      const onlyOne = loss ? 'log(1 + exp(-f))' : '1/(1+exp(-f))';
      expect((await checkAnswer(e, v, onlyOne, ctx)).mistake).toBe('only-class-1');
    }
  });

  it('l2-binary-gradient: σ(f) − y, written any way', async () => {
    const e = ex('l2-binary-gradient');
    const v = variantOf(e, 'default');
    expect((await checkAnswer(e, v, '1/(1+exp(-f)) - y', ctx)).verdict).toBe('correct');
    expect((await checkAnswer(e, v, 'y - sigma(f)', ctx)).mistake).toBe('sign');
    expect((await checkAnswer(e, v, 'sigma(f)*(1-sigma(f))', ctx)).mistake).toBe('sigmoid-derivative');
  });
});

describe('choice exercises', () => {
  it('l2-sigmoid-forms: the right set for each label, found by the identities σ(−f) = 1 − σ(f)', async () => {
    const e = ex('l2-sigmoid-forms');
    if (e.kind !== 'choice') throw new Error('not choice');
    const ones = ['exp-ratio', 'sigmoid', 'one-minus'];
    const zeros = ['deck-slip', 'minus-ratio'];
    for (const s of STUDENTS) {
      const v = variantOf(e, s) as V;
      const want = v['label'] === 1 ? ones : zeros;
      const correct = e.options(v).filter((o) => o.correct).map((o) => o.id).sort();
      expect(correct).toEqual(want.slice().sort());
      expect((await checkAnswer(e, v, want, ctx)).verdict).toBe('correct');
      expect((await checkAnswer(e, v, [...want, 'half'], ctx)).verdict).toBe('wrong');
    }
  });

  it('l2-which-loss: exactly one right loss per scenario, and each scenario has a different one', async () => {
    const e = ex('l2-which-loss');
    if (e.kind !== 'choice') throw new Error('not choice');
    const seen = new Map<number, string>();
    for (let i = 0; i < 40; i++) {
      const v = variantOf(e, `student-${i}`) as V;
      const right = e.options(v).filter((o) => o.correct).map((o) => o.id);
      expect(right).toHaveLength(1);
      seen.set(v['scenario'] as number, right[0]!);
    }
    expect(new Set(seen.values()).size).toBe(seen.size);
    expect(seen.get(0)).toBe('absolute');
    expect(seen.get(1)).toBe('squared');
  });
});

describe('code exercises (run in the Node sandbox)', () => {
  it('l2-code-gaussian-nll: a correct function passes, one without the constant is named', async () => {
    const e = ex('l2-code-gaussian-nll');
    const v = variantOf(e, 'default');
    const good = 'function nll(r, s) { let q = 0; for (const x of r) q += x * x; return r.length / 2 * Math.log(2 * Math.PI * s * s) + q / (2 * s * s); }';
    expect((await checkAnswer(e, v, good, ctx)).verdict).toBe('correct');
    const bad = 'function nll(r, s) { let q = 0; for (const x of r) q += x * x; return q / (2 * s * s); }';
    const r = await checkAnswer(e, v, bad, ctx);
    expect(r.verdict).toBe('wrong');
    expect(r.mistake).toBe('no-constant');
  });

  it('l2-code-binary-loss: the stable form passes, the form from p is caught at f = 40', async () => {
    const e = ex('l2-code-binary-loss');
    const v = variantOf(e, 'default');
    const good = 'function bce(f, y) { const m = (1 - 2 * y) * f; return Math.max(m, 0) + Math.log1p(Math.exp(-Math.abs(m))); }';
    expect((await checkAnswer(e, v, good, ctx)).verdict).toBe('correct');
    const naive = 'function bce(f, y) { const p = 1 / (1 + Math.exp(-f)); return y === 1 ? -Math.log(p) : -Math.log(1 - p); }';
    const r = await checkAnswer(e, v, naive, ctx);
    expect(r.verdict).toBe('wrong');
    expect(r.mistake).toBe('from-p');
  });
});

describe('l2-outlier-challenge', () => {
  const e = ex('l2-outlier-challenge');
  const v = variantOf(e, 'default') as { outliers: number; epochs: number };
  const state = (outliers: number, epoch: number, dg: number, dl: number) => ({
    name: 'noise-models',
    params: { noise: 0.2, outliers, shape: 'gaussian', lr: 0.02 },
    trainers: [
      { id: 'gaussian', epoch, readouts: { distance: dg } },
      { id: 'laplace', epoch, readouts: { distance: dl } },
    ],
  });

  it('is met with enough outliers, epochs and a Laplace fit at most half as far', async () => {
    expect((await checkAnswer(e, v, state(0.3, 600, 0.6, 0.12), ctx)).verdict).toBe('correct');
  });

  it('says what is missing otherwise', async () => {
    expect((await checkAnswer(e, v, state(0.1, 600, 0.6, 0.12), ctx)).message).toMatch(/outliers/);
    expect((await checkAnswer(e, v, state(0.3, 10, 0.6, 0.12), ctx)).message).toMatch(/epochs/);
    expect((await checkAnswer(e, v, state(0.3, 600, 0.2, 0.15), ctx)).verdict).toBe('wrong');
  });

  it('calls a state without distances invalid, not wrong', async () => {
    const r = await checkAnswer(e, v, { params: { outliers: 0.3 }, trainers: [{ id: 'gaussian', epoch: 600, readouts: {} }, { id: 'laplace', epoch: 600, readouts: {} }] }, ctx);
    expect(r.verdict).toBe('invalid');
  });
});
