import { describe, expect, it } from 'vitest';
import { formatNumber, formatVector, parseNumber } from '@widgets/lesson3/format';

describe('formatNumber', () => {
  it('writes ordinary numbers with fixed decimals and a typographic minus', () => {
    expect(formatNumber(0.70538451)).toBe('0.7054');
    expect(formatNumber(-0.2946, 2)).toBe('\u22120.29');
  });
  it('names the float specials in words a student recognizes', () => {
    expect(formatNumber(Number.NaN)).toBe('NaN');
    expect(formatNumber(Infinity)).toBe('∞');
    expect(formatNumber(-Infinity)).toBe('\u2212∞');
  });
  it('switches to scientific notation for very small and very large sizes', () => {
    expect(formatNumber(1.234e-9)).toBe('1.23e\u22129');
    expect(formatNumber(2.5e12)).toBe('2.50e12');
    expect(formatNumber(0)).toBe('0.0000');
  });
  it('drops the sign of a value that rounds to zero', () => {
    expect(formatNumber(-0.00001, 2)).toBe('\u22121.0e\u22125');
    expect(formatNumber(-0.0004, 2)).toBe('0.00');
  });
  it('formats vectors', () => {
    expect(formatVector([1, -2], 1)).toBe('(1.0, \u22122.0)');
  });
});

describe('parseNumber', () => {
  it('reads what a person types, including the typographic minus', () => {
    expect(parseNumber(' \u22121000 ')).toBe(-1000);
    expect(parseNumber('1e3')).toBe(1000);
    expect(parseNumber('.5')).toBe(0.5);
  });
  it('returns NaN for anything that is not a plain number', () => {
    expect(parseNumber('')).toBeNaN();
    expect(parseNumber('12abc')).toBeNaN();
    expect(parseNumber('0x10')).toBeNaN();
    expect(parseNumber('Infinity')).toBeNaN();
  });
});
