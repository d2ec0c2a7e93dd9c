// The binary-loss panel's numbers: for a logit f and a label y ∈ {0, 1}, the probability
// p = σ(f), the loss in its two written forms (softplus((1 − 2y) f) from the logit, and
// −y ln p − (1 − y) ln(1 − p) from the probability), and the slopes that make it saturate.

import { sigmoid, softplus } from '@engine';

/** What the reader controls. */
export interface BinaryLossState {
  f: number;
  y: 0 | 1;
}

/** The logit slider. Beyond about ±8 the form computed from p starts to lose digits (see the lesson's warning). */
export const F_RANGE = { min: -8, max: 8, step: 0.1, initial: -2 } as const;

export const initialState: BinaryLossState = { f: F_RANGE.initial, y: 1 };

export interface BinaryLossReadout {
  /** p = σ(f) = P(y = 1 | x). */
  p: number;
  /** P(observed label) = σ((2y − 1) f). */
  pObserved: number;
  /** softplus((1 − 2y) f), computed from the logit. */
  softplusForm: number;
  /** −y ln p − (1 − y) ln(1 − p), computed from p (a zero coefficient drops its term). */
  logForm: number;
  /** |softplusForm − logForm|. */
  difference: number;
  /** m = (1 − 2y) f: negative when the prediction is right, positive when wrong. */
  margin: number;
  /** ∂L/∂f = σ(f) − y. */
  slope: number;
  /** Squared error on the probability, (p − y)², for comparison. */
  squaredOnP: number;
  /** Its slope with respect to f: 2 (p − y) p (1 − p). */
  squaredOnPSlope: number;
  /** The deck's slip, 1/(e^f + 1), which is σ(−f), not σ(f). */
  deckSlip: number;
}

/** The loss −y ln p − (1 − y) ln(1 − p) as written, from a probability p and a label y. */
export function logFormLoss(p: number, y: 0 | 1): number {
  // 0 · ln 0 would be NaN in floating point; the formula's zero coefficient means the term is absent.
  return y === 1 ? -Math.log(p) : -Math.log(1 - p);
}

export function readout(s: BinaryLossState): BinaryLossReadout {
  const p = sigmoid(s.f);
  const margin = (1 - 2 * s.y) * s.f;
  const softplusForm = softplus(margin);
  const logForm = logFormLoss(p, s.y);
  return {
    p,
    pObserved: sigmoid(-margin),
    softplusForm,
    logForm,
    difference: Math.abs(softplusForm - logForm),
    margin,
    slope: p - s.y,
    squaredOnP: (p - s.y) ** 2,
    squaredOnPSlope: 2 * (p - s.y) * p * (1 - p),
    deckSlip: 1 / (Math.exp(s.f) + 1),
  };
}

/** Points of the curves: loss and slope against f for label y, both losses. */
export interface BinaryCurvePoint {
  f: number;
  loss: 'cross-entropy' | 'squared error on p';
  value: number;
  slope: number;
}

export function binaryCurves(y: 0 | 1, count = 321): BinaryCurvePoint[] {
  const out: BinaryCurvePoint[] = [];
  for (let i = 0; i < count; i++) {
    const f = F_RANGE.min + ((F_RANGE.max - F_RANGE.min) * i) / (count - 1);
    const r = readout({ f, y });
    out.push({ f, loss: 'cross-entropy', value: r.softplusForm, slope: r.slope });
    out.push({ f, loss: 'squared error on p', value: r.squaredOnP, slope: r.squaredOnPSlope });
  }
  return out;
}

/** Clamps f into the slider's range (non-finite → start value); y must be 0 or 1. */
export function clampState(f: number, y: number): BinaryLossState {
  const fv = Number.isFinite(f) ? Math.min(F_RANGE.max, Math.max(F_RANGE.min, f)) : F_RANGE.initial;
  return { f: fv, y: y === 0 ? 0 : 1 };
}
