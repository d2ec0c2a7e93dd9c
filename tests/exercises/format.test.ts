import { describe, expect, it } from 'vitest';
import { texLinear } from '../../src/exercises/format.ts';
import { exercise, variant } from './helpers.ts';

describe('texLinear', () => {
  it('writes a linear combination as a person would', () => {
    expect(texLinear([0, -1, 2], ['', 'x_1', 'x_2'])).toBe('-x_1 + 2\\,x_2');
    expect(texLinear([3, 1, -1], ['', 'x_1', 'x_2'])).toBe('3 + x_1 - x_2');
    expect(texLinear([-0.5, 0, -2.25], ['', 'x_1', 'x_2'])).toBe('-0.5 - 2.25\\,x_2');
    expect(texLinear([0, 0], ['', 'x_1'])).toBe('0');
    expect(texLinear([-0, 4], ['', 'x_1'])).toBe('4\\,x_1');
  });
});

describe('l1-boundary-line worked solution', () => {
  it('never writes "+ -", "- -" or a coefficient 1, for many students', () => {
    const ex = exercise('l1-boundary-line');
    for (let i = 0; i < 200; i++) {
      const text = ex.solution(variant(ex.id, `student-${i}`));
      expect(text).not.toMatch(/[+-]\s*-/);
      expect(text).not.toMatch(/(^|[^\d.])1\\,x/);
    }
  });
});
