// A histogram of weights on a fixed, symmetric axis: an odd number of equal bins over [−m, m],
// so one bin is centred on zero (where L1 piles weights up), and a range that only grows while a
// network trains, so bars do not jump as the largest weight wobbles.

/** One bin: [x0, x1) (the last bin also holds x1), and how many values fell in it. */
export interface Bin {
  x0: number;
  x1: number;
  count: number;
}

/**
 * Counts values into `bins` equal bins over [lo, hi]. Values below lo go to the first bin and
 * above hi to the last (they are counted, not lost); non-finite values are skipped.
 */
export function binValues(values: Iterable<number>, lo: number, hi: number, bins: number): Bin[] {
  if (!(hi > lo) || bins < 1 || !Number.isInteger(bins)) throw new Error(`bad bins: [${lo}, ${hi}] in ${bins}`);
  const width = (hi - lo) / bins;
  const out: Bin[] = Array.from({ length: bins }, (_, i) => ({ x0: lo + i * width, x1: i === bins - 1 ? hi : lo + (i + 1) * width, count: 0 }));
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    let i = Math.floor((v - lo) / width);
    if (i < 0) i = 0;
    if (i >= bins) i = bins - 1;
    out[i]!.count++;
  }
  return out;
}

/** The smallest "nice" bound (1, 2 or 5 × 10^e) at least as large as x > 0. */
export function niceBound(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return 1;
  const e = Math.floor(Math.log10(x));
  for (const m of [1, 2, 5, 10]) {
    const b = m * 10 ** e;
    if (b >= x * (1 - 1e-12)) return b;
  }
  return 10 ** (e + 1);
}

/** The largest |value| (0 for none), skipping non-finite values. */
export function maxAbs(values: Iterable<number>): number {
  let m = 0;
  for (const v of values) if (Number.isFinite(v) && Math.abs(v) > m) m = Math.abs(v);
  return m;
}

/**
 * The axis bound for the next frame: grows to a nice bound above the largest |weight| and never
 * shrinks during a run (call with previous = 0 after a reset).
 */
export function stickyBound(previous: number, values: Iterable<number>): number {
  const needed = niceBound(maxAbs(values));
  return Math.max(previous, needed);
}

/** Histogram of weights on [−bound, bound] with an odd number of bins (one centred on 0). */
export function weightHistogram(values: Iterable<number>, bound: number, bins = 21): Bin[] {
  const odd = bins % 2 === 1 ? bins : bins + 1;
  return binValues(values, -bound, bound, odd);
}

/** Share of |w| below `eps`: how sparse the weights are (L1 drives this up). */
export function nearZeroShare(values: readonly number[], eps: number): number {
  if (values.length === 0) return 0;
  let c = 0;
  for (const v of values) if (Math.abs(v) < eps) c++;
  return c / values.length;
}
