// The L1/L2 geometry panel's mathematics: a two-weight quadratic loss, its penalized optima
// argmin ½(w−w*)ᵀH(w−w*) + λR(w) for R = ½‖w‖² and R = ‖w‖₁, their paths as λ grows, and the
// shapes the panel draws (loss contours, the L2 disc, the L1 diamond). Exact, closed-form, pure.

/** A point or vector in the (w₁, w₂) plane. */
export type Vec2 = readonly [number, number];

/** A symmetric positive-definite 2×2 matrix [[h11, h12], [h12, h22]]: the loss's curvature. */
export interface Sym2 {
  readonly h11: number;
  readonly h12: number;
  readonly h22: number;
}

/** The data loss L(w) = ½ (w − w*)ᵀ H (w − w*): elliptical contours centred on w*. */
export interface Quadratic {
  readonly H: Sym2;
  /** The unpenalized optimum w*. */
  readonly wStar: Vec2;
}

export type Penalty = 'l2' | 'l1';

/** H = R(θ) diag(a₁, a₂) R(θ)ᵀ: curvatures a₁, a₂ along axes turned by `angleDeg`. */
export function curvature(a1: number, a2: number, angleDeg: number): Sym2 {
  if (!(a1 > 0 && a2 > 0)) throw new RangeError('curvatures must be positive');
  const t = (angleDeg * Math.PI) / 180;
  const c = Math.cos(t);
  const s = Math.sin(t);
  return { h11: a1 * c * c + a2 * s * s, h12: (a1 - a2) * c * s, h22: a1 * s * s + a2 * c * c };
}

function mul(H: Sym2, v: Vec2): [number, number] {
  return [H.h11 * v[0] + H.h12 * v[1], H.h12 * v[0] + H.h22 * v[1]];
}

/** Solves (H + μI) x = r by Cramer's rule. */
function solve(H: Sym2, mu: number, r: Vec2): [number, number] {
  const a = H.h11 + mu;
  const d = H.h22 + mu;
  const det = a * d - H.h12 * H.h12;
  return [(d * r[0] - H.h12 * r[1]) / det, (a * r[1] - H.h12 * r[0]) / det];
}

/** L(w) = ½ (w − w*)ᵀ H (w − w*). */
export function dataLoss(q: Quadratic, w: Vec2): number {
  const e: Vec2 = [w[0] - q.wStar[0], w[1] - q.wStar[1]];
  const He = mul(q.H, e);
  return 0.5 * (e[0] * He[0] + e[1] * He[1]);
}

/** ∇L(w) = H (w − w*). */
export function dataGradient(q: Quadratic, w: Vec2): [number, number] {
  return mul(q.H, [w[0] - q.wStar[0], w[1] - q.wStar[1]]);
}

/** R(w): ½‖w‖₂² for L2, ‖w‖₁ for L1. */
export function penalty(kind: Penalty, w: Vec2): number {
  return kind === 'l2' ? 0.5 * (w[0] * w[0] + w[1] * w[1]) : Math.abs(w[0]) + Math.abs(w[1]);
}

/** L(w) + λ R(w). */
export function totalLoss(q: Quadratic, kind: Penalty, lambda: number, w: Vec2): number {
  return dataLoss(q, w) + lambda * penalty(kind, w);
}

/** L2 optimum: ∇L + λw = 0 ⇔ (H + λI) w = H w*. Reaches the origin only as λ → ∞. */
export function l2Optimum(q: Quadratic, lambda: number): [number, number] {
  return solve(q.H, lambda, mul(q.H, q.wStar));
}

const softThreshold = (x: number, t: number) => Math.sign(x) * Math.max(0, Math.abs(x) - t);

/**
 * L1 optimum, exactly: the objective is strictly convex, so exactly one candidate satisfies the
 * optimality conditions 0 ∈ H(w − w*) + λ∂‖w‖₁. Candidates: both weights nonzero with a sign
 * pattern s (then H w = H w* − λ s), one weight exactly zero (a one-weight soft threshold), or the
 * origin. Zeros are exact zeros, which is the point of the panel.
 */
export function l1Optimum(q: Quadratic, lambda: number): [number, number] {
  const { H } = q;
  const c = mul(H, q.wStar); // L(w) = ½wᵀHw − wᵀc + const
  if (lambda <= 0) return [q.wStar[0], q.wStar[1]];
  for (const s0 of [1, -1]) {
    for (const s1 of [1, -1]) {
      const w = solve(H, 0, [c[0] - lambda * s0, c[1] - lambda * s1]);
      if (Math.sign(w[0]) === s0 && Math.sign(w[1]) === s1) return w;
    }
  }
  // w₁ = 0: w₂ = S(c₂, λ)/h22, optimal if |∂L/∂w₁| = |h12 w₂ − c₁| ≤ λ.
  const w2 = softThreshold(c[1], lambda) / H.h22;
  if (w2 !== 0 && Math.abs(H.h12 * w2 - c[0]) <= lambda) return [0, w2];
  const w1 = softThreshold(c[0], lambda) / H.h11;
  if (w1 !== 0 && Math.abs(H.h12 * w1 - c[1]) <= lambda) return [w1, 0];
  return [0, 0];
}

/** The penalized optimum for either penalty. */
export function optimum(q: Quadratic, kind: Penalty, lambda: number): [number, number] {
  return kind === 'l2' ? l2Optimum(q, lambda) : l1Optimum(q, lambda);
}

/**
 * The λ at which the L1 optimum first loses a weight (lands on an axis), with the index of the
 * weight that becomes zero; null if w* already has a zero coordinate. While both weights are
 * nonzero with signs s = sign(w*)... the path is the straight line w(λ) = w* − λ H⁻¹ s, so each
 * coordinate's zero crossing is linear in λ. Assumes the sign pattern does not flip before
 * hitting zero, which holds because a coordinate must pass through zero to change sign.
 */
export function l1AxisLanding(q: Quadratic): { lambda: number; zeroIndex: 0 | 1 } | null {
  const s: Vec2 = [Math.sign(q.wStar[0]), Math.sign(q.wStar[1])];
  if (s[0] === 0 || s[1] === 0) return null;
  const d = solve(q.H, 0, s); // w(λ) = w* − λ d
  const hit = [0, 1].map((k) => {
    const dk = d[k]!;
    const wk = q.wStar[k]!;
    return dk !== 0 && Math.sign(dk) === Math.sign(wk) ? wk / dk : Infinity;
  });
  const [h0, h1] = hit as [number, number];
  if (!Number.isFinite(h0) && !Number.isFinite(h1)) return null;
  return h0 <= h1 ? { lambda: h0, zeroIndex: 0 } : { lambda: h1, zeroIndex: 1 };
}

/** The smallest λ at which the L1 optimum is the origin: ‖H w*‖_∞ (the gradient at 0 fits in λ[−1, 1]²). */
export function l1ZeroLambda(q: Quadratic): number {
  const c = mul(q.H, q.wStar);
  return Math.max(Math.abs(c[0]), Math.abs(c[1]));
}

/** λ values on a logarithmic grid from `lo` to `hi` (inclusive), with 0 first. */
export function lambdaGrid(lo: number, hi: number, count: number): number[] {
  const out = [0];
  for (let i = 0; i < count; i++) out.push(lo * Math.pow(hi / lo, i / (count - 1)));
  return out;
}

/** The optima along a λ grid: the path the panel draws. Extra λ values (breakpoints) are merged in. */
export function optimumPath(q: Quadratic, kind: Penalty, lambdas: readonly number[]): { lambda: number; w: [number, number] }[] {
  return [...lambdas].sort((a, b) => a - b).map((lambda) => ({ lambda, w: optimum(q, kind, lambda) }));
}

/**
 * The contour L(w) = level as a closed polyline: w = w* + √(2·level) H^{-1/2} u(φ), u on the unit
 * circle. H^{-1/2} comes from H's eigen-decomposition.
 */
export function contour(q: Quadratic, level: number, points = 96): [number, number][] {
  const { h11, h12, h22 } = q.H;
  const mean = (h11 + h22) / 2;
  const rad = Math.hypot((h11 - h22) / 2, h12);
  const l1 = mean + rad;
  const l2 = mean - rad;
  // Eigenvector of l1: (h12, l1 − h11), or (1, 0) when H is already diagonal with h11 ≥ h22.
  let ex = h12;
  let ey = l1 - h11;
  const n = Math.hypot(ex, ey);
  if (n < 1e-12) {
    ex = h11 >= h22 ? 1 : 0;
    ey = h11 >= h22 ? 0 : 1;
  } else {
    ex /= n;
    ey /= n;
  }
  const r = Math.sqrt(2 * Math.max(level, 0));
  const out: [number, number][] = [];
  for (let i = 0; i <= points; i++) {
    const phi = (2 * Math.PI * i) / points;
    const a = (r * Math.cos(phi)) / Math.sqrt(l1);
    const b = (r * Math.sin(phi)) / Math.sqrt(l2);
    out.push([q.wStar[0] + a * ex - b * ey, q.wStar[1] + a * ey + b * ex]);
  }
  return out;
}

/** The boundary of the ball {R(w) ≤ R(w_λ)} through a point: a circle (L2) or a diamond (L1). */
export function ballThrough(kind: Penalty, w: Vec2, points = 96): [number, number][] {
  if (kind === 'l1') {
    const t = Math.abs(w[0]) + Math.abs(w[1]);
    return [[t, 0], [0, t], [-t, 0], [0, -t], [t, 0]];
  }
  const r = Math.hypot(w[0], w[1]);
  const out: [number, number][] = [];
  for (let i = 0; i <= points; i++) {
    const phi = (2 * Math.PI * i) / points;
    out.push([r * Math.cos(phi), r * Math.sin(phi)]);
  }
  return out;
}
