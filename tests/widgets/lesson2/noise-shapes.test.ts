// The noise-shapes panel: its numbers follow the formulas, its state stays in range, and its
// charts describe themselves in words.
import { describe, expect, it } from 'vitest';
import { clampState, curves, CONTROLS, initialState, readouts, tailRatio } from '@widgets/lesson2/noise-shapes/model';
import { densityOptions, describe as describeCharts, negLogOptions, NEG_LOG_TOP } from '@widgets/lesson2/noise-shapes/view';
import { formatNumber, readNumber } from '@widgets/lesson2/format';

describe('noise-shapes model', () => {
  it('at σ = 1, r = 2.5: Gaussian −log p = ½log 2π + 3.125, Laplace −log p = log √2 + 2.5·√2', () => {
    const [g, l] = readouts({ sigma: 1, r: 2.5 });
    expect(g.negLog).toBeCloseTo(0.5 * Math.log(2 * Math.PI) + 3.125, 12);
    expect(l.scale).toBeCloseTo(Math.SQRT1_2, 15);
    expect(l.negLog).toBeCloseTo(Math.log(Math.SQRT2) + 2.5 * Math.SQRT2, 12);
    expect(g.pull).toBeCloseTo(2.5, 12);
    expect(l.pull).toBeCloseTo(Math.SQRT2, 12);
  });

  it('the Gaussian pull grows with the residual while the Laplace pull stays at 1/b', () => {
    const near = readouts({ sigma: 1, r: 0.5 });
    const far = readouts({ sigma: 1, r: 5 });
    expect(far[0].pull / near[0].pull).toBeCloseTo(10, 12);
    expect(far[1].pull).toBe(near[1].pull);
  });

  it('Laplace makes a 5σ residual some 1,500 times more likely, and a small one less likely', () => {
    expect(tailRatio({ sigma: 1, r: 5 })).toBeGreaterThan(1400);
    expect(tailRatio({ sigma: 1, r: 5 })).toBeLessThan(1600);
    expect(tailRatio({ sigma: 1, r: 0.3 })).toBeLessThan(1);
  });

  it('draws both curves on the same 401 residuals over the slider range', () => {
    const pts = curves(1);
    expect(pts).toHaveLength(802);
    expect(pts[0]!.r).toBe(CONTROLS.r.min);
    expect(pts[400]!.r).toBe(CONTROLS.r.max);
    expect(pts.filter((p) => p.model === 'Laplace')).toHaveLength(401);
  });

  it('clamps out-of-range and non-finite values', () => {
    expect(clampState({ sigma: 99, r: -99 })).toEqual({ sigma: CONTROLS.sigma.max, r: CONTROLS.r.min });
    expect(clampState({ sigma: Number.NaN, r: Infinity })).toEqual({ sigma: CONTROLS.sigma.initial, r: CONTROLS.r.initial });
    expect(clampState(initialState)).toEqual(initialState);
  });
});

describe('noise-shapes view', () => {
  const style = { fg: '#000', colors: ['#0072B2', '#D55E00'] as const, width: 400, present: false };

  it('keeps every mark out of the accessibility tree (the chart is one image)', () => {
    for (const opts of [densityOptions(initialState, style), negLogOptions(initialState, style)]) {
      for (const mark of opts.marks ?? []) {
        expect((mark as { ariaHidden?: string }).ariaHidden ?? 'true').toBe('true');
      }
    }
  });

  it('clips the −log chart at a fixed top so the parabola visibly leaves it', () => {
    const opts = negLogOptions({ sigma: 0.25, r: 0 }, style);
    expect(opts.clip).toBe(true);
    expect((opts.y as { domain: number[] }).domain[1]).toBe(NEG_LOG_TOP);
    // At σ = 0.25 the Laplace constant log(2b) ≈ −1.04 must stay on the chart.
    expect((opts.y as { domain: number[] }).domain[0]).toBeLessThan(Math.log(2 * 0.25 / Math.SQRT2));
  });

  it('describes both charts in words with the numbers shown', () => {
    const text = describeCharts({ sigma: 1, r: 2.5 });
    expect(text.density).toContain('σ = 1.00');
    expect(text.density).toContain('b = 0.71');
    expect(text.negLog).toContain('parabola');
    expect(text.negLog).toContain(formatNumber(readouts({ sigma: 1, r: 2.5 })[0].negLog));
  });
});

describe('formatNumber and readNumber', () => {
  it('uses decimals for everyday sizes and powers of ten for tiny ones', () => {
    expect(formatNumber(1.0973740579, 3)).toBe('1.097');
    expect(formatNumber(-0.4, 2)).toBe('−0.40');
    expect(formatNumber(5.733e-7, 3)).toBe('5.73 × 10⁻⁷');
    expect(formatNumber(-2.5e12, 2)).toBe('−2.5 × 10¹²');
    expect(formatNumber(-0.0001, 2)).toBe('−1.0 × 10⁻⁴');
    expect(formatNumber(0, 2)).toBe('0.00');
  });

  it('never shows "−0.000" for a value that rounds to zero', () => {
    expect(formatNumber(-0.004, 2)).toBe('0.00');
  });

  it('spells out the non-finite values', () => {
    expect(formatNumber(Infinity)).toBe('∞');
    expect(formatNumber(-Infinity)).toBe('−∞');
    expect(formatNumber(Number.NaN)).toBe('not a number');
  });

  it('reads a number or says what is wrong with it', () => {
    expect(readNumber(' 0.5 ', 0, 1, 'σ')).toEqual({ value: 0.5 });
    expect(readNumber('', 0, 1, 'σ')).toHaveProperty('error');
    expect(readNumber('abc', 0, 1, 'σ')).toHaveProperty('error');
    expect(readNumber('2', 0, 1, 'σ')).toHaveProperty('error');
    expect(readNumber('NaN', 0, 1, 'σ')).toHaveProperty('error');
  });
});
