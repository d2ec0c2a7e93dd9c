// The gradient-check panel's charts as Plot options: each parameter's relative error on a log
// scale against the 1e-6 line, and the largest relative error as ε varies (the U-shaped curve).

import * as Plot from '@observablehq/plot';
import type { PlotOptions } from '@observablehq/plot';
import { formatNumber } from '../format';
import { TOLERANCE, type GradCheckReport } from './model';

/** Errors below this are drawn at it: a log scale has no zero, and 1e-16 is machine precision. */
export const FLOOR = 1e-16;

const style = { background: 'transparent', color: 'currentColor', fontSize: '12px' } as const;

/** One dot per parameter: circle when it passes, cross when it does not. */
export function errorChart(report: GradCheckReport): PlotOptions {
  const data = report.rows.map((r) => ({ name: r.name, error: Math.max(r.relError, FLOOR), pass: r.pass }));
  return {
    width: 640,
    height: 240,
    marginBottom: 56,
    marginLeft: 56,
    style,
    x: { label: null, domain: data.map((d) => d.name), tickRotate: -45 },
    y: { type: 'log', domain: [FLOOR, 1], label: 'relative error', grid: true, tickFormat: (v: number) => formatNumber(v, 0) },
    symbol: { domain: [true, false], range: ['circle', 'times'] },
    marks: [
      Plot.ruleY([TOLERANCE], { stroke: 'currentColor', strokeDasharray: '4,3', ariaHidden: 'true' }),
      Plot.text([TOLERANCE], { y: (d: number) => d, text: () => 'tolerance 1e−6', frameAnchor: 'right', dy: -7, ariaHidden: 'true' }),
      Plot.dot(data, { x: 'name', y: 'error', symbol: 'pass', r: 5, stroke: 'currentColor', strokeWidth: 2, ariaHidden: 'true' }),
    ],
  };
}

/** The largest relative error for each ε, on log–log axes. */
export function epsChart(points: readonly { eps: number; maxRelError: number }[], current: number): PlotOptions {
  const data = points.map((p) => ({ eps: p.eps, error: Math.max(p.maxRelError, FLOOR), current: p.eps === current }));
  return {
    width: 320,
    height: 220,
    marginLeft: 56,
    style,
    x: { type: 'log', label: 'ε', reverse: true, tickFormat: (v: number) => formatNumber(v, 0) },
    y: { type: 'log', domain: [FLOOR, 1], label: 'largest relative error', grid: true, tickFormat: (v: number) => formatNumber(v, 0) },
    marks: [
      Plot.ruleY([TOLERANCE], { stroke: 'currentColor', strokeDasharray: '4,3', ariaHidden: 'true' }),
      Plot.line(data, { x: 'eps', y: 'error', stroke: 'currentColor', ariaHidden: 'true' }),
      Plot.dot(data, { x: 'eps', y: 'error', r: (d: { current: boolean }) => (d.current ? 7 : 3.5), fill: 'currentColor', ariaHidden: 'true' }),
    ],
  };
}

/** Text alternative for the per-parameter chart. */
export function describeReport(report: GradCheckReport): string {
  const failing = report.rows.filter((r) => !r.pass);
  const head = `${report.rows.length} parameters; largest relative error ${formatNumber(report.maxRelError, 3)}.`;
  return failing.length === 0
    ? `${head} All below the tolerance 1e−6.`
    : `${head} ${failing.length} above the tolerance: ${failing.map((r) => r.name).join(', ')}.`;
}

/** The panel's summary sentence. */
export function summary(report: GradCheckReport): string {
  const failing = report.rows.filter((r) => !r.pass).length;
  return failing === 0
    ? `Largest relative error ${formatNumber(report.maxRelError, 3)}: all ${report.rows.length} parameters agree (below 1e−6).`
    : `Largest relative error ${formatNumber(report.maxRelError, 3)}: ${failing} of ${report.rows.length} parameters disagree (1e−6 or more).`;
}
