// Decision-region maps in single precision. A map colours thousands of cells by the network's
// probabilities many times a second; the colours need three digits, not sixteen. A GridPredictor
// runs the whole network in one WebAssembly call, four grid points per f32x4 vector, with tanh as
// a float32 rational approximation — about twice as fast as the Float64 `predictGrid` — and gives
// the same predictions to within 1e-5 (probabilities; regression values to 1e-5 relative).
//
// It is for drawing only: training, losses, exercises and model files stay in Float64. Where it
// cannot run (no WebAssembly SIMD, softplus layers, non-finite or huge parameters) it falls back
// to `predictGrid` itself, and says which precision it used.

import type { ActivationName } from './activations';
import { instantiateKernels, type WasmExports } from './kernels-wasm';
import { predictGrid } from './metrics';
import type { Model } from './model';

/** The module's codes for the activations it computes (see mapWat in wasm/assemble.mjs). */
const CODES: Partial<Record<ActivationName, number>> = Object.freeze({ identity: 0, relu: 1, 'leaky-relu': 2, tanh: 3, sigmoid: 4 });
const SIGMOID = 4;
/** Largest |parameter| sent to float32 (its range ends at 3.4e38; beyond this, Float64 says why). */
const FLOAT32_SAFE = 1e37;
const PAGE = 65536;
/** The plan: 5 words per layer, at most 9 layers (8 hidden and the output). */
const PLAN_BYTES = 256;

export interface GridPredictor {
  /**
   * The same as `predictGrid(model, x0, x1, y0, y1, nx, ny, out)` — same layout, same errors —
   * computed in float32 where it can be. Reuses `out` when given.
   */
  predictGrid(model: Model, x0: number, x1: number, y0: number, y1: number, nx: number, ny: number, out?: Float64Array): Float64Array;
  /** The precision of the last call: 'float32', or 'float64' when it fell back to predictGrid. */
  readonly lastPrecision: 'float32' | 'float64';
}

/** Whether the float32 path can compute this model exactly as its layers say. */
function supported(model: Model): boolean {
  if (model.inputs !== 2 || model.layers.length > 9) return false;
  for (const layer of model.layers) {
    if (CODES[layer.activation.name] === undefined) return false;
    for (const v of layer.W) if (!(Math.abs(v) < FLOAT32_SAFE)) return false;
    for (const v of layer.b) if (!(Math.abs(v) < FLOAT32_SAFE)) return false;
  }
  return true;
}

/** A grid predictor with its own WebAssembly instance and memory (create one per worker or widget). */
export function createGridPredictor(): GridPredictor {
  const wasm: WasmExports | null = instantiateKernels();
  let precision: 'float32' | 'float64' = 'float64';
  let f32 = new Float32Array(0);
  let i32 = new Int32Array(0);
  let logits = new Float64Array(0);

  function views(bytes: number): void {
    const memory = wasm!.memory;
    if (bytes > memory.buffer.byteLength) memory.grow(Math.ceil((bytes - memory.buffer.byteLength) / PAGE));
    if (f32.buffer !== memory.buffer) {
      f32 = new Float32Array(memory.buffer);
      i32 = new Int32Array(memory.buffer);
    }
  }

  function run(model: Model, x0: number, x1: number, y0: number, y1: number, nx: number, ny: number, out: Float64Array): void {
    const layers = model.layers;
    const m = model.outputs;
    const total = nx * ny;
    const chunks = Math.ceil(total / 4);
    const sigmoidHead = model.loss === 'sigmoid-cross-entropy';
    // Layout in bytes: plan | parameters (float32) | scratch (2 × widest layer × 16) | input | output.
    let at = PLAN_BYTES;
    const addresses: [number, number][] = [];
    let widest = 1;
    for (const layer of layers) {
      const w = at;
      const b = w + 4 * layer.W.length;
      at = b + 4 * layer.b.length;
      addresses.push([w, b]);
      widest = Math.max(widest, layer.units);
    }
    const scratch = (at + 15) & ~15;
    const half = 16 * widest;
    const input = scratch + 2 * half;
    const output = input + 16 * 2 * chunks;
    views(output + 16 * m * chunks);

    layers.forEach((layer, l) => {
      const [w, b] = addresses[l]!;
      const last = l === layers.length - 1;
      const p = (l * 20) >> 2;
      i32[p] = layer.inputs;
      i32[p + 1] = layer.units;
      i32[p + 2] = last && sigmoidHead ? SIGMOID : CODES[layer.activation.name]!;
      i32[p + 3] = w;
      i32[p + 4] = b;
      f32.set(layer.W, w >> 2);
      f32.set(layer.b, b >> 2);
    });
    // Cell t = j·nx + i is lane t mod 4 of chunk ⌊t/4⌋, its two inputs 4 floats apart (as predictGrid).
    const base = input >> 2;
    let t = 0;
    for (let j = 0; j < ny; j++) {
      const y = y0 + ((j + 0.5) * (y1 - y0)) / ny;
      for (let i = 0; i < nx; i++, t++) {
        const at4 = base + 8 * (t >> 2) + (t & 3);
        f32[at4] = x0 + ((i + 0.5) * (x1 - x0)) / nx;
        f32[at4 + 4] = y;
      }
    }
    for (; t < 4 * chunks; t++) {
      const at4 = base + 8 * (t >> 2) + (t & 3);
      f32[at4] = 0;
      f32[at4 + 4] = 0;
    }
    wasm!.mlp4(0, layers.length, input, output, chunks, scratch, half);

    const from = output >> 2;
    if (sigmoidHead) {
      for (let t = 0; t < total; t++) out[t] = f32[from + 4 * (t >> 2) + (t & 3)]!;
      return;
    }
    if (logits.length < total * m) logits = new Float64Array(total * m);
    for (let t = 0; t < total; t++) {
      const lane = from + 4 * m * (t >> 2) + (t & 3);
      for (let u = 0; u < m; u++) logits[t * m + u] = f32[lane + 4 * u]!;
    }
    // The head's own code (softmax with its max subtraction, or the identity) in Float64.
    model.head.predict(logits, total, m, out);
  }

  return {
    get lastPrecision() {
      return precision;
    },
    predictGrid(model, x0, x1, y0, y1, nx, ny, out) {
      const m = model.outputs;
      const valid = Number.isInteger(nx) && Number.isInteger(ny) && nx >= 1 && ny >= 1 && (out === undefined || out.length === nx * ny * m);
      if (!wasm || !valid || !supported(model) || ![x0, x1, y0, y1].every(Number.isFinite)) {
        // predictGrid computes it in Float64, or throws the engine's own message for bad arguments.
        precision = 'float64';
        return predictGrid(model, x0, x1, y0, y1, nx, ny, out);
      }
      const result = out ?? new Float64Array(nx * ny * m);
      run(model, x0, x1, y0, y1, nx, ny, result);
      precision = 'float32';
      return result;
    },
  };
}
