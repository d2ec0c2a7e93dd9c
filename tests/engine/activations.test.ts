import { describe, expect, test } from 'vitest';
import { activations, type ActivationName } from '../../src/engine';

const names = Object.keys(activations) as ActivationName[];

describe('activations', () => {
  test('values at hand-picked points', () => {
    const { identity, relu, tanh, sigmoid, softplus } = activations;
    const leaky = activations['leaky-relu'];
    expect(identity.f(-2.5)).toBe(-2.5);
    expect(relu.f(-2)).toBe(0);
    expect(relu.f(3)).toBe(3);
    expect(leaky.f(-2)).toBeCloseTo(-0.02, 15);
    expect(leaky.f(3)).toBe(3);
    expect(sigmoid.f(0)).toBe(0.5);
    expect(tanh.f(1)).toBeCloseTo((Math.E - 1 / Math.E) / (Math.E + 1 / Math.E), 15);
    expect(softplus.f(0)).toBeCloseTo(Math.LN2, 15);
  });

  test.each(names)("%s: g'(z) equals the central difference of g", (name) => {
    const g = activations[name];
    for (const z of [-2.3, -0.7, -0.05, 0.04, 0.6, 1.9]) {
      const eps = 1e-6;
      const numeric = (g.f(z + eps) - g.f(z - eps)) / (2 * eps);
      expect(Math.abs(g.df(z, g.f(z)) - numeric)).toBeLessThan(1e-8);
    }
  });

  test('ReLU and leaky ReLU take the left derivative at the kink', () => {
    expect(activations.relu.df(0, 0)).toBe(0);
    expect(activations['leaky-relu'].df(0, 0)).toBe(0.01);
  });

  test('only the piecewise-linear activations declare slopes', () => {
    expect(names.filter((name) => activations[name].slopes).sort()).toEqual(['identity', 'leaky-relu', 'relu']);
  });
});
