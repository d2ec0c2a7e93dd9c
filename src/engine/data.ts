// Seeded data sets for the lessons: noisy 1-D functions (with outliers) for regression, 2-D
// point clouds of k classes for classification, and n-bit parity; then train/validation/test
// splits and shuffled mini-batches. Same spec and seed, same points, on every machine.

import { EngineError } from './errors';
import { createRng, type Rng } from './random';

/** 1-D regression targets y = f(x) + noise. */
export type RegressionName = 'sine' | 'step' | 'abs' | 'zigzag' | 'poly';
/** 2-D classification clouds. */
export type ClassificationName = 'blobs' | 'circle' | 'xor' | 'spirals' | 'moons';
/** Noise models for regression targets: N(0, s²) or Laplace(0, s) (density e^{−|ε|/s}/2s). */
export type NoiseKind = 'gaussian' | 'laplace';

/** A 1-D regression data set: x uniform on `interval`, y = f(x) + ε, some points offset as outliers. */
export interface RegressionSpec {
  name: RegressionName;
  /** Number of points (default 100). */
  n?: number | undefined;
  /** [a, b] for x (default: sine [−π, π], zigzag [0, 1], others [−1, 1]). */
  interval?: [number, number] | undefined;
  /** Noise model (default 'gaussian'). */
  noise?: NoiseKind | undefined;
  /** s: standard deviation (gaussian) or scale b (laplace) of the noise (default 0.1). */
  noiseScale?: number | undefined;
  /** Fraction of points, in [0, 1], that get a large offset ±U(o, 2o) (default 0). */
  outliers?: number | undefined;
  /** o, the outlier offset scale (default 2). */
  outlierScale?: number | undefined;
  /** sine: f(x) = sin(frequency · x) (default 1). */
  frequency?: number | undefined;
  /** zigzag: number of teeth (triangles of height 1) on the interval (default 3). */
  teeth?: number | undefined;
  /** poly: f(x) = Σ_i c_i x^i, lowest degree first (default [0, −1, 0, 1], i.e. x³ − x). */
  coefficients?: number[] | undefined;
  /** Seed of the points (default: the seed passed to makeDataset, else 0). */
  seed?: number | undefined;
}

/** A 2-D classification data set with k classes, balanced; optional label noise. */
export interface ClassificationSpec {
  name: ClassificationName;
  /** Number of points (default 200). */
  n?: number | undefined;
  /** k: blobs 2…5 (default 3), spirals ≥ 2 arms (default 2); circle, xor, moons have 2. */
  classes?: number | undefined;
  /** Standard deviation of the Gaussian jitter of each point (default: blobs 0.5, spirals 0.1, moons 0.1, circle 0.05, xor 0). */
  spread?: number | undefined;
  /** Fraction of labels, in [0, 1], flipped to another class at random (default 0). */
  labelNoise?: number | undefined;
  /** spirals: turns of each arm (default 1.5). */
  turns?: number | undefined;
  seed?: number | undefined;
}

/** All 2ⁿ patterns of n bits (inputs 0/1, first bit first), labelled 1 iff the number of 1s is odd. */
export interface ParitySpec {
  name: 'parity';
  /** n, 1…12. */
  bits: number;
  seed?: number | undefined;
}

/** Any data set spec. */
export type DatasetSpec = RegressionSpec | ClassificationSpec | ParitySpec;

/** Names of all data sets. */
export type DatasetName = DatasetSpec['name'];

/**
 * A data set as flat arrays: x is n×d row-major; y is n×m values (regression) or n integer
 * labels (classification).
 */
export interface Dataset {
  readonly task: 'regression' | 'classification';
  /** Number of examples. */
  readonly n: number;
  /** d: inputs per example. */
  readonly inputs: number;
  /** Outputs the natural network needs: m values for regression, k logits for classification. */
  readonly outputs: number;
  /** k for classification, 0 for regression. */
  readonly classes: number;
  readonly x: Float64Array;
  readonly y: Float64Array;
  /** 1-D regression: the clean function f, so a widget can draw it. */
  readonly f?: (x: number) => number;
  /** 1-D regression: the x interval. */
  readonly interval?: readonly [number, number];
  /** 1 for the points that were made outliers (regression) or had their label flipped (classification). */
  readonly corrupted?: Uint8Array;
}

const REGRESSION: readonly string[] = ['sine', 'step', 'abs', 'zigzag', 'poly'];
const CLASSIFICATION: readonly string[] = ['blobs', 'circle', 'xor', 'spirals', 'moons'];

function fraction(value: number | undefined, field: string): number {
  const v = value ?? 0;
  if (!Number.isFinite(v) || v < 0 || v > 1) throw new EngineError(`${field} must be a fraction in [0, 1], got ${value}`);
  return v;
}

function count(value: number | undefined, fallback: number, field: string, min = 1, max = 1_000_000): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v < min || v > max) throw new EngineError(`${field} must be an integer in ${min}…${max}, got ${value}`);
  return v;
}

function nonNegative(value: number | undefined, fallback: number, field: string): number {
  const v = value ?? fallback;
  if (!Number.isFinite(v) || v < 0) throw new EngineError(`${field} must be a finite number ≥ 0, got ${value}`);
  return v;
}

/** Picks `k` distinct indices of 0…n−1 (partial Fisher–Yates) and marks them. */
function pickMarked(n: number, k: number, rng: Rng): Uint8Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const marked = new Uint8Array(n);
  for (let i = 0; i < k; i++) {
    const j = i + rng.int(n - i);
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
    marked[order[i]!] = 1;
  }
  return marked;
}

/** The clean function of a 1-D regression spec on its interval [a, b]. */
export function cleanFunction(spec: RegressionSpec, interval: readonly [number, number]): (x: number) => number {
  switch (spec.name) {
    case 'sine': {
      const w = spec.frequency ?? 1;
      return (x) => Math.sin(w * x);
    }
    case 'step':
      return (x) => (x < 0 ? 0 : 1);
    case 'abs':
      return Math.abs;
    case 'zigzag': {
      const teeth = count(spec.teeth, 3, 'teeth', 1, 1000);
      const [a, b] = interval;
      // A triangle wave of height 1: T(s) = 1 − |2s − 1| on each of the `teeth` equal subintervals.
      return (x) => {
        const s = (teeth * (x - a)) / (b - a);
        const frac = s - Math.floor(s);
        return 1 - Math.abs(2 * frac - 1);
      };
    }
    case 'poly': {
      const c = spec.coefficients ?? [0, -1, 0, 1];
      c.forEach((v, i) => {
        if (!Number.isFinite(v)) throw new EngineError(`coefficients[${i}] is not a finite number`);
      });
      return (x) => {
        let y = 0;
        for (let i = c.length - 1; i >= 0; i--) y = y * x + c[i]!;
        return y;
      };
    }
  }
}

function makeRegression(spec: RegressionSpec, rng: Rng): Dataset {
  const n = count(spec.n, 100, 'n');
  const interval: [number, number] = spec.interval ?? (spec.name === 'sine' ? [-Math.PI, Math.PI] : spec.name === 'zigzag' ? [0, 1] : [-1, 1]);
  const [a, b] = interval;
  if (!Number.isFinite(a) || !Number.isFinite(b) || !(a < b)) throw new EngineError(`interval must be [a, b] with finite a < b`);
  const noise = spec.noise ?? 'gaussian';
  if (noise !== 'gaussian' && noise !== 'laplace') throw new EngineError(`noise must be 'gaussian' or 'laplace', got ${JSON.stringify(noise)}`);
  const scale = nonNegative(spec.noiseScale, 0.1, 'noiseScale');
  const outlierScale = nonNegative(spec.outlierScale, 2, 'outlierScale');
  const outliers = Math.round(fraction(spec.outliers, 'outliers') * n);
  const f = cleanFunction(spec, interval);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = a + (b - a) * rng.next();
    const epsilon = noise === 'gaussian' ? rng.normal(0, scale) : rng.laplace(scale);
    y[i] = f(x[i]!) + epsilon;
  }
  const corrupted = pickMarked(n, outliers, rng);
  for (let i = 0; i < n; i++) {
    if (!corrupted[i]) continue;
    const sign = rng.next() < 0.5 ? -1 : 1;
    y[i] = y[i]! + sign * outlierScale * (1 + rng.next());
  }
  return { task: 'regression', n, inputs: 1, outputs: 1, classes: 0, x, y, f, interval, corrupted };
}

function makeClassification(spec: ClassificationSpec, rng: Rng): Dataset {
  const n = count(spec.n, 200, 'n');
  const twoClass = spec.name === 'circle' || spec.name === 'xor' || spec.name === 'moons';
  const k = twoClass
    ? count(spec.classes, 2, 'classes', 2, 2)
    : spec.name === 'blobs'
      ? count(spec.classes, 3, 'classes', 2, 5)
      : count(spec.classes, 2, 'classes', 2, 8);
  const defaultSpread = { blobs: 0.5, circle: 0.05, xor: 0, spirals: 0.1, moons: 0.1 }[spec.name];
  const spread = nonNegative(spec.spread, defaultSpread, 'spread');
  const turns = nonNegative(spec.turns, 1.5, 'turns');
  const x = new Float64Array(2 * n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % k;
    // Position of this point within its class, evenly spaced in (0, 1).
    const t = (Math.floor(i / k) + 0.5) / Math.ceil((n - c) / k);
    let px = 0;
    let py = 0;
    switch (spec.name) {
      case 'blobs': {
        const angle = (2 * Math.PI * c) / k;
        px = 2 * Math.cos(angle);
        py = 2 * Math.sin(angle);
        break;
      }
      case 'circle': {
        // Class 0 fills the unit disk, class 1 the ring 1.5 ≤ r ≤ 2 (uniform in area).
        const r = c === 0 ? Math.sqrt(rng.next()) : Math.sqrt(2.25 + 1.75 * rng.next());
        const angle = 2 * Math.PI * rng.next();
        px = r * Math.cos(angle);
        py = r * Math.sin(angle);
        break;
      }
      case 'xor': {
        // Uniform in [−1, 1]², kept 0.1 away from the axes; class 1 where the signs differ.
        const sx = rng.next() < 0.5 ? -1 : 1;
        const sy = c === 0 ? sx : -sx;
        const flip = rng.next() < 0.5 ? -1 : 1;
        px = flip * sx * (0.1 + 0.9 * rng.next());
        py = flip * sy * (0.1 + 0.9 * rng.next());
        break;
      }
      case 'spirals': {
        const r = 0.2 + 1.8 * t;
        const angle = 2 * Math.PI * (turns * t + c / k);
        px = r * Math.cos(angle);
        py = r * Math.sin(angle);
        break;
      }
      case 'moons': {
        const theta = Math.PI * t;
        px = c === 0 ? Math.cos(theta) - 0.5 : 0.5 - Math.cos(theta);
        py = c === 0 ? Math.sin(theta) - 0.25 : 0.25 - Math.sin(theta);
        break;
      }
    }
    x[2 * i] = px + (spread > 0 ? rng.normal(0, spread) : 0);
    x[2 * i + 1] = py + (spread > 0 ? rng.normal(0, spread) : 0);
    y[i] = c;
  }
  const corrupted = pickMarked(n, Math.round(fraction(spec.labelNoise, 'labelNoise') * n), rng);
  for (let i = 0; i < n; i++) {
    if (corrupted[i]) y[i] = (y[i]! + 1 + rng.int(k - 1)) % k;
  }
  return { task: 'classification', n, inputs: 2, outputs: k, classes: k, x, y, corrupted };
}

/** The parity table of n bits: inputs[i] are the bits of i, first bit most significant; labels[i] = parity. */
export function parityTable(bits: number): { inputs: number[][]; labels: number[] } {
  const n = count(bits, 0, 'bits', 1, 12);
  const inputs: number[][] = [];
  const labels: number[] = [];
  for (let i = 0; i < 2 ** n; i++) {
    const row: number[] = [];
    let ones = 0;
    for (let k = 0; k < n; k++) {
      const bit = (i >> (n - 1 - k)) & 1;
      row.push(bit);
      ones += bit;
    }
    inputs.push(row);
    labels.push(ones % 2);
  }
  return { inputs, labels };
}

/** A data set from a spec; `seed` is used when the spec has none. */
export function makeDataset(spec: DatasetSpec, seed = 0): Dataset {
  const rng = createRng(spec.seed ?? seed);
  if (spec.name === 'parity') {
    const table = parityTable(spec.bits);
    return datasetFromArrays(table.inputs, table.labels, 2);
  }
  if (REGRESSION.includes(spec.name)) return makeRegression(spec as RegressionSpec, rng);
  if (CLASSIFICATION.includes(spec.name)) return makeClassification(spec as ClassificationSpec, rng);
  throw new EngineError(`data.name is not a known data set: ${JSON.stringify((spec as { name: unknown }).name)}`);
}

/**
 * A data set from explicit arrays: number[][] targets (n×m) make a regression set; number[]
 * targets are class labels 0…k−1 (k = `classes`, or the largest label + 1, at least 2).
 */
export function datasetFromArrays(inputs: number[][], targets: number[][] | number[], classes?: number): Dataset {
  const n = inputs.length;
  if (n === 0) throw new EngineError('data.inputs must hold at least one row');
  const d = Array.isArray(inputs[0]) ? inputs[0].length : 0;
  if (d < 1) throw new EngineError('data.inputs[0] must be a non-empty array of numbers');
  if (!Array.isArray(targets) || targets.length !== n) throw new EngineError(`data.targets must have one entry per input row (${n})`);
  const x = new Float64Array(n * d);
  inputs.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== d) throw new EngineError(`data.inputs[${i}] must be an array of ${d} numbers`);
    row.forEach((v, k) => {
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new EngineError(`data.inputs[${i}][${k}] is not a finite number`);
      x[i * d + k] = v;
    });
  });
  if (Array.isArray(targets[0])) {
    const m = (targets[0] as number[]).length;
    const y = new Float64Array(n * m);
    (targets as number[][]).forEach((row, i) => {
      if (!Array.isArray(row) || row.length !== m) throw new EngineError(`data.targets[${i}] must be an array of ${m} numbers`);
      row.forEach((v, c) => {
        if (typeof v !== 'number' || !Number.isFinite(v)) throw new EngineError(`data.targets[${i}][${c}] is not a finite number`);
        y[i * m + c] = v;
      });
    });
    return { task: 'regression', n, inputs: d, outputs: m, classes: 0, x, y };
  }
  const labels = targets as number[];
  let k = classes ?? 2;
  labels.forEach((v, i) => {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
      throw new EngineError(`data.targets[${i}] must be an integer class label ≥ 0, got ${JSON.stringify(v)}`);
    }
    if (classes === undefined) k = Math.max(k, v + 1);
    else if (v >= classes) throw new EngineError(`data.targets[${i}] = ${v} is not below classes = ${classes}`);
  });
  return { task: 'classification', n, inputs: d, outputs: k, classes: k, x, y: Float64Array.from(labels) };
}

/** The examples of `data` at `indices`, in that order. */
export function subset(data: Dataset, indices: ArrayLike<number>): Dataset {
  const d = data.inputs;
  const m = data.task === 'regression' ? data.outputs : 1;
  const n = indices.length;
  const x = new Float64Array(n * d);
  const y = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    const src = indices[i]!;
    x.set(data.x.subarray(src * d, (src + 1) * d), i * d);
    y.set(data.y.subarray(src * m, (src + 1) * m), i * m);
  }
  const { f, interval } = data;
  return {
    task: data.task,
    n,
    inputs: d,
    outputs: data.outputs,
    classes: data.classes,
    x,
    y,
    ...(f ? { f } : {}),
    ...(interval ? { interval } : {}),
  };
}

/** Fractions of the data held out; the rest is the training set. */
export interface SplitSpec {
  /** Fraction for validation, in [0, 1). */
  validation: number;
  /** Fraction for test, in [0, 1) (default 0). */
  test?: number | undefined;
}

/** The three parts of a split. */
export interface Split {
  train: Dataset;
  validation: Dataset;
  test: Dataset;
}

/**
 * A seeded random split: round(n · test) examples for test, round(n · validation) for validation,
 * the rest (at least one) for training; each part keeps the original order.
 */
export function splitDataset(data: Dataset, split: SplitSpec, rng: Rng): Split {
  const validation = fraction(split.validation, 'split.validation');
  const test = fraction(split.test, 'split.test');
  const nTest = Math.round(data.n * test);
  const nVal = Math.round(data.n * validation);
  if (nTest + nVal >= data.n) throw new EngineError('split: validation + test leave no training examples');
  const order = new Int32Array(data.n);
  for (let i = 0; i < data.n; i++) order[i] = i;
  shuffle(order, data.n, rng);
  const sorted = (a: number, b: number): Int32Array => order.slice(a, b).sort();
  return {
    test: subset(data, sorted(0, nTest)),
    validation: subset(data, sorted(nTest, nTest + nVal)),
    train: subset(data, sorted(nTest + nVal, data.n)),
  };
}

/** Fisher–Yates shuffle of the first n entries, in place. */
export function shuffle(order: Int32Array, n: number, rng: Rng): void {
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
}

/**
 * Mini-batches of a data set, reshuffled (seeded) at the start of every epoch. `next()` gathers
 * the next batch into the preallocated `x` (B×d) and `y`; the last batch of an epoch may be smaller.
 */
export class MiniBatches {
  /** The batch inputs, batchSize×d (only the first `size` rows are valid). */
  x: Float64Array;
  /** The batch targets, as the head reads them. */
  y: Float64Array;
  /** Rows in the current batch. */
  size = 0;
  /** Completed epochs. */
  epoch = 0;
  /** Position in the shuffled order. */
  private cursor = 0;
  private readonly order: Int32Array;
  private readonly targetWidth: number;

  constructor(
    readonly data: Dataset,
    private batchSizeValue: number,
    private readonly rng: Rng,
  ) {
    this.targetWidth = data.task === 'regression' ? data.outputs : 1;
    this.order = new Int32Array(data.n);
    for (let i = 0; i < data.n; i++) this.order[i] = i;
    shuffle(this.order, data.n, rng);
    this.x = new Float64Array(0);
    this.y = new Float64Array(0);
    this.batchSize = batchSizeValue;
  }

  get batchSize(): number {
    return this.batchSizeValue;
  }

  /** Changes B; takes effect at the next batch (reallocates the buffers, so not inside a step). */
  set batchSize(size: number) {
    if (!Number.isInteger(size) || size < 1) throw new EngineError(`batchSize must be a positive integer, got ${size}`);
    this.batchSizeValue = size;
    const rows = Math.min(size, this.data.n);
    this.x = new Float64Array(rows * this.data.inputs);
    this.y = new Float64Array(rows * this.targetWidth);
  }

  /** Batches per epoch, ⌈n / B⌉. */
  get batchesPerEpoch(): number {
    return Math.ceil(this.data.n / this.batchSizeValue);
  }

  /** Batches left in the current epoch. */
  get remaining(): number {
    return Math.ceil((this.data.n - this.cursor) / this.batchSizeValue);
  }

  /** Fraction of the current epoch done, in [0, 1). */
  get progress(): number {
    return this.cursor / this.data.n;
  }

  /** Fills x, y with the next batch and returns its size; reshuffles when an epoch ends. */
  next(): number {
    const { data, order, targetWidth: m } = this;
    const d = data.inputs;
    const size = Math.min(this.batchSizeValue, data.n - this.cursor);
    for (let i = 0; i < size; i++) {
      const src = order[this.cursor + i]!;
      for (let k = 0; k < d; k++) this.x[i * d + k] = data.x[src * d + k]!;
      for (let c = 0; c < m; c++) this.y[i * m + c] = data.y[src * m + c]!;
    }
    this.cursor += size;
    if (this.cursor >= data.n) {
      this.cursor = 0;
      this.epoch++;
      shuffle(order, data.n, this.rng);
    }
    this.size = size;
    return size;
  }
}
