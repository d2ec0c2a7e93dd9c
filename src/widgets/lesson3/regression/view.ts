// The softmax-regression widget's own views as pure functions: each class's weight vector w_c
// as an arrow from the origin and its update direction −∂L/∂w_c as an arrow from w_c's tip, over
// the training points; and the numbers behind the arrows as table rows.

import * as Plot from '@observablehq/plot';
import type { PlotOptions } from '@observablehq/plot';
import { classColors, classSymbols } from '@lib/palette';
import { formatNumber } from '../format';
import { gradientSum, type ClassArrow, type Points } from './model';

/** How much longer than −∂L/∂w_c the update arrows are drawn (a view setting, not η). */
export const ARROW_SCALES = [1, 5, 20] as const;

/** One arrow of the chart. */
export interface ArrowSegment {
  c: number;
  kind: 'weight' | 'update';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  label: string;
}

const SUB = '₀₁₂₃₄₅₆₇₈₉';

/** w_c from the origin; −scale·∂L/∂w_c from the tip of w_c (where the step will take it, magnified). */
export function arrowSegments(arrows: readonly ClassArrow[], scale: number): ArrowSegment[] {
  const out: ArrowSegment[] = [];
  for (const a of arrows) {
    const name = SUB[a.c + 1] ?? String(a.c + 1);
    out.push({ c: a.c, kind: 'weight', x1: 0, y1: 0, x2: a.w[0], y2: a.w[1], label: `w${name}` });
    out.push({
      c: a.c,
      kind: 'update',
      x1: a.w[0],
      y1: a.w[1],
      x2: a.w[0] - scale * a.gradW[0],
      y2: a.w[1] - scale * a.gradW[1],
      label: scale === 1 ? `−∂L/∂w${name}` : `−${scale}·∂L/∂w${name}`,
    });
  }
  return out;
}

/** A square window around the origin that holds every point and every arrow, at least ±4. */
export function chartExtent(points: Points, segments: readonly ArrowSegment[]): number {
  let m = 4;
  for (let i = 0; i < 2 * points.n; i++) m = Math.max(m, Math.abs(points.x[i]!));
  for (const s of segments) m = Math.max(m, Math.abs(s.x2), Math.abs(s.y2));
  return Math.ceil(m * 1.05 * 2) / 2;
}

/** The arrows chart: training points by class colour and symbol, weight arrows solid, update arrows dashed. */
export function arrowsChart(points: Points, arrows: readonly ClassArrow[], scale: number, width: number): PlotOptions {
  const segments = arrowSegments(arrows, scale);
  const r = chartExtent(points, segments);
  const dots = Array.from({ length: points.n }, (_, i) => ({ x: points.x[2 * i]!, y: points.x[2 * i + 1]!, c: points.y[i]! }));
  const size = Math.max(240, Math.min(width, 460));
  const weight = segments.filter((s) => s.kind === 'weight');
  const update = segments.filter((s) => s.kind === 'update');
  const colour = (d: { c: number }) => classColors[d.c] ?? 'currentColor';
  return {
    width: size,
    height: size,
    marginLeft: 36,
    marginBottom: 32,
    x: { domain: [-r, r], label: 'x₁', grid: true },
    y: { domain: [-r, r], label: 'x₂', grid: true },
    symbol: { domain: classSymbols.map((_, i) => i), range: [...classSymbols] },
    marks: [
      Plot.ruleX([0], { strokeOpacity: 0.4, ariaHidden: 'true' }),
      Plot.ruleY([0], { strokeOpacity: 0.4, ariaHidden: 'true' }),
      Plot.dot(dots, { x: 'x', y: 'y', symbol: 'c', stroke: colour, fill: colour, fillOpacity: 0.25, strokeOpacity: 0.6, r: 3, ariaHidden: 'true' }),
      Plot.arrow(weight, { x1: 'x1', y1: 'y1', x2: 'x2', y2: 'y2', stroke: colour, strokeWidth: 3, headLength: 10, ariaHidden: 'true' }),
      Plot.arrow(update, { x1: 'x1', y1: 'y1', x2: 'x2', y2: 'y2', stroke: colour, strokeWidth: 2, strokeDasharray: '5,3', headLength: 8, ariaHidden: 'true' }),
      Plot.text(weight, { x: 'x2', y: 'y2', text: 'label', dx: 10, dy: -8, fontWeight: 'bold', fill: 'currentColor', stroke: 'var(--bg-raised, white)', strokeWidth: 3, paintOrder: 'stroke', ariaHidden: 'true' }),
      Plot.text(update, { x: 'x2', y: 'y2', text: 'label', dx: 8, dy: 10, fill: 'currentColor', stroke: 'var(--bg-raised, white)', strokeWidth: 3, paintOrder: 'stroke', ariaHidden: 'true' }),
    ],
  };
}

/** The chart's text alternative: every arrow in numbers. */
export function describeArrows(arrows: readonly ClassArrow[]): string {
  return arrows
    .map((a) => `class ${a.c + 1}: w = (${formatNumber(a.w[0], 2)}, ${formatNumber(a.w[1], 2)}), −∂L/∂w = (${formatNumber(-a.gradW[0], 3)}, ${formatNumber(-a.gradW[1], 3)})`)
    .join('; ');
}

/** A row of the gradient table. */
export interface GradientRow {
  key: string;
  label: string;
  cells: { key: string; value: number; text: string }[];
}

/** Per class: w_c, b_c, ∂L/∂w_c, ∂L/∂b_c; then the sums over the classes, which are zero. */
export function gradientRows(arrows: readonly ClassArrow[]): GradientRow[] {
  const cell = (key: string, value: number, digits = 4) => ({ key, value, text: formatNumber(value, digits) });
  const rows: GradientRow[] = arrows.map((a) => ({
    key: `class-${a.c}`,
    label: `class ${a.c + 1}`,
    cells: [
      cell(`w-${a.c}-0`, a.w[0], 3),
      cell(`w-${a.c}-1`, a.w[1], 3),
      cell(`b-${a.c}`, a.b, 3),
      cell(`gw-${a.c}-0`, a.gradW[0]),
      cell(`gw-${a.c}-1`, a.gradW[1]),
      cell(`gb-${a.c}`, a.gradB),
    ],
  }));
  const sum = gradientSum(arrows);
  const mean = [0, 1].map((k) => arrows.reduce((s, a) => s + a.w[k]!, 0));
  const meanB = arrows.reduce((s, a) => s + a.b, 0);
  rows.push({
    key: 'sum',
    label: 'sum over classes',
    cells: [
      cell('w-sum-0', mean[0]!, 3),
      cell('w-sum-1', mean[1]!, 3),
      cell('b-sum', meanB, 3),
      cell('gw-sum-0', sum.w[0]),
      cell('gw-sum-1', sum.w[1]),
      cell('gb-sum', sum.b),
    ],
  });
  return rows;
}
