// The label-noise widget's own view: the predicted probability P(y = 1) along the line through
// the two blob centres, with the levels ε and 1 − ε it should settle at, and the training points
// at their labels (0 or 1), the flipped ones marked with a cross.

import * as Plot from '@observablehq/plot';
import { quiet, renderChart, renderLegend, short, type ViewDefinition, type WidgetState } from '@widgets/kit';
import { flippedKeys, pointKey, probabilityAlongAxis, settingsFrom } from './model';

function flippedCache(): (state: WidgetState) => ReadonlySet<string> {
  let key = '';
  let keys: ReadonlySet<string> = new Set();
  return (state) => {
    const k = `${state.seed}|${state.params['noise']}`;
    if (k !== key) {
      key = k;
      keys = flippedKeys(state.params, state.seed);
    }
    return keys;
  };
}

export const sliceView: ViewDefinition = {
  id: 'slice',
  title: 'P(y = 1) along the line through the two centres',
  interval: 150,
  needs: ['weights'],
  mount(container) {
    const host = container.ownerDocument.createElement('div');
    host.className = 'tw-chart';
    container.append(host);
    const flipped = flippedCache();
    let drawn = '';
    return {
      update(state, ctx) {
        const t = state.trainers[0];
        const train = t?.data?.train;
        if (!t || !train) return;
        const key = `${t.versions.layers}/${t.versions.data}|${ctx.width}|${ctx.theme.fg}|${ctx.present}`;
        if (key === drawn) return;
        drawn = key;
        const eps = settingsFrom(state.params).labelNoise;
        const curve = probabilityAlongAxis(t);
        const marks = flipped(state);
        // Points near the line x₂ = 0, drawn at their label with a little jitter so they do not pile up.
        const pts = Array.from({ length: train.n }, (_, i) => ({
          x: train.x[2 * i]!,
          y: train.y[i]! === 1 ? 1.04 + 0.04 * Math.sin(13.7 * i) : -0.04 + 0.04 * Math.sin(13.7 * i),
          flipped: marks.has(pointKey(train.x[2 * i]!, train.x[2 * i + 1]!)),
        }));
        const color = ctx.theme.series[0]!;
        const r = ctx.present ? 4 : 2.6;
        const plot: Plot.PlotOptions = {
          width: ctx.width,
          height: Math.round(260 * (ctx.present ? 1.4 : 1)),
          x: { domain: [-4, 4], label: 'x₁ (with x₂ = 0)' },
          y: { domain: [-0.12, 1.12], label: 'P(y = 1)', grid: true },
          marks: [
            Plot.ruleY([eps, 1 - eps], { stroke: ctx.theme.fg, strokeDasharray: '3,3', strokeOpacity: 0.7, ...quiet }),
            Plot.dot(pts.filter((p) => !p.flipped), { x: 'x', y: 'y', r, fill: ctx.theme.fgSoft, fillOpacity: 0.6, ...quiet }),
            Plot.dot(pts.filter((p) => p.flipped), { x: 'x', y: 'y', r: r + 2.5, symbol: 'times', stroke: ctx.theme.fg, strokeWidth: 2, ...quiet }),
            Plot.line(curve, { x: 'x', y: 'p', stroke: color, strokeWidth: ctx.present ? 3.5 : 2.5, ...quiet }),
          ],
        };
        const at = (x: number) => curve.reduce((best, c) => (Math.abs(c.x - x) < Math.abs(best.x - x) ? c : best), curve[0] ?? { x: 0, p: Number.NaN }).p;
        const label = `Predicted probability of class y = 1 along the line through the two blob centres, with dashed guides at ε = ${short(eps)} and 1 − ε = ${short(1 - eps)}. ${curve.length ? `At the centre of class 1 (x₁ = −2) it is ${short(at(-2))}, at the centre of class 0 (x₁ = 2) it is ${short(at(2))}.` : 'The curve appears once the network has loaded.'} Training points sit at their label, 0 or 1; ${pts.filter((p) => p.flipped).length} flipped labels are marked with a cross.`;
        renderChart(host, plot, label);
        renderLegend(container, [
          { color, text: 'P(y = 1 | x), the model' },
          { color: ctx.theme.fg, dash: '3,3', text: 'ε and 1 − ε' },
          { color: ctx.theme.fgSoft, glyph: '●', text: 'training labels' },
          { color: ctx.theme.fg, glyph: '×', text: 'flipped labels' },
        ]);
      },
    };
  },
};
