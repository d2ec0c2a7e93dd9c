// Counting the linear pieces of a 1-D ReLU network exactly (lesson 4.5–4.6). On each interval
// every unit is affine in x, α x + β; a unit splits an interval where its pre-activation crosses
// zero, at x = −β/α. Tracking these breakpoints layer by layer gives the pieces with no sampling.

import { EngineError } from './errors';
import type { Model } from './model';

/** One affine piece ỹ = slope · x + intercept on [x0, x1]. */
export interface LinearSegment {
  x0: number;
  x1: number;
  slope: number;
  intercept: number;
}

/** The pieces of a piecewise-linear function on [a, b] and the breakpoints between them. */
export interface LinearPieces {
  /** Number of maximal affine pieces (adjacent pieces with equal slopes are merged). */
  pieces: number;
  /** The interior x positions where the slope changes, ascending (pieces − 1 of them). */
  breakpoints: number[];
  segments: LinearSegment[];
}

/**
 * The exact number of linear pieces of a 1-input, 1-output network with piecewise-linear
 * activations (relu, leaky-relu, identity) on [a, b]. Adjacent pieces whose slopes agree within
 * 1e-12 relative tolerance (|s₁ − s₂| ≤ 1e-12 · max(|s₁|, |s₂|)) are one piece, since the
 * network is continuous. A crossing closer than 1e-12 (b − a) to an existing breakpoint is merged with it.
 */
export function countLinearPieces(model: Model, a: number, b: number): LinearPieces {
  if (model.inputs !== 1 || model.outputs !== 1) {
    throw new EngineError(`countLinearPieces needs a network with 1 input and 1 output, not ${model.inputs} → ${model.outputs}`);
  }
  if (!Number.isFinite(a) || !Number.isFinite(b) || !(a < b)) throw new EngineError('countLinearPieces needs finite a < b');
  model.layers.forEach((layer, l) => {
    if (!layer.activation.slopes) {
      throw new EngineError(`layers[${l}].activation "${layer.activation.name}" is not piecewise linear; countLinearPieces needs relu, leaky-relu or identity`);
    }
  });
  const snap = 1e-12 * (b - a);
  // Interval p is [xs[p], xs[p + 1]]; on it, unit u of the current layer is slope[p][u] x + icpt[p][u].
  let xs = [a, b];
  let slope: Float64Array[] = [Float64Array.of(1)];
  let icpt: Float64Array[] = [Float64Array.of(0)];
  for (const layer of model.layers) {
    const { units, inputs: d, W, b: bias } = layer;
    const { negative, positive } = layer.activation.slopes!;
    const nextXs: number[] = [xs[0]!];
    const nextSlope: Float64Array[] = [];
    const nextIcpt: Float64Array[] = [];
    for (let p = 0; p < slope.length; p++) {
      const lo = xs[p]!;
      const hi = xs[p + 1]!;
      // z_j = Σ_k W_jk (s_k x + c_k) + b_j = S_j x + C_j on this interval.
      const S = new Float64Array(units);
      const C = new Float64Array(units);
      const s = slope[p]!;
      const c = icpt[p]!;
      for (let j = 0; j < units; j++) {
        let sj = 0;
        let cj = bias[j]!;
        for (let k = 0; k < d; k++) {
          sj += W[j * d + k]! * s[k]!;
          cj += W[j * d + k]! * c[k]!;
        }
        S[j] = sj;
        C[j] = cj;
      }
      const cuts: number[] = [];
      if (negative !== positive) {
        for (let j = 0; j < units; j++) {
          if (S[j] === 0) continue;
          const x = -C[j]! / S[j]! + 0; // + 0 turns −0 into 0
          if (x > lo + snap && x < hi - snap) cuts.push(x);
        }
        cuts.sort((u, v) => u - v);
      }
      const bounds = [lo];
      for (const x of cuts) if (x - bounds[bounds.length - 1]! > snap) bounds.push(x);
      bounds.push(hi);
      for (let q = 0; q + 1 < bounds.length; q++) {
        const mid = 0.5 * (bounds[q]! + bounds[q + 1]!);
        const hs = new Float64Array(units);
        const hc = new Float64Array(units);
        for (let j = 0; j < units; j++) {
          const g = S[j]! * mid + C[j]! > 0 ? positive : negative;
          hs[j] = g * S[j]!;
          hc[j] = g * C[j]!;
        }
        nextSlope.push(hs);
        nextIcpt.push(hc);
        nextXs.push(bounds[q + 1]!);
      }
    }
    xs = nextXs;
    slope = nextSlope;
    icpt = nextIcpt;
  }
  const segments: LinearSegment[] = [];
  for (let p = 0; p < slope.length; p++) {
    const s = slope[p]![0]!;
    const c = icpt[p]![0]!;
    const last = segments[segments.length - 1];
    if (last && Math.abs(last.slope - s) <= 1e-12 * Math.max(Math.abs(last.slope), Math.abs(s))) {
      last.x1 = xs[p + 1]!;
      continue;
    }
    segments.push({ x0: xs[p]!, x1: xs[p + 1]!, slope: s, intercept: c });
  }
  return { pieces: segments.length, breakpoints: segments.slice(1).map((segment) => segment.x0), segments };
}
