// The matrix products of a dense layer over a batch, in one place so that faster kernels
// (WebAssembly SIMD for large layers) can replace these plain-JS reference versions. All
// matrices are row-major Float64Arrays; a batch is an n×d matrix, one example per row.

import type { ActivationName } from './activations';

/** The three products a dense layer needs; every kernel overwrites C. */
export interface Kernels {
  /** C (n×m) = A (n×k) · Bᵀ, B is m×k. Forward: Z = H_prev · Wᵀ. */
  matmulABt(A: Float64Array, B: Float64Array, C: Float64Array, n: number, k: number, m: number): void;
  /** C (k×m) = Aᵀ · B, A is n×k, B is n×m. Weight gradient: ∂L/∂W = Δᵀ · H_prev. */
  matmulAtB(A: Float64Array, B: Float64Array, C: Float64Array, n: number, k: number, m: number): void;
  /** C (n×m) = A (n×k) · B, B is k×m. Back-propagation: ∂L/∂H_prev = Δ · W. */
  matmulAB(A: Float64Array, B: Float64Array, C: Float64Array, n: number, k: number, m: number): void;
  /**
   * Optional, a whole dense forward pass: Z (n×m) = X (n×k) · Wᵀ + b, then H = g(Z) (H is not
   * written for the identity). Returns false, having written nothing, when it does not handle this
   * activation or size; the layer then runs matmulABt and its own loops.
   */
  denseForward?(X: Float64Array, W: Float64Array, b: Float64Array, Z: Float64Array, H: Float64Array,
    n: number, k: number, m: number, activation: ActivationName): boolean;
}

/** C_ij = Σ_l A_il B_jl: both operands are read along contiguous rows. */
export function matmulABt(
  A: Float64Array,
  B: Float64Array,
  C: Float64Array,
  n: number,
  k: number,
  m: number,
): void {
  for (let i = 0; i < n; i++) {
    const a = i * k;
    for (let j = 0; j < m; j++) {
      const bRow = j * k;
      let s = 0;
      for (let l = 0; l < k; l++) s += A[a + l]! * B[bRow + l]!;
      C[i * m + j] = s;
    }
  }
}

/** C_jl = Σ_i A_ij B_il, accumulated example by example so the inner loop runs along rows of B and C. */
export function matmulAtB(
  A: Float64Array,
  B: Float64Array,
  C: Float64Array,
  n: number,
  k: number,
  m: number,
): void {
  C.fill(0, 0, k * m);
  for (let i = 0; i < n; i++) {
    const aRow = i * k;
    const bRow = i * m;
    for (let j = 0; j < k; j++) {
      const a = A[aRow + j]!;
      if (a === 0) continue;
      const cRow = j * m;
      for (let l = 0; l < m; l++) C[cRow + l] = C[cRow + l]! + a * B[bRow + l]!;
    }
  }
}

/** C_il = Σ_j A_ij B_jl, with the inner loop along rows of B and C. */
export function matmulAB(
  A: Float64Array,
  B: Float64Array,
  C: Float64Array,
  n: number,
  k: number,
  m: number,
): void {
  C.fill(0, 0, n * m);
  for (let i = 0; i < n; i++) {
    const cRow = i * m;
    for (let j = 0; j < k; j++) {
      const a = A[i * k + j]!;
      if (a === 0) continue;
      const bRow = j * m;
      for (let l = 0; l < m; l++) C[cRow + l] = C[cRow + l]! + a * B[bRow + l]!;
    }
  }
}

/** The plain-JS reference kernels, the default of every model. */
export const jsKernels: Kernels = Object.freeze({ matmulABt, matmulAtB, matmulAB });
