// The noise-shapes panel's state and numbers: a Gaussian and a Laplace noise model of the same
// variance σ², compared at one residual r by density, −log density, pull on μ and tail probability.

import {
  gaussianDensity,
  gaussianNegLogDensity,
  gaussianPull,
  gaussianTail,
  laplaceDensity,
  laplaceNegLogDensity,
  laplacePull,
  laplaceScaleFor,
  laplaceTail,
} from '../likelihood';

/** What the reader controls: the common standard deviation σ and a residual r = y − μ. */
export interface NoiseShapesState {
  sigma: number;
  r: number;
}

/** Slider ranges (inclusive) and starting values. */
export const CONTROLS = {
  sigma: { min: 0.25, max: 2, step: 0.05, initial: 1 },
  r: { min: -5, max: 5, step: 0.1, initial: 2.5 },
} as const;

export const initialState: NoiseShapesState = { sigma: CONTROLS.sigma.initial, r: CONTROLS.r.initial };

/** One noise model's numbers at the chosen residual. */
export interface ShapeReadout {
  model: 'Gaussian' | 'Laplace';
  /** σ for the Gaussian, b = σ/√2 for Laplace. */
  scale: number;
  density: number;
  negLog: number;
  /** −∂(−log p)/∂μ: how hard this item pulls the prediction towards itself. */
  pull: number;
  /** P(|ε| ≥ |r|). */
  tail: number;
}

export function readouts(s: NoiseShapesState): [ShapeReadout, ShapeReadout] {
  const b = laplaceScaleFor(s.sigma);
  return [
    {
      model: 'Gaussian',
      scale: s.sigma,
      density: gaussianDensity(s.r, s.sigma),
      negLog: gaussianNegLogDensity(s.r, s.sigma),
      pull: gaussianPull(s.r, s.sigma),
      tail: gaussianTail(s.r, s.sigma),
    },
    {
      model: 'Laplace',
      scale: b,
      density: laplaceDensity(s.r, b),
      negLog: laplaceNegLogDensity(s.r, b),
      pull: laplacePull(s.r, b),
      tail: laplaceTail(s.r, b),
    },
  ];
}

/** A point of the curves the panel draws. */
export interface CurvePoint {
  r: number;
  model: 'Gaussian' | 'Laplace';
  density: number;
  negLog: number;
}

/** Both models' density and −log density on `count` residuals spread evenly over [lo, hi]. */
export function curves(sigma: number, lo = CONTROLS.r.min, hi = CONTROLS.r.max, count = 401): CurvePoint[] {
  const b = laplaceScaleFor(sigma);
  const out: CurvePoint[] = [];
  for (let i = 0; i < count; i++) {
    const r = lo + ((hi - lo) * i) / (count - 1);
    out.push({ r, model: 'Gaussian', density: gaussianDensity(r, sigma), negLog: gaussianNegLogDensity(r, sigma) });
  }
  for (let i = 0; i < count; i++) {
    const r = lo + ((hi - lo) * i) / (count - 1);
    out.push({ r, model: 'Laplace', density: laplaceDensity(r, b), negLog: laplaceNegLogDensity(r, b) });
  }
  return out;
}

/** How many times more often Laplace noise produces a residual at least this large. */
export function tailRatio(s: NoiseShapesState): number {
  const [g, l] = readouts(s);
  return l.tail / g.tail;
}

/** Clamps a candidate state into the controls' ranges; non-finite values fall back to the start. */
export function clampState(s: { sigma: number; r: number }): NoiseShapesState {
  const clamp = (v: number, lo: number, hi: number, fallback: number) => (Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : fallback);
  return {
    sigma: clamp(s.sigma, CONTROLS.sigma.min, CONTROLS.sigma.max, CONTROLS.sigma.initial),
    r: clamp(s.r, CONTROLS.r.min, CONTROLS.r.max, CONTROLS.r.initial),
  };
}
