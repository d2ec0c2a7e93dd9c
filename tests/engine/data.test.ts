import { describe, expect, test } from 'vitest';
import {
  createRng,
  datasetFromArrays,
  EngineError,
  makeDataset,
  MiniBatches,
  parityTable,
  splitDataset,
} from '../../src/engine';

describe('regression data sets', () => {
  test('the clean functions, by hand', () => {
    expect(makeDataset({ name: 'sine' }).f!(Math.PI / 2)).toBe(1);
    expect(makeDataset({ name: 'abs' }).f!(-0.5)).toBe(0.5);
    const step = makeDataset({ name: 'step' }).f!;
    expect([step(-0.1), step(0.1)]).toEqual([0, 1]);
    const zigzag = makeDataset({ name: 'zigzag', teeth: 3, interval: [0, 1] }).f!;
    [0, 1 / 6, 1 / 3, 0.5, 2 / 3, 5 / 6, 1].forEach((x, i) => expect(zigzag(x)).toBeCloseTo(i % 2, 12));
    expect(makeDataset({ name: 'poly', coefficients: [1, 2, 3] }).f!(2)).toBe(1 + 2 * 2 + 3 * 4);
  });

  test('without noise the targets are f(x), with x inside the interval', () => {
    const data = makeDataset({ name: 'poly', n: 50, interval: [-2, 3], noiseScale: 0 }, 1);
    for (let i = 0; i < data.n; i++) {
      expect(data.x[i]).toBeGreaterThanOrEqual(-2);
      expect(data.x[i]).toBeLessThan(3);
      expect(data.y[i]).toBe(data.f!(data.x[i]!));
    }
  });

  test('gaussian noise has the given standard deviation; laplace noise has E|ε| = scale', () => {
    const residuals = (noise: 'gaussian' | 'laplace') => {
      const data = makeDataset({ name: 'sine', n: 20_000, noise, noiseScale: 0.3 }, 2);
      return Array.from(data.y, (y, i) => y - data.f!(data.x[i]!));
    };
    const g = residuals('gaussian');
    expect(Math.sqrt(g.reduce((s, e) => s + e * e, 0) / g.length)).toBeCloseTo(0.3, 2);
    const l = residuals('laplace');
    expect(l.reduce((s, e) => s + Math.abs(e), 0) / l.length).toBeCloseTo(0.3, 2);
  });

  test('an outlier fraction offsets exactly that many points by at least outlierScale', () => {
    const data = makeDataset({ name: 'abs', n: 200, noiseScale: 0, outliers: 0.1, outlierScale: 2 }, 3);
    const marked = data.corrupted!.reduce((s, v) => s + v, 0);
    expect(marked).toBe(20);
    for (let i = 0; i < data.n; i++) {
      const offset = Math.abs(data.y[i]! - data.f!(data.x[i]!));
      if (data.corrupted![i]) expect(offset).toBeGreaterThanOrEqual(2);
      else expect(offset).toBe(0);
    }
  });

  test('same spec and seed, same points; another seed, other points', () => {
    const spec = { name: 'sine', n: 30, noise: 'laplace', outliers: 0.2 } as const;
    expect(makeDataset(spec, 5).y).toEqual(makeDataset(spec, 5).y);
    expect(makeDataset(spec, 5).x).not.toEqual(makeDataset(spec, 6).x);
    expect(makeDataset({ ...spec, seed: 5 }, 99).x).toEqual(makeDataset(spec, 5).x);
  });
});

describe('classification data sets', () => {
  test.each([
    ['blobs', 4],
    ['spirals', 3],
    ['circle', 2],
    ['xor', 2],
    ['moons', 2],
  ] as const)('%s with %i classes is balanced with labels 0…k−1', (name, classes) => {
    const data = makeDataset({ name, n: 120, classes }, 1);
    expect(data.classes).toBe(classes);
    expect(data.x).toHaveLength(240);
    const counts = new Array(classes).fill(0);
    data.y.forEach((label) => counts[label]++);
    expect(counts).toEqual(new Array(classes).fill(120 / classes));
  });

  test('xor: the label is 1 exactly where the coordinates have different signs', () => {
    const data = makeDataset({ name: 'xor', n: 100 }, 2);
    for (let i = 0; i < data.n; i++) expect(data.y[i]).toBe(data.x[2 * i]! * data.x[2 * i + 1]! < 0 ? 1 : 0);
  });

  test('circle: class 0 inside radius 1, class 1 in the ring 1.5…2 (no jitter)', () => {
    const data = makeDataset({ name: 'circle', n: 100, spread: 0 }, 2);
    for (let i = 0; i < data.n; i++) {
      const r = Math.hypot(data.x[2 * i]!, data.x[2 * i + 1]!);
      if (data.y[i] === 0) expect(r).toBeLessThanOrEqual(1);
      else expect(r >= 1.5 - 1e-12 && r <= 2 + 1e-12).toBe(true);
    }
  });

  test('label noise flips exactly that fraction of labels, leaving the points in place', () => {
    const clean = makeDataset({ name: 'blobs', n: 200, classes: 3 }, 4);
    const noisy = makeDataset({ name: 'blobs', n: 200, classes: 3, labelNoise: 0.15 }, 4);
    expect(noisy.x).toEqual(clean.x);
    let flipped = 0;
    for (let i = 0; i < 200; i++) {
      if (noisy.y[i] !== clean.y[i]) flipped++;
      expect(noisy.y[i] !== clean.y[i]).toBe(noisy.corrupted![i] === 1);
    }
    expect(flipped).toBe(30);
  });

  test('bad specs throw an EngineError naming the field', () => {
    expect(() => makeDataset({ name: 'blobs', classes: 6 })).toThrow(/classes/);
    expect(() => makeDataset({ name: 'xor', classes: 3 })).toThrow(/classes/);
    expect(() => makeDataset({ name: 'sine', outliers: 1.5 })).toThrow(/outliers/);
    expect(() => makeDataset({ name: 'sine', interval: [1, 1] })).toThrow(/interval/);
    expect(() => makeDataset({ name: 'parity', bits: 13 })).toThrow(EngineError);
    expect(() => makeDataset({ name: 'nope' } as never)).toThrow(/data\.name/);
  });
});

describe('parity', () => {
  test('the 3-bit table by hand', () => {
    const { inputs, labels } = parityTable(3);
    expect(inputs).toEqual([
      [0, 0, 0], [0, 0, 1], [0, 1, 0], [0, 1, 1], [1, 0, 0], [1, 0, 1], [1, 1, 0], [1, 1, 1],
    ]);
    expect(labels).toEqual([0, 1, 1, 0, 1, 0, 0, 1]);
  });

  test('4 bits: [0,1,1,0] → 0 and [1,1,0,1] → 1; all 2ⁿ patterns as a data set', () => {
    const { inputs, labels } = parityTable(4);
    expect(labels[inputs.findIndex((r) => r.join('') === '0110')]).toBe(0);
    expect(labels[inputs.findIndex((r) => r.join('') === '1101')]).toBe(1);
    const data = makeDataset({ name: 'parity', bits: 10 });
    expect(data.n).toBe(1024);
    expect(data.classes).toBe(2);
  });
});

describe('splits and mini-batches', () => {
  const data = datasetFromArrays(Array.from({ length: 50 }, (_, i) => [i]), Array.from({ length: 50 }, (_, i) => [2 * i]));

  test('a split partitions the examples by the fractions, deterministically', () => {
    const split = splitDataset(data, { validation: 0.2, test: 0.1 }, createRng(1));
    expect([split.train.n, split.validation.n, split.test.n]).toEqual([35, 10, 5]);
    const all = [...split.train.x, ...split.validation.x, ...split.test.x].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 50 }, (_, i) => i));
    for (let i = 0; i < split.validation.n; i++) expect(split.validation.y[i]).toBe(2 * split.validation.x[i]!);
    expect(splitDataset(data, { validation: 0.2, test: 0.1 }, createRng(1)).test.x).toEqual(split.test.x);
    expect(() => splitDataset(data, { validation: 0.6, test: 0.5 }, createRng(1))).toThrow(EngineError);
  });

  test('each epoch visits every example once, in a new order; the last batch is smaller', () => {
    const batches = new MiniBatches(data, 8, createRng(2));
    expect(batches.batchesPerEpoch).toBe(7);
    const epochs: number[][] = [];
    for (let e = 0; e < 2; e++) {
      const seen: number[] = [];
      const sizes: number[] = [];
      for (let b = 0; b < 7; b++) {
        const n = batches.next();
        sizes.push(n);
        for (let i = 0; i < n; i++) {
          seen.push(batches.x[i]!);
          expect(batches.y[i]).toBe(2 * batches.x[i]!);
        }
      }
      expect(sizes).toEqual([8, 8, 8, 8, 8, 8, 2]);
      expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
      epochs.push(seen);
      expect(batches.epoch).toBe(e + 1);
    }
    expect(epochs[0]).not.toEqual(epochs[1]);
  });

  test('datasetFromArrays: number[] targets are labels; bad entries are named', () => {
    const labels = datasetFromArrays([[0], [1], [2]], [0, 2, 1]);
    expect(labels.task).toBe('classification');
    expect(labels.classes).toBe(3);
    expect(() => datasetFromArrays([[0], [Number.NaN]], [0, 1])).toThrow(/data\.inputs\[1\]\[0\]/);
    expect(() => datasetFromArrays([[0], [1]], [0, 1.5])).toThrow(/data\.targets\[1\]/);
  });
});
