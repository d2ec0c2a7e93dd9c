// State → Plot options for the noise-shapes panel: the two densities, and their −log (the loss
// each noise model charges an item with residual r): a parabola against a V.

import * as Plot from '@observablehq/plot';
import { formatNumber } from '../format';
import { CONTROLS, curves, readouts, type NoiseShapesState } from './model';

/** Colours and sizes a view needs from the page. */
export interface ChartStyle {
  fg: string;
  /** [Gaussian, Laplace]. */
  colors: readonly [string, string];
  width: number;
  /** Projected: thicker lines and bigger points. */
  present: boolean;
}

const quiet = { ariaHidden: 'true' } as const;

/** Laplace is dashed and drawn with squares, so the models differ in more than colour. */
const DASH = '7 4';

function marks(state: NoiseShapesState, style: ChartStyle, y: 'density' | 'negLog'): Plot.Markish[] {
  const pts = curves(state.sigma);
  const [g, l] = readouts(state);
  const lw = style.present ? 4 : 2.5;
  const r = style.present ? 7 : 5;
  return [
    Plot.ruleY([0], { ...quiet, stroke: style.fg, strokeOpacity: 0.3 }),
    Plot.line(pts.filter((p) => p.model === 'Gaussian'), { ...quiet, x: 'r', y, stroke: style.colors[0], strokeWidth: lw }),
    Plot.line(pts.filter((p) => p.model === 'Laplace'), { ...quiet, x: 'r', y, stroke: style.colors[1], strokeWidth: lw, strokeDasharray: DASH }),
    Plot.ruleX([state.r], { ...quiet, stroke: style.fg, strokeOpacity: 0.55, strokeDasharray: '2 3' }),
    Plot.dot([{ r: state.r, v: g[y] }], { ...quiet, x: 'r', y: 'v', r, fill: style.colors[0], stroke: style.fg, symbol: 'circle' }),
    Plot.dot([{ r: state.r, v: l[y] }], { ...quiet, x: 'r', y: 'v', r, fill: style.colors[1], stroke: style.fg, symbol: 'square' }),
  ];
}

/** The densities N(r; 0, σ²) and Laplace(r; 0, σ/√2). */
export function densityOptions(state: NoiseShapesState, style: ChartStyle): Plot.PlotOptions {
  return {
    width: style.width,
    height: Math.round(Math.min(260, Math.max(180, style.width * 0.55))),
    marginLeft: 48,
    x: { domain: [CONTROLS.r.min, CONTROLS.r.max], label: 'residual r = y − μ' },
    y: { label: 'density p(r)', grid: true, nice: true },
    marks: marks(state, style, 'density'),
  };
}

/** Upper end of the −log density axis: the parabola leaves the chart, as it should. */
export const NEG_LOG_TOP = 12;

/** −log p(r): ½ log 2πσ² + r²/(2σ²) against log 2b + |r|/b, clipped at NEG_LOG_TOP. */
export function negLogOptions(state: NoiseShapesState, style: ChartStyle): Plot.PlotOptions {
  const low = Math.min(0, ...readouts({ sigma: state.sigma, r: 0 }).map((x) => x.negLog)) - 0.5;
  return {
    width: style.width,
    height: Math.round(Math.min(260, Math.max(180, style.width * 0.55))),
    marginLeft: 48,
    x: { domain: [CONTROLS.r.min, CONTROLS.r.max], label: 'residual r = y − μ' },
    y: { domain: [low, NEG_LOG_TOP], label: '−log p(r), the loss of one item', grid: true },
    clip: true,
    marks: marks(state, style, 'negLog'),
  };
}

/** Text alternatives for the two charts. */
export function describe(state: NoiseShapesState): { density: string; negLog: string } {
  const [g, l] = readouts(state);
  const at = `At the residual r = ${formatNumber(state.r, 1)}`;
  return {
    density: `Density of Gaussian noise with σ = ${formatNumber(g.scale, 2)} (solid curve, bell-shaped) and of Laplace noise with b = ${formatNumber(l.scale, 2)} (dashed curve, a sharp peak with heavier tails), both with variance ${formatNumber(state.sigma ** 2, 2)}. ${at} the Gaussian density is ${formatNumber(g.density)} and the Laplace density is ${formatNumber(l.density)}.`,
    negLog: `Minus the log density, the loss each model charges one item: a parabola for the Gaussian (solid) and a V for Laplace (dashed). ${at} the Gaussian charges ${formatNumber(g.negLog)} and Laplace ${formatNumber(l.negLog)}.`,
  };
}
