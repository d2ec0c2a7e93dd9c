// The zig-zag panel's model. Part one: the decks' tent composed k times as a real ReLU network
// (the engine's tentNetwork), its linear pieces counted exactly (countLinearPieces) and compared
// with what one layer of as many units can make. Part two: the configs of a shallow and a deep
// ReLU network, with equal units, fitted to a zig-zag target, and the pieces each one has.

import {
  countLinearPieces,
  montufarBound,
  tentNetwork,
  modelToJSON,
  tentPower,
  Trainer,
  type ArrayData,
  type LinearPieces,
  type Model,
  type TrainerConfig,
} from '@engine';

/** Compositions the tent part offers: 2^10 = 1024 pieces is still drawable. */
export const TENT_K = { min: 1, max: 10 } as const;

/** A vertex of a piecewise-linear curve. */
export interface Vertex {
  x: number;
  y: number;
}

/** The vertices of a piecewise-linear function: both ends of the domain and every breakpoint. */
export function vertices(p: LinearPieces): Vertex[] {
  const out = p.segments.map((s) => ({ x: s.x0, y: s.slope * s.x0 + s.intercept }));
  const last = p.segments[p.segments.length - 1];
  if (last) out.push({ x: last.x1, y: last.slope * last.x1 + last.intercept });
  return out;
}

/** The breakpoints of a piecewise-linear function with their heights. */
export function breakpointVertices(p: LinearPieces): Vertex[] {
  return p.segments.slice(1).map((s) => ({ x: s.x0, y: s.slope * s.x0 + s.intercept }));
}

/** Hidden units of a network (the output unit not counted). */
export function hiddenUnits(model: Model): number {
  return model.layers.slice(0, -1).reduce((sum, layer) => sum + layer.units, 0);
}

export interface TentComposition {
  k: number;
  /** The engine's ReLU network for T∘…∘T (k times). */
  model: Model;
  /** Its pieces on [0, 1], counted exactly. */
  pieces: LinearPieces;
  /** Hidden ReLU units in the network (2k). */
  units: number;
  /** Hidden layers in the network. */
  layers: number;
  /** The most pieces one hidden layer with the same number of units can make on a line: units + 1. */
  oneLayerMax: number;
}

/** Builds T^k as a ReLU network and counts its pieces on [0, 1]. */
export function tentComposition(k: number): TentComposition {
  if (!Number.isInteger(k) || k < TENT_K.min || k > TENT_K.max) {
    throw new RangeError(`k must be a whole number from ${TENT_K.min} to ${TENT_K.max} (got ${k}).`);
  }
  const model = tentNetwork(k);
  const units = hiddenUnits(model);
  return {
    k,
    model,
    pieces: countLinearPieces(model, 0, 1),
    units,
    layers: model.layers.length - 1,
    oneLayerMax: Number(montufarBound(units, 1)),
  };
}

/** The fitting part's choices: target teeth, total hidden units, and how the deep net splits them. */
export interface FitSettings {
  /** The target is T^targetK on [0, 1], with 2^targetK pieces. */
  targetK: number;
  /** Hidden units in each network. */
  units: number;
  /** Hidden layers of the deep network (units / depth each). */
  depth: number;
  /** Adam's learning rate η. */
  eta: number;
  seed: number;
}

/** Sample points of the fitting target. */
export const FIT_POINTS = 256;

export const FIT_CHOICES = {
  targetK: [1, 2, 3, 4],
  units: [8, 12, 16, 24],
  depth: [2, 3, 4],
} as const;

/** Checks the fit settings; returns a readable message, or null when they are fine. */
export function fitProblem(s: FitSettings): string | null {
  if (!(FIT_CHOICES.targetK as readonly number[]).includes(s.targetK)) return `The target must have 2, 4, 8 or 16 teeth (k = 1…4).`;
  if (!(FIT_CHOICES.units as readonly number[]).includes(s.units)) return `Choose 8, 12, 16 or 24 units.`;
  if (!(FIT_CHOICES.depth as readonly number[]).includes(s.depth)) return `The deep network has 2, 3 or 4 layers.`;
  if (s.units % s.depth !== 0) return `${s.units} units do not split evenly into ${s.depth} layers; pick another depth or unit count.`;
  if (!Number.isFinite(s.eta) || s.eta <= 0 || s.eta > 1) return `The learning rate must be a number in (0, 1].`;
  return null;
}

/** The zig-zag data: FIT_POINTS evenly spaced x in [0, 1] and y = T^k(x). */
export function zigzagData(targetK: number): ArrayData {
  const inputs = Array.from({ length: FIT_POINTS }, (_, i) => [i / (FIT_POINTS - 1)]);
  return { inputs, targets: inputs.map(([x]) => [tentPower(x!, targetK)]) };
}

/** Hidden layer widths of the two networks: one layer of all units, or `depth` equal layers. */
export function fitShapes(s: FitSettings): { shallow: number[]; deep: number[] } {
  return { shallow: [s.units], deep: Array.from({ length: s.depth }, () => s.units / s.depth) };
}

/** Trainer configs for the two networks: ReLU, squared error, full-batch Adam, one seed. */
export function fitConfigs(s: FitSettings): { shallow: TrainerConfig; deep: TrainerConfig } {
  const problem = fitProblem(s);
  if (problem) throw new RangeError(problem);
  const data = zigzagData(s.targetK);
  const shapes = fitShapes(s);
  const make = (hidden: number[]): TrainerConfig => ({
    network: { hidden, activation: 'relu', loss: 'mse' },
    data,
    optimizer: { kind: 'adam', eta: s.eta },
    batchSize: FIT_POINTS,
    seed: s.seed,
  });
  return { shallow: make(shapes.shallow), deep: make(shapes.deep) };
}

/**
 * Moves the first layer's kinks to evenly spaced points of [0, 1]: unit j gets b_j = −W_j · c_j
 * with c_j = (j + ½)/h₁, so its kink max(0, W_j x + b_j) sits at x = c_j. With the engine's zero
 * biases every kink would start at x = 0, the edge of the data, and the fit starts as one straight
 * line that gradient descent must first bend.
 */
export function spreadFirstLayerKinks(model: Model): void {
  const first = model.layers[0];
  if (!first || first.inputs !== 1) throw new RangeError('spreadFirstLayerKinks needs a network with one input');
  for (let j = 0; j < first.units; j++) first.b[j] = -first.W[j]! * ((j + 0.5) / first.units);
}

/** A Trainer for one fit config whose starting point (and Reset) has the kinks spread over [0, 1]. */
export function createFitTrainer(config: TrainerConfig): Trainer {
  const trainer = new Trainer(config);
  const model = trainer.model;
  spreadFirstLayerKinks(model);
  trainer.loadModel(modelToJSON(model));
  return trainer;
}

/** What one zig-zag fit reached after a number of steps. */
export interface FitResult {
  loss: number;
  pieces: number;
}

/** Trains a fit for `steps` full-batch Adam steps and counts its pieces on [0, 1]. */
export function runFit(config: TrainerConfig, steps: number): FitResult {
  const trainer = createFitTrainer(config);
  const m = trainer.step(steps);
  return { loss: m.trainLoss, pieces: countLinearPieces(trainer.model, 0, 1).pieces };
}
