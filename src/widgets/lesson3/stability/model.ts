// The stability panel's two computations of softmax and cross-entropy (lesson 3.6): the naive
// one, written as a student first would, and the engine's stable one (max subtracted,
// log-sum-exp), with a plain-words diagnosis of where the naive one breaks.

import { logSumExp, softmax } from '@engine';
import { parseNumber } from '../format';

/** What the panel computes from: logits z (finite) and the true class y (0-based). */
export interface StabilityInput {
  z: readonly number[];
  y: number;
}

/** The naive route: p = e^z / Σ e^z, then L = −log p_y. */
export interface NaiveResult {
  exps: number[];
  sum: number;
  p: number[];
  loss: number;
  /** Why it failed, in words, or null when every number is finite and right. */
  failure: string | null;
}

/** The stable route: shift by γ = max z, then p from the engine's softmax and L = logsumexp(z) − z_y. */
export interface StableResult {
  /** γ = max_c z_c. */
  shift: number;
  /** e^{z_c − γ}: at most 1, and exactly 1 for the largest logit. */
  shiftedExps: number[];
  /** Σ_c e^{z_c − γ}, between 1 and k. */
  shiftedSum: number;
  p: number[];
  /** log Σ_c e^{z_c}, computed as γ + log Σ_c e^{z_c − γ}. */
  logSumExp: number;
  loss: number;
}

/**
 * The naive computation, on purpose without any protection: this is the code the lesson warns
 * against, shown so that its failure can be seen. Never used for training.
 */
export function naiveSoftmaxCrossEntropy({ z, y }: StabilityInput): NaiveResult {
  const exps = z.map((v) => Math.exp(v));
  const sum = exps.reduce((a, b) => a + b, 0);
  const p = exps.map((e) => e / sum);
  const loss = -Math.log(p[y]!);
  return { exps, sum, p, loss, failure: diagnose(z, y, exps, sum, p, loss) };
}

function diagnose(z: readonly number[], y: number, exps: number[], sum: number, p: number[], loss: number): string | null {
  const overflowed = z.filter((_, c) => exps[c] === Infinity);
  if (overflowed.length > 0) {
    return `Naive: e^z overflows to ∞ for z = ${overflowed.join(', ')} (anything above about 709.8), so p = ∞/∞ = NaN.`;
  }
  if (sum === Infinity) {
    return 'Naive: each e^z is finite but their sum overflows to ∞, so every p = e^z/∞ = 0 and the loss −log 0 = ∞.';
  }
  if (sum === 0) {
    return 'Naive: every e^z underflows to 0 (all logits below about −745), so p = 0/0 = NaN.';
  }
  if (p[y] === 0) {
    return `Naive: p_${y + 1} underflows to 0, so the loss −log p_${y + 1} = −log 0 = ∞, although the true loss is finite.`;
  }
  if (!Number.isFinite(loss) || p.some((v) => !Number.isFinite(v))) {
    return 'Naive: a number became NaN or ∞ on the way.';
  }
  return null;
}

/** The stable computation; p and log-sum-exp come from the engine. */
export function stableSoftmaxCrossEntropy({ z, y }: StabilityInput): StableResult {
  const shift = Math.max(...z);
  const shiftedExps = z.map((v) => Math.exp(v - shift));
  const shiftedSum = shiftedExps.reduce((a, b) => a + b, 0);
  const lse = logSumExp(z);
  return { shift, shiftedExps, shiftedSum, p: softmax(z), logSumExp: lse, loss: lse - z[y]! };
}

/** A parsed input, or a message saying what is wrong with it. */
export type ParsedLogits = { ok: true; z: number[] } | { ok: false; message: string };

/**
 * Reads logits typed by a person: numbers separated by commas or spaces, 2 to 6 of them, each
 * finite. "−" is accepted for minus.
 */
export function parseLogits(text: string): ParsedLogits {
  const parts = text
    .replace(/^[\s[(]+|[\s\])]+$/g, '')
    .split(/[\s,;]+/)
    .filter((s) => s !== '');
  if (parts.length < 2 || parts.length > 6) {
    return { ok: false, message: `Enter between 2 and 6 logits separated by commas; found ${parts.length}.` };
  }
  const z: number[] = [];
  for (const part of parts) {
    const v = parseNumber(part);
    if (Number.isNaN(v)) return { ok: false, message: `"${part}" is not a number.` };
    if (!Number.isFinite(v)) return { ok: false, message: `"${part}" is too large to be a finite double.` };
    z.push(v);
  }
  return { ok: true, z };
}
