// The likelihood arithmetic of lesson 2, checked against hand computations, Python's math.erfc
// and the definitions (a log-likelihood is the log of the product of the densities).
import { describe, expect, it } from 'vitest';
import {
  erfc,
  gaussianDensity,
  gaussianNegLogDensity,
  gaussianNllParts,
  gaussianPull,
  gaussianTail,
  laplaceDensity,
  laplaceNegLogDensity,
  laplaceNllParts,
  laplacePull,
  laplaceScaleFor,
  laplaceTail,
  sigmaSquaredHat,
} from '@widgets/lesson2/likelihood';

describe('densities', () => {
  it('the Gaussian density at 0 is 1/√(2πσ²)', () => {
    expect(gaussianDensity(0, 1)).toBeCloseTo(0.3989422804014327, 15);
    expect(gaussianDensity(0, 0.5)).toBeCloseTo(0.7978845608028654, 15);
  });

  it('both densities integrate to 1 (midpoint rule on [−40, 40])', () => {
    for (const s of [0.3, 1, 2]) {
      let g = 0;
      let l = 0;
      const h = 0.001;
      for (let x = -40 + h / 2; x < 40; x += h) {
        g += gaussianDensity(x, s) * h;
        l += laplaceDensity(x, laplaceScaleFor(s)) * h;
      }
      expect(g).toBeCloseTo(1, 6);
      expect(l).toBeCloseTo(1, 5);
    }
  });

  it('b = σ/√2 gives the Laplace density the variance σ² (∫ r² p(r) dr)', () => {
    const s = 1.3;
    const b = laplaceScaleFor(s);
    let v = 0;
    const h = 0.0005;
    for (let x = -60 + h / 2; x < 60; x += h) v += x * x * laplaceDensity(x, b) * h;
    expect(v).toBeCloseTo(s * s, 5);
  });

  it('the negative log densities equal −log of the densities', () => {
    for (const r of [-3, -0.4, 0, 0.2, 2.5]) {
      expect(gaussianNegLogDensity(r, 0.7)).toBeCloseTo(-Math.log(gaussianDensity(r, 0.7)), 12);
      expect(laplaceNegLogDensity(r, 0.7)).toBeCloseTo(-Math.log(laplaceDensity(r, 0.7)), 12);
    }
  });

  it('the pulls are minus the derivatives of −log p with respect to μ (central differences)', () => {
    const h = 1e-6;
    for (const r of [-2, -0.3, 0.5, 1.7]) {
      // r = y − μ, so ∂/∂μ = −∂/∂r.
      const dG = (gaussianNegLogDensity(r + h, 0.8) - gaussianNegLogDensity(r - h, 0.8)) / (2 * h);
      const dL = (laplaceNegLogDensity(r + h, 0.8) - laplaceNegLogDensity(r - h, 0.8)) / (2 * h);
      expect(gaussianPull(r, 0.8)).toBeCloseTo(dG, 6);
      expect(laplacePull(r, 0.8)).toBeCloseTo(dL, 6);
    }
    expect(laplacePull(0, 1)).toBe(0);
  });
});

describe('erfc and the tails', () => {
  // Reference values: Python 3 math.erfc.
  const reference: [number, number][] = [
    [0, 1],
    [0.1, 0.887537083981715],
    [0.5, 0.479500122186953],
    [1, 0.157299207050285],
    [2, 0.00467773498104727],
    [3, 2.20904969985854e-5],
    [5, 1.53745979442804e-12],
    [8, 1.12242971729829e-29],
    [-1, 1.84270079294972],
  ];
  it.each(reference)('erfc(%f) matches math.erfc to 1e-7 relative', (x, want) => {
    expect(Math.abs(erfc(x) - want) / want).toBeLessThan(1e-7);
  });

  it('erfc(NaN) is NaN, not a number that looks fine', () => {
    expect(erfc(Number.NaN)).toBeNaN();
  });

  it("the lesson's 5σ tails: about 6e-7 for the Gaussian, e^(−5√2) ≈ 8.5e-4 for Laplace, some 1,500 times more", () => {
    const g = gaussianTail(5, 1);
    const l = laplaceTail(5, laplaceScaleFor(1));
    expect(g).toBeCloseTo(5.733031437583892e-7, 12);
    expect(l).toBeCloseTo(8.493257047191695e-4, 10);
    expect(Math.round(l / g / 100) * 100).toBe(1500);
  });
});

describe('NLL parts', () => {
  // The lesson's worked example: residuals 0.2, 0.1, −0.4 with σ = 0.5.
  const r = [0.2, 0.1, -0.4];

  it('Gaussian: 3/2·log(2π·0.25) ≈ 0.677, SSE/(2σ²) = 0.21/0.5 = 0.420, total ≈ 1.097', () => {
    const p = gaussianNllParts(r, 0.5);
    expect(p.constant).toBeCloseTo(1.5 * Math.log(Math.PI / 2), 14);
    expect(p.constant.toFixed(3)).toBe('0.677');
    expect(p.sum).toBeCloseTo(0.21, 14);
    expect(p.data).toBeCloseTo(0.42, 14);
    expect(p.total.toFixed(3)).toBe('1.097');
  });

  it('Gaussian: the total is −log of the product of the three densities (0.737, 0.782, 0.579 → 0.334)', () => {
    const dens = r.map((x) => gaussianDensity(x, 0.5));
    expect(dens.map((d) => d.toFixed(3))).toEqual(['0.737', '0.782', '0.579']);
    const lik = dens[0]! * dens[1]! * dens[2]!;
    expect(lik.toFixed(3)).toBe('0.334');
    expect(gaussianNllParts(r, 0.5).total).toBeCloseTo(-Math.log(lik), 13);
  });

  it('Laplace: N·log(2b) + SAE/b equals −log of the product of the Laplace densities', () => {
    const b = laplaceScaleFor(0.5);
    const p = laplaceNllParts(r, b);
    expect(p.sum).toBeCloseTo(0.7, 14);
    expect(p.constant).toBeCloseTo(3 * Math.log(2 * b), 14);
    const lik = r.reduce((acc, x) => acc * laplaceDensity(x, b), 1);
    expect(p.total).toBeCloseTo(-Math.log(lik), 13);
  });

  it('σ̂² = SSE/N: the σ that minimizes the Gaussian NLL for fixed residuals', () => {
    const res = [0.3, -1.2, 0.8, 0.05, -0.4];
    const s2 = sigmaSquaredHat(res);
    const at = (s: number) => gaussianNllParts(res, s).total;
    const best = Math.sqrt(s2);
    expect(at(best)).toBeLessThan(at(best * 1.01));
    expect(at(best)).toBeLessThan(at(best * 0.99));
  });

  it('an empty data set has NLL 0', () => {
    expect(gaussianNllParts([], 1).total).toBe(0);
    expect(laplaceNllParts([], 1).total).toBe(0);
  });
});
