// The widget's state: one plain object owned by the element, read by every view and returned
// (copied) by getState(). Trainer reports from the workers are folded into it; views only read.

import type { ParamValue } from './params';

/** What a trainer is doing. `diverged`: a non-finite loss or weight stopped it (see `message`). */
export type TrainerStatus = 'loading' | 'ready' | 'running' | 'paused' | 'diverged' | 'error';

/** Metrics per recorded epoch (or step), as parallel arrays so views can draw them cheaply. */
export interface History {
  epoch: number[];
  loss: number[];
  valLoss: number[];
  accuracy: number[];
  valAccuracy: number[];
}

/** A data set as the views need it: inputs n×d and targets (values n×m, or labels n), flat. */
export interface PointSet {
  n: number;
  x: Float64Array;
  y: Float64Array;
}

/** The data one trainer learns from, split as the engine split it. */
export interface DataView {
  task: 'regression' | 'classification';
  inputs: number;
  outputs: number;
  classes: number;
  train: PointSet;
  validation: PointSet;
  test: PointSet;
  /** For 1-D regression: the interval of x and the clean function sampled on `curve` points. */
  interval?: readonly [number, number];
  clean?: { x: Float64Array; y: Float64Array };
}

/** Predictions over the input space, for decision maps (2-D) and fitted curves (1-D). */
export interface GridView {
  /** 2: nx × ny cells over [x0, x1] × [y0, y1] (predictGrid's order); 1: nx points from x0 to x1. */
  dims: 1 | 2;
  nx: number;
  ny: number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  /** Predictions per cell or point (probabilities for classifiers, values for regression). */
  width: number;
  values: Float64Array;
}

/** The weights of one dense layer (model-file layout: weights[j][k] from input k to unit j). */
export interface LayerView {
  activation: string;
  weights: number[][];
  biases: number[];
}

/** Everything the page knows about one trainer. Versions tell views what changed since they drew. */
export interface TrainerState {
  id: string;
  label: string;
  status: TrainerStatus;
  /** The engine's explanation when status is 'diverged' or 'error' (what happened, why, what to try). */
  message: string | null;
  epoch: number;
  /** Gradient steps taken (mini-batches). */
  steps: number;
  /** Latest metrics (the last finite ones: a diverged run keeps its last good numbers). */
  loss: number;
  valLoss: number;
  accuracy: number;
  valAccuracy: number;
  history: History;
  /** The regularization penalty λ₁Σ|w| + λ₂½Σw² at the current weights. */
  penalty: number;
  /** The epoch whose validation loss was best so far (early stopping), or −1. */
  bestEpoch: number;
  /** Steps of the last point in `history` (a report with the same steps is not recorded twice). */
  recordedSteps: number;
  layers: LayerView[] | null;
  inputs: number;
  data: DataView | null;
  grid: GridView | null;
  /** Bumped when history / layers / data / grid change; views compare to skip work. */
  versions: { history: number; layers: number; data: number; grid: number };
}

/** The whole widget. */
export interface WidgetState {
  name: string;
  params: Record<string, ParamValue>;
  seed: number;
  /** The person (or the presenter) asked it to train; it may still be held by `hold`. */
  wantsToRun: boolean;
  /** Why a training widget is not moving right now: off screen, tab hidden; null when free. */
  hold: 'offscreen' | 'hidden' | null;
  /** Speed choice key. */
  speed: string;
  trainers: TrainerState[];
  /** Notes for the reader (rejected URL values, applied changes, import results). */
  notes: string[];
  /** Counts from the last reset: unit counts for exercises ("hidden units"). */
  hiddenUnits: number;
}

export function emptyHistory(): History {
  return { epoch: [], loss: [], valLoss: [], accuracy: [], valAccuracy: [] };
}

export function newTrainerState(id: string, label: string): TrainerState {
  return {
    id,
    label,
    status: 'loading',
    message: null,
    epoch: 0,
    steps: 0,
    loss: Number.NaN,
    valLoss: Number.NaN,
    accuracy: Number.NaN,
    valAccuracy: Number.NaN,
    history: emptyHistory(),
    penalty: 0,
    bestEpoch: -1,
    recordedSteps: -1,
    layers: null,
    inputs: 0,
    data: null,
    grid: null,
    versions: { history: 0, layers: 0, data: 0, grid: 0 },
  };
}

/** Plain data for challenges and the present-mode sync: settings, metrics, unit counts. */
export interface PublicState {
  name: string;
  params: Record<string, ParamValue>;
  seed: number;
  training: boolean;
  speed: string;
  hiddenUnits: number;
  trainers: {
    id: string;
    label: string;
    status: TrainerStatus;
    message: string | null;
    epoch: number;
    steps: number;
    loss: number | null;
    valLoss: number | null;
    accuracy: number | null;
    valAccuracy: number | null;
    hiddenUnits: number;
    layerSizes: number[];
    penalty: number;
    /** Values of the widget's extra readouts for this trainer, by readout id. */
    readouts: Record<string, number | null>;
  }[];
}

const finiteOrNull = (x: number) => (Number.isFinite(x) ? x : null);

/** Hidden units of a trainer's network: the widths of all layers but the output layer. */
export function hiddenUnitCount(layers: readonly LayerView[] | null): number {
  if (!layers) return 0;
  return layers.slice(0, -1).reduce((s, l) => s + l.weights.length, 0);
}

/** A deep, plain copy of what a challenge or the sync layer may read. */
export function publicState(state: WidgetState, readouts: (t: TrainerState) => Record<string, number | null> = () => ({})): PublicState {
  return {
    name: state.name,
    params: structuredClone(state.params) as Record<string, ParamValue>,
    seed: state.seed,
    training: state.wantsToRun,
    speed: state.speed,
    hiddenUnits: state.hiddenUnits,
    trainers: state.trainers.map((t) => ({
      id: t.id,
      label: t.label,
      status: t.status,
      message: t.message,
      epoch: t.epoch,
      steps: t.steps,
      loss: finiteOrNull(t.loss),
      valLoss: finiteOrNull(t.valLoss),
      accuracy: finiteOrNull(t.accuracy),
      valAccuracy: finiteOrNull(t.valAccuracy),
      hiddenUnits: hiddenUnitCount(t.layers),
      layerSizes: t.layers ? [t.inputs, ...t.layers.map((l) => l.weights.length)] : [],
      penalty: t.penalty,
      readouts: { ...readouts(t) },
    })),
  };
}
