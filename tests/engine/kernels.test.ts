import { describe, expect, test } from 'vitest';
import { matmulAB, matmulABt, matmulAtB } from '../../src/engine';

// A = [[1, 2, 3], [4, 5, 6]] (2×3), B = [[1, 0, −1], [2, 1, 0]] (2×3), rows as listed.
const A = Float64Array.of(1, 2, 3, 4, 5, 6);
const B = Float64Array.of(1, 0, -1, 2, 1, 0);

describe('matrix kernels', () => {
  test('A·Bᵀ: (2×3)(3×2) by hand', () => {
    const C = new Float64Array(4).fill(99);
    matmulABt(A, B, C, 2, 3, 2);
    // row 1: [1−3, 2+2] ; row 2: [4−6, 8+5]
    expect(Array.from(C)).toEqual([-2, 4, -2, 13]);
  });

  test('Aᵀ·B: (3×2)(2×3) by hand', () => {
    const C = new Float64Array(9).fill(99);
    matmulAtB(A, B, C, 2, 3, 3);
    // C_jl = Σ_i A_ij B_il
    expect(Array.from(C)).toEqual([1 + 8, 4, -1, 2 + 10, 5, -2, 3 + 12, 6, -3]);
  });

  test('A·B: (2×3)(3×2) by hand', () => {
    const M = Float64Array.of(1, 2, 0, 1, -1, 0); // 3×2: [[1, 2], [0, 1], [−1, 0]]
    const C = new Float64Array(4).fill(99);
    matmulAB(A, M, C, 2, 3, 2);
    expect(Array.from(C)).toEqual([1 - 3, 2 + 2, 4 - 6, 8 + 5]);
  });
});
