import { describe, expect, test } from 'vitest';
import {
  ballThrough, contour, curvature, dataGradient, dataLoss, l1AxisLanding, l1Optimum, l1ZeroLambda,
  l2Optimum, lambdaGrid, optimumPath, totalLoss, type Quadratic, type Vec2,
} from '@widgets/lesson5/geometry/model';

const identity = curvature(1, 1, 0);
const tilted: Quadratic = { H: curvature(1, 3, 30), wStar: [1.6, 0.7] };

/** Brute force: the smallest total loss on a fine grid around the candidate (independent of the solver). */
function gridMin(q: Quadratic, kind: 'l1' | 'l2', lambda: number, centre: Vec2, half = 0.05, n = 201) {
  let best = Infinity;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
    const w: Vec2 = [centre[0] - half + (2 * half * i) / (n - 1), centre[1] - half + (2 * half * j) / (n - 1)];
    best = Math.min(best, totalLoss(q, kind, lambda, w));
  }
  return best;
}

describe('curvature', () => {
  test('H = R diag(a1, a2) Rᵀ: 30° turn of diag(1, 3) by hand', () => {
    const H = curvature(1, 3, 30);
    // cos²30 = 3/4, sin²30 = 1/4, cos·sin = √3/4
    expect(H.h11).toBeCloseTo(0.75 + 3 * 0.25, 12);
    expect(H.h22).toBeCloseTo(0.25 + 3 * 0.75, 12);
    expect(H.h12).toBeCloseTo(-2 * Math.sqrt(3) / 4, 12);
  });
  test('rejects non-positive curvature', () => {
    expect(() => curvature(0, 1, 0)).toThrow(RangeError);
  });
});

describe('the lesson worked examples (circular contours, H = I)', () => {
  test('w* = (2, 0.5), λ = 1: L2 gives (1, 0.25), L1 gives (1, 0)', () => {
    const q: Quadratic = { H: identity, wStar: [2, 0.5] };
    const w2 = l2Optimum(q, 1);
    expect(w2[0]).toBeCloseTo(1, 12);
    expect(w2[1]).toBeCloseTo(0.25, 12);
    expect(l1Optimum(q, 1)).toEqual([1, 0]);
  });
  test('shrink versus cut table: a = 1, λ = 0.5, w* = 2 and 0.3', () => {
    const q: Quadratic = { H: identity, wStar: [2, 0.3] };
    const w2 = l2Optimum(q, 0.5);
    expect(w2[0]).toBeCloseTo(2 / 1.5, 12);
    expect(w2[1]).toBeCloseTo(0.2, 12);
    const w1 = l1Optimum(q, 0.5);
    expect(w1[0]).toBeCloseTo(1.5, 12);
    expect(w1[1]).toBe(0);
  });
});

describe('l2Optimum', () => {
  test.each([0, 0.1, 0.5, 1, 3, 10])('λ = %s: the gradient of L + (λ/2)‖w‖² vanishes', (lambda) => {
    const w = l2Optimum(tilted, lambda);
    const g = dataGradient(tilted, w);
    expect(g[0] + lambda * w[0]).toBeCloseTo(0, 10);
    expect(g[1] + lambda * w[1]).toBeCloseTo(0, 10);
  });
  test('is a minimum of the total loss on a fine grid', () => {
    for (const lambda of [0.3, 1.2]) {
      const w = l2Optimum(tilted, lambda);
      expect(totalLoss(tilted, 'l2', lambda, w)).toBeLessThanOrEqual(gridMin(tilted, 'l2', lambda, w) + 1e-12);
    }
  });
  test('shrinks towards the origin but never reaches it', () => {
    const norms = [0, 1, 10, 100, 1000].map((l) => Math.hypot(...l2Optimum(tilted, l)));
    for (let i = 1; i < norms.length; i++) expect(norms[i]).toBeLessThan(norms[i - 1]!);
    const far = l2Optimum(tilted, 1000);
    expect(far[0]).not.toBe(0);
    expect(far[1]).not.toBe(0);
  });
});

describe('l1Optimum', () => {
  /** Optimality: ∂L/∂w_k + λ sign(w_k) = 0 where w_k ≠ 0, and |∂L/∂w_k| ≤ λ where w_k = 0. */
  function expectKKT(q: Quadratic, lambda: number, w: Vec2) {
    const g = dataGradient(q, w);
    for (const k of [0, 1] as const) {
      if (w[k] !== 0) expect(g[k] + lambda * Math.sign(w[k])).toBeCloseTo(0, 10);
      else expect(Math.abs(g[k])).toBeLessThanOrEqual(lambda + 1e-12);
    }
  }
  const quads: Quadratic[] = [
    tilted,
    { H: curvature(1, 3, 30), wStar: [-1.2, 0.9] },
    { H: curvature(0.5, 4, 70), wStar: [0.4, -1.5] },
    { H: curvature(2, 2.5, -20), wStar: [-0.8, -0.3] },
  ];
  test('satisfies the subgradient optimality conditions for many λ and losses', () => {
    for (const q of quads) for (const lambda of [0, 0.05, 0.3, 0.8, 1.2, 2, 5]) expectKKT(q, lambda, l1Optimum(q, lambda));
  });
  test('is a minimum of the total loss on a fine grid', () => {
    for (const q of quads) for (const lambda of [0.3, 1]) {
      const w = l1Optimum(q, lambda);
      expect(totalLoss(q, 'l1', lambda, w)).toBeLessThanOrEqual(gridMin(q, 'l1', lambda, w) + 1e-12);
    }
  });
  test('for diagonal H it is the soft threshold of each coordinate', () => {
    const q: Quadratic = { H: curvature(2, 0.5, 0), wStar: [1, -3] };
    // argmin (a/2)(w − w*)² + λ|w| = sign(w*) max(0, |w*| − λ/a)
    const w = l1Optimum(q, 1);
    expect(w[0]).toBeCloseTo(0.5, 12);
    expect(w[1]).toBeCloseTo(-1, 12);
  });
});

describe('landing on an axis', () => {
  test('diagonal H: L1 lands when λ = min_k a_k |w*_k|', () => {
    const q: Quadratic = { H: curvature(1, 2, 0), wStar: [1, 1] };
    expect(l1AxisLanding(q)).toEqual({ lambda: 1, zeroIndex: 0 });
  });
  test('tilted default: both weights nonzero just before the landing λ, one exactly zero after', () => {
    const landing = l1AxisLanding(tilted)!;
    expect(landing.zeroIndex).toBe(1);
    const before = l1Optimum(tilted, landing.lambda * 0.99);
    expect(before[0]).not.toBe(0);
    expect(before[1]).not.toBe(0);
    const after = l1Optimum(tilted, landing.lambda * 1.01);
    expect(after[1]).toBe(0);
    expect(after[0]).toBeGreaterThan(0);
  });
  test('once on the axis the default L1 path stays there until the origin, for any w* in the panel', () => {
    for (let a = -2; a <= 2; a += 0.25) for (let b = -2; b <= 2; b += 0.25) {
      const q: Quadratic = { H: tilted.H, wStar: [a, b] };
      let zeros = 0;
      for (const { w } of optimumPath(q, 'l1', lambdaGrid(0.01, 4, 300))) {
        const z = (w[0] === 0 ? 1 : 0) + (w[1] === 0 ? 1 : 0);
        expect(z).toBeGreaterThanOrEqual(zeros);
        zeros = z;
      }
    }
  });
  test('l1ZeroLambda is where the optimum becomes the origin', () => {
    const lz = l1ZeroLambda(tilted);
    expect(l1Optimum(tilted, lz * 0.999)).not.toEqual([0, 0]);
    expect(l1Optimum(tilted, lz)).toEqual([0, 0]);
  });
});

describe('shapes', () => {
  test('every contour point has the contour level', () => {
    for (const level of [0.05, 0.4, 2]) for (const p of contour(tilted, level)) expect(dataLoss(tilted, p)).toBeCloseTo(level, 10);
  });
  test('the L2 ball through w is a circle of radius ‖w‖, the L1 ball a diamond of size ‖w‖₁', () => {
    for (const p of ballThrough('l2', [0.6, -0.8])) expect(Math.hypot(p[0], p[1])).toBeCloseTo(1, 12);
    const d = ballThrough('l1', [0.5, -0.25]);
    for (const p of d) expect(Math.abs(p[0]) + Math.abs(p[1])).toBeCloseTo(0.75, 12);
    expect(d).toContainEqual([0.75, 0]);
  });
  test('the contour through the L2 optimum is tangent to the disc there (gradient parallel to w)', () => {
    const w = l2Optimum(tilted, 0.7);
    const g = dataGradient(tilted, w);
    expect(g[0] * w[1] - g[1] * w[0]).toBeCloseTo(0, 10);
  });
});

describe('the panel defaults quoted in its fallback text', () => {
  // H = R(30°) diag(1, 3) R(30°)ᵀ = [[1.5, −√3/2], [−√3/2, 2.5]], w* = (1.6, 0.7).
  // c = H w* = (2.4 − 0.7·√3/2, −1.6·√3/2 + 1.75) = (1.7938, 0.3644); the origin is optimal once λ ≥ max|c|.
  // Both-nonzero path: w = w* − λ H⁻¹(1, 1), H⁻¹(1, 1) = ((2.5 + √3/2)/3, (1.5 + √3/2)/3);
  // w₂ hits 0 at λ = 0.7 / 0.78868 = 0.8876, before w₁ would (1.6 / 1.1220 = 1.426).
  const q: Quadratic = { H: curvature(1, 3, 30), wStar: [1.6, 0.7] };
  test('L1 lands on the w₁ axis at λ ≈ 0.89', () => {
    const landing = l1AxisLanding(q)!;
    expect(landing.zeroIndex).toBe(1);
    expect(landing.lambda).toBeCloseTo(0.7 / ((1.5 + Math.sqrt(3) / 2) / 3), 10);
    expect(landing.lambda.toFixed(2)).toBe('0.89');
  });
  test('L1 reaches the origin at λ ≈ 1.79', () => {
    expect(l1ZeroLambda(q)).toBeCloseTo(2.4 - 0.7 * Math.sqrt(3) / 2, 10);
    expect(l1ZeroLambda(q).toFixed(2)).toBe('1.79');
  });
});
