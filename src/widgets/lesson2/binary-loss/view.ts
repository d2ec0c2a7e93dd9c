// State → Plot options for the binary-loss panel: the loss of one item against its logit f (the
// softplus next to squared error on p), and the two slopes: one stays at ±1 when wrong, the other dies.

import * as Plot from '@observablehq/plot';
import { formatNumber } from '../format';
import type { ChartStyle } from '../noise-shapes/view';
import { binaryCurves, F_RANGE, readout, type BinaryLossState } from './model';

const quiet = { ariaHidden: 'true' } as const;
const DASH = '7 4';

function chart(state: BinaryLossState, style: ChartStyle, key: 'value' | 'slope', yLabel: string, domain?: [number, number]): Plot.PlotOptions {
  const pts = binaryCurves(state.y);
  const r = readout(state);
  const at = key === 'value' ? [r.softplusForm, r.squaredOnP] : [r.slope, r.squaredOnPSlope];
  const lw = style.present ? 4 : 2.5;
  const size = style.present ? 7 : 5;
  return {
    width: style.width,
    height: Math.round(Math.min(250, Math.max(170, style.width * 0.5))),
    marginLeft: 44,
    x: { domain: [F_RANGE.min, F_RANGE.max], label: 'logit f' },
    y: { label: yLabel, grid: true, ...(domain ? { domain } : {}) },
    marks: [
      Plot.ruleY([0], { ...quiet, stroke: style.fg, strokeOpacity: 0.3 }),
      Plot.ruleX([0], { ...quiet, stroke: style.fg, strokeOpacity: 0.3 }),
      Plot.line(pts.filter((p) => p.loss === 'cross-entropy'), { ...quiet, x: 'f', y: key, stroke: style.colors[0], strokeWidth: lw }),
      Plot.line(pts.filter((p) => p.loss === 'squared error on p'), { ...quiet, x: 'f', y: key, stroke: style.colors[1], strokeWidth: lw, strokeDasharray: DASH }),
      Plot.ruleX([state.f], { ...quiet, stroke: style.fg, strokeOpacity: 0.55, strokeDasharray: '2 3' }),
      Plot.dot([{ f: state.f, v: at[0] }], { ...quiet, x: 'f', y: 'v', r: size, fill: style.colors[0], stroke: style.fg, symbol: 'circle' }),
      Plot.dot([{ f: state.f, v: at[1] }], { ...quiet, x: 'f', y: 'v', r: size, fill: style.colors[1], stroke: style.fg, symbol: 'square' }),
    ],
  };
}

/** Loss of one item against f, for the chosen label. */
export function lossOptions(state: BinaryLossState, style: ChartStyle): Plot.PlotOptions {
  return chart(state, style, 'value', `loss of one item with y = ${state.y}`);
}

/** ∂L/∂f against f: σ(f) − y for cross-entropy, 2(p − y)p(1 − p) for squared error on p. */
export function slopeOptions(state: BinaryLossState, style: ChartStyle): Plot.PlotOptions {
  return chart(state, style, 'slope', 'slope ∂L/∂f', [-1.05, 1.05]);
}

/** Text alternatives for the two charts. */
export function describe(state: BinaryLossState): { loss: string; slope: string } {
  const r = readout(state);
  const side = r.margin > 0 ? 'wrong' : r.margin < 0 ? 'right' : 'undecided';
  return {
    loss: `Loss against the logit f for label y = ${state.y}. Solid: cross-entropy, softplus((1 − 2y) f), flat on the side where the prediction is right and a straight line on the side where it is wrong. Dashed: squared error on the probability, which levels off at 1 when wrong. At f = ${formatNumber(state.f, 1)} the prediction is ${side}; cross-entropy is ${formatNumber(r.softplusForm)} and squared error on p is ${formatNumber(r.squaredOnP)}.`,
    slope: `Slope of each loss against f. Solid: σ(f) − y, which tends to ${state.y === 1 ? '−1' : '+1'} as the prediction gets more wrong and to 0 as it gets more right. Dashed: the slope of squared error on p, which goes back to 0 on both sides. At f = ${formatNumber(state.f, 1)} the slopes are ${formatNumber(r.slope)} and ${formatNumber(r.squaredOnPSlope)}.`,
  };
}
