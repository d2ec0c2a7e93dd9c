import { describe, expect, test } from 'vitest';
import { curvature, l1Optimum, type Quadratic } from '@widgets/lesson5/geometry/model';
import { describeFigure, geometryFigure, geometryPlotOptions, LAMBDA_MAX } from '@widgets/lesson5/geometry/view';
import { DEFAULT_STATE, PANEL_CURVATURE } from '@widgets/lesson5/geometry/element';

const q: Quadratic = { H: PANEL_CURVATURE, wStar: DEFAULT_STATE.wStar };

describe('geometryFigure', () => {
  test('the path starts at w* (λ = 0) and its L1 version contains the exact axis landing', () => {
    const l2 = geometryFigure(q, 'l2', 0.5);
    expect(l2.path[0]![0]).toBeCloseTo(1.6, 12);
    expect(l2.path[0]![1]).toBeCloseTo(0.7, 12);
    const l1 = geometryFigure(q, 'l1', 0.5);
    expect(l1.path.some(([a, b]) => b === 0 && a > 0)).toBe(true);
    expect(l1.path.at(-1)).toEqual([0, 0]);
  });
  test('the ball passes through the optimum and is empty at the origin', () => {
    const fig = geometryFigure(q, 'l1', 1.2);
    const t = Math.abs(fig.w[0]) + Math.abs(fig.w[1]);
    expect(fig.ball[0]).toEqual([t, 0]);
    expect(geometryFigure(q, 'l1', LAMBDA_MAX).ball).toEqual([]);
  });
  test('plot options: square, equal domains, every mark aria-hidden', () => {
    const opts = geometryPlotOptions(geometryFigure(q, 'l2', 0.5));
    expect(opts.width).toBe(opts.height);
    expect(opts.x?.domain).toEqual(opts.y?.domain);
    for (const mark of opts.marks ?? []) expect((mark as { ariaHidden?: string }).ariaHidden).toBe('true');
  });
});

describe('describeFigure', () => {
  test('names the axis the L1 optimum sits on', () => {
    expect(l1Optimum(q, 1)[1]).toBe(0);
    expect(describeFigure(geometryFigure(q, 'l1', 1))).toMatch(/on the w₁ axis: w₂ is exactly zero/);
  });
  test('says both weights are nonzero for L2', () => {
    expect(describeFigure(geometryFigure(q, 'l2', 1))).toMatch(/^L2 penalty, λ = 1\.00: .*both weights are nonzero\.$/);
  });
  test('says the origin when both are zero', () => {
    expect(describeFigure(geometryFigure({ H: curvature(1, 1, 0), wStar: [0.5, 0.5] }, 'l1', 1))).toMatch(/the origin/);
  });
});
