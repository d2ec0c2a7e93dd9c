// The logits panel's model (lesson 3.5): from logits z and a true class y to the softmax p, the
// one-hot target, the gradient ∂L/∂z = p − y and the loss, all from the engine's fused
// softmax-cross-entropy; plus the first-order prediction of a loss change, (p − y)·Δz.

import { softmax, softmaxCrossEntropy } from '@engine';

/** Logits and the true class (0-based). */
export interface LogitsState {
  z: number[];
  y: number;
}

/** Everything the panel shows for one state. */
export interface LogitsReadout {
  /** p = softmax(z). */
  p: number[];
  /** The one-hot target y = onehot(y). */
  target: number[];
  /** ∂L/∂z = p − y, from the engine's backward of the fused loss. */
  grad: number[];
  /** L = −log p_y = logsumexp(z) − z_y. */
  loss: number;
}

/** The range the sliders allow; wide enough to saturate the softmax, narrow enough to drag. */
export const LOGIT_RANGE = { min: -8, max: 8, step: 0.1 } as const;

/** The lesson's worked example: z = (2, 1, −1), true class 1. */
export const EXAMPLE_STATE: LogitsState = { z: [2, 1, -1], y: 0 };

/** Reads p, the target, p − y and the loss off the engine for one example. */
export function readLogits({ z, y }: LogitsState): LogitsReadout {
  const k = z.length;
  const grad = new Float64Array(k);
  // One example (n = 1), so the engine's mean over the batch is the example's own loss and gradient.
  const loss = softmaxCrossEntropy(Float64Array.from(z), Float64Array.of(y), 1, k, grad, 1);
  const target = z.map((_, c) => (c === y ? 1 : 0));
  return { p: softmax(z), target, grad: Array.from(grad), loss };
}

/**
 * The loss change between two states with the same target: the actual change and the
 * first-order estimate (p − y)·Δz taken at the earlier state.
 */
export function lossChange(before: LogitsState, after: LogitsState): { actual: number; predicted: number } {
  const a = readLogits(before);
  const b = readLogits(after);
  let predicted = 0;
  for (let c = 0; c < before.z.length; c++) predicted += a.grad[c]! * (after.z[c]! - before.z[c]!);
  return { actual: b.loss - a.loss, predicted };
}

/** Clamps a logit to the slider range and rounds it to the slider's step. */
export function clampLogit(v: number): number {
  const clamped = Math.min(LOGIT_RANGE.max, Math.max(LOGIT_RANGE.min, v));
  // Dividing by the step (0.1) would leave 2.1000000000000001-style residue; tenths are exact enough.
  return Math.round(clamped * 10) / 10;
}
