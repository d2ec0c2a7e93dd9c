// Numerically stable forms of the functions that overflow when written naively: the sigmoid,
// softplus, log-sum-exp and softmax (lesson 3.6: subtract the max before exp).

/** Logistic sigmoid σ(x) = 1 / (1 + e^{−x}), evaluated so that e^{…} never overflows. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** softplus(x) = log(1 + e^x) = max(x, 0) + log1p(e^{−|x|}). */
export function softplus(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

/** log Σ_c e^{z_c} = m + log Σ_c e^{z_c − m}, m = max_c z_c; finite for logits like [1000, 999, −1000]. */
export function logSumExp(z: readonly number[]): number {
  if (z.length === 0) return -Infinity;
  let m = -Infinity;
  for (const v of z) if (v > m) m = v;
  if (!Number.isFinite(m)) return m;
  let s = 0;
  for (const v of z) s += Math.exp(v - m);
  return m + Math.log(s);
}

/** p_c = e^{z_c − m} / Σ_l e^{z_l − m}, m = max z: the softmax, unchanged by the shift and never overflowing. */
export function softmax(z: readonly number[]): number[] {
  const p = new Float64Array(z.length);
  softmaxRow(Float64Array.from(z), 0, z.length, p, 0);
  return Array.from(p);
}

/** Row form over a batch buffer: p[pOffset + c] = softmax(z[zOffset … zOffset + k − 1])_c; returns log Σ e^{z}. */
export function softmaxRow(
  z: Float64Array,
  zOffset: number,
  k: number,
  p: Float64Array,
  pOffset: number,
): number {
  let m = -Infinity;
  for (let c = 0; c < k; c++) {
    const v = z[zOffset + c]!;
    if (v > m) m = v;
  }
  let s = 0;
  for (let c = 0; c < k; c++) {
    const e = Math.exp(z[zOffset + c]! - m);
    p[pOffset + c] = e;
    s += e;
  }
  for (let c = 0; c < k; c++) p[pOffset + c] = p[pOffset + c]! / s;
  return m + Math.log(s);
}
