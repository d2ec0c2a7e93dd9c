// The benchmark's workloads W1–W5: the course's networks with their data, batch size and
// learning rate, and the shared starting point every contender copies (initial weights from the
// engine's seeded initialization, one fixed batch order), so all of them do identical work.

import { createModel, createRng, makeDataset, type Dataset, type LossName, type Model } from '../../src/engine/index';
import type { ActivationName } from '../../src/engine/activations';

/** A training workload (W1–W4) or the inference workload (W5). */
export interface Workload {
  id: 'W1' | 'W2' | 'W3' | 'W4' | 'W5';
  title: string;
  kind: 'train' | 'infer';
  /** Layer widths, inputs first: [2, 8, 8, 1]. */
  sizes: number[];
  activation: ActivationName;
  loss: LossName;
  batch: number;
  /** η of plain SGD. */
  eta: number;
  /** Steps every contender takes, from the same start, before its loss is compared (learning check). */
  learnSteps: number;
  /** The data set (for W5: the W1 data its network was built for). */
  data: Dataset;
  /** Inference grid (W5): nx × ny points over [-r, r]². */
  grid?: { nx: number; ny: number; r: number };
}

/** An n-class, 784-input data set shaped like MNIST: noisy copies of seeded class prototypes in [0, 1]. */
export function mnistLike(n: number, classes: number, seed: number): Dataset {
  const d = 784;
  const rng = createRng(seed);
  const prototypes = new Float64Array(classes * d);
  for (let i = 0; i < prototypes.length; i++) prototypes[i] = rng.next() < 0.2 ? 0.6 + 0.4 * rng.next() : 0;
  const x = new Float64Array(n * d);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const label = i % classes;
    y[i] = label;
    for (let k = 0; k < d; k++) {
      const v = prototypes[label * d + k]! + 0.3 * rng.normal();
      x[i * d + k] = Math.min(1, Math.max(0, v));
    }
  }
  return { task: 'classification', n, inputs: d, outputs: classes, classes, x, y };
}

/** The five workloads of issue 12; `scale` < 1 shrinks the data sets for a smoke run. */
export function workloads(scale = 1): Workload[] {
  const spirals = makeDataset({ name: 'spirals', n: Math.round(500 * scale), classes: 2 }, 11);
  return [
    {
      id: 'W1', title: '2-D two spirals, 2-8-8-1 tanh, sigmoid + CE, batch 10', kind: 'train',
      sizes: [2, 8, 8, 1], activation: 'tanh', loss: 'sigmoid-cross-entropy', batch: 10, eta: 0.3, learnSteps: 3000, data: spirals,
    },
    {
      id: 'W2', title: '3 Gaussian blobs, 2-16-3 ReLU, softmax + CE, batch 32', kind: 'train',
      sizes: [2, 16, 3], activation: 'relu', loss: 'softmax-cross-entropy', batch: 32, eta: 0.1, learnSteps: 100,
      data: makeDataset({ name: 'blobs', n: Math.round(600 * scale), classes: 3 }, 12),
    },
    {
      id: 'W3', title: '10-bit parity, 10-64-64-1 ReLU, sigmoid + CE, batch 64', kind: 'train',
      sizes: [10, 64, 64, 1], activation: 'relu', loss: 'sigmoid-cross-entropy', batch: 64, eta: 0.1, learnSteps: 600,
      data: makeDataset({ name: 'parity', bits: 10 }, 13),
    },
    {
      id: 'W4', title: 'MNIST-sized, 784-128-10 ReLU, softmax + CE, batch 64', kind: 'train',
      sizes: [784, 128, 10], activation: 'relu', loss: 'softmax-cross-entropy', batch: 64, eta: 0.05, learnSteps: 40,
      data: mnistLike(Math.round(1280 * scale), 10, 14),
    },
    {
      id: 'W5', title: 'W1 network inferred on a 100×100 grid', kind: 'infer',
      sizes: [2, 8, 8, 1], activation: 'tanh', loss: 'sigmoid-cross-entropy', batch: 10, eta: 0.3, learnSteps: 0, data: spirals,
      grid: { nx: 100, ny: 100, r: 1.5 },
    },
  ];
}

/** The starting model every contender copies: the engine's seeded initialization. */
export function initialModel(w: Workload): Model {
  const hidden = w.sizes.slice(1, -1).map((units) => ({ units, activation: w.activation }));
  return createModel({ inputs: w.sizes[0]!, hidden, outputs: w.sizes[w.sizes.length - 1]!, loss: w.loss }, 2024);
}

/** The data reordered once by a seeded permutation, cut into ⌊n / B⌋ full batches. */
export interface Batches {
  count: number;
  size: number;
  /** Row-major inputs of all batches back to back (count · size × d). */
  x: Float64Array;
  /** Labels, count · size. */
  y: Float64Array;
}

export function batchesOf(w: Workload): Batches {
  const { data, batch } = w;
  const d = data.inputs;
  const order = Array.from({ length: data.n }, (_, i) => i);
  const rng = createRng(99);
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const count = Math.floor(data.n / batch);
  const x = new Float64Array(count * batch * d);
  const y = new Float64Array(count * batch);
  for (let r = 0; r < count * batch; r++) {
    const src = order[r]!;
    x.set(data.x.subarray(src * d, (src + 1) * d), r * d);
    y[r] = data.y[src]!;
  }
  return { count, size: batch, x, y };
}

/** The W5 grid's points, row by row (j along y, i along x), as predictGrid lays them out. */
export function gridPoints(w: Workload): Float64Array {
  const { nx, ny, r } = w.grid!;
  const out = new Float64Array(nx * ny * 2);
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      out[2 * (j * nx + i)] = -r + ((i + 0.5) * 2 * r) / nx;
      out[2 * (j * nx + i) + 1] = -r + ((j + 0.5) * 2 * r) / ny;
    }
  }
  return out;
}
