// Folding the trainer host's replies into a TrainerState. Pure (no DOM, no worker): a reply in,
// the state updated in place and the versions bumped, so views know what to redraw. A diverged or
// non-finite report never enters the curves: the readouts keep the last finite numbers.

import type { DataPart, DataPayload, HostReply, Metrics, ModelJSON, WeightsPayload } from '@engine';
import { emptyHistory, type DataView, type LayerView, type PointSet, type TrainerState } from './state';

function points(p: DataPart): PointSet {
  return { n: p.n, x: p.x, y: p.y };
}

/** The data view of a host's data payload; `clean` (the noise-free function) when the caller can compute it. */
export function dataView(payload: DataPayload, clean?: { x: Float64Array; y: Float64Array }): DataView {
  const view: DataView = {
    task: payload.task,
    inputs: payload.inputs,
    outputs: payload.outputs,
    classes: payload.classes,
    train: points(payload.train),
    validation: points(payload.validation),
    test: points(payload.test),
  };
  if (payload.interval) view.interval = payload.interval;
  if (clean) view.clean = clean;
  return view;
}

/** Layers of a model file as the views read them. */
export function layersOfModel(model: ModelJSON): LayerView[] {
  return model.layers.map((l) => ({ activation: l.activation, weights: l.weights, biases: l.biases }));
}

/** Layers from flat weight copies (W h×d row-major), keeping the activations already known. */
export function layersOfWeights(weights: WeightsPayload, previous: readonly LayerView[] | null): LayerView[] {
  return weights.map(({ W, b }, l) => {
    const h = b.length;
    const d = h === 0 ? 0 : W.length / h;
    const rows: number[][] = [];
    for (let j = 0; j < h; j++) rows.push(Array.from(W.subarray(j * d, (j + 1) * d)));
    return { activation: previous?.[l]?.activation ?? 'unknown', weights: rows, biases: Array.from(b) };
  });
}

const finite = (x: number | undefined): x is number => x !== undefined && Number.isFinite(x);

/** Takes the latest numbers from a metrics report (finite ones only). */
function takeMetrics(t: TrainerState, m: Metrics): void {
  t.epoch = m.epoch;
  t.steps = m.steps;
  if (finite(m.trainLoss)) t.loss = m.trainLoss;
  if (finite(m.valLoss)) t.valLoss = m.valLoss;
  if (finite(m.trainAccuracy)) t.accuracy = m.trainAccuracy;
  if (finite(m.valAccuracy)) t.valAccuracy = m.valAccuracy;
  if (finite(m.penalty)) t.penalty = m.penalty;
  t.bestEpoch = m.bestEpoch ?? -1;
}

function record(t: TrainerState, m: Metrics): void {
  const h = t.history;
  h.epoch.push(m.epoch);
  h.loss.push(m.trainLoss);
  h.valLoss.push(m.valLoss ?? Number.NaN);
  h.accuracy.push(m.trainAccuracy ?? Number.NaN);
  h.valAccuracy.push(m.valAccuracy ?? Number.NaN);
  t.versions.history++;
}

/**
 * Applies one reply. Returns what changed, for the caller: 'diverged' the first time a run
 * diverges, 'error' for an engine error (whose message is in `t.message`), else null.
 */
export function applyReply(t: TrainerState, reply: HostReply, clean?: { x: Float64Array; y: Float64Array }): 'diverged' | 'error' | null {
  switch (reply.type) {
    case 'ready': {
      t.history = emptyHistory();
      t.loss = t.valLoss = t.accuracy = t.valAccuracy = Number.NaN;
      t.penalty = 0;
      takeMetrics(t, reply.metrics);
      record(t, reply.metrics);
      t.recordedSteps = reply.metrics.steps;
      t.layers = layersOfModel(reply.model);
      t.inputs = reply.model.inputs;
      t.data = dataView(reply.data, clean);
      t.grid = null;
      t.status = 'ready';
      t.message = null;
      t.versions.layers++;
      t.versions.data++;
      t.versions.grid++;
      return null;
    }
    case 'metrics': {
      const m = reply.metrics;
      if (reply.weights) {
        t.layers = layersOfWeights(reply.weights, t.layers);
        t.versions.layers++;
      }
      if (m.status === 'diverged') {
        const first = t.status !== 'diverged';
        t.epoch = m.epoch;
        t.steps = m.steps;
        t.status = 'diverged';
        t.message = m.message ?? 'Training diverged: the loss is no longer a finite number.';
        return first ? 'diverged' : null;
      }
      takeMetrics(t, m);
      if (m.steps !== t.recordedSteps) {
        record(t, m);
        t.recordedSteps = m.steps;
      }
      return null;
    }
    case 'grid':
    case 'curve':
      throw new Error('applyReply: use applyGrid for grid and curve replies (they need their bounds)');
    case 'snapshot':
      return null;
    case 'error':
      t.status = 'error';
      t.message = reply.message;
      return 'error';
  }
}

/** Where a grid or curve was asked for: [x0, x1] × [y0, y1] (a curve uses x0..x1). */
export interface Bounds {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** Stores a 'grid' (2-D decision map) or 'curve' (1-D fitted function) reply with the bounds it was asked for. */
export function applyGrid(t: TrainerState, reply: Extract<HostReply, { type: 'grid' | 'curve' }>, bounds: Bounds): void {
  t.grid =
    reply.type === 'grid'
      ? { dims: 2, nx: reply.nx, ny: reply.ny, ...bounds, width: reply.outputs, values: reply.values }
      : { dims: 1, nx: reply.n, ny: 1, ...bounds, width: reply.outputs, values: reply.values };
  t.versions.grid++;
}

/**
 * The square region a decision map covers: the data's bounding box over all splits, padded by
 * 10 % and widened to a square so regions are not distorted.
 */
export function gridBounds(data: DataView): Bounds {
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (const set of [data.train, data.validation, data.test]) {
    for (let i = 0; i < set.n; i++) {
      const a = set.x[i * data.inputs]!;
      const b = data.inputs > 1 ? set.x[i * data.inputs + 1]! : 0;
      if (a < x0) x0 = a;
      if (a > x1) x1 = a;
      if (b < y0) y0 = b;
      if (b > y1) y1 = b;
    }
  }
  if (!(x1 >= x0)) return { x0: -1, x1: 1, y0: -1, y1: 1 };
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const half = (Math.max(x1 - x0, y1 - y0, 1e-9) / 2) * 1.1;
  return { x0: cx - half, x1: cx + half, y0: cy - half, y1: cy + half };
}
