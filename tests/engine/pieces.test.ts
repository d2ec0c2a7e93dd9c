import { describe, expect, test } from 'vitest';
import {
  countLinearPieces,
  createModel,
  createRng,
  EngineError,
  modelFromJSON,
  modelToJSON,
  tentNetwork,
  type ActivationName,
  type ModelJSON,
} from '../../src/engine';

/** The network function written out from its model file, independently of the engine's layers. */
function evaluate(json: ModelJSON, x: number): number {
  let h = [x];
  for (const layer of json.layers) {
    const next: number[] = [];
    for (let j = 0; j < layer.weights.length; j++) {
      const row = layer.weights[j]!;
      let z = layer.biases[j]!;
      for (let k = 0; k < row.length; k++) z += row[k]! * h[k]!;
      next.push(layer.activation === 'relu' ? Math.max(0, z) : layer.activation === 'leaky-relu' && z < 0 ? 0.01 * z : z);
    }
    h = next;
  }
  return h[0]!;
}

/** Kinks seen on a fine grid: runs of cells whose secant slope differs from the previous cell's. */
function bruteForceKinks(json: ModelJSON, a: number, b: number, cells: number): number[] {
  const dx = (b - a) / cells;
  const f = Float64Array.from({ length: cells + 1 }, (_, i) => evaluate(json, a + i * dx));
  const slopes = f.subarray(1).map((v, i) => (v - f[i]!) / dx);
  const kinks: number[] = [];
  let inRun = false;
  for (let i = 1; i < slopes.length; i++) {
    const changed = Math.abs(slopes[i]! - slopes[i - 1]!) > 1e-7 * (1 + Math.abs(slopes[i]!));
    if (changed && !inRun) kinks.push(a + i * dx);
    inRun = changed;
  }
  return kinks;
}

describe('countLinearPieces', () => {
  test.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])('the %i-fold composed tent has exactly 2^k pieces, with breakpoints j/2^k', (k) => {
    const { pieces, breakpoints } = countLinearPieces(tentNetwork(k), 0, 1);
    expect(pieces).toBe(2 ** k);
    expect(breakpoints).toEqual(Array.from({ length: 2 ** k - 1 }, (_, j) => (j + 1) / 2 ** k));
  });

  test("the lesson's example f(x) = h₁ − 2h₂ + 3h₃ − 0.1: 4 pieces, kinks at 0, 0.2, 0.55, zeros at 0.1, 0.3, 0.675", () => {
    const model = modelFromJSON({
      inputs: 1,
      layers: [
        { activation: 'relu', weights: [[1], [1], [1]], biases: [0, -0.2, -0.55] },
        { activation: 'identity', weights: [[1, -2, 3]], biases: [-0.1] },
      ],
      loss: 'mse',
    });
    const { pieces, breakpoints, segments } = countLinearPieces(model, -1, 1);
    expect(pieces).toBe(4);
    breakpoints.forEach((x, i) => expect(x).toBeCloseTo([0, 0.2, 0.55][i]!, 14));
    expect(segments.map((s) => s.slope)).toEqual([0, 1, -1, 2]);
    const zeros = segments
      .filter((s) => s.slope !== 0)
      .map((s) => -s.intercept / s.slope)
      .filter((x, i) => x >= segments[i + 1]!.x0 && x <= segments[i + 1]!.x1);
    zeros.forEach((x, i) => expect(x).toBeCloseTo([0.1, 0.3, 0.675][i]!, 12));
  });

  test('breakpoints whose effects cancel are merged: relu(x) + relu(x − ½) − relu(x − ½) has 2 pieces', () => {
    const model = modelFromJSON({
      inputs: 1,
      layers: [
        { activation: 'relu', weights: [[1], [1], [1]], biases: [0, -0.5, -0.5] },
        { activation: 'identity', weights: [[1, 1, -1]], biases: [0] },
      ],
      loss: 'mse',
    });
    expect(countLinearPieces(model, -1, 1)).toMatchObject({ pieces: 2, breakpoints: [0] });
  });

  test.each([
    ['relu', [4, 3], 1],
    ['relu', [6], 2],
    ['relu', [5, 4, 3], 3],
    ['leaky-relu', [4, 4], 4],
    ['relu', [8, 8], 5],
  ] as const)('agrees with a brute-force count on a fine grid: %s network %j (seed %i)', (activation, hidden, seed) => {
    const model = createModel(
      { inputs: 1, hidden: hidden.map((units) => ({ units, activation: activation as ActivationName })), outputs: 1, loss: 'mse' },
      seed,
    );
    const rng = createRng(seed + 100);
    for (const layer of model.layers) for (let j = 0; j < layer.b.length; j++) layer.b[j] = rng.normal(0, 1);
    const exact = countLinearPieces(model, -3, 3);
    const kinks = bruteForceKinks(modelToJSON(model), -3, 3, 120_000);
    expect(exact.pieces).toBe(kinks.length + 1);
    exact.breakpoints.forEach((x, i) => expect(Math.abs(x - kinks[i]!)).toBeLessThan(1e-4));
  });

  test('identity-only networks are one piece; smooth activations and wrong shapes are refused', () => {
    const linear = createModel({ inputs: 1, hidden: [{ units: 3, activation: 'identity' }], outputs: 1, loss: 'mse' }, 1);
    expect(countLinearPieces(linear, -5, 5).pieces).toBe(1);
    const smooth = createModel({ inputs: 1, hidden: [{ units: 3, activation: 'tanh' }], outputs: 1, loss: 'mse' }, 1);
    expect(() => countLinearPieces(smooth, 0, 1)).toThrow(/layers\[0\]\.activation/);
    const twoInputs = createModel({ inputs: 2, hidden: [], outputs: 1, loss: 'mse' }, 1);
    expect(() => countLinearPieces(twoInputs, 0, 1)).toThrow(EngineError);
  });
});
