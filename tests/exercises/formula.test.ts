import { describe, expect, test } from 'vitest';
import { parseFormula } from '@exercises/formula/expr.ts';
import { check, variant } from './helpers.ts';

describe('formula parsing', () => {
  const ok = (text: string, vars: string[], at: Record<string, number>) => {
    const r = parseFormula(text, vars);
    if (!r.ok) throw new Error(`${text}: ${r.message}`);
    return r.value.evaluate(at);
  };
  const refuse = (text: string, vars: string[]) => {
    const r = parseFormula(text, vars);
    expect(r.ok, text).toBe(false);
    return r.ok ? '' : r.message;
  };

  test('evaluates the course’s functions and what people type', () => {
    const s = 1 / (1 + Math.exp(-0.5));
    expect(ok('sigma(z)*(1-sigma(z))', ['z'], { z: 0.5 })).toBeCloseTo(s * (1 - s), 14);
    expect(ok('σ(z)(1 − σ(z))', ['z'], { z: 0.5 })).toBeCloseTo(s * (1 - s), 14);
    expect(ok('2z', ['z'], { z: 3 })).toBe(6);
    expect(ok('-p_r h', ['p_r', 'h'], { p_r: 0.25, h: 2 })).toBe(-0.5);
    expect(ok('p_r**2', ['p_r'], { p_r: 3 })).toBe(9);
    expect(ok('softplus(z)', ['z'], { z: 0 })).toBeCloseTo(Math.log(2), 14);
    expect(ok('relu(z) + step(z)', ['z'], { z: -1 })).toBe(0);
    expect(ok('max(z, 0, 2)', ['z'], { z: 1 })).toBe(2);
    expect(ok('e^2 + pi', [], {})).toBeCloseTo(Math.E ** 2 + Math.PI, 12);
    expect(Number.isNaN(ok('log(z)', ['z'], { z: -1 }))).toBe(true);
  });

  test('refuses non-arithmetic input with a message', () => {
    expect(refuse('q*z', ['z'])).toMatch(/Unknown symbol "q". The variables are z/);
    expect(refuse('sigma z', ['z'])).toMatch(/sigma is a function/);
    expect(refuse('z(2)', ['z'])).toMatch(/z is a variable, not a function/);
    expect(refuse('foo(z)', ['z'])).toMatch(/Unknown function "foo"/);
    expect(refuse('exp(z, 2)', ['z'])).toMatch(/exp takes 1 argument/);
    expect(refuse('z = 2', ['z'])).toMatch(/Only arithmetic/);
    expect(refuse('[1, 2]', ['z'])).toMatch(/Only arithmetic/);
    expect(refuse('"z"', ['z'])).toMatch(/not text in quotes/);
    expect(refuse('z == 1', ['z'])).toMatch(/operator "==" is not allowed/);
    expect(refuse('(z', ['z'])).toMatch(/does not read as a formula/);
    expect(refuse('1 cm', ['z'])).toMatch(/Unknown symbol "cm"/);
    expect(refuse('', ['z'])).toMatch(/Type a formula/);
    expect(refuse('a; b', ['a', 'b'])).toMatch(/single expression/);
    expect(refuse('1e999 * z', ['z'])).toMatch(/too large/);
  });

  test('TeX for the preview uses the site’s macros', () => {
    const r = parseFormula('softplus(z) + sigma(p_r) * relu(eta)', ['z', 'p_r', 'eta']);
    if (!r.ok) throw new Error(r.message);
    expect(r.value.tex).toContain('\\softplus');
    expect(r.value.tex).toContain('\\sigma');
    expect(r.value.tex).toContain('\\relu');
    expect(r.value.tex).toContain('p_{r}');
    expect(r.value.tex).toContain('\\eta');
  });
});

describe('formula: practice-sigmoid-chain', () => {
  test.each(['ada', 'bob', 'carol'])('any equivalent form of a σ(az)(1 − σ(az)) (%s)', async (who) => {
    const { a } = variant<{ a: number }>('practice-sigmoid-chain', who);
    for (const form of [`${a}*sigma(${a}*z)*(1-sigma(${a}*z))`, `${a} σ(${a}z)(1 − σ(${a}z))`, `${a}*exp(-${a}*z)/(1+exp(-${a}*z))^2`, `${a}*sigma(${a}*z)*sigma(-${a}*z)`]) {
      expect((await check('practice-sigmoid-chain', who, form)).verdict, form).toBe('correct');
    }
    expect(await check('practice-sigmoid-chain', who, `sigma(${a}*z)*(1-sigma(${a}*z))`)).toMatchObject({ verdict: 'wrong', mistake: 'no-chain-factor' });
    expect(await check('practice-sigmoid-chain', who, `-${a}*sigma(${a}*z)*(1-sigma(${a}*z))`)).toMatchObject({ verdict: 'wrong', mistake: 'sign' });
    const other = await check('practice-sigmoid-chain', who, 'sigma(z)');
    expect(other.verdict).toBe('wrong');
    expect(other.message).toMatch(/^Not equivalent: at z = /);
    expect((await check('practice-sigmoid-chain', who, 'sigma(x)')).verdict).toBe('invalid');
  });
});

describe('formula: practice-log-softmax-gradient', () => {
  test('both cases, the dropped minus and the bias derivative', async () => {
    const seen = new Set<boolean>();
    for (const who of ['ada', 'bob', 'carol', 'dan', 'eve', 'fay']) {
      const { same } = variant<{ same: boolean }>('practice-log-softmax-gradient', who);
      seen.add(same);
      const right = same ? 'h - p_r*h' : '-h*p_r';
      expect((await check('practice-log-softmax-gradient', who, right)).verdict).toBe('correct');
      expect(await check('practice-log-softmax-gradient', who, same ? 'p_r*h - h' : 'p_r*h')).toMatchObject({ verdict: 'wrong', mistake: 'dropped-minus' });
      expect(await check('practice-log-softmax-gradient', who, same ? '1 - p_r' : '-p_r')).toMatchObject({ verdict: 'wrong', mistake: 'forgot-h' });
    }
    expect(seen.size).toBe(2);
  });
});
