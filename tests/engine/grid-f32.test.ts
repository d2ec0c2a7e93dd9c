import { describe, expect, test } from 'vitest';
import { createGridPredictor, modelFromJSON, predictGrid, EngineError, type ModelJSON } from '../../src/engine/index';
import { TANH_F32 } from '../../src/engine/wasm/assemble.mjs';

/** A seeded uniform generator for test weights (the engine's own RNG is not under test here). */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function randomModel(seed: number, hidden: number[], activation: string, loss: ModelJSON['loss'], outputs: number, scale = 1.5): ModelJSON {
  const r = lcg(seed);
  const sizes = [2, ...hidden, outputs];
  const layers = sizes.slice(1).map((units, l) => ({
    activation: l === hidden.length ? 'identity' : activation,
    weights: Array.from({ length: units }, () => Array.from({ length: sizes[l]! }, () => (2 * r() - 1) * scale)),
    biases: Array.from({ length: units }, () => (2 * r() - 1) * 0.5),
  }));
  return { inputs: 2, layers, loss } as ModelJSON;
}

const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst;
};

describe('the float32 grid predictor', () => {
  test('its tanh is within 2e-6 of Math.tanh from −12 to 12, odd, and ±1 at the clamp', () => {
    // One tanh unit reading x: the map of this network is tanh at the cells' x coordinates.
    const json: ModelJSON = {
      inputs: 2,
      layers: [
        { activation: 'tanh', weights: [[1, 0]], biases: [0] },
        { activation: 'identity', weights: [[1]], biases: [0] },
      ],
      loss: 'mse',
    };
    const model = modelFromJSON(json);
    const grid = createGridPredictor();
    const nx = 4801;
    const out = grid.predictGrid(model, -12, 12, 0, 1, nx, 1);
    expect(grid.lastPrecision).toBe('float32');
    let worst = 0;
    for (let i = 0; i < nx; i++) {
      const x = Math.fround(-12 + ((i + 0.5) * 24) / nx);
      worst = Math.max(worst, Math.abs(out[i]! - Math.tanh(x)));
      expect(out[i]! + out[nx - 1 - i]!).toBe(0);
    }
    expect(worst).toBeLessThan(2e-6);
    expect(Math.abs(out[0]!)).toBeCloseTo(1, 6);
    expect(TANH_F32.clamp).toBeGreaterThan(7.9);
  });

  const cases: [string, number[], string, ModelJSON['loss'], number][] = [
    ['tanh 2-8-8-1 sigmoid head (the W1 network)', [8, 8], 'tanh', 'sigmoid-cross-entropy', 1],
    ['relu 2-16-3 softmax head', [16], 'relu', 'softmax-cross-entropy', 3],
    ['leaky-relu 2-5-7-4 softmax head', [5, 7], 'leaky-relu', 'softmax-cross-entropy', 4],
    ['sigmoid 2-6-1 sigmoid head', [6], 'sigmoid', 'sigmoid-cross-entropy', 1],
    ['no hidden layer, 5 classes', [], 'identity', 'softmax-cross-entropy', 5],
    ['eight hidden tanh layers', [4, 4, 4, 4, 4, 4, 4, 4], 'tanh', 'sigmoid-cross-entropy', 1],
  ];
  for (const [name, hidden, activation, loss, outputs] of cases) {
    test(`${name}: probabilities within 1e-5 of predictGrid, for several seeds`, () => {
      const grid = createGridPredictor();
      for (let seed = 1; seed <= 4; seed++) {
        const model = modelFromJSON(randomModel(seed, hidden, activation, loss, outputs));
        const exact = predictGrid(model, -3, 3, -2, 2, 37, 23);
        const fast = grid.predictGrid(model, -3, 3, -2, 2, 37, 23);
        expect(grid.lastPrecision).toBe('float32');
        expect(fast.length).toBe(exact.length);
        expect(maxDiff(fast, exact)).toBeLessThan(1e-5);
      }
    });
  }

  test('regression outputs agree to 1e-5 relative, and the grid is laid out as predictGrid lays it out', () => {
    const model = modelFromJSON(randomModel(9, [12], 'tanh', 'mse', 2, 3));
    const exact = predictGrid(model, 0, 10, -5, 5, 13, 7);
    const fast = createGridPredictor().predictGrid(model, 0, 10, -5, 5, 13, 7);
    for (let i = 0; i < exact.length; i++) expect(Math.abs(fast[i]! - exact[i]!)).toBeLessThan(1e-5 * (1 + Math.abs(exact[i]!)));
  });

  test('reuses out, gives the same numbers twice, and handles grids that are not a multiple of 4', () => {
    const model = modelFromJSON(randomModel(3, [8, 8], 'tanh', 'sigmoid-cross-entropy', 1));
    const grid = createGridPredictor();
    const out = new Float64Array(7 * 3);
    expect(grid.predictGrid(model, -1, 1, -1, 1, 7, 3, out)).toBe(out);
    const first = Array.from(out);
    grid.predictGrid(model, -1, 1, -1, 1, 7, 3, out);
    expect(Array.from(out)).toEqual(first);
    expect(maxDiff(out, predictGrid(model, -1, 1, -1, 1, 7, 3))).toBeLessThan(1e-5);
    const single = grid.predictGrid(model, -1, 1, -1, 1, 1, 1);
    expect(maxDiff(single, predictGrid(model, -1, 1, -1, 1, 1, 1))).toBeLessThan(1e-5);
  });

  test('falls back to Float64 where float32 cannot do the same work, with identical results', () => {
    const grid = createGridPredictor();
    const softplus = modelFromJSON(randomModel(4, [6], 'softplus', 'sigmoid-cross-entropy', 1));
    expect(Array.from(grid.predictGrid(softplus, -1, 1, -1, 1, 9, 9))).toEqual(Array.from(predictGrid(softplus, -1, 1, -1, 1, 9, 9)));
    expect(grid.lastPrecision).toBe('float64');
    const huge = modelFromJSON(randomModel(5, [6], 'tanh', 'mse', 1));
    huge.layers[0]!.W[0] = 1e300;
    expect(Array.from(grid.predictGrid(huge, -1, 1, -1, 1, 5, 5))).toEqual(Array.from(predictGrid(huge, -1, 1, -1, 1, 5, 5)));
    expect(grid.lastPrecision).toBe('float64');
    const broken = modelFromJSON(randomModel(6, [6], 'tanh', 'mse', 1));
    broken.layers[1]!.b[0] = Number.NaN;
    const values = grid.predictGrid(broken, -1, 1, -1, 1, 5, 5);
    expect(grid.lastPrecision).toBe('float64');
    expect(values.every(Number.isNaN)).toBe(true);
  });

  test('bad arguments raise the engine’s own errors', () => {
    const grid = createGridPredictor();
    const model = modelFromJSON(randomModel(7, [4], 'tanh', 'mse', 1));
    expect(() => grid.predictGrid(model, -1, 1, -1, 1, 0, 4)).toThrow(EngineError);
    expect(() => grid.predictGrid(model, -1, 1, -1, 1, 2.5, 4)).toThrow(/positive integers/);
    expect(() => grid.predictGrid(model, -1, 1, -1, 1, 4, 4, new Float64Array(3))).toThrow(/out must have length/);
    const oneInput = modelFromJSON({ inputs: 1, layers: [{ activation: 'identity', weights: [[1]], biases: [0] }], loss: 'mse' });
    expect(() => grid.predictGrid(oneInput, -1, 1, -1, 1, 4, 4)).toThrow(/2 inputs/);
  });
});
