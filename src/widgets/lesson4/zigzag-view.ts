// State → Plot options for the zig-zag panel: the composed tent with its kinks marked, and one
// network's fit of the zig-zag target with the breakpoints the engine counted marked on it.

import * as Plot from '@observablehq/plot';
import { okabeIto } from '@lib/palette';
import type { Vertex } from './zigzag';

const TENT_COLOR = okabeIto[0];
/** Shallow in blue with circles, deep in vermillion with triangles: colour and shape both differ. */
export const FIT_STYLE = {
  shallow: { color: okabeIto[0], symbol: 'circle' },
  deep: { color: okabeIto[5], symbol: 'triangle' },
} as const;

const frame = (width: number, height: number) => ({
  width,
  height,
  marginLeft: 36,
  marginRight: 12,
  marginBottom: 32,
  style: { background: 'transparent', color: 'currentColor', fontSize: '12px' },
  x: { domain: [0, 1], label: 'x' },
});

/** The composed tent T^k drawn through its exact vertices, kinks as dots (small when there are many). */
export function tentPlot(curve: readonly Vertex[], kinks: readonly Vertex[], width = 520): Plot.PlotOptions {
  const r = kinks.length > 64 ? 1.2 : kinks.length > 16 ? 2.2 : 3.5;
  return {
    ...frame(width, Math.round(width * 0.42)),
    y: { domain: [0, 1.05], label: 'T^k(x)', grid: true },
    marks: [
      Plot.line(curve, { x: 'x', y: 'y', stroke: TENT_COLOR, strokeWidth: kinks.length > 64 ? 1 : 2, ariaHidden: 'true' }),
      Plot.dot(kinks, { x: 'x', y: 'y', r, fill: 'currentColor', ariaHidden: 'true' }),
    ],
  };
}

/** One network's fit (solid) over the target (dashed), with its breakpoints on [0, 1] marked. */
export function fitPlot(
  target: readonly Vertex[],
  fit: readonly Vertex[],
  kinks: readonly Vertex[],
  shape: keyof typeof FIT_STYLE,
  width = 300,
): Plot.PlotOptions {
  const style = FIT_STYLE[shape];
  const ys = [...target, ...fit].map((v) => v.y);
  const lo = Math.min(-0.1, ...ys);
  const hi = Math.max(1.1, ...ys);
  return {
    ...frame(width, Math.round(width * 0.7)),
    y: { domain: [lo, hi], label: 'ỹ', grid: true },
    marks: [
      Plot.line(target, { x: 'x', y: 'y', stroke: 'currentColor', strokeOpacity: 0.55, strokeDasharray: '5,4', strokeWidth: 1.5, ariaHidden: 'true' }),
      Plot.line(fit, { x: 'x', y: 'y', stroke: style.color, strokeWidth: 2.5, ariaHidden: 'true' }),
      Plot.dot(kinks, { x: 'x', y: 'y', r: 4, symbol: style.symbol, fill: style.color, stroke: 'currentColor', strokeWidth: 0.8, ariaHidden: 'true' }),
    ],
  };
}
