import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  createAutoKernels,
  createModel,
  createWasmKernels,
  jsKernels,
  matmulAB,
  matmulABt,
  matmulAtB,
  Trainer,
  type Kernels,
} from '../../src/engine';
import { assemble, BYTES_FILE, bytesModule } from '../../src/engine/wasm/assemble.mjs';

// The WebAssembly kernels against the plain-JS reference kernels, which stay the definition.

const wasm = createWasmKernels();

/** Deterministic values in (−1, 1) without zeros (the JS kernels skip zero terms). */
function values(length: number, seed: number): Float64Array {
  const out = new Float64Array(length);
  let s = seed >>> 0;
  for (let i = 0; i < length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = ((s >>> 8) + 0.5) / 2 ** 23 - 1;
  }
  return out;
}

const shapes: [number, number, number][] = [
  [1, 1, 1], [1, 2, 8], [3, 5, 7], [4, 4, 4], [5, 2, 9], [10, 8, 1], [7, 3, 2], [9, 13, 6], [64, 10, 64], [33, 17, 65], [64, 128, 10],
];

describe('WebAssembly SIMD kernels', () => {
  test('are available in Node (V8 has WebAssembly SIMD)', () => {
    expect(wasm).not.toBeNull();
  });

  test.each(shapes)('A·Bᵀ, Aᵀ·B and A·B equal the reference to the last bit for n, k, m = %i, %i, %i', (n, k, m) => {
    const cases: [keyof Kernels & `matmul${string}`, number, number, number, typeof matmulABt][] = [
      ['matmulABt', n * k, m * k, n * m, matmulABt],
      ['matmulAtB', n * k, n * m, k * m, matmulAtB],
      ['matmulAB', n * k, k * m, n * m, matmulAB],
    ];
    for (const [name, la, lb, lc, reference] of cases) {
      const A = values(la, n * 31 + k);
      const B = values(lb, m * 17 + 3);
      const expected = new Float64Array(lc).fill(Number.NaN);
      reference(A, B, expected, n, k, m);
      const C = new Float64Array(lc).fill(123);
      wasm![name](A, B, C, n, k, m);
      // Same products summed in the same order: identical doubles, not merely close ones.
      expect(Array.from(C), name).toEqual(Array.from(expected));
    }
  });

  test('read only the first rows of longer buffers and write only the first n·m entries of C', () => {
    const [n, k, m] = [3, 4, 5];
    const A = values(10 * k, 1);
    const B = values(m * k, 2);
    const C = new Float64Array(10 * m).fill(7);
    wasm!.matmulABt(A, B, C, n, k, m);
    const expected = new Float64Array(n * m);
    matmulABt(A.subarray(0, n * k), B, expected, n, k, m);
    expect(Array.from(C.subarray(0, n * m))).toEqual(Array.from(expected));
    expect(Array.from(C.subarray(n * m)).every((v) => v === 7)).toBe(true);
  });

  test('grow their memory for a large product and keep computing correctly afterwards', () => {
    const kernels = createWasmKernels()!;
    const before = kernels.memoryBytes;
    const [n, k, m] = [64, 784, 128];
    const A = values(n * k, 5);
    const B = values(m * k, 6);
    const C = new Float64Array(n * m);
    kernels.matmulABt(A, B, C, n, k, m);
    expect(kernels.memoryBytes).toBeGreaterThan(before);
    const expected = new Float64Array(n * m);
    matmulABt(A, B, expected, n, k, m);
    expect(Array.from(C)).toEqual(Array.from(expected));
    const small = new Float64Array(4);
    kernels.matmulAB(Float64Array.of(1, 2, 3, 4), Float64Array.of(5, 6, 7, 8), small, 2, 2, 2);
    expect(Array.from(small)).toEqual([1 * 5 + 2 * 7, 1 * 6 + 2 * 8, 3 * 5 + 4 * 7, 3 * 6 + 4 * 8]);
  });
});

describe('WebAssembly tanh', () => {
  /** |a − b| in units in the last place of b. */
  const ulps = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b) * 2 ** -52, 2 ** -1074);

  test('is within 3 ulp of Math.tanh from 1e-300 to 30 in size, either sign', () => {
    const z: number[] = [];
    for (let e = -300; e <= 1; e += 0.01) z.push(10 ** e, -(10 ** e));
    for (let x = -30; x <= 30; x += 0.0137) z.push(x);
    const h = new Float64Array(z.length);
    wasm!.tanh(Float64Array.from(z), h, z.length);
    let worst = 0;
    z.forEach((x, i) => (worst = Math.max(worst, ulps(h[i]!, Math.tanh(x)))));
    expect(worst).toBeLessThanOrEqual(3);
  });

  test('keeps the special values: ±0, ±1 at ±∞, NaN, and an odd count', () => {
    const z = Float64Array.of(0, -0, Infinity, -Infinity, Number.NaN);
    const h = new Float64Array(5);
    wasm!.tanh(z, h, 5);
    expect(Object.is(h[0], 0)).toBe(true);
    expect(Object.is(h[1], -0)).toBe(true);
    expect([h[2], h[3]]).toEqual([1, -1]);
    expect(h[4]).toBeNaN();
  });
});

describe('the fused dense pass', () => {
  test.each(['identity', 'relu', 'leaky-relu', 'tanh'] as const)('%s: z = x·Wᵀ + b exactly, h = g(z) (tanh within 3 ulp)', (activation) => {
    const [n, k, m] = [7, 5, 9];
    const X = values(n * k, 11);
    const W = values(m * k, 12);
    const b = values(m, 13);
    const Z = new Float64Array(n * m);
    const H = new Float64Array(n * m).fill(5);
    expect(wasm!.denseForward(X, W, b, Z, H, n, k, m, activation)).toBe(true);
    const expected = new Float64Array(n * m);
    matmulABt(X, W, expected, n, k, m);
    for (let i = 0; i < n * m; i++) expected[i] = expected[i]! + b[i % m]!;
    expect(Array.from(Z)).toEqual(Array.from(expected));
    const g = (z: number) =>
      activation === 'relu' ? (z > 0 ? z : 0) : activation === 'leaky-relu' ? (z > 0 ? z : 0.01 * z) : Math.tanh(z);
    if (activation === 'identity') expect(H.every((v) => v === 5)).toBe(true);
    else for (let i = 0; i < n * m; i++) expect(Math.abs(H[i]! - g(Z[i]!))).toBeLessThanOrEqual(3 * 2 ** -52 * Math.abs(g(Z[i]!)));
  });

  test('declines activations it does not compute, writing nothing', () => {
    const Z = new Float64Array(4).fill(9);
    expect(wasm!.denseForward(values(4, 1), values(4, 2), values(2, 3), Z, Z, 2, 2, 2, 'softplus')).toBe(false);
    expect(Array.from(Z)).toEqual([9, 9, 9, 9]);
  });
});

describe('training with the fast kernels', () => {
  const config = {
    network: { hidden: [16, 16], activation: 'tanh' as const },
    data: { name: 'spirals' as const, n: 200, classes: 2 },
    optimizer: { kind: 'sgd' as const, eta: 0.1 },
    batchSize: 20,
    seed: 7,
  };

  test('follows the plain-JS run to within 1e-12 over 300 steps, and learns', () => {
    const plain = new Trainer(config);
    plain.model.kernels = jsKernels;
    const fast = new Trainer(config);
    fast.model.kernels = createAutoKernels();
    const start = plain.metrics.trainLoss;
    const a = plain.step(300);
    const b = fast.step(300);
    expect(a.trainLoss).toBeLessThan(start * 0.9);
    expect(Math.abs(a.trainLoss - b.trainLoss)).toBeLessThan(1e-12);
    plain.model.layers.forEach((layer, l) => {
      const other = fast.model.layers[l]!;
      for (let i = 0; i < layer.W.length; i++) expect(Math.abs(layer.W[i]! - other.W[i]!)).toBeLessThan(1e-12);
    });
  });

  test('ReLU networks train to the same doubles as the reference (same sums, no tanh)', () => {
    const relu = { ...config, network: { hidden: [32, 32], activation: 'relu' as const } };
    const plain = new Trainer(relu);
    plain.model.kernels = jsKernels;
    const fast = new Trainer(relu);
    fast.model.kernels = createWasmKernels()!;
    expect(fast.step(50).trainLoss).toBe(plain.step(50).trainLoss);
  });

  test('a Trainer uses them by default, also after reset', () => {
    const trainer = new Trainer(config);
    expect(trainer.model.kernels).not.toBe(jsKernels);
    expect(trainer.model.kernels.denseForward).toBeTypeOf('function');
    trainer.reset({ seed: 8 });
    expect(trainer.model.kernels).not.toBe(jsKernels);
  });

  test('createAutoKernels gives a model that predicts like the plain one', () => {
    const model = createModel({ inputs: 3, hidden: [{ units: 40, activation: 'relu' }], outputs: 2, loss: 'mse' }, 3);
    const x = values(50 * 3, 9);
    const plain = Float64Array.from(model.forward(x, 50, null));
    model.kernels = createAutoKernels();
    expect(Array.from(model.forward(x, 50, null))).toEqual(Array.from(plain));
    expect(jsKernels.denseForward).toBeUndefined();
  });
});

describe('the committed kernel bytes', () => {
  test('stay under 4 KB, the largest module Chromium compiles synchronously on a page\'s main thread', async () => {
    expect((await assemble()).length).toBeLessThan(4096);
  });

  test('are exactly what assemble.mjs makes from its WAT today (source and bytes cannot drift)', async () => {
    const text = bytesModule(await assemble());
    expect(readFileSync(BYTES_FILE, 'utf8')).toBe(text);
  });
});
