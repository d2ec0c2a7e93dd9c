// The three activations of lesson 1.2 with their derivatives, sampled from the engine's own
// activation table so that the plots show exactly the functions the networks train with.

import { activations } from '@engine';

/** The activations the panel plots, in the lesson's order. */
export const SHOWN = ['sigmoid', 'tanh', 'relu'] as const;
export type ShownActivation = (typeof SHOWN)[number];

/** Titles as the lesson writes them. */
export const TITLES: Readonly<Record<ShownActivation, string>> = {
  sigmoid: 'sigmoid σ(z)',
  tanh: 'tanh(z)',
  relu: 'ReLU(z) = max(0, z)',
};

/** g(z) and g'(z) from the engine. */
export function valuesAt(name: ShownActivation, z: number): { g: number; dg: number } {
  const a = activations[name];
  const g = a.f(z);
  return { g, dg: a.df(z, g) };
}

/** One sample of a curve; dg is NaN where the derivative jumps, so that a line breaks there. */
export interface CurvePoint {
  readonly z: number;
  readonly g: number;
  readonly dg: number;
}

/** n evenly spaced samples of g and g' on [a, b]; ReLU's derivative line is broken at its kink z = 0. */
export function sampleCurve(name: ShownActivation, interval: readonly [number, number], n = 161): CurvePoint[] {
  const [a, b] = interval;
  const out: CurvePoint[] = [];
  for (let i = 0; i < n; i++) {
    const z = a + ((b - a) * i) / (n - 1);
    out.push({ z, ...valuesAt(name, z) });
  }
  const kink = activations[name].slopes;
  if (kink && kink.negative !== kink.positive && a < 0 && b > 0) {
    out.push({ z: 0, g: activations[name].f(0), dg: Number.NaN });
    out.sort((p, q) => p.z - q.z);
  }
  return out;
}

/** The tangent line of g at z0, from z0 − half to z0 + half: g(z0) + g'(z0)(z − z0). */
export function tangentSegment(name: ShownActivation, z0: number, half = 1.2): [CurvePoint, CurvePoint] {
  const { g, dg } = valuesAt(name, z0);
  const at = (z: number): CurvePoint => ({ z, g: g + dg * (z - z0), dg });
  return [at(z0 - half), at(z0 + half)];
}

/** The range of each plot's y axis: the curve and its derivative fit with a little room. */
export const Y_DOMAIN: Readonly<Record<ShownActivation, readonly [number, number]>> = {
  sigmoid: [-0.15, 1.15],
  tanh: [-1.15, 1.15],
  relu: [-0.6, 4],
};

/** The z range of all three plots. */
export const Z_DOMAIN = [-4, 4] as const;
