import { describe, expect, test } from 'vitest';
import { check } from './helpers.ts';

const STABLE = `function softmax(z) {
  const m = Math.max(...z);
  const e = z.map((x) => Math.exp(x - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / s);
}`;

describe('code: practice-code-stable-softmax', () => {
  test('a stable softmax passes, in several styles', async () => {
    expect((await check('practice-code-stable-softmax', 'ada', STABLE)).verdict).toBe('correct');
    const loop = `function softmax(z) {
      let m = -Infinity;
      for (const v of z) if (v > m) m = v;
      const out = new Float64Array(z.length);
      let s = 0;
      for (let i = 0; i < z.length; i++) { out[i] = Math.exp(z[i] - m); s += out[i]; }
      for (let i = 0; i < z.length; i++) out[i] /= s;
      return out;
    }`;
    expect((await check('practice-code-stable-softmax', 'bob', loop)).verdict).toBe('correct');
    const arrow = 'const softmax = (z) => { const m = Math.max(...z); const e = z.map((x) => Math.exp(x - m)); const s = e.reduce((a, b) => a + b); return e.map((x) => x / s); };';
    expect((await check('practice-code-stable-softmax', 'carol', arrow)).verdict).toBe('correct');
  });

  test('the naive softmax (no max shift) is named by its mistake', async () => {
    const naive = 'function softmax(z) { const e = z.map(Math.exp); const s = e.reduce((a, b) => a + b, 0); return e.map((x) => x / s); }';
    const r = await check('practice-code-stable-softmax', 'ada', naive);
    expect(r).toMatchObject({ verdict: 'wrong', mistake: 'no-max-shift' });
    expect(r.message).toMatch(/Subtract the largest logit/);
  });

  test('unnormalized output, a missing return, an exception: wrong, with the failing case', async () => {
    expect(await check('practice-code-stable-softmax', 'ada', 'function softmax(z) { const m = Math.max(...z); return z.map((x) => Math.exp(x - m)); }')).toMatchObject({ verdict: 'wrong', mistake: 'no-normalization' });
    const noReturn = await check('practice-code-stable-softmax', 'ada', 'function softmax(z) { z.map(Math.exp); }');
    expect(noReturn.verdict).toBe('wrong');
    expect(noReturn.message).toMatch(/returned undefined.*Did you forget to return/);
    const throws = await check('practice-code-stable-softmax', 'ada', 'function softmax(z) {\n  return z.foo.bar;\n}');
    expect(throws.verdict).toBe('wrong');
    expect(throws.message).toMatch(/threw TypeError: .*\(line 2\)/);
  });

  test('an endless loop is stopped within the time limit and is wrong, with a message', async () => {
    const started = Date.now();
    const r = await check('practice-code-stable-softmax', 'ada', 'function softmax(z) { while (true) {} }');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(r.verdict).toBe('wrong');
    expect(r.message).toMatch(/Stopped after 2 s/);
  });

  test('code that does not parse, or defines no softmax, is invalid', async () => {
    const syntax = await check('practice-code-stable-softmax', 'ada', 'function softmax(z) {\n  return z.map(x =>;\n}');
    expect(syntax.verdict).toBe('invalid');
    expect(syntax.message).toMatch(/does not parse.*line 2/);
    expect((await check('practice-code-stable-softmax', 'ada', 'function soft(z) { return z; }')).message).toMatch(/Define a function named softmax/);
    expect((await check('practice-code-stable-softmax', 'ada', '   ')).verdict).toBe('invalid');
    expect((await check('practice-code-stable-softmax', 'ada', 'import("x")')).verdict).toBe('invalid');
    expect((await check('practice-code-stable-softmax', 'ada', 42)).verdict).toBe('invalid');
  });
});

describe('code: practice-code-ce-gradient and practice-code-sgd-step', () => {
  test('p − onehot(y); p alone and the flipped sign are named', async () => {
    const good = 'function ceGradient(z, y) { const m = Math.max(...z); const e = z.map((x) => Math.exp(x - m)); const s = e.reduce((a, b) => a + b, 0); return e.map((x, c) => x / s - (c === y ? 1 : 0)); }';
    expect((await check('practice-code-ce-gradient', 'ada', good)).verdict).toBe('correct');
    const pOnly = 'function ceGradient(z, y) { const m = Math.max(...z); const e = z.map((x) => Math.exp(x - m)); const s = e.reduce((a, b) => a + b, 0); return e.map((x) => x / s); }';
    expect(await check('practice-code-ce-gradient', 'ada', pOnly)).toMatchObject({ verdict: 'wrong', mistake: 'p-only' });
    const flipped = 'function ceGradient(z, y) { const m = Math.max(...z); const e = z.map((x) => Math.exp(x - m)); const s = e.reduce((a, b) => a + b, 0); return e.map((x, c) => (c === y ? 1 : 0) - x / s); }';
    expect(await check('practice-code-ce-gradient', 'ada', flipped)).toMatchObject({ verdict: 'wrong', mistake: 'flipped' });
  });

  test('w − η·grad; uphill and the missing η are named', async () => {
    expect((await check('practice-code-sgd-step', 'ada', 'function sgdStep(w, grad, eta) { return w.map((x, i) => x - eta * grad[i]); }')).verdict).toBe('correct');
    expect(await check('practice-code-sgd-step', 'ada', 'function sgdStep(w, grad, eta) { return w.map((x, i) => x + eta * grad[i]); }')).toMatchObject({ verdict: 'wrong', mistake: 'uphill' });
    expect(await check('practice-code-sgd-step', 'ada', 'function sgdStep(w, grad, eta) { return w.map((x, i) => x - grad[i]); }')).toMatchObject({ verdict: 'wrong', mistake: 'no-eta' });
  });
});
