import { describe, expect, it } from 'vitest';
import { SHOWN, sampleCurve, tangentSegment, valuesAt } from '@widgets/lesson1/activations/model';

// Independent closed forms, written out here rather than taken from the engine.
const sigma = (z: number) => 1 / (1 + Math.exp(-z));
const closed = {
  sigmoid: (z: number) => ({ g: sigma(z), dg: sigma(z) * (1 - sigma(z)) }),
  tanh: (z: number) => ({ g: Math.tanh(z), dg: 1 / Math.cosh(z) ** 2 }),
  relu: (z: number) => ({ g: Math.max(0, z), dg: z > 0 ? 1 : 0 }),
};

describe('activation values and derivatives', () => {
  it.each(SHOWN)('%s matches its closed form on [−4, 4]', (name) => {
    for (let z = -4; z <= 4; z += 0.37) {
      const { g, dg } = valuesAt(name, z);
      expect(g).toBeCloseTo(closed[name](z).g, 12);
      expect(dg).toBeCloseTo(closed[name](z).dg, 12);
    }
  });
  it.each(SHOWN)('%s: g′ agrees with a central finite difference away from kinks', (name) => {
    const h = 1e-5;
    for (const z of [-3.1, -0.7, 0.3, 1.9]) {
      const fd = (valuesAt(name, z + h).g - valuesAt(name, z - h).g) / (2 * h);
      expect(valuesAt(name, z).dg).toBeCloseTo(fd, 8);
    }
  });
  it('the numbers the lesson quotes: σ′(0) = 1/4, σ′(2) ≈ 0.105, σ′(5) ≈ 0.0066, tanh′(2) ≈ 0.071', () => {
    expect(valuesAt('sigmoid', 0).dg).toBe(0.25);
    expect(valuesAt('sigmoid', 2).dg).toBeCloseTo(0.105, 3);
    expect(valuesAt('sigmoid', 5).dg).toBeCloseTo(0.0066, 4);
    expect(valuesAt('tanh', 2).dg).toBeCloseTo(0.0707, 4);
    expect(valuesAt('relu', 2).dg).toBe(1);
  });
  it('tanh(z) = 2σ(2z) − 1', () => {
    for (const z of [-2, -0.5, 0, 0.8, 3]) expect(valuesAt('tanh', z).g).toBeCloseTo(2 * valuesAt('sigmoid', 2 * z).g - 1, 12);
  });
});

describe('sampled curves', () => {
  it('ReLU’s derivative curve is broken (NaN) exactly at its kink, the smooth ones nowhere', () => {
    const relu = sampleCurve('relu', [-4, 4], 9);
    expect(relu.filter((p) => Number.isNaN(p.dg)).map((p) => p.z)).toEqual([0]);
    expect(sampleCurve('tanh', [-4, 4], 9).some((p) => Number.isNaN(p.dg))).toBe(false);
  });
  it('the tangent at z0 passes through (z0, g(z0)) with slope g′(z0)', () => {
    const [a, b] = tangentSegment('sigmoid', 1, 1);
    expect((a.g + b.g) / 2).toBeCloseTo(sigma(1), 12);
    expect((b.g - a.g) / (b.z - a.z)).toBeCloseTo(sigma(1) * (1 - sigma(1)), 12);
  });
});
