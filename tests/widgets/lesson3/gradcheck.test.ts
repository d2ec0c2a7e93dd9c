// The gradient-check panel: back-propagation agrees with central differences to well below
// 1e-6 on every parameter, and the planted factor-2 slip is caught exactly where it is planted.
import { describe, expect, it } from 'vitest';
import { gradientCheck } from '@engine';
import {
  CHECK_ACTIVATIONS,
  checkProblem,
  DEFAULT_SETTINGS,
  errorAgainstEps,
  parameterName,
  relativeError,
  runGradientCheck,
  TOLERANCE,
} from '@widgets/lesson3/gradcheck/model';

describe('runGradientCheck', () => {
  it('passes at the default settings with every relative error below 1e-6', () => {
    const report = runGradientCheck(DEFAULT_SETTINGS);
    // 2×3 + 3 hidden parameters, 3×3 + 3 output parameters.
    expect(report.rows).toHaveLength(21);
    expect(report.passed).toBe(true);
    expect(report.maxRelError).toBeLessThan(TOLERANCE);
    expect(TOLERANCE).toBe(1e-6);
  });
  it('passes for every activation and several seeds', () => {
    for (const activation of CHECK_ACTIVATIONS) {
      for (let seed = 1; seed <= 6; seed++) {
        const report = runGradientCheck({ activation, eps: 1e-5, factorTwo: false, seed });
        expect(report.maxRelError, `${activation}, seed ${seed}`).toBeLessThan(TOLERANCE);
      }
    }
  });
  it('catches the factor 2 on the output weights, and only there, with relative error 0.5', () => {
    const report = runGradientCheck({ ...DEFAULT_SETTINGS, factorTwo: true });
    const planted = report.rows.filter((r) => r.name.startsWith('W₂'));
    const rest = report.rows.filter((r) => !r.name.startsWith('W₂'));
    expect(planted).toHaveLength(9);
    for (const r of planted) {
      expect(r.pass).toBe(false);
      // |2a − a| / |2a| = 1/2 whenever |2a| is above the 1e-4 floor.
      if (Math.abs(r.analytic) > 1e-3) expect(r.relError).toBeCloseTo(0.5, 6);
    }
    expect(rest.every((r) => r.pass)).toBe(true);
    expect(report.passed).toBe(false);
  });
  it('re-scores with the engine’s own relative-error definition', () => {
    const { model, inputs, labels } = checkProblem(DEFAULT_SETTINGS);
    const result = gradientCheck(model, inputs, labels, {}, DEFAULT_SETTINGS.eps);
    for (const e of result.entries) expect(relativeError(e.analytic, e.numeric)).toBe(e.relError);
  });
  it('uses the same network and points for the same seed', () => {
    const a = runGradientCheck(DEFAULT_SETTINGS);
    const b = runGradientCheck(DEFAULT_SETTINGS);
    expect(a.rows.map((r) => r.analytic)).toEqual(b.rows.map((r) => r.analytic));
    const c = runGradientCheck({ ...DEFAULT_SETTINGS, seed: 2 });
    expect(c.rows.map((r) => r.analytic)).not.toEqual(a.rows.map((r) => r.analytic));
  });
});

describe('errorAgainstEps', () => {
  it('is U-shaped: truncation error for large ε, rounding error for tiny ε, best near 1e-5', () => {
    const sweep = errorAgainstEps(DEFAULT_SETTINGS);
    const at = (eps: number) => sweep.find((p) => p.eps === eps)!.maxRelError;
    expect(at(1e-5)).toBeLessThan(TOLERANCE);
    expect(at(1e-1)).toBeGreaterThan(1e-3);
    expect(at(1e-3)).toBeGreaterThan(at(1e-5));
    expect(at(1e-9)).toBeGreaterThan(at(1e-5));
    expect(at(1e-11)).toBeGreaterThan(at(1e-9));
    // Central differences: the truncation error shrinks like ε², so 100× smaller ε, ~10⁴× smaller error.
    expect(at(1e-1) / at(1e-3)).toBeGreaterThan(1e3);
  });
});

describe('parameterName', () => {
  it('names parameters as the lesson does, counting from 1', () => {
    expect(parameterName({ layer: 0, kind: 'weight', j: 1, k: 0 })).toBe('W₁[2,1]');
    expect(parameterName({ layer: 1, kind: 'bias', j: 2, k: 0 })).toBe('b₂[3]');
  });
});
