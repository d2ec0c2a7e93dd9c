// Lesson 2's likelihood arithmetic for display: the two noise models' densities, and the negative
// log-likelihood of a set of residuals split into the part that moves with θ and the part that
// does not. The engine trains on the mean losses; these are the per-data-set sums the lesson shows.

/** The Laplace scale b whose variance 2b² equals σ²: b = σ/√2 (same spread, different shape). */
export function laplaceScaleFor(sigma: number): number {
  return sigma / Math.SQRT2;
}

/** Gaussian density N(r; 0, σ²) = exp(−r²/(2σ²)) / √(2πσ²). */
export function gaussianDensity(r: number, sigma: number): number {
  return Math.exp(-(r * r) / (2 * sigma * sigma)) / Math.sqrt(2 * Math.PI * sigma * sigma);
}

/** Laplace density exp(−|r|/b) / (2b). */
export function laplaceDensity(r: number, b: number): number {
  return Math.exp(-Math.abs(r) / b) / (2 * b);
}

/** −log N(r; 0, σ²) = ½ log(2πσ²) + r²/(2σ²), computed without going through the density. */
export function gaussianNegLogDensity(r: number, sigma: number): number {
  return 0.5 * Math.log(2 * Math.PI * sigma * sigma) + (r * r) / (2 * sigma * sigma);
}

/** −log Laplace(r; 0, b) = log(2b) + |r|/b. */
export function laplaceNegLogDensity(r: number, b: number): number {
  return Math.log(2 * b) + Math.abs(r) / b;
}

/**
 * The pull of one item on the prediction μ, −∂(−log p)/∂μ with r = y − μ: r/σ² for the
 * Gaussian (grows with the residual), sign(r)/b for Laplace (bounded).
 */
export function gaussianPull(r: number, sigma: number): number {
  return r / (sigma * sigma);
}

/** See gaussianPull; sign(0) = 0 (the subgradient the engine uses). */
export function laplacePull(r: number, b: number): number {
  return Math.sign(r) / b;
}

/**
 * Complementary error function erfc(x) = 1 − erf(x), by the Chebyshev fit of Numerical Recipes
 * (3rd ed., §6.2.2, `erfccheb`), relative error below 1.2e-7 for every x: enough for tail
 * probabilities shown to three digits.
 */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x < 0) return 2 - erfc(-x);
  const t = 2 / (2 + x);
  const ty = 4 * t - 2;
  let d = 0;
  let dd = 0;
  for (let j = ERFC_COEF.length - 1; j > 0; j--) {
    const tmp = d;
    d = ty * d - dd + ERFC_COEF[j]!;
    dd = tmp;
  }
  return t * Math.exp(-x * x + 0.5 * (ERFC_COEF[0]! + ty * d) - dd);
}

const ERFC_COEF = [
  -1.3026537197817094, 6.4196979235649026e-1, 1.9476473204185836e-2, -9.561514786808631e-3,
  -9.46595344482036e-4, 3.66839497852761e-4, 4.2523324806907e-5, -2.0278578112534e-5,
  -1.624290004647e-6, 1.30365583558e-6, 1.5626441722e-8, -8.5238095915e-8, 6.529054439e-9,
  5.059343495e-9, -9.91364156e-10, -2.27365122e-10, 9.6467911e-11, 2.394038e-12, -6.886027e-12,
  8.94487e-13, 3.13092e-13, -1.12708e-13, 3.81e-16, 7.106e-15, -1.523e-15, -9.4e-17, 1.21e-16,
  -2.8e-17,
] as const;

/** P(|ε| ≥ t) for ε ~ N(0, σ²): erfc(t/(σ√2)). */
export function gaussianTail(t: number, sigma: number): number {
  return erfc(Math.abs(t) / (sigma * Math.SQRT2));
}

/** P(|ε| ≥ t) for ε ~ Laplace(0, b): exp(−t/b). */
export function laplaceTail(t: number, b: number): number {
  return Math.exp(-Math.abs(t) / b);
}

/** A negative log-likelihood split into its two parts: total = constant + data. */
export interface NllParts {
  /** The part that does not depend on θ: N/2·log(2πσ²) (Gaussian) or N·log(2b) (Laplace). */
  constant: number;
  /** The part that does: SSE/(2σ²) (Gaussian) or SAE/b (Laplace). */
  data: number;
  /** constant + data = −log 𝓛. */
  total: number;
  /** The sum the data part is built on: SSE (Gaussian) or SAE (Laplace). */
  sum: number;
}

/** Gaussian NLL of residuals r⁽ⁱ⁾ = y⁽ⁱ⁾ − μ⁽ⁱ⁾: N/2·log(2πσ²) + Σ r²/(2σ²). */
export function gaussianNllParts(residuals: ArrayLike<number>, sigma: number): NllParts {
  const n = residuals.length;
  let sse = 0;
  for (let i = 0; i < n; i++) sse += residuals[i]! * residuals[i]!;
  const constant = (n / 2) * Math.log(2 * Math.PI * sigma * sigma);
  const data = sse / (2 * sigma * sigma);
  return { constant, data, total: constant + data, sum: sse };
}

/** Laplace NLL of residuals: N·log(2b) + Σ |r|/b. */
export function laplaceNllParts(residuals: ArrayLike<number>, b: number): NllParts {
  const n = residuals.length;
  let sae = 0;
  for (let i = 0; i < n; i++) sae += Math.abs(residuals[i]!);
  const constant = n * Math.log(2 * b);
  const data = sae / b;
  return { constant, data, total: constant + data, sum: sae };
}

/** The maximum-likelihood σ² of Gaussian noise given the residuals: SSE/N (the MSE). */
export function sigmaSquaredHat(residuals: ArrayLike<number>): number {
  let sse = 0;
  for (let i = 0; i < residuals.length; i++) sse += residuals[i]! * residuals[i]!;
  return sse / residuals.length;
}
