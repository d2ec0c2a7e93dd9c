// A dense layer, z = W h_prev + b and h = g(z), with its backward pass written beside it: the
// layer needs just two local derivatives (lesson 3.8), ∂h/∂θ for its own W and b, and ∂h/∂h_prev
// to pass the error on. Everything runs on a batch (n rows) in buffers reused from step to step.

import { LEAKY_SLOPE, type Activation } from './activations';
import type { Kernels } from './kernels';
import { sigmoid } from './numerics';
import type { Rng } from './random';

/**
 * h = g(z) on `size` values. The common activations run as their own loops (the same formulas as
 * the activations table, so the results are identical): a call through the table per value cannot
 * be inlined and would box every result on the heap.
 */
function activate(g: Activation, z: Float64Array, h: Float64Array, size: number): void {
  switch (g.name) {
    case 'relu':
      for (let i = 0; i < size; i++) {
        const v = z[i]!;
        h[i] = v > 0 ? v : 0;
      }
      return;
    case 'leaky-relu':
      for (let i = 0; i < size; i++) {
        const v = z[i]!;
        h[i] = v > 0 ? v : LEAKY_SLOPE * v;
      }
      return;
    case 'tanh':
      for (let i = 0; i < size; i++) h[i] = Math.tanh(z[i]!);
      return;
    case 'sigmoid':
      for (let i = 0; i < size; i++) h[i] = sigmoid(z[i]!);
      return;
    default:
      for (let i = 0; i < size; i++) h[i] = g.f(z[i]!);
  }
}

/** δ ← δ ⊙ g'(z) on `size` values, with the table's derivatives written out (see `activate`). */
function multiplyDerivative(g: Activation, z: Float64Array, h: Float64Array, delta: Float64Array, size: number): void {
  switch (g.name) {
    case 'relu':
      for (let i = 0; i < size; i++) delta[i] = delta[i]! * (z[i]! > 0 ? 1 : 0);
      return;
    case 'leaky-relu':
      for (let i = 0; i < size; i++) delta[i] = delta[i]! * (z[i]! > 0 ? 1 : LEAKY_SLOPE);
      return;
    case 'tanh':
      for (let i = 0; i < size; i++) {
        const v = h[i]!;
        delta[i] = delta[i]! * (1 - v * v);
      }
      return;
    case 'sigmoid':
      for (let i = 0; i < size; i++) {
        const v = h[i]!;
        delta[i] = delta[i]! * (v * (1 - v));
      }
      return;
    default:
      for (let i = 0; i < size; i++) delta[i] = delta[i]! * g.df(z[i]!, h[i]!);
  }
}

/**
 * A dense layer with d inputs and `units` = h outputs. W is h×d row-major: W[j*d + k] = W_jk,
 * row j for unit j, column k for input k. Optional inverted dropout on its output with keep
 * probability `keep` (training only).
 */
export class Dense {
  /** d: inputs per example. */
  readonly inputs: number;
  /** h: units (outputs per example). */
  readonly units: number;
  /** W ∈ ℝ^{h×d}, row-major. */
  readonly W: Float64Array;
  /** b ∈ ℝ^h. */
  readonly b: Float64Array;
  /** ∂L/∂W (h×d), written by backward. */
  readonly dW: Float64Array;
  /** ∂L/∂b (h), written by backward. */
  readonly db: Float64Array;
  /** g, paired with g'. */
  activation: Activation;
  /** Dropout keep probability for this layer's output; 1 means no dropout. */
  keep: number;

  /** z = W h_prev + b for the last batch (n×h). */
  z = new Float64Array(0);
  /** h = g(z) for the last batch (n×h); the same buffer as z for the identity. */
  h = new Float64Array(0);
  /** What the next layer reads: h, or h ⊙ mask while dropout is active. */
  out = new Float64Array(0);
  /** ∂L/∂h for the last batch (n×h), turned in place into δ = ∂L/∂z by backward. */
  delta = new Float64Array(0);
  private mask = new Float64Array(0);
  private dropped = new Float64Array(0);
  private dropoutActive = false;
  // Rows the buffers hold: forward (z, h), backward (delta) and dropout (mask) are sized apart,
  // so evaluating a large set never allocates training buffers.
  private capacity = 0;
  private deltaCapacity = 0;
  private maskCapacity = 0;

  constructor(inputs: number, units: number, activation: Activation, keep = 1) {
    this.inputs = inputs;
    this.units = units;
    this.activation = activation;
    this.keep = keep;
    this.W = new Float64Array(units * inputs);
    this.b = new Float64Array(units);
    this.dW = new Float64Array(units * inputs);
    this.db = new Float64Array(units);
  }

  /** Makes the forward buffers hold at least n rows; allocates only when a larger batch arrives. */
  reserve(n: number): void {
    if (n <= this.capacity) return;
    const size = n * this.units;
    this.z = new Float64Array(size);
    this.h = this.activation.name === 'identity' ? this.z : new Float64Array(size);
    this.out = this.h;
    this.capacity = n;
  }

  /** Makes `delta` hold at least n rows (before a loss or the next layer writes into it). */
  reserveDelta(n: number): void {
    if (n <= this.deltaCapacity) return;
    this.delta = new Float64Array(n * this.units);
    this.deltaCapacity = n;
  }

  /**
   * Forward on a batch: z = h_prev Wᵀ + b (n×h), h = g(z). With `rng` (training) and keep < 1,
   * each unit is kept with probability keep and scaled by 1/keep (inverted dropout), so the
   * expectation matches inference. Returns the n×h output the next layer reads.
   */
  forward(hPrev: Float64Array, n: number, kernels: Kernels, rng: Rng | null): Float64Array {
    this.reserve(n);
    const { units, z, h, b } = this;
    const g = this.activation;
    if (!kernels.denseForward?.(hPrev, this.W, b, z, h, n, this.inputs, units, g.name)) {
      kernels.matmulABt(hPrev, this.W, z, n, this.inputs, units);
      for (let i = 0; i < n; i++) {
        const row = i * units;
        for (let j = 0; j < units; j++) z[row + j] = z[row + j]! + b[j]!;
      }
      if (g.name !== 'identity') activate(g, z, h, n * units);
    }
    this.dropoutActive = rng !== null && this.keep < 1;
    if (!this.dropoutActive) {
      this.out = h;
      return h;
    }
    if (n > this.maskCapacity) {
      this.mask = new Float64Array(n * units);
      this.dropped = new Float64Array(n * units);
      this.maskCapacity = n;
    }
    const { mask, dropped, keep } = this;
    for (let i = 0; i < n * units; i++) {
      mask[i] = rng!.next() < keep ? 1 / keep : 0;
      dropped[i] = h[i]! * mask[i]!;
    }
    this.out = dropped;
    return dropped;
  }

  /**
   * Backward on the batch of the last forward, given ∂L/∂h in `delta` (n×h):
   *   δ = ∂L/∂z = ∂L/∂h ⊙ g'(z)             (⊙ mask first, under dropout)
   *   ∂L/∂W = δᵀ h_prev   (h×d, summed over the batch; δ already carries the 1/n of the mean)
   *   ∂L/∂b = Σ_i δ_i
   *   ∂L/∂h_prev = δ W    (n×d), written into `dhPrev` unless it is null (first layer).
   */
  backward(hPrev: Float64Array, n: number, kernels: Kernels, dhPrev: Float64Array | null): void {
    const { units, z, h, delta, db } = this;
    const size = n * units;
    if (this.dropoutActive) {
      const mask = this.mask;
      for (let i = 0; i < size; i++) delta[i] = delta[i]! * mask[i]!;
    }
    const g = this.activation;
    if (g.name !== 'identity') multiplyDerivative(g, z, h, delta, size);
    kernels.matmulAtB(delta, hPrev, this.dW, n, units, this.inputs);
    db.fill(0);
    for (let i = 0; i < n; i++) {
      const row = i * units;
      for (let j = 0; j < units; j++) db[j] = db[j]! + delta[row + j]!;
    }
    if (dhPrev) kernels.matmulAB(delta, this.W, dhPrev, n, units, this.inputs);
  }
}
