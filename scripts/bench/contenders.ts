// The contenders of the benchmark, each behind one interface: prepare a workload from the shared
// starting point, take training steps (one mini-batch of plain SGD each) or redraw the W5 grid,
// and report the loss on the whole data set so the harness can check that it really learns.

import {
  createAutoKernels,
  createGridPredictor,
  createWasmKernels,
  trainingPass,
  jsKernels,
  predictGrid,
  SGD,
  type Kernels,
  type Model,
} from '../../src/engine/index';
import { batchesOf, gridPoints, initialModel, type Batches, type Workload } from './workloads';

/** One contender prepared for one workload. */
export interface Run {
  /** One SGD step on the next mini-batch (train) or one whole grid redraw (infer). */
  step(): void;
  /** Mean loss over every batch of the data set (train), at the current weights. */
  loss(): number;
  /** W5: the grid's predictions p = P(y = 1), row by row. */
  grid?(): ArrayLike<number>;
  /** Called before a timed slice (a backend switch, for TensorFlow.js). */
  activate?(): Promise<void>;
  dispose?(): void;
}

export interface Contender {
  name: string;
  /** What it is, for the report. */
  note: string;
  /** Steps it takes per call of step() in units of the workload's batch (1, or 1/B for per-example engines). */
  supports(w: Workload): boolean;
  prepare(w: Workload): Promise<Run>;
}

// ---------------------------------------------------------------------------------------------
// The engine

/** `maps`: W5 through the float32 grid predictor the widgets' workers use (else Float64 predictGrid). */
function engineRun(w: Workload, kernels: Kernels, maps = false): Run {
  const model: Model = initialModel(w);
  model.kernels = kernels;
  const batches = batchesOf(w);
  const d = w.sizes[0]!;
  const xs = Array.from({ length: batches.count }, (_, b) => batches.x.subarray(b * batches.size * d, (b + 1) * batches.size * d));
  const ys = Array.from({ length: batches.count }, (_, b) => batches.y.subarray(b * batches.size, (b + 1) * batches.size));
  const sgd = new SGD(model.layers.flatMap((layer) => [{ value: layer.W, grad: layer.dW }, { value: layer.b, grad: layer.db }]), w.eta);
  let cursor = 0;
  if (w.kind === 'infer') {
    const { nx, ny, r } = w.grid!;
    const out = new Float64Array(nx * ny);
    const grid = maps ? createGridPredictor() : { predictGrid };
    return {
      step: () => void grid.predictGrid(model, -r, r, -r, r, nx, ny, out),
      loss: () => Number.NaN,
      grid: () => grid.predictGrid(model, -r, r, -r, r, nx, ny, out),
    };
  }
  return {
    step() {
      trainingPass(model, xs[cursor]!, ys[cursor]!, batches.size, null);
      sgd.step();
      cursor = cursor + 1 === batches.count ? 0 : cursor + 1;
    },
    loss() {
      let sum = 0;
      for (let b = 0; b < batches.count; b++) {
        const z = model.forward(xs[b]!, batches.size, null);
        sum += model.head.loss(z, ys[b]!, batches.size, model.outputs, null, model.sigma);
      }
      return sum / batches.count;
    },
  };
}

export const engine: Contender = {
  name: 'engine',
  note: 'this engine, Float64, kernels chosen per product size (WebAssembly SIMD f64x2 above a threshold); W5 through its float32 map path (f32x4), as the widgets draw maps',
  supports: () => true,
  prepare: async (w) => engineRun(w, createAutoKernels(), true),
};

export const engineJs: Contender = {
  name: 'engine (plain JS)',
  note: 'this engine with its plain-JS reference kernels only, Float64 (the reference W5 grids are checked against)',
  supports: () => true,
  prepare: async (w) => engineRun(w, jsKernels),
};

export const engineWasm: Contender = {
  name: 'engine (all wasm)',
  note: 'this engine with WebAssembly kernels for every product, however small; W5 in Float64 predictGrid',
  supports: () => true,
  prepare: async (w) => engineRun(w, createWasmKernels() ?? jsKernels),
};

// ---------------------------------------------------------------------------------------------
// TensorFlow.js (tfjs-core with the cpu or wasm backend), Float32

type Tf = typeof import('@tensorflow/tfjs-core');
let tfPromise: Promise<Tf> | null = null;

async function loadTf(): Promise<Tf> {
  tfPromise ??= (async () => {
    const tf = await import('@tensorflow/tfjs-core');
    await import('@tensorflow/tfjs-core/dist/register_all_gradients');
    await import('@tensorflow/tfjs-backend-cpu');
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    wasm.setWasmPaths(`${process.cwd()}/node_modules/@tensorflow/tfjs-backend-wasm/dist/`);
    // One thread, like the engine (and like a page without cross-origin isolation).
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    return tf;
  })();
  return tfPromise;
}

/** Which wasm binary TensorFlow.js runs, for the report. */
export async function tfWasmFlavour(): Promise<string> {
  const tf = await loadTf();
  const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
  const threads = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
  return `${simd ? 'SIMD' : 'no SIMD'}, ${threads ? 'threads' : 'one thread'}`;
}

function tfContender(backend: 'cpu' | 'wasm'): Contender {
  return {
    name: `tfjs-${backend}`,
    note: `@tensorflow/tfjs-core 4.22 + tfjs-backend-${backend}, Float32, fused matMul+bias(+ReLU), tf.train.sgd minimize`,
    supports: () => true,
    async prepare(w) {
      const tf = await loadTf();
      await tf.setBackend(backend);
      await tf.ready();
      const model = initialModel(w);
      // tfjs stores a dense kernel as d×h (inputs × units): the transpose of the engine's W.
      const vars = model.layers.flatMap((layer) => {
        const Wt = new Float32Array(layer.W.length);
        for (let j = 0; j < layer.units; j++) for (let k = 0; k < layer.inputs; k++) Wt[k * layer.units + j] = layer.W[j * layer.inputs + k]!;
        return [tf.variable(tf.tensor2d(Wt, [layer.inputs, layer.units])), tf.variable(tf.tensor1d(Float32Array.from(layer.b)))];
      });
      const last = model.layers.length - 1;
      type Tensor = import('@tensorflow/tfjs-core').Tensor;
      const forward = (x: Tensor): Tensor => {
        let h = x;
        for (let l = 0; l <= last; l++) {
          const W = vars[2 * l]!;
          const b = vars[2 * l + 1]!;
          if (l === last) h = tf.fused.matMul({ a: h, b: W, bias: b });
          else if (w.activation === 'relu') h = tf.fused.matMul({ a: h, b: W, bias: b, activation: 'relu' });
          else h = tf.tanh(tf.fused.matMul({ a: h, b: W, bias: b }));
        }
        return h;
      };
      const m = w.sizes[w.sizes.length - 1]!;
      const d = w.sizes[0]!;
      const batches: Batches = batchesOf(w);
      const xs = Array.from({ length: batches.count }, (_, b) =>
        tf.tensor2d(Float32Array.from(batches.x.subarray(b * batches.size * d, (b + 1) * batches.size * d)), [batches.size, d]));
      const ys = Array.from({ length: batches.count }, (_, b) => {
        const labels = batches.y.subarray(b * batches.size, (b + 1) * batches.size);
        return w.loss === 'softmax-cross-entropy'
          ? tf.cast(tf.oneHot(tf.tensor1d(Int32Array.from(labels), 'int32'), m), 'float32')
          : tf.tensor2d(Float32Array.from(labels), [batches.size, 1]);
      });
      const lossOf = (x: Tensor, y: Tensor): import('@tensorflow/tfjs-core').Scalar => {
        const z = forward(x);
        const loss = w.loss === 'softmax-cross-entropy' ? tf.losses.softmaxCrossEntropy(y, z) : tf.losses.sigmoidCrossEntropy(y, z);
        return loss as import('@tensorflow/tfjs-core').Scalar;
      };
      const optimizer = tf.train.sgd(w.eta);
      let cursor = 0;
      const activate = async () => {
        await tf.setBackend(backend);
      };
      if (w.kind === 'infer') {
        const points = tf.tensor2d(Float32Array.from(gridPoints(w)), [w.grid!.nx * w.grid!.ny, 2]);
        const grid = () => tf.tidy(() => tf.sigmoid(forward(points))).dataSync();
        return { step: () => void grid(), grid, loss: () => Number.NaN, activate, dispose: () => [...vars, points].forEach((t) => t.dispose()) };
      }
      return {
        activate,
        step() {
          optimizer.minimize(() => lossOf(xs[cursor]!, ys[cursor]!), false);
          cursor = cursor + 1 === batches.count ? 0 : cursor + 1;
        },
        loss() {
          let sum = 0;
          for (let b = 0; b < batches.count; b++) sum += tf.tidy(() => lossOf(xs[b]!, ys[b]!).dataSync()[0]!);
          return sum / batches.count;
        },
        dispose() {
          for (const t of [...vars, ...xs, ...ys]) t.dispose();
          optimizer.dispose();
        },
      };
    },
  };
}

export const tfjsCpu = tfContender('cpu');
export const tfjsWasm = tfContender('wasm');

// ---------------------------------------------------------------------------------------------
// ConvNetJS 0.3 (Karpathy): Float64, one example at a time, gradient averaged over batch_size

interface ConvNet {
  Net: new () => { makeLayers(defs: object[]): void; layers: { filters?: { w: Float64Array }[]; biases?: { w: Float64Array } }[]; forward(v: object): { w: Float64Array } };
  Vol: new (sx: number, sy: number, depth: number, c?: number) => { w: Float64Array };
  Trainer: new (net: object, options: object) => { train(x: object, y: number): { cost_loss: number } };
}

export const convnetjs: Contender = {
  name: 'convnetjs',
  note: 'ConvNetJS 0.3, Float64, per-example forward/backward, SGD averaged over the batch; W1/W3 use a 2-class softmax for the sigmoid head',
  supports: (w) => w.kind === 'train' || w.kind === 'infer',
  async prepare(w) {
    const cn = (await import('convnetjs')).default as unknown as ConvNet;
    const model = initialModel(w);
    const defs: object[] = [{ type: 'input', out_sx: 1, out_sy: 1, out_depth: w.sizes[0] }];
    for (let l = 1; l < w.sizes.length - 1; l++) defs.push({ type: 'fc', num_neurons: w.sizes[l], activation: w.activation });
    const classes = w.loss === 'softmax-cross-entropy' ? w.sizes[w.sizes.length - 1]! : 2;
    defs.push({ type: 'softmax', num_classes: classes });
    const net = new cn.Net();
    net.makeLayers(defs);
    // The same starting weights as every other contender.
    const fcs = net.layers.filter((layer) => layer.filters);
    // A 2-class softmax on logits (0, f) is the sigmoid head on f: class 0 gets zero weights.
    const sigmoidHead = w.loss === 'sigmoid-cross-entropy';
    fcs.forEach((layer, l) => {
      const source = model.layers[l]!;
      const shift = sigmoidHead && l === fcs.length - 1 ? 1 : 0;
      layer.filters!.forEach((filter, j) => {
        for (let k = 0; k < filter.w.length; k++) filter.w[k] = j < shift ? 0 : source.W[(j - shift) * source.inputs + k]!;
        layer.biases!.w[j] = 0;
      });
    });
    const trainer = new cn.Trainer(net, { method: 'sgd', learning_rate: w.eta, momentum: 0, batch_size: w.batch, l2_decay: 0 });
    const batches = batchesOf(w);
    const d = w.sizes[0]!;
    const vols = Array.from({ length: batches.count * batches.size }, (_, r) => {
      const v = new cn.Vol(1, 1, d, 0);
      v.w.set(batches.x.subarray(r * d, (r + 1) * d));
      return v;
    });
    let cursor = 0;
    if (w.kind === 'infer') {
      const pts = gridPoints(w);
      const n = pts.length / 2;
      const grid = new Float64Array(n);
      const v = new cn.Vol(1, 1, 2, 0);
      const redraw = () => {
        for (let i = 0; i < n; i++) {
          v.w[0] = pts[2 * i]!;
          v.w[1] = pts[2 * i + 1]!;
          grid[i] = net.forward(v).w[1]!;
        }
        return grid;
      };
      return { step: () => void redraw(), grid: redraw, loss: () => Number.NaN };
    }
    return {
      step() {
        const base = cursor * batches.size;
        for (let i = 0; i < batches.size; i++) trainer.train(vols[base + i]!, batches.y[base + i]!);
        cursor = cursor + 1 === batches.count ? 0 : cursor + 1;
      },
      loss() {
        let sum = 0;
        for (let r = 0; r < vols.length; r++) sum -= Math.log(net.forward(vols[r]!).w[batches.y[r]!]!);
        return sum / vols.length;
      },
    };
  },
};

export const allContenders = [engine, engineJs, engineWasm, tfjsCpu, tfjsWasm, convnetjs];
