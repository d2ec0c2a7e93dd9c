import { describe, expect, it } from 'vitest';
import { formatInline, formatNumber, formatValue, isMatrix } from '../../src/cells/format';

describe('formatNumber', () => {
  it('keeps six significant digits and drops trailing zeros', () => {
    expect(formatNumber(Math.PI)).toBe('3.14159');
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(2.5)).toBe('2.5');
    expect(formatNumber(-1 / 3)).toBe('-0.333333');
  });
  it('writes integers whole and extremes in exponent form', () => {
    expect(formatNumber(42)).toBe('42');
    expect(formatNumber(1e-7)).toBe('1e-7');
    expect(formatNumber(1234567.891)).toBe('1.23457e+6');
    expect(formatNumber(-0)).toBe('0');
  });
  it('names the non-finite values', () => {
    expect(formatNumber(Number.NaN)).toBe('NaN');
    expect(formatNumber(-Infinity)).toBe('-Infinity');
  });
});

describe('formatValue', () => {
  it('prints a vector inline', () => {
    expect(formatValue([0.5, 1 / 3, 2])).toEqual([{ kind: 'text', text: '[0.5, 0.333333, 2]' }]);
  });
  it('prints a matrix as a table', () => {
    expect(formatValue([[1, 2], [3, 0.25]])).toEqual([{ kind: 'table', rows: [['1', '2'], ['3', '0.25']] }]);
  });
  it('prints an object as key: value lines, matrices inside as tables', () => {
    expect(formatValue({ loss: 0.125, W: [[1, 0], [0, 1]] })).toEqual([
      { kind: 'text', text: 'loss: 0.125' },
      { kind: 'text', text: 'W:' },
      { kind: 'table', rows: [['1', '0'], ['0', '1']] },
    ]);
  });
  it('passes plot descriptions through and prints nothing for undefined', () => {
    expect(formatValue({ $plot: { marks: [] } })).toEqual([{ kind: 'plot', spec: { marks: [] } }]);
    expect(formatValue(undefined)).toEqual([]);
  });
  it('turns a table of records into a header and rows', () => {
    expect(formatValue({ $table: [{ k: 1, pieces: 2 }, { k: 2, pieces: 4 }] })).toEqual([
      { kind: 'table', header: ['k', 'pieces'], rows: [['1', '2'], ['2', '4']] },
    ]);
  });
  it('shows strings in table cells without quotes, nested values as they print inline', () => {
    expect(formatValue({ $table: [{ name: 'L1, λ = 0.01', w: [1, 'a'] }] })).toEqual([
      { kind: 'table', header: ['name', 'w'], rows: [['L1, λ = 0.01', '[1, "a"]']] },
    ]);
  });
  it('cuts long arrays', () => {
    expect(formatInline(Array.from({ length: 300 }, (_, i) => i))).toMatch(/, … \(300 items\)\]$/);
  });
  it('recognises only rectangular number matrices', () => {
    expect(isMatrix([[1, 2], [3]])).toBe(false);
    expect(isMatrix([[1, 'a']])).toBe(false);
    expect(isMatrix([[1]])).toBe(true);
  });
});
