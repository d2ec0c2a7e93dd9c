// The stability panel's table as plain rows (state → rows, no DOM), shared by the server-rendered
// fallback and the live element, so both show the same numbers in the same places.

import { formatNumber } from '../format';
import { naiveSoftmaxCrossEntropy, stableSoftmaxCrossEntropy, type StabilityInput } from './model';

/** One row of the comparison: what is computed, and each route's value. */
export interface StabilityRow {
  /** Stable key for tests and updates, e.g. "p-0", "loss". */
  key: string;
  quantity: string;
  naive: number;
  stable: number;
  naiveText: string;
  stableText: string;
}

/** The whole comparison: the table rows, and the verdicts in words. */
export interface StabilityView {
  rows: StabilityRow[];
  naiveVerdict: string;
  stableVerdict: string;
}

const row = (key: string, quantity: string, naive: number, stable: number, digits = 4): StabilityRow => ({
  key,
  quantity,
  naive,
  stable,
  naiveText: formatNumber(naive, digits),
  stableText: formatNumber(stable, digits),
});

/** Builds the comparison for logits z and true class y (0-based). */
export function stabilityView(input: StabilityInput): StabilityView {
  const naive = naiveSoftmaxCrossEntropy(input);
  const stable = stableSoftmaxCrossEntropy(input);
  const k = input.z.length;
  const rows: StabilityRow[] = [];
  for (let c = 0; c < k; c++) {
    rows.push(row(`exp-${c}`, `e^z, class ${c + 1} (stable: e^(z − γ))`, naive.exps[c]!, stable.shiftedExps[c]!));
  }
  rows.push(row('sum', 'sum of the exponentials', naive.sum, stable.shiftedSum));
  for (let c = 0; c < k; c++) rows.push(row(`p-${c}`, `p, class ${c + 1}`, naive.p[c]!, stable.p[c]!));
  rows.push(row('loss', `loss −log p for class ${input.y + 1}`, naive.loss, stable.loss));
  return {
    rows,
    naiveVerdict: naive.failure ?? 'Naive: every number is finite here (the logits are small enough).',
    stableVerdict: `Stable: γ = max z = ${formatNumber(stable.shift, 4)}; log Σ e^z = γ + log Σ e^(z − γ) = ${formatNumber(stable.logSumExp, 4)}; loss = log Σ e^z − z_y = ${formatNumber(stable.loss, 4)}.`,
  };
}

/** The presets the panel offers: the lesson's overflow case, an all-underflow case, and a tame one. */
export const PRESETS: readonly { label: string; z: number[]; y: number }[] = [
  { label: '1000, 999, −1000', z: [1000, 999, -1000], y: 2 },
  { label: '−1000, −1001, −1002', z: [-1000, -1001, -1002], y: 0 },
  { label: '2, 1, −1', z: [2, 1, -1], y: 0 },
];
