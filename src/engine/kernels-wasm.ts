// WebAssembly SIMD (f64x2) versions of the three matrix products, and kernels that choose per
// product between them and the plain-JS reference: WebAssembly pays off on large layers, plain
// loops win on tiny ones where a call and its copies cost more than the arithmetic.

import type { ActivationName } from './activations';
import { jsKernels, type Kernels } from './kernels';
import { KERNELS_WASM_BASE64 } from './wasm/kernels-bytes';

/** The parts of the WebAssembly API used here (the engine compiles without DOM or Node types). */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
export interface WasmExports {
  readonly memory: WasmMemory;
  /** C = A·B, A(i, p) at a + i·rsA + p·csA, B(p, j) at b + p·rsB + j·csB; bytes; pk: packing space. */
  gemm(a: number, rsA: number, csA: number, b: number, rsB: number, csB: number, c: number, ldc: number,
    n: number, k: number, m: number, pk: number): void;
  /** dst = tanh(src), `count` values; addresses in bytes. */
  tanh(src: number, dst: number, count: number): void;
  /** z = x·Wᵀ + b, h = g(z) for g = 0 identity, 1 relu, 2 leaky-relu, 3 tanh; addresses in bytes. */
  dense(x: number, w: number, b: number, z: number, h: number, n: number, k: number, m: number, pk: number, g: number): void;
  /** A whole network in float32 on `chunks` groups of four points (see mapWat in assemble.mjs). */
  mlp4(plan: number, layers: number, input: number, out: number, chunks: number, scratch: number, half: number): void;
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { readonly exports: unknown };
}

/**
 * Products with fewer multiply-adds than this (n·k·m) run in plain JavaScript. Measured with
 * `npm run bench` (BENCHMARKS.md): WebAssembly wins from about this size up, even on the 2-8-8-1
 * network with batch 10 (products of 160–640 multiply-adds), despite copying every operand.
 */
export const WASM_THRESHOLD = 64;

/** Rough cost of one Math.tanh in multiply-adds, for the choice of kernel in createAutoKernels. */
const TANH_WEIGHT = 16;

const PAGE = 65536;
/** Widest column panel the module packs (2 × BLOCK.vectors in assemble.mjs, with room to spare). */
const PANEL = 16;

function decodeBase64(text: string): Uint8Array {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let o = 0;
  for (let i = 0; i < clean.length; i++) {
    value = (value << 6) | alphabet.indexOf(clean[i]!);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (value >> bits) & 0xff;
    }
  }
  return out;
}

/**
 * Compiles and instantiates the kernel module (a new instance with its own memory on every call),
 * or returns null where WebAssembly SIMD is missing.
 */
export function instantiateKernels(): WasmExports | null {
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  if (!api) return null;
  try {
    const instance = new api.Instance(new api.Module(decodeBase64(KERNELS_WASM_BASE64)), {});
    return instance.exports as WasmExports;
  } catch {
    // An engine without SIMD rejects the module (CompileError): the caller keeps plain JS.
    return null;
  }
}

/** The activations the WebAssembly dense pass computes itself, by the module's code for them. */
const WASM_ACTIVATIONS: Partial<Record<ActivationName, number>> = Object.freeze({ identity: 0, relu: 1, 'leaky-relu': 2, tanh: 3 });

/** Kernels running in WebAssembly, with the size of the memory they copy operands into. */
export interface WasmKernels extends Kernels {
  denseForward(X: Float64Array, W: Float64Array, b: Float64Array, Z: Float64Array, H: Float64Array,
    n: number, k: number, m: number, activation: ActivationName): boolean;
  /** h = tanh(z) for `count` values, in WebAssembly (within a few ulp of Math.tanh). */
  tanh(z: Float64Array, h: Float64Array, count: number): void;
  /** Bytes of WebAssembly memory in use (grows to the largest product seen, never shrinks). */
  readonly memoryBytes: number;
}

/**
 * WebAssembly SIMD kernels with their own memory: every call copies its operands in, runs a
 * register-blocked f64x2 product and copies C out, allocating nothing on the JS heap once the
 * memory is large enough. Returns null when this JavaScript engine has no WebAssembly SIMD.
 * Results equal the plain-JS kernels up to rounding (sums run in another order).
 */
export function createWasmKernels(): WasmKernels | null {
  const wasm = instantiateKernels();
  if (!wasm) return null;
  const memory = wasm.memory;
  let heap = new Float64Array(memory.buffer);

  /** Makes the memory hold `doubles` Float64 values; refreshes the view after growing. */
  function ensure(doubles: number): void {
    const bytes = doubles * 8;
    if (bytes > memory.buffer.byteLength) {
      memory.grow(Math.ceil((bytes - memory.buffer.byteLength) / PAGE));
    }
    if (heap.buffer !== memory.buffer) heap = new Float64Array(memory.buffer);
  }

  function copyIn(src: Float64Array, length: number, at: number): void {
    if (src.length === length) {
      heap.set(src, at);
      return;
    }
    const h = heap;
    for (let i = 0; i < length; i++) h[at + i] = src[i]!;
  }

  function copyOut(dst: Float64Array, length: number, at: number): void {
    const h = heap;
    for (let i = 0; i < length; i++) dst[i] = h[at + i]!;
  }

  /** Start of a region after `end` doubles, on a 16-byte boundary. */
  const align = (end: number): number => end + (end & 1);

  return {
    get memoryBytes() {
      return memory.buffer.byteLength;
    },
    matmulABt(A, B, C, n, k, m) {
      const b = align(n * k);
      const c = align(b + m * k);
      const pk = align(c + n * m);
      ensure(pk + k * PANEL);
      copyIn(A, n * k, 0);
      copyIn(B, m * k, b);
      // B(p, j) = B_jp: Bᵀ is read in place through its strides, packed panel by panel.
      wasm.gemm(0, k * 8, 8, b * 8, 8, k * 8, c * 8, m * 8, n, k, m, pk * 8);
      copyOut(C, n * m, c);
    },
    matmulAtB(A, B, C, n, k, m) {
      const b = align(n * k);
      const c = align(b + n * m);
      const pk = align(c + k * m);
      ensure(pk + n * PANEL);
      copyIn(A, n * k, 0);
      copyIn(B, n * m, b);
      wasm.gemm(0, 8, k * 8, b * 8, m * 8, 8, c * 8, m * 8, k, n, m, pk * 8);
      copyOut(C, k * m, c);
    },
    denseForward(X, W, bias, Z, H, n, k, m, activation) {
      const g = WASM_ACTIVATIONS[activation];
      if (g === undefined) return false;
      const w = align(n * k);
      const b = align(w + m * k);
      const z = align(b + m);
      const h = align(z + n * m);
      const pk = align(h + n * m);
      ensure(pk + k * PANEL);
      copyIn(X, n * k, 0);
      copyIn(W, m * k, w);
      copyIn(bias, m, b);
      wasm.dense(0, w * 8, b * 8, z * 8, h * 8, n, k, m, pk * 8, g);
      copyOut(Z, n * m, z);
      if (g !== 0) copyOut(H, n * m, h);
      return true;
    },
    tanh(z, h, count) {
      ensure(2 * align(count));
      copyIn(z, count, 0);
      wasm.tanh(0, align(count) * 8, count);
      copyOut(h, count, align(count));
    },
    matmulAB(A, B, C, n, k, m) {
      const b = align(n * k);
      const c = align(b + k * m);
      const pk = align(c + n * m);
      ensure(pk + k * PANEL);
      copyIn(A, n * k, 0);
      copyIn(B, k * m, b);
      wasm.gemm(0, k * 8, 8, b * 8, m * 8, 8, c * 8, m * 8, n, k, m, pk * 8);
      copyOut(C, n * m, c);
    },
  };
}

/**
 * Kernels that choose per product: WebAssembly SIMD when n·k·m ≥ `threshold` multiply-adds,
 * the plain-JS reference below it (and everywhere when WebAssembly SIMD is missing). The choice
 * depends on the shapes only, so a run stays deterministic.
 */
export function createAutoKernels(threshold = WASM_THRESHOLD): Kernels {
  const wasm = createWasmKernels();
  if (!wasm) return jsKernels;
  return {
    matmulABt(A, B, C, n, k, m) {
      if (n * k * m < threshold) jsKernels.matmulABt(A, B, C, n, k, m);
      else wasm.matmulABt(A, B, C, n, k, m);
    },
    matmulAtB(A, B, C, n, k, m) {
      if (n * k * m < threshold) jsKernels.matmulAtB(A, B, C, n, k, m);
      else wasm.matmulAtB(A, B, C, n, k, m);
    },
    matmulAB(A, B, C, n, k, m) {
      if (n * k * m < threshold) jsKernels.matmulAB(A, B, C, n, k, m);
      else wasm.matmulAB(A, B, C, n, k, m);
    },
    denseForward(X, W, b, Z, H, n, k, m, activation) {
      // tanh costs about as much as TANH_WEIGHT multiply-adds in JavaScript, and far less in WebAssembly.
      const work = n * m * (k + (activation === 'tanh' ? TANH_WEIGHT : 0));
      return work >= threshold && wasm.denseForward(X, W, b, Z, H, n, k, m, activation);
    },
  };
}
