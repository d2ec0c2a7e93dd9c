// Loss (or accuracy) curves per epoch: training solid, validation dashed, one colour per trainer,
// each line labelled at its end, so nothing rests on colour. A log-scale switch for losses that
// fall over orders of magnitude; a rule marks the best validation epoch (early stopping).

import * as Plot from '@observablehq/plot';
import { thinIndices } from '../schedule';
import type { TrainerState, WidgetState } from '../state';
import type { ViewDefinition } from '../view';
import { quiet, renderChart, renderLegend, short, type LegendItem, type Theme } from './chart';

export interface CurvesOptions {
  id?: string;
  title?: string;
  /** Span the widget's full width. */
  wide?: boolean;
  /** 'loss' (default) or 'accuracy'. */
  metric?: 'loss' | 'accuracy';
  /** Start on a log scale (losses only; the reader can switch). */
  log?: boolean;
  /** Draw validation curves (default true when the trainer has validation data). */
  validation?: boolean;
  /** Mark the epoch of the best validation loss (early stopping). */
  markBest?: boolean;
  /** Only these trainers (default: all). */
  trainers?: readonly string[];
  /** Height in pixels (default 240). */
  height?: number;
}

/** One point of a drawn curve. */
export interface CurvePoint {
  epoch: number;
  value: number;
  series: string;
}

/** Most points drawn per curve; longer histories are thinned evenly (ends kept). */
export const MAX_POINTS = 250;

/**
 * The points of one trainer's curve: finite values only (a diverged run's NaN never reaches the
 * chart), and positive ones on a log scale.
 */
export function curvePoints(t: TrainerState, which: 'train' | 'validation', metric: 'loss' | 'accuracy', log: boolean, series: string): CurvePoint[] {
  const ys = metric === 'loss' ? (which === 'train' ? t.history.loss : t.history.valLoss) : which === 'train' ? t.history.accuracy : t.history.valAccuracy;
  const xs = t.history.epoch;
  const out: CurvePoint[] = [];
  for (const i of thinIndices(xs.length, MAX_POINTS)) {
    const v = ys[i];
    if (v === undefined || !Number.isFinite(v) || (log && v <= 0)) continue;
    out.push({ epoch: xs[i]!, value: metric === 'accuracy' ? v * 100 : v, series });
  }
  return out;
}

/**
 * Vertical positions for end-of-line labels that keep them at least `gap` apart, as a fraction of
 * the axis (0 at `lo`, 1 at `hi`, in log10 on a log axis): each label as near its line's end as
 * the others allow, the order of the values kept, all within the axis. Returns values in data units.
 */
export function spreadLabels(values: readonly number[], lo: number, hi: number, log: boolean, gap: number): number[] {
  const to = (v: number) => (log ? Math.log10(v) : v);
  const [a, b] = [to(lo), to(hi)];
  const span = b - a || 1;
  const frac = values.map((v) => (to(v) - a) / span);
  const order = frac.map((_, i) => i).sort((i, j) => frac[i]! - frac[j]!);
  const g = Math.min(gap, 1 / Math.max(1, values.length - 1));
  const pos = order.map((i) => frac[i]!);
  // Push up from the bottom, then back down from the top, so a crowd settles around its centre.
  for (let k = 1; k < pos.length; k++) pos[k] = Math.max(pos[k]!, pos[k - 1]! + g);
  if (pos.length > 0) pos[pos.length - 1] = Math.min(pos[pos.length - 1]!, 1);
  for (let k = pos.length - 2; k >= 0; k--) pos[k] = Math.min(pos[k]!, pos[k + 1]! - g);
  if (pos.length > 0 && pos[0]! < 0) {
    const shift = -pos[0]!;
    for (let k = 0; k < pos.length; k++) pos[k] = pos[k]! + shift;
  }
  const out = new Array<number>(values.length);
  order.forEach((i, k) => {
    const y = a + pos[k]! * span;
    out[i] = log ? 10 ** y : y;
  });
  return out;
}

/** Plot options for the curves: state → options, no DOM. */
export function curvesPlotOptions(
  trainers: readonly TrainerState[],
  options: { metric: 'loss' | 'accuracy'; log: boolean; validation: boolean; markBest: boolean; width: number; height: number; theme: Theme },
): { plot: Plot.PlotOptions; legend: LegendItem[]; summary: string } {
  const { metric, log, theme } = options;
  const marks: Plot.Markish[] = [];
  const legend: LegendItem[] = [];
  const words: string[] = [];
  const many = trainers.length > 1;
  let maxEpoch = 1;
  const ends: CurvePoint[] = [];
  let low = Infinity;
  let high = -Infinity;
  trainers.forEach((t, i) => {
    const color = theme.series[i % theme.series.length]!;
    const name = (which: string) => (many ? `${t.label} ${which}` : which);
    const train = curvePoints(t, 'train', metric, log, name('training'));
    const hasVal = options.validation && (t.data?.validation.n ?? 0) > 0;
    const val = hasVal ? curvePoints(t, 'validation', metric, log, name('validation')) : [];
    for (const [points, dash] of [
      [train, 'none'],
      [val, '6,4'],
    ] as const) {
      if (points.length === 0) continue;
      const last = points[points.length - 1]!;
      maxEpoch = Math.max(maxEpoch, last.epoch);
      marks.push(Plot.line(points, { x: 'epoch', y: 'value', stroke: color, strokeWidth: 2, strokeDasharray: dash, ...quiet }));
      // End labels name each line once it is a line; placed together below so they never overlap.
      if (points.length > 1) ends.push({ ...last });
      for (const p of points) {
        if (p.value < low) low = p.value;
        if (p.value > high) high = p.value;
      }
    }
    legend.push({ color, text: name(metric === 'loss' ? 'training loss' : 'training accuracy') });
    if (hasVal) legend.push({ color, dash: '6,4', text: name(metric === 'loss' ? 'validation loss' : 'validation accuracy') });
    const first = train[0];
    const lastTrain = train[train.length - 1];
    if (first && lastTrain) {
      const unit = metric === 'accuracy' ? ' %' : '';
      let w = `${many ? `${t.label}: ` : ''}training ${metric} ${short(first.value)}${unit} at epoch ${short(first.epoch)}, ${short(lastTrain.value)}${unit} at epoch ${short(lastTrain.epoch)}`;
      const lastVal = val[val.length - 1];
      if (lastVal) w += `; validation ${metric} ${short(lastVal.value)}${unit}`;
      words.push(w);
    }
    if (options.markBest && t.bestEpoch >= 0 && metric === 'loss') {
      marks.push(Plot.ruleX([t.bestEpoch], { stroke: theme.fgSoft, strokeDasharray: '2,3', ...quiet }));
      marks.push(Plot.text([t.bestEpoch], { x: (d: number) => d, frameAnchor: 'top', text: () => 'best validation', dy: 6, dx: 3, textAnchor: 'start', fill: theme.fgSoft, fontSize: 10, ...quiet }));
      words.push(`best validation loss at epoch ${short(t.bestEpoch)}`);
    }
  });
  if (ends.length > 0) {
    // The axis as Plot will draw it (near enough: `nice` only widens it a little).
    const lo = metric === 'accuracy' ? 0 : log ? low : Math.min(0, low);
    const hi = metric === 'accuracy' ? 100 : high;
    const gap = 13 / Math.max(60, options.height - 50);
    const ys = spreadLabels(ends.map((e) => e.value), lo, hi, log, gap);
    const placed = ends.map((e, i) => ({ ...e, value: ys[i]! }));
    marks.push(Plot.text(placed, { x: 'epoch', y: 'value', text: 'series', dx: 4, textAnchor: 'start', fill: theme.fg, fontSize: 11, ...quiet }));
  }
  const plot: Plot.PlotOptions = {
    width: options.width,
    height: options.height,
    marginRight: many ? 110 : 70,
    marginLeft: 50,
    x: { label: 'epoch', domain: [0, maxEpoch], grid: true },
    y:
      metric === 'accuracy'
        ? { label: 'accuracy (%)', domain: [0, 100], grid: true }
        : { label: log ? 'loss (log scale)' : 'loss', type: log ? 'log' : 'linear', grid: true, nice: true, tickFormat: '~g', ...(log ? {} : { zero: true }) },
    marks,
  };
  const summary = words.length ? `${metric === 'loss' ? 'Loss' : 'Accuracy'} curves. ${words.join('. ')}.` : `${metric === 'loss' ? 'Loss' : 'Accuracy'} curves: no training yet.`;
  return { plot, legend, summary };
}

/** The loss-curves view (or accuracy curves with `metric: 'accuracy'`). */
export function lossCurves(o: CurvesOptions = {}): ViewDefinition {
  const metric = o.metric ?? 'loss';
  return {
    id: o.id ?? (metric === 'loss' ? 'loss-curves' : 'accuracy-curves'),
    title: o.title ?? (metric === 'loss' ? 'Loss per epoch' : 'Accuracy per epoch'),
    wide: o.wide ?? false,
    interval: 250,
    mount(container) {
      const doc = container.ownerDocument;
      const bar = doc.createElement('div');
      bar.className = 'tw-view__bar';
      let log = metric === 'loss' && (o.log ?? false);
      let drawn = '';
      const chartHost = doc.createElement('div');
      chartHost.className = 'tw-chart';
      if (metric === 'loss') {
        const label = doc.createElement('label');
        const box = doc.createElement('input');
        box.type = 'checkbox';
        box.checked = log;
        box.addEventListener('change', () => {
          log = box.checked;
          drawn = '';
        });
        label.append(box, doc.createTextNode(' Log scale'));
        bar.append(label);
      }
      container.append(bar, chartHost);
      return {
        update(state: WidgetState, ctx) {
          const trainers = o.trainers ? state.trainers.filter((t) => o.trainers!.includes(t.id)) : state.trainers;
          const key = `${trainers.map((t) => t.versions.history).join(',')}|${log}|${ctx.width}|${ctx.theme.fg}|${ctx.present}`;
          if (key === drawn) return;
          drawn = key;
          const { plot, legend, summary } = curvesPlotOptions(trainers, {
            metric,
            log,
            validation: o.validation ?? true,
            markBest: o.markBest ?? false,
            width: ctx.width,
            height: (o.height ?? 240) * (ctx.present ? 1.4 : 1),
            theme: ctx.theme,
          });
          renderChart(chartHost, plot, summary);
          renderLegend(container, legend);
        },
      };
    },
  };
}
