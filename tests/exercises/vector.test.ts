import { describe, expect, test } from 'vitest';
import { check, ref, variant } from './helpers.ts';

const STUDENTS = ['ada', 'bob', 'carol', 'dan'];
const r4 = (xs: number[]) => xs.map((x) => x.toFixed(4));

describe('vector: practice-softmax-probs', () => {
  test.each(STUDENTS)('accepts p in every notation and names the mistakes (%s)', async (who) => {
    const { z } = variant<{ z: number[] }>('practice-softmax-probs', who);
    const p = r4(ref.softmax(z));
    for (const form of [`[${p.join(', ')}]`, p.join(' '), p.join('; '), p.join('\n'), `(${p.join(',')})`]) {
      expect((await check('practice-softmax-probs', who, form)).verdict, form).toBe('correct');
    }
    const exps = z.map((x) => Math.exp(x).toFixed(5)).join(' ');
    expect(await check('practice-softmax-probs', who, exps)).toMatchObject({ verdict: 'wrong', mistake: 'no-normalization' });
    const argmax = z.indexOf(Math.max(...z));
    expect(await check('practice-softmax-probs', who, z.map((_, i) => (i === argmax ? 1 : 0)).join(' '))).toMatchObject({ verdict: 'wrong', mistake: 'argmax' });
  });

  test('wrong entries are named; a wrong count is invalid', async () => {
    const { z } = variant<{ z: number[] }>('practice-softmax-probs', 'ada');
    const p = ref.softmax(z);
    const off = [p[0]!, p[1]! + 0.05, p[2]!].map((x) => x.toFixed(4)).join(' ');
    const r = await check('practice-softmax-probs', 'ada', off);
    expect(r.verdict).toBe('wrong');
    expect(r.message).toMatch(/^Entry 2 is off/);
    const short = await check('practice-softmax-probs', 'ada', '0.5 0.5');
    expect(short.verdict).toBe('invalid');
    expect(short.message).toMatch(/needs 3 numbers; you gave 2 numbers/);
  });
});

describe('vector: practice-ce-gradient-logits', () => {
  test.each(STUDENTS)('p − y, not p and not y − p (%s)', async (who) => {
    const { z, y } = variant<{ z: number[]; y: number }>('practice-ce-gradient-logits', who);
    const p = ref.softmax(z);
    const g = p.map((pc, c) => pc - (c === y ? 1 : 0));
    expect((await check('practice-ce-gradient-logits', who, r4(g).join(', '))).verdict).toBe('correct');
    expect(await check('practice-ce-gradient-logits', who, r4(p).join(', '))).toMatchObject({ verdict: 'wrong', mistake: 'p-only' });
    const flipped = await check('practice-ce-gradient-logits', who, r4(g.map((x) => -x)).join(', '));
    expect(flipped).toMatchObject({ verdict: 'wrong', mistake: 'flipped' });
    expect(flipped.message).toMatch(/p − y, not y − p/);
  });
});

describe('matrix: practice-weight-gradient', () => {
  test.each(STUDENTS)('(p − y) xᵀ as rows; the transpose and p xᵀ are recognised (%s)', async (who) => {
    const { W, x, y } = variant<{ W: number[][]; x: number[]; y: number }>('practice-weight-gradient', who);
    const z = W.map((row) => row[0]! * x[0]! + row[1]! * x[1]!);
    const p = ref.softmax(z);
    const G = p.map((pc, c) => x.map((xk) => (pc - (c === y ? 1 : 0)) * xk));
    const rows = G.map((r) => r4(r).join(' '));
    for (const form of [rows.join('\n'), rows.join('; '), `[${G.map((r) => `[${r4(r).join(', ')}]`).join(', ')}]`]) {
      expect((await check('practice-weight-gradient', who, form)).verdict, form).toBe('correct');
    }
    const T = [0, 1].map((k) => G.map((r) => r[k]!));
    expect(await check('practice-weight-gradient', who, T.map((r) => r4(r).join(' ')).join('\n'))).toMatchObject({ verdict: 'wrong', mistake: 'transposed' });
    const P = p.map((pc) => x.map((xk) => pc * xk));
    expect(await check('practice-weight-gradient', who, P.map((r) => r4(r).join(' ')).join('\n'))).toMatchObject({ verdict: 'wrong', mistake: 'p-not-error' });
    const flat = await check('practice-weight-gradient', who, G.flat().map((v) => v.toFixed(4)).join(' '));
    expect(flat.verdict).toBe('invalid');
    expect(flat.message).toMatch(/3 × 2 matrix \(3 rows of 2/);
  });
});

describe('vector: practice-sgd-step', () => {
  test.each(STUDENTS)('w − η g; uphill and the missing η are named (%s)', async (who) => {
    const { w, g, eta } = variant<{ w: number[]; g: number[]; eta: number }>('practice-sgd-step', who);
    const next = w.map((wi, i) => wi - eta * g[i]!);
    expect((await check('practice-sgd-step', who, next.map((v) => v.toFixed(4)).join(' '))).verdict).toBe('correct');
    expect(await check('practice-sgd-step', who, w.map((wi, i) => (wi + eta * g[i]!).toFixed(4)).join(' '))).toMatchObject({ verdict: 'wrong', mistake: 'uphill' });
    expect(await check('practice-sgd-step', who, w.map((wi, i) => (wi - g[i]!).toFixed(4)).join(' '))).toMatchObject({ verdict: 'wrong', mistake: 'no-eta' });
  });
});
