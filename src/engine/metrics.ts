// Reading a trained network: the loss and accuracy on a data set, predictions for given inputs
// (values, or class probabilities through the head), and whole grids of predictions for the
// decision maps and fitted curves the widgets draw.

import type { Dataset } from './data';
import { EngineError } from './errors';
import { inputMatrix, type Model } from './model';
import { addPenalties } from './regularizers';

/** Rows per forward pass when evaluating large sets, so buffers stay small. */
const CHUNK = 256;

/** Loss (mean over the examples, data term only) and, for classifiers, accuracy, on a data set. */
export interface Evaluation {
  loss: number;
  /** Fraction of examples whose predicted class (argmax p, or p ≥ ½ for the sigmoid head) equals the label. */
  accuracy?: number;
}

/** Index of the predicted class of example i from the output layer's z (n×m): argmax z, or f ≥ 0 for one output. */
function predictedClass(z: Float64Array, i: number, m: number): number {
  if (m === 1) return z[i]! >= 0 ? 1 : 0;
  let best = 0;
  for (let c = 1; c < m; c++) if (z[i * m + c]! > z[i * m + best]!) best = c;
  return best;
}

/**
 * L = (1/n) Σ_i ℓ(ỹ⁽ⁱ⁾, y⁽ⁱ⁾) over the whole data set (no dropout, no penalty), and the accuracy
 * for classification heads. Returns NaN loss for an empty set.
 */
export function evaluateDataset(model: Model, data: Dataset): Evaluation {
  if (data.n === 0) return { loss: Number.NaN };
  const d = model.inputs;
  const m = model.outputs;
  const classify = model.head.task === 'classification';
  const yWidth = classify ? 1 : m;
  let lossSum = 0;
  let correct = 0;
  for (let start = 0; start < data.n; start += CHUNK) {
    const rows = Math.min(CHUNK, data.n - start);
    const x = data.x.subarray(start * d, (start + rows) * d);
    const y = data.y.subarray(start * yWidth, (start + rows) * yWidth);
    const z = model.forward(x, rows, null);
    lossSum += model.head.loss(z, y, rows, m, null, model.sigma) * rows;
    if (classify) for (let i = 0; i < rows; i++) if (predictedClass(z, i, m) === y[i]) correct++;
  }
  const loss = lossSum / data.n;
  return classify ? { loss, accuracy: correct / data.n } : { loss };
}

/** The regularization penalty λ₁ Σ|w| + λ₂ ½ Σ w² of the current weights. */
export function penalty(model: Model, l1: number, l2: number): number {
  return addPenalties(model.layers, l1, l2, false);
}

/**
 * Predictions for inputs (n×d): regression values ỹ (n×m); for classification heads the class
 * probabilities — softmax p (n×k), or [p] with p = σ(f) = P(y = 1) for the sigmoid head.
 */
export function predict(model: Model, inputs: number[][]): number[][] {
  const n = inputs.length;
  const m = model.outputs;
  const x = inputMatrix(inputs, model.inputs);
  const out = new Float64Array(n * m);
  predictInto(model, x, n, out);
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) rows.push(Array.from(out.subarray(i * m, (i + 1) * m)));
  return rows;
}

/** predict on flat arrays: x (n×d) in, head predictions (n×m) into `out`. */
export function predictInto(model: Model, x: Float64Array, n: number, out: Float64Array): void {
  const d = model.inputs;
  const m = model.outputs;
  for (let start = 0; start < n; start += CHUNK) {
    const rows = Math.min(CHUNK, n - start);
    const z = model.forward(x.subarray(start * d, (start + rows) * d), rows, null);
    model.head.predict(z, rows, m, out.subarray(start * m, (start + rows) * m));
  }
}

/**
 * Predictions on an nx × ny grid of cell centres over [x0, x1] × [y0, y1], for a 2-input model:
 * cell (i, j) is at (x0 + (i + ½)(x1 − x0)/nx, y0 + (j + ½)(y1 − y0)/ny), and its m predictions
 * (as `predict`: softmax probabilities of all k classes, [p] for the sigmoid head, or the
 * regression values) start at out[(j · nx + i) · m]. Rows run along x; j = 0 is y0.
 * Reuses `out` when it is given (length nx · ny · m).
 */
export function predictGrid(
  model: Model,
  x0: number,
  x1: number,
  y0: number,
  y1: number,
  nx: number,
  ny: number,
  out?: Float64Array,
): Float64Array {
  if (model.inputs !== 2) throw new EngineError(`predictGrid needs a model with 2 inputs, not ${model.inputs}`);
  if (!Number.isInteger(nx) || !Number.isInteger(ny) || nx < 1 || ny < 1) {
    throw new EngineError(`predictGrid: nx and ny must be positive integers, got ${nx} × ${ny}`);
  }
  const m = model.outputs;
  const result = out ?? new Float64Array(nx * ny * m);
  if (result.length !== nx * ny * m) throw new EngineError(`predictGrid: out must have length nx · ny · m = ${nx * ny * m}`);
  // Cells run in CHUNK-row forward passes across grid rows: fewer, fuller passes than one per row.
  const total = nx * ny;
  const x = new Float64Array(Math.min(CHUNK, total) * 2);
  for (let start = 0; start < total; start += CHUNK) {
    const rows = Math.min(CHUNK, total - start);
    for (let c = 0; c < rows; c++) {
      const i = (start + c) % nx;
      const j = (start + c - i) / nx;
      x[2 * c] = x0 + ((i + 0.5) * (x1 - x0)) / nx;
      x[2 * c + 1] = y0 + ((j + 0.5) * (y1 - y0)) / ny;
    }
    const z = model.forward(x, rows, null);
    model.head.predict(z, rows, m, result.subarray(start * m, (start + rows) * m));
  }
  return result;
}

/**
 * A 1-input model's predictions at n evenly spaced points a, …, b (x_i = a + i(b − a)/(n − 1)),
 * m values per point, into `out` when given (length n · m). For drawing fitted curves.
 */
export function predictCurve(model: Model, a: number, b: number, n: number, out?: Float64Array): Float64Array {
  if (model.inputs !== 1) throw new EngineError(`predictCurve needs a model with 1 input, not ${model.inputs}`);
  if (!Number.isInteger(n) || n < 2) throw new EngineError(`predictCurve: n must be an integer ≥ 2, got ${n}`);
  const m = model.outputs;
  const result = out ?? new Float64Array(n * m);
  if (result.length !== n * m) throw new EngineError(`predictCurve: out must have length n · m = ${n * m}`);
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = a + (i * (b - a)) / (n - 1);
  predictInto(model, x, n, result);
  return result;
}
