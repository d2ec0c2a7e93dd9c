import { describe, expect, test } from 'vitest';
import { fitShape, parseNumber, parseRows } from '@exercises/parse/numbers.ts';

const value = (text: string) => {
  const r = parseNumber(text);
  if (!r.ok) throw new Error(`"${text}" did not parse: ${r.message}`);
  return r.value;
};
const message = (text: string) => {
  const r = parseNumber(text);
  if (r.ok) throw new Error(`"${text}" parsed as ${r.value}`);
  return r.message;
};

describe('parseNumber', () => {
  test('reads decimals, signs, exponents and fractions as people write them', () => {
    expect(value('0.25')).toBe(0.25);
    expect(value('  -1.5 ')).toBe(-1.5);
    expect(value('\u22120.5')).toBe(-0.5); // typographic minus
    expect(value('\u20130.5')).toBe(-0.5); // en dash
    expect(value('.5')).toBe(0.5);
    expect(value('3.')).toBe(3);
    expect(value('+2')).toBe(2);
    expect(value('2.5e-3')).toBe(0.0025);
    expect(value('2.5E3')).toBe(2500);
    expect(value('2.5×10^-3')).toBeCloseTo(0.0025, 15);
    expect(value('2.5 * 10^(-3)')).toBeCloseTo(0.0025, 15);
    expect(value('1/4')).toBe(0.25);
    expect(value('-3/4')).toBe(-0.75);
    expect(value('-0')).toBe(0);
    expect(Object.is(value('-0'), -0)).toBe(false);
  });

  test('refuses what is not a finite number, saying what to write', () => {
    expect(message('')).toMatch(/Enter a number/);
    expect(message('abc')).toMatch(/is not a number/);
    expect(message('0,25')).toMatch(/decimal point: write 0\.25/);
    expect(message('25%')).toMatch(/not a percentage/);
    expect(message('Infinity')).toMatch(/finite/);
    expect(message('NaN')).toMatch(/finite/);
    expect(message('1e999')).toMatch(/too large/);
    expect(message('1/0')).toMatch(/divides by zero/);
    expect(message('1 2')).toMatch(/is not a number/);
    expect(message('x'.repeat(500))).toMatch(/too long/);
    expect(message('0x10')).toMatch(/is not a number/);
  });
});

describe('parseRows', () => {
  const rows = (text: string) => {
    const r = parseRows(text);
    if (!r.ok) throw new Error(`"${text}" did not parse: ${r.message}`);
    return r.value;
  };

  test('a vector in every accepted notation', () => {
    for (const t of ['[0.1, 0.2, 0.7]', '0.1 0.2 0.7', '0.1, 0.2, 0.7', '(0.1, 0.2, 0.7)', '[0.1 0.2 0.7]', ' 0.1,0.2 ,0.7 ']) {
      expect(rows(t), t).toEqual([[0.1, 0.2, 0.7]]);
    }
    expect(rows('0.1; 0.2; 0.7')).toEqual([[0.1], [0.2], [0.7]]);
    expect(rows('0.1\n0.2\n0.7')).toEqual([[0.1], [0.2], [0.7]]);
  });

  test('a matrix by lines, by semicolons and by nested brackets', () => {
    const m = [[1, 2], [3, 4], [5, -6]];
    for (const t of ['1 2\n3 4\n5 -6', '1, 2; 3, 4; 5, -6', '[[1, 2], [3, 4], [5, -6]]', '[1, 2]\n[3, 4]\n[5, -6]', '[1 2; 3 4; 5 \u22126]', '1 2\r\n3 4\r\n5 -6\r\n']) {
      expect(rows(t), JSON.stringify(t)).toEqual(m);
    }
  });

  test('refuses ragged rows, bad entries and unbalanced brackets with messages', () => {
    const bad = (t: string) => {
      const r = parseRows(t);
      expect(r.ok, t).toBe(false);
      return r.ok ? '' : r.message;
    };
    expect(bad('1 2\n3')).toMatch(/Row 2 has 1 numbers but row 1 has 2/);
    expect(bad('[1, 2')).toMatch(/brackets do not match/);
    expect(bad('1, two, 3')).toMatch(/"two" is not a number/);
    expect(bad('')).toMatch(/Enter the numbers/);
    expect(bad(';;;')).toMatch(/No numbers/);
    expect(bad('[[1,2] x [3,4]]')).toMatch(/inside brackets/);
  });

  test('fitShape accepts a vector as a row or a column, and a matrix only with its rows', () => {
    expect(fitShape([[1, 2, 3]], [3])).toEqual([1, 2, 3]);
    expect(fitShape([[1], [2], [3]], [3])).toEqual([1, 2, 3]);
    expect(fitShape([[1, 2]], [3])).toBeNull();
    expect(fitShape([[1, 2], [3, 4]], [2, 2])).toEqual([[1, 2], [3, 4]]);
    expect(fitShape([[1, 2, 3, 4]], [2, 2])).toBeNull();
  });
});
