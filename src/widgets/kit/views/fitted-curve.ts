// The fitted function over noisy 1-D data: the points (training filled, validation hollow, test
// hollow with a dot), the clean function dotted, and each trainer's prediction as a line in its
// own colour and dash, labelled at its end. The y axis is fixed by the data, so it does not jump.

import * as Plot from '@observablehq/plot';
import type { PointSet, TrainerState, WidgetState } from '../state';
import type { ViewDefinition } from '../view';
import { quiet, renderChart, renderLegend, short, type LegendItem } from './chart';

export interface FittedOptions {
  id?: string;
  title?: string;
  /** Span the widget's full width. */
  wide?: boolean;
  /** Only these trainers' curves (default all); the points come from the first of them. */
  trainers?: readonly string[];
  /** Draw the clean function f (default true). */
  showClean?: boolean;
  height?: number;
}

const DASHES = ['none', '8,4', '2,3', '10,3,2,3'];

function points(set: PointSet): { x: number; y: number }[] {
  const out: { x: number; y: number }[] = [];
  for (let i = 0; i < set.n; i++) out.push({ x: set.x[i]!, y: set.y[i]! });
  return out;
}

/** The y range to show: the data's range padded by 10 % (and the clean function's, when drawn). */
export function yDomain(sets: readonly PointSet[], clean?: Float64Array): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of sets) for (let i = 0; i < s.n; i++) {
    const v = s.y[i]!;
    if (Number.isFinite(v)) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (clean) for (const v of clean) if (Number.isFinite(v)) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!(hi >= lo)) return [-1, 1];
  if (hi === lo) return [lo - 1, hi + 1];
  const pad = 0.1 * (hi - lo);
  return [lo - pad, hi + pad];
}

/**
 * A prediction held just outside the visible range: the line still leaves the frame where it
 * should (and is clipped there), but no coordinate is so large that SVG cannot write it.
 */
export function clampTo(domain: readonly [number, number], y: number): number {
  if (!Number.isFinite(y)) return y;
  const span = domain[1] - domain[0];
  return Math.min(domain[1] + span, Math.max(domain[0] - span, y));
}

/** The fitted-curve view. */
export function fittedCurve(o: FittedOptions = {}): ViewDefinition {
  return {
    id: o.id ?? 'fitted-curve',
    title: o.title ?? 'Fitted function',
    wide: o.wide ?? false,
    interval: 150,
    needs: ['grid'],
    applies: (state) => state.trainers.some((t) => t.data?.inputs === 1 && (!o.trainers || o.trainers.includes(t.id))),
    mount(container) {
      const chartHost = container.ownerDocument.createElement('div');
      chartHost.className = 'tw-chart';
      container.append(chartHost);
      let drawn = '';
      return {
        update(state: WidgetState, ctx) {
          const trainers: TrainerState[] = o.trainers ? state.trainers.filter((t) => o.trainers!.includes(t.id)) : state.trainers;
          const first = trainers[0];
          const data = first?.data;
          if (!first || !data || data.inputs !== 1) return;
          const key = `${trainers.map((t) => `${t.versions.grid}/${t.versions.data}`).join(',')}|${ctx.width}|${ctx.theme.fg}|${ctx.present}`;
          if (key === drawn) return;
          drawn = key;
          const many = trainers.length > 1;
          const domain = yDomain([data.train, data.validation, data.test], data.clean?.y);
          const r = ctx.present ? 4.5 : 3;
          const marks: Plot.Markish[] = [
            Plot.dot(points(data.train), { x: 'x', y: 'y', fill: ctx.theme.fgSoft, r, ...quiet }),
            Plot.dot(points(data.validation), { x: 'x', y: 'y', stroke: ctx.theme.fgSoft, strokeWidth: 1.5, r, ...quiet }),
            Plot.dot(points(data.test), { x: 'x', y: 'y', stroke: ctx.theme.fgSoft, strokeWidth: 1.5, r: r + 1, ...quiet }),
            Plot.dot(points(data.test), { x: 'x', y: 'y', fill: ctx.theme.fgSoft, r: 1.2, ...quiet }),
          ];
          const legend: LegendItem[] = [{ color: ctx.theme.fgSoft, glyph: '●', text: 'training points' }];
          if (data.validation.n) legend.push({ color: ctx.theme.fgSoft, glyph: '○', text: 'validation points' });
          if (data.test.n) legend.push({ color: ctx.theme.fgSoft, glyph: '◉', text: 'test points' });
          if ((o.showClean ?? true) && data.clean) {
            const clean = Array.from(data.clean.x, (x, i) => ({ x, y: data.clean!.y[i]! }));
            marks.push(Plot.line(clean, { x: 'x', y: 'y', stroke: ctx.theme.fg, strokeDasharray: '1,4', strokeWidth: 2, strokeLinecap: 'round', ...quiet }));
            legend.push({ color: ctx.theme.fg, dash: '1,4', text: 'true function (without noise)' });
          }
          const words: string[] = [];
          trainers.forEach((t, i) => {
            const g = t.grid;
            if (!g || g.dims !== 1) return;
            const curve = Array.from({ length: g.nx }, (_, j) => ({ x: g.x0 + (j * (g.x1 - g.x0)) / (g.nx - 1), y: clampTo(domain, g.values[j * g.width]!) })).filter((p) => Number.isFinite(p.y));
            const color = ctx.theme.series[i % ctx.theme.series.length]!;
            const dash = DASHES[i % DASHES.length]!;
            const label = many ? t.label : 'network';
            marks.push(Plot.line(curve, { x: 'x', y: 'y', stroke: color, strokeWidth: ctx.present ? 3.5 : 2.5, strokeDasharray: dash, clip: true, ...quiet }));
            const end = curve[curve.length - 1];
            if (end && many) marks.push(Plot.text([end], { x: 'x', y: 'y', text: () => label, dx: 4, textAnchor: 'start', fill: color, clip: false, fontSize: 11, ...quiet }));
            legend.push({ color, dash, text: many ? `${t.label}: fitted function` : 'fitted function' });
            if (curve.length) {
              const ys = curve.map((p) => p.y);
              words.push(`${label} prediction ranges from ${short(Math.min(...ys))} to ${short(Math.max(...ys))}${Number.isFinite(t.loss) ? `, training loss ${short(t.loss)}` : ''}`);
            }
          });
          const [a, b] = data.interval ?? [Math.min(...data.train.x), Math.max(...data.train.x)];
          const plot: Plot.PlotOptions = {
            width: ctx.width,
            height: (o.height ?? 280) * (ctx.present ? 1.4 : 1),
            marginRight: many ? 80 : 20,
            x: { domain: [a, b], label: 'x' },
            y: { domain, label: 'y', grid: true },
            marks,
          };
          const summary = `Fitted function over ${data.train.n} noisy training points for x from ${short(a)} to ${short(b)}. ${words.join('. ')}.`;
          renderChart(chartHost, plot, summary);
          renderLegend(container, legend);
        },
      };
    },
  };
}
