// Robustness: every checker gets at least 1,000 random malformed answers; each must come back
// "invalid" with a message, and none may throw.
import { describe, expect, test } from 'vitest';
import { createRng, type Rng } from '@engine';
import { check } from './helpers.ts';

const N = 1000;
const rng = createRng(20240613);
const pickChar = (r: Rng, s: string) => s[r.int(s.length)]!;
const junk = (r: Rng, alphabet: string, max: number) => Array.from({ length: r.int(max) }, () => pickChar(r, alphabet)).join('');
/** Values of the wrong type entirely. */
const wrongTypes: unknown[] = [null, undefined, 42, Number.NaN, true, {}, { a: 1 }, [1, 2], () => 1, Symbol('s')];

/** Inserts `bad` at a random position of `text`. */
function insert(r: Rng, text: string, bad: string): string {
  const i = r.int(text.length + 1);
  return text.slice(0, i) + bad + text.slice(i);
}

async function expectAllInvalid(id: string, answers: readonly unknown[]): Promise<void> {
  expect(answers.length).toBeGreaterThanOrEqual(N);
  for (const a of answers) {
    const r = await check(id, 'fuzz', a);
    if (r.verdict !== 'invalid' || r.message.trim().length < 8) {
      throw new Error(`${id}: ${JSON.stringify(typeof a === 'symbol' ? String(a) : a)} gave ${r.verdict}: ${r.message}`);
    }
  }
}

const NUMBERISH = '0123456789.-+eE/ ×*^()[],;\u2212\n';
const LETTERS = 'abcdfghijklmnopqrstuvwyzABCDFGHIJKLMNOPQRSTUVWYZ_$@#!?<>{}"\'`\\|&%~';

describe('every checker calls 1,000 malformed answers invalid, with a message', () => {
  test('numeric', async () => {
    const answers: unknown[] = [...wrongTypes, '', '   ', '1,5', '1e', '--1', '1..2', '1/0', '1e999', 'x'.repeat(200)];
    while (answers.length < N) answers.push(insert(rng, junk(rng, NUMBERISH, 12), pickChar(rng, LETTERS)));
    await expectAllInvalid('practice-sigmoid-value', answers);
  });

  test('vector and matrix', async () => {
    const answers: unknown[] = [...wrongTypes, '', '[', '[[1, 2]', '1 2\n3', ';;', '[1, 2] x', '1 2 3 4 5 6 7', '9'.repeat(30_000)];
    while (answers.length < N) answers.push(insert(rng, junk(rng, NUMBERISH, 30), pickChar(rng, LETTERS)));
    await expectAllInvalid('practice-softmax-probs', answers);
    await expectAllInvalid('practice-weight-gradient', answers.slice(0, N));
  });

  test('single and multiple choice', async () => {
    const answers: unknown[] = [...wrongTypes, [], '', 'shift', [1], [null], ['shift', 7]];
    while (answers.length < N) {
      const k = 1 + rng.int(4);
      answers.push(Array.from({ length: k }, () => junk(rng, 'abcdefghij-0123456789', 12) || 'x'));
    }
    await expectAllInvalid('practice-softmax-invariance', answers);
    // Single choice: also two valid options at once.
    await expectAllInvalid('practice-linear-classifier', [...answers.slice(0, N - 3), ['class-1', 'class-2'], ['class-1', 'class-3'], ['class-2', 'class-3']]);
  });

  test('formula', async () => {
    const ALPHABET = 'zsigmaexplog()*+-/^ 0123456789.,_=<>![]{}"\';:?';
    const answers: unknown[] = [...wrongTypes, '', '(', 'sigma z', 'z(', 'f(z)', 'z = 1', '[z]', 'z ? 1 : 2', 'z'.repeat(500), 'sigma(z, z)', 'cm'];
    while (answers.length < N) answers.push(insert(rng, junk(rng, ALPHABET, 20), ` ${pickChar(rng, 'qwyQW')}${pickChar(rng, 'qwyQW')} `));
    await expectAllInvalid('practice-sigmoid-chain', answers);
  });

  test('code', { timeout: 120_000 }, async () => {
    const JS = 'function softmax(z) { return z.map((x) => Math.exp(x)); } const let var = + - * / ; , . [ ] ( ) { } " \' ` => if else for while';
    const answers: unknown[] = [...wrongTypes, '', '   \n  ', 'x'.repeat(20_001), 'import("data:text/javascript,1")', 'function soft(z) { return z; }'];
    // Mostly code that does not parse (a stray ")" first), some that runs but defines no softmax.
    while (answers.length < N - 30) answers.push(`)${junk(rng, JS, 60)}`);
    while (answers.length < N) answers.push(`const v${answers.length} = ${rng.int(100)} * ${rng.int(100)};`);
    await expectAllInvalid('practice-code-stable-softmax', answers);
  });

  test('widget challenge', async () => {
    const randomValue = (depth: number): unknown => {
      const t = rng.int(depth > 2 ? 4 : 6);
      if (t === 0) return junk(rng, 'abc', 5);
      if (t === 1) return [Number.NaN, null, Number.POSITIVE_INFINITY, 'x', true][rng.int(5)];
      if (t === 2) return null;
      if (t === 3) return rng.int(2) === 0;
      if (t === 4) return Array.from({ length: rng.int(3) }, () => randomValue(depth + 1));
      return Object.fromEntries(Array.from({ length: rng.int(4) }, () => [pickChar(rng, 'mpqrs') + junk(rng, 'abc', 4), randomValue(depth + 1)]));
    };
    const answers: unknown[] = [...wrongTypes.filter((v) => typeof v !== 'object' || v === null || Array.isArray(v)), {}, { metrics: {} }, { metrics: { accuracy: 'NaN' }, params: { w: 1 } }];
    while (answers.length < N) {
      const v = randomValue(0);
      // Sometimes a state that has the right fields with unusable values.
      answers.push(rng.int(3) === 0 ? { metrics: { accuracy: randomValue(3), loss: randomValue(3) }, params: { w: randomValue(3) } } : v);
    }
    await expectAllInvalid('practice-neuron-separate', answers);
  });
});
