// Lesson 4's exercises: keys against hand computations (not the engine's code), likely mistakes
// recognised, and the race challenge judged on plain states.
import { describe, expect, it } from 'vitest';
import { check, exercise, variant } from './helpers';

const students = ['default', 'ada', 'grace', 'alan', 'emmy', 'kurt'];

/** C(h, i) by the product formula, for the checks below. */
function binom(h: number, i: number): number {
  let r = 1;
  for (let j = 1; j <= i; j++) r = (r * (h - j + 1)) / j;
  return Math.round(r);
}

/** The tent T on [0, 1] written piecewise: 2x up to ½, 2 − 2x after (and 0 outside the data). */
const T = (x: number) => (x <= 0.5 ? 2 * x : 2 - 2 * x);

describe('l4-param-count', () => {
  it('counts weights and biases layer by layer', async () => {
    for (const s of students) {
      const { d, hidden } = variant<{ d: number; hidden: number[] }>('l4-param-count', s);
      let prev = d;
      let total = 0;
      for (const h of [...hidden, 1]) {
        total += prev * h + h;
        prev = h;
      }
      expect((await check('l4-param-count', s, String(total))).verdict).toBe('correct');
      const weightsOnly = total - hidden.reduce((a, b) => a + b, 0) - 1;
      expect(await check('l4-param-count', s, String(weightsOnly))).toMatchObject({ verdict: 'wrong', mistake: 'no-biases' });
      expect(await check('l4-param-count', s, String(total - 1))).toMatchObject({ verdict: 'wrong', mistake: 'output-no-bias' });
    }
  });
});

describe('parity circuits', () => {
  it('l4-dnf-gates: 2ⁿ⁻¹ terms and one OR', async () => {
    for (const s of students) {
      const { n } = variant<{ n: number }>('l4-dnf-gates', s);
      expect((await check('l4-dnf-gates', s, String(2 ** (n - 1) + 1))).verdict).toBe('correct');
      expect(await check('l4-dnf-gates', s, String(2 ** n + 1))).toMatchObject({ mistake: 'all-patterns' });
      expect(await check('l4-dnf-gates', s, String(2 ** (n - 1)))).toMatchObject({ mistake: 'no-or' });
    }
  });
  it('l4-andor-circuit: 3(n − 1) gates at depth 2⌈log₂ n⌉; the XOR tree’s numbers are recognised', async () => {
    for (const s of students) {
      const { n } = variant<{ n: number }>('l4-andor-circuit', s);
      const levels = Math.ceil(Math.log2(n));
      expect((await check('l4-andor-circuit', s, `[${3 * (n - 1)}, ${2 * levels}]`)).verdict).toBe('correct');
      expect(await check('l4-andor-circuit', s, `[${n - 1}, ${levels}]`)).toMatchObject({ mistake: 'xor-tree' });
    }
    // The decks' 4-bit circuit: 9 gates, depth 4 (a variant is not needed to know it).
    expect(Math.ceil(Math.log2(4)) * 2).toBe(4);
  });
  it('l4-hastad: exactly the true statements are correct; the ReLU claim is flagged', async () => {
    for (const s of students) {
      const v = variant<{ d: number; k: number; shown: number }>('l4-hastad', s);
      const exponentRight = Math.abs(v.shown - Math.pow(v.d, 1 / (v.k - 1))) < 1e-9;
      const right = ['b', 'd', ...(exponentRight ? ['a'] : [])];
      expect((await check('l4-hastad', s, right)).verdict).toBe('correct');
      const withRelu = await check('l4-hastad', s, [...right, 'c']);
      expect(withRelu.verdict).toBe('wrong');
      expect(withRelu.message).toMatch(/ReLU unit sums all its inputs/);
    }
  });
});

describe('tents and pieces', () => {
  it('l4-zigzag-formula: the ReLU zig-zag through the points; kinks of 1 are recognised', async () => {
    for (const s of students) {
      const { even } = variant<{ even: boolean }>('l4-zigzag-formula', s);
      const right = even ? '1 - relu(s) + 2*relu(s-1) - 2*relu(s-2)' : 'relu(s) - 2*relu(s-1) + 2*relu(s-2)';
      expect((await check('l4-zigzag-formula', s, right)).verdict).toBe('correct');
      // An equivalent form written differently: |s − 1| based for the odd case.
      if (!even) expect((await check('l4-zigzag-formula', s, '1 - abs(s - 1) + 2*relu(s - 2) - 0*s')).verdict).toBe('correct');
      const flat = even ? '1 - relu(s) + relu(s-1) - relu(s-2)' : 'relu(s) - relu(s-1) + relu(s-2)';
      expect(await check('l4-zigzag-formula', s, flat)).toMatchObject({ verdict: 'wrong', mistake: 'kink-one' });
    }
  });
  it('l4-tent-values: T applied k times by hand', async () => {
    for (const s of students) {
      const { x, k } = variant<{ x: number[]; k: number }>('l4-tent-values', s);
      const values = x.map((xi) => {
        let t = xi;
        for (let i = 0; i < k; i++) t = T(t);
        return t;
      });
      expect((await check('l4-tent-values', s, `[${values.join(', ')}]`)).verdict).toBe('correct');
      expect(await check('l4-tent-values', s, `[${x.map(T).join(', ')}]`)).toMatchObject({ mistake: 'once' });
    }
  });
  it('l4-tent-pieces: 2^k pieces, 2k units, 2k + 1 for one layer', async () => {
    for (const s of students) {
      const { k } = variant<{ k: number }>('l4-tent-pieces', s);
      expect((await check('l4-tent-pieces', s, `[${2 ** k}, ${2 * k}, ${2 * k + 1}]`)).verdict).toBe('correct');
      expect(await check('l4-tent-pieces', s, `[${2 * k}, ${2 * k}, ${2 * k + 1}]`)).toMatchObject({ mistake: 'linear-pieces' });
    }
  });
  it('l4-montufar-sum: Σ C(h, i) by the product formula; h^d is recognised', async () => {
    for (const s of students) {
      const { h, d } = variant<{ h: number; d: number }>('l4-montufar-sum', s);
      let sum = 0;
      for (let i = 0; i <= d; i++) sum += binom(h, i);
      expect((await check('l4-montufar-sum', s, String(sum))).verdict).toBe('correct');
      expect(await check('l4-montufar-sum', s, String(h ** d))).toMatchObject({ mistake: 'h-pow-d' });
    }
  });
});

describe('l4-tent-code', () => {
  it('accepts a loop of ReLU tents and recognises one composition too few', async () => {
    const good = 'function zigzag(x, k) { let t = x; for (let i = 0; i < k; i++) t = Math.max(0, 2 * t) - Math.max(0, 4 * (t - 0.5)); return t; }';
    expect((await check('l4-tent-code', 'ada', good)).verdict).toBe('correct');
    const short = 'function zigzag(x, k) { let t = x; for (let i = 1; i < k; i++) t = Math.max(0, 2 * t) - Math.max(0, 4 * (t - 0.5)); return t; }';
    expect(await check('l4-tent-code', 'ada', short)).toMatchObject({ verdict: 'wrong', mistake: 'once-too-few' });
  });
});

describe('l4-product-formula', () => {
  it('accepts μ[...] with μ = 1/λ² and recognises a missing μ', async () => {
    for (const s of students) {
      const { lambda } = variant<{ lambda: number }>('l4-product-formula', s);
      const g = (u: string) => `log(1 + exp(${u}))`;
      const net = (mu: number) =>
        `${mu} * (${g(`${lambda}*(x1+x2)`)} + ${g(`-${lambda}*(x1+x2)`)} - ${g(`${lambda}*(x1-x2)`)} - ${g(`-${lambda}*(x1-x2)`)})`;
      expect((await check('l4-product-formula', s, net(1 / lambda ** 2))).verdict).toBe('correct');
      expect(await check('l4-product-formula', s, net(1))).toMatchObject({ verdict: 'wrong', mistake: 'no-mu' });
    }
  });
  it('the network is close to x₁x₂ and closer for smaller λ (the lesson’s 3.39, 5.94, 5.9994 at x = (2, 3))', () => {
    const sp = (z: number) => Math.log(1 + Math.exp(z));
    const yt = (l: number, a: number, b: number) => (1 / (4 * l * l * 0.25)) * (sp(l * (a + b)) + sp(-l * (a + b)) - sp(l * (a - b)) - sp(-l * (a - b)));
    expect(yt(1, 2, 3)).toBeCloseTo(3.387, 3);
    expect(yt(0.1, 2, 3)).toBeCloseTo(5.936, 3);
    expect(yt(0.01, 2, 3)).toBeCloseTo(5.99935, 4);
    expect(exercise('l4-product-formula').kind).toBe('formula');
  });
});

describe('l4-race-seeds', () => {
  const state = (over: { seed?: number; bits?: number; deep?: number; shallow?: number; epoch?: number }) => ({
    name: 'parity',
    params: { bits: over.bits ?? 10, depth: 3, width: 10, act: 'tanh', lr: 0.01 },
    seed: over.seed ?? 6,
    trainers: [
      { id: 'deep', epoch: over.epoch ?? 1200, accuracy: over.deep ?? 0.955 },
      { id: 'shallow', epoch: over.epoch ?? 1200, accuracy: over.shallow ?? 0.508 },
    ],
  });
  it('is met by a stuck shallow and a good deep network on a new seed, and says what is missing otherwise', async () => {
    const { deepTarget } = variant<{ deepTarget: number }>('l4-race-seeds', 'ada');
    expect((await check('l4-race-seeds', 'ada', state({ deep: deepTarget + 0.004 }))).verdict).toBe('correct');
    expect((await check('l4-race-seeds', 'ada', state({ seed: 7 }))).message).toMatch(/Seed 7/);
    expect((await check('l4-race-seeds', 'ada', state({ bits: 8 }))).message).toMatch(/back to 10/);
    expect((await check('l4-race-seeds', 'ada', state({ shallow: 0.999 }))).message).toMatch(/did not get stuck/);
    expect((await check('l4-race-seeds', 'ada', state({ epoch: 100 }))).message).toMatch(/Train longer/);
    expect((await check('l4-race-seeds', 'ada', { name: 'parity', params: {} })).verdict).toBe('invalid');
  });
});
