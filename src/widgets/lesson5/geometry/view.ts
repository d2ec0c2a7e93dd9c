// The geometry panel's view: one penalty's picture (loss contours, the ball through the
// constrained optimum, the optimum's path as λ grows) as plain data, then as Plot options.
import * as Plot from '@observablehq/plot';
import { okabeIto } from '../../../lib/palette';
import {
  ballThrough, contour, dataLoss, l1AxisLanding, l1ZeroLambda, lambdaGrid, optimum, optimumPath,
  type Penalty, type Quadratic,
} from './model';

/** Both axes span [−EXTENT, EXTENT], so the disc looks round and the diamond square. */
export const EXTENT = 2.2;
/** The largest λ on the panel's slider; the path is drawn up to here. */
export const LAMBDA_MAX = 3;

/** Everything one picture shows, in plain arrays. */
export interface GeometryFigure {
  kind: Penalty;
  lambda: number;
  wStar: [number, number];
  /** The constrained optimum w(λ). */
  w: [number, number];
  /** Background contours of the data loss. */
  contours: { level: number; points: [number, number][] }[];
  /** The contour through w(λ): the one that touches the ball. */
  touching: [number, number][];
  /** The boundary of {R(w) ≤ R(w(λ))}; empty when w(λ) is the origin. */
  ball: [number, number][];
  /** w(λ) for λ from 0 to LAMBDA_MAX. */
  path: [number, number][];
}

const LEVELS = [0.1, 0.4, 1, 2, 3.5];

/** Builds the picture of `kind` at `lambda`. For L1 the path includes its exact corners. */
export function geometryFigure(q: Quadratic, kind: Penalty, lambda: number): GeometryFigure {
  const w = optimum(q, kind, lambda);
  const lambdas = lambdaGrid(0.005, LAMBDA_MAX, 160);
  if (kind === 'l1') {
    const landing = l1AxisLanding(q);
    if (landing) lambdas.push(landing.lambda);
    lambdas.push(l1ZeroLambda(q));
  }
  const atOrigin = w[0] === 0 && w[1] === 0;
  return {
    kind,
    lambda,
    wStar: [q.wStar[0], q.wStar[1]],
    w,
    contours: LEVELS.map((level) => ({ level, points: contour(q, level) })),
    touching: contour(q, dataLoss(q, w)),
    ball: atOrigin ? [] : ballThrough(kind, w),
    path: optimumPath(q, kind, lambdas.filter((l) => l <= LAMBDA_MAX)).map((p) => p.w),
  };
}

const fmt = (x: number) => (Object.is(x, -0) || Math.abs(x) < 5e-4 ? '0' : x.toFixed(2));
const name = (kind: Penalty) => (kind === 'l2' ? 'L2' : 'L1');

/** A sentence saying what the picture shows: the text alternative of the chart and its caption. */
export function describeFigure(fig: GeometryFigure): string {
  const [a, b] = fig.w;
  const where = `${name(fig.kind)} penalty, λ = ${fig.lambda.toFixed(2)}: the constrained optimum is at (${fmt(a)}, ${fmt(b)})`;
  if (a === 0 && b === 0) return `${where}, the origin: both weights are exactly zero.`;
  if (a === 0) return `${where}, on the w₂ axis: w₁ is exactly zero.`;
  if (b === 0) return `${where}, on the w₁ axis: w₂ is exactly zero.`;
  return `${where}: both weights are nonzero.`;
}

const BALL_COLOR = { l2: okabeIto[0], l1: okabeIto[5] } as const;

/** Plot options for one picture. Marks are aria-hidden; the caller labels the <svg>. */
export function geometryPlotOptions(fig: GeometryFigure, size = 300): Plot.PlotOptions {
  const star = { x: fig.wStar[0], y: fig.wStar[1] };
  const opt = { x: fig.w[0], y: fig.w[1] };
  const hidden = { ariaHidden: 'true' } as const;
  return {
    width: size,
    height: size,
    marginLeft: 36,
    marginBottom: 34,
    style: { background: 'transparent', color: 'var(--fg)', fontSize: '12px' },
    x: { domain: [-EXTENT, EXTENT], label: 'w₁', ticks: 5 },
    y: { domain: [-EXTENT, EXTENT], label: 'w₂', ticks: 5 },
    marks: [
      Plot.ruleX([0], { stroke: 'var(--border)', ...hidden }),
      Plot.ruleY([0], { stroke: 'var(--border)', ...hidden }),
      ...fig.contours.map((c) => Plot.line(c.points, { x: '0', y: '1', stroke: 'var(--fg-soft)', strokeOpacity: 0.45, strokeWidth: 1, clip: true, ...hidden })),
      Plot.line(fig.touching, { x: '0', y: '1', stroke: 'var(--fg)', strokeWidth: 1.5, clip: true, ...hidden }),
      Plot.line(fig.ball, { x: '0', y: '1', stroke: BALL_COLOR[fig.kind], fill: BALL_COLOR[fig.kind], fillOpacity: 0.12, strokeWidth: 2, clip: true, ...hidden }),
      Plot.line(fig.path, { x: '0', y: '1', stroke: 'var(--fg)', strokeDasharray: '4 3', strokeWidth: 1.5, ...hidden }),
      Plot.dot([star], { x: 'x', y: 'y', symbol: 'times', r: 5, stroke: 'var(--fg)', strokeWidth: 2, ...hidden }),
      Plot.text([star], { x: 'x', y: 'y', text: () => 'w*', dx: 8, dy: -8, fill: 'var(--fg)', ...hidden }),
      Plot.dot([opt], { x: 'x', y: 'y', r: 5, fill: BALL_COLOR[fig.kind], stroke: 'var(--bg)', strokeWidth: 1.5, ...hidden }),
      Plot.text([opt], { x: 'x', y: 'y', text: () => 'w(λ)', dx: -10, dy: 12, textAnchor: 'end', fill: 'var(--fg)', ...hidden }),
    ],
  };
}
