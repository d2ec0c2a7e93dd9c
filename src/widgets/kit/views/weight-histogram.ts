// A histogram of all weights (biases left out, as the penalties leave them out): bars on a
// symmetric axis that only grows during a run, with one bin centred on zero, where L1 piles
// weights up. The text alternative gives the count, the largest |w| and the share near zero.

import * as Plot from '@observablehq/plot';
import type { TrainerState, WidgetState } from '../state';
import type { ViewDefinition } from '../view';
import { maxAbs, nearZeroShare, stickyBound, weightHistogram as binWeights } from '../view-models/histogram';
import { quiet, renderChart, short } from './chart';

export interface HistogramOptions {
  id?: string;
  title?: string;
  /** Span the widget's full width. */
  wide?: boolean;
  trainer?: string;
  /** Number of bins (made odd; default 31). */
  bins?: number;
  height?: number;
  /** |w| below this counts as "near zero" in the text alternative (default 0.01). */
  zeroBand?: number;
}

/** Every weight of every layer, flattened (no biases). */
export function allWeights(t: TrainerState): number[] {
  const out: number[] = [];
  for (const layer of t.layers ?? []) for (const row of layer.weights) for (const w of row) out.push(w);
  return out;
}

/** The weight-histogram view. */
export function weightHistogram(o: HistogramOptions = {}): ViewDefinition {
  return {
    id: o.id ?? 'weight-histogram',
    title: o.title ?? 'Weights',
    wide: o.wide ?? false,
    interval: 400,
    needs: ['weights'],
    mount(container) {
      const host = container.ownerDocument.createElement('div');
      host.className = 'tw-chart';
      container.append(host);
      let drawn = '';
      let bound = 0;
      let dataVersion = -1;
      return {
        update(state: WidgetState, ctx) {
          const t = o.trainer ? state.trainers.find((x) => x.id === o.trainer) : state.trainers[0];
          if (!t?.layers) return;
          const key = `${t.versions.layers}|${ctx.width}|${ctx.theme.fg}|${ctx.present}`;
          if (key === drawn) return;
          drawn = key;
          if (t.versions.data !== dataVersion) {
            dataVersion = t.versions.data;
            bound = 0;
          }
          const ws = allWeights(t);
          bound = stickyBound(bound, ws);
          const bins = binWeights(ws, bound, o.bins ?? 31);
          const band = o.zeroBand ?? 0.01;
          const plot: Plot.PlotOptions = {
            width: ctx.width,
            height: (o.height ?? 200) * (ctx.present ? 1.4 : 1),
            marginLeft: 44,
            x: { domain: [-bound, bound], label: 'weight w' },
            y: { label: 'count', grid: true, nice: true },
            marks: [
              Plot.rectY(bins, { x1: 'x0', x2: 'x1', y: 'count', fill: ctx.theme.accent, inset: 0.5, ...quiet }),
              Plot.ruleX([0], { stroke: ctx.theme.fg, ...quiet }),
              Plot.ruleY([0], { stroke: ctx.theme.fg, ...quiet }),
            ],
          };
          const summary = `Histogram of the ${ws.length} weights: largest |w| is ${short(maxAbs(ws))}; ${Math.round(nearZeroShare(ws, band) * 100)} % lie within ±${band} of zero.`;
          renderChart(host, plot, summary);
        },
      };
    },
  };
}
