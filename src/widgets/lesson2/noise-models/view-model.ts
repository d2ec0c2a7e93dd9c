// The noise-models widget's views as plain data: the fits chart as Plot options (points, outliers
// marked ×, the clean sine, one curve per noise model), each run's NLL written out as a live
// equation, and the table of points and residuals. Pure: state in, options and strings out.

import * as Plot from '@observablehq/plot';
import { quiet, short, type Theme, type TrainerState, type WidgetState } from '@widgets/kit';
import { formatNumber } from '../format';
import { laplaceScaleFor } from '../likelihood';
import { nllParts, runOf, settingsFrom, trainingFit } from './model';

/** Dash per run: the Laplace run is dashed, so the two fits differ in more than colour. */
export const RUN_DASH: Readonly<Record<string, string>> = { gaussian: 'none', laplace: '8,4' };

interface Point {
  x: number;
  y: number;
  outlier: boolean;
}

function pointsOf(set: { n: number; x: Float64Array; y: Float64Array } | undefined, outliers: ReadonlySet<number>): Point[] {
  if (!set) return [];
  return Array.from({ length: set.n }, (_, i) => ({ x: set.x[i]!, y: set.y[i]!, outlier: outliers.has(set.x[i]!) }));
}

/** The y range: the clean sine ±1.5 plus whatever the data reach, so outliers stay on the chart. */
function yRange(points: readonly Point[]): [number, number] {
  let lo = -1.5;
  let hi = 1.5;
  for (const p of points) {
    if (p.y < lo) lo = p.y;
    if (p.y > hi) hi = p.y;
  }
  return [lo - 0.2, hi + 0.2];
}

/** The fits chart: options, its text alternative, and legend entries. */
export function fitsChart(
  state: WidgetState,
  theme: Pick<Theme, 'fg' | 'fgSoft' | 'series'>,
  width: number,
  present: boolean,
  outliers: ReadonlySet<number>,
): { options: Plot.PlotOptions; label: string; legend: { color: string; text: string; dash?: string; glyph?: string; hollow?: boolean }[] } | null {
  const first = state.trainers[0];
  const data = first?.data;
  if (!first || !data || data.inputs !== 1 || !data.interval) return null;
  const train = pointsOf(data.train, outliers);
  const val = pointsOf(data.validation, outliers);
  const all = [...train, ...val];
  const domain = yRange(all);
  const r = present ? 4.5 : 3;
  const marks: Plot.Markish[] = [
    Plot.dot(train.filter((p) => !p.outlier), { x: 'x', y: 'y', r, fill: theme.fgSoft, ...quiet }),
    Plot.dot(val.filter((p) => !p.outlier), { x: 'x', y: 'y', r, stroke: theme.fgSoft, strokeWidth: 1.5, ...quiet }),
    Plot.dot(all.filter((p) => p.outlier), { x: 'x', y: 'y', r: r + 2.5, symbol: 'times', stroke: theme.fg, strokeWidth: 2, ...quiet }),
  ];
  if (data.clean) {
    const clean = Array.from(data.clean.x, (x, i) => ({ x, y: data.clean!.y[i]! }));
    marks.push(Plot.line(clean, { x: 'x', y: 'y', stroke: theme.fg, strokeDasharray: '1,4', strokeWidth: 2, strokeLinecap: 'round', ...quiet }));
  }
  const words: string[] = [];
  const legend: { color: string; text: string; dash?: string; glyph?: string; hollow?: boolean }[] = [
    { color: theme.fgSoft, glyph: '●', text: 'training points' },
    { color: theme.fgSoft, glyph: '○', hollow: true, text: 'validation points' },
    { color: theme.fg, glyph: '×', text: 'outliers' },
    { color: theme.fg, dash: '1,4', text: 'clean sine (no noise)' },
  ];
  state.trainers.forEach((t, i) => {
    const g = t.grid;
    const color = theme.series[i % theme.series.length]!;
    const dash = RUN_DASH[t.id] ?? 'none';
    legend.push({ color, dash, text: `${t.label}: fit` });
    if (!g || g.dims !== 1) return;
    const curve = Array.from({ length: g.nx }, (_, j) => ({ x: g.x0 + (j * (g.x1 - g.x0)) / (g.nx - 1), y: g.values[j * g.width]! })).filter((p) => Number.isFinite(p.y));
    marks.push(Plot.line(curve, { x: 'x', y: 'y', stroke: color, strokeWidth: present ? 3.5 : 2.5, strokeDasharray: dash, clip: true, ...quiet }));
    if (curve.length) words.push(`the ${t.label.toLowerCase()} fit runs from ${short(Math.min(...curve.map((p) => p.y)))} to ${short(Math.max(...curve.map((p) => p.y)))}`);
  });
  const nOut = all.filter((p) => p.outlier).length;
  const label = `Noisy samples of a sine for x from ${short(data.interval[0])} to ${short(data.interval[1])}: ${data.train.n} training and ${data.validation.n} validation points, ${nOut} of them outliers marked with a cross. The clean sine is dotted. ${words.length ? `${words.join('; ')}.` : 'The fits appear once the networks have loaded.'}`;
  return {
    options: {
      width,
      height: Math.round(300 * (present ? 1.4 : 1)),
      x: { domain: [data.interval[0], data.interval[1]], label: 'x' },
      y: { domain, label: 'y', grid: true },
      marks,
    },
    label,
    legend,
  };
}

/** One run's NLL as a live equation: the formula, the numbers put in, and the parts. */
export interface NllEquation {
  id: string;
  label: string;
  /** The formula in symbols, e.g. "−log 𝓛 = N/2 · log(2πσ²) + SSE/(2σ²)". */
  formula: string;
  /** The same with this run's numbers. */
  substituted: string;
  constant: number;
  data: number;
  total: number;
}

export function nllEquations(state: WidgetState): NllEquation[] {
  const sigma = settingsFrom(state.params).noise;
  const out: NllEquation[] = [];
  for (const t of state.trainers) {
    const run = runOf(t);
    const parts = nllParts(t, state.params);
    const n = t.data?.train.n ?? 0;
    if (!run || !parts) continue;
    const f = (x: number, d = 3) => formatNumber(x, d);
    if (run.id === 'gaussian') {
      out.push({
        id: t.id,
        label: t.label,
        formula: '−log 𝓛 = N/2 · log(2πσ²) + SSE/(2σ²)',
        substituted: `= ${n}/2 · log(2π · ${f(sigma, 2)}²) + ${f(parts.sum)}/(2 · ${f(sigma, 2)}²) = ${f(parts.constant)} + ${f(parts.data)} = ${f(parts.total)}`,
        constant: parts.constant,
        data: parts.data,
        total: parts.total,
      });
    } else {
      const b = laplaceScaleFor(sigma);
      out.push({
        id: t.id,
        label: t.label,
        formula: '−log 𝓛 = N · log(2b) + SAE/b, with b = σ/√2',
        substituted: `= ${n} · log(2 · ${f(b, 4)}) + ${f(parts.sum)}/${f(b, 4)} = ${f(parts.constant)} + ${f(parts.data)} = ${f(parts.total)}`,
        constant: parts.constant,
        data: parts.data,
        total: parts.total,
      });
    }
  }
  return out;
}

/** One row of the numbers table: a training point, each run's prediction and residual. */
export interface ResidualRow {
  x: number;
  y: number;
  outlier: boolean;
  /** Per run id: ỹ and y − ỹ. */
  fits: Record<string, { fit: number; residual: number }>;
}

export function residualRows(state: WidgetState, outliers: ReadonlySet<number>): ResidualRow[] {
  const train = state.trainers[0]?.data?.train;
  if (!train) return [];
  const fits = new Map<string, Float64Array>();
  for (const t of state.trainers) {
    const fit = trainingFit(t as TrainerState);
    if (fit) fits.set(t.id, fit);
  }
  const rows: ResidualRow[] = [];
  for (let i = 0; i < train.n; i++) {
    const row: ResidualRow = { x: train.x[i]!, y: train.y[i]!, outlier: outliers.has(train.x[i]!), fits: {} };
    for (const [id, fit] of fits) row.fits[id] = { fit: fit[i]!, residual: train.y[i]! - fit[i]! };
    rows.push(row);
  }
  return rows.sort((a, b) => a.x - b.x);
}
