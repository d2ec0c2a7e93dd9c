// State → Plot options for the ReLU-merge panel: each weighted unit a_j h_j (thin, each with its
// own dash and a text label), their sum s(x) (thick), the bands where f = u(s) = 1, and the
// decision boundaries as labelled rules.

import * as Plot from '@observablehq/plot';
import { okabeIto } from '@lib/palette';
import { boundaries, positiveIntervals, sampleCurves, type ReluNet } from './model';

/** The x range plotted. */
export const X_DOMAIN = [-0.2, 1] as const;
const DASHES = ['2,3', '7,4', '1,4'] as const;
const UNIT_COLORS = [okabeIto[4], okabeIto[3], okabeIto[2]] as const;

/** The label of unit j's contribution, e.g. "h₁", "−2h₂", "3h₃". */
export function unitLabel(weight: number, j: number): string {
  const sub = '₁₂₃₄₅₆₇₈₉'[j] ?? String(j + 1);
  const w = Math.round(weight * 100) / 100;
  const coef = w === 1 ? '' : w === -1 ? '−' : String(w).replace('-', '−');
  return `${coef}h${sub}`;
}

/** Plot options for the network `net`. */
export function reluMergePlot(net: ReluNet, width = 420): Plot.PlotOptions {
  const samples = sampleCurves(net, X_DOMAIN);
  const units = net.kinks.flatMap((_, j) => samples.map((p) => ({ x: p.x, y: p.units[j]!, j })));
  const values = samples.flatMap((p) => [p.s, ...p.units]);
  const yMin = Math.min(-0.5, ...values) - 0.1;
  const yMax = Math.max(0.5, ...values) + 0.15;
  const bands = positiveIntervals(net).map(([a, b]) => ({ a: Math.max(a, X_DOMAIN[0]), b: Math.min(b, X_DOMAIN[1]) })).filter((d) => d.b > d.a);
  const cuts = boundaries(net).filter((x) => x >= X_DOMAIN[0] && x <= X_DOMAIN[1]);
  const lastX = samples[samples.length - 1]!;
  return {
    width,
    height: Math.round(width * 0.72),
    marginLeft: 40,
    marginRight: 52,
    style: { background: 'transparent', color: 'currentColor', fontSize: '12px' },
    x: { domain: [...X_DOMAIN], label: 'x' },
    y: { domain: [yMin, yMax], label: null, grid: true },
    marks: [
      Plot.rect(bands, { x1: 'a', x2: 'b', y1: yMin, y2: yMax, fill: okabeIto[0], fillOpacity: 0.13, ariaHidden: 'true' }),
      Plot.text(bands, { x: (d) => (d.a + d.b) / 2, y: yMax, text: () => 'f = 1', dy: 10, fontWeight: 700, fill: 'currentColor', ariaHidden: 'true' }),
      Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.6, ariaHidden: 'true' }),
      Plot.ruleX(cuts, { stroke: 'currentColor', strokeDasharray: '3,3', ariaHidden: 'true' }),
      Plot.text(cuts, { x: (d) => d, y: yMin, text: (d) => `x = ${Math.round(d * 1000) / 1000}`, dy: -8, dx: 3, textAnchor: 'start', fill: 'currentColor', stroke: 'var(--bg, white)', strokeWidth: 3, paintOrder: 'stroke', ariaHidden: 'true' }),
      ...net.kinks.map((_, j) =>
        Plot.line(
          units.filter((d) => d.j === j),
          { x: 'x', y: 'y', stroke: UNIT_COLORS[j % 3]!, strokeWidth: 1.5, strokeDasharray: DASHES[j % 3]!, ariaHidden: 'true' },
        ),
      ),
      Plot.text(
        net.kinks.map((_, j) => ({ x: lastX.x, y: lastX.units[j]!, label: unitLabel(net.weights[j] ?? 0, j), j })),
        { x: 'x', y: 'y', text: 'label', dx: 4, textAnchor: 'start', fill: (d) => UNIT_COLORS[d.j % 3], ariaHidden: 'true' },
      ),
      Plot.line(samples, { x: 'x', y: 's', stroke: 'currentColor', strokeWidth: 3, ariaHidden: 'true' }),
      Plot.text([lastX], { x: 'x', y: 's', text: () => 's(x)', dx: 4, textAnchor: 'start', fontWeight: 700, fill: 'currentColor', ariaHidden: 'true' }),
    ],
  };
}
