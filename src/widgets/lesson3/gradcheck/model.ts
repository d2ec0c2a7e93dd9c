// The gradient-check panel's model: a small network (2 inputs → 3 hidden units → 3-class
// softmax), a handful of seeded points, and the engine's gradientCheck comparing back-propagation
// with central finite differences for every parameter. Optionally plants the deck's factor-2
// slip in the output weights' gradient, to show what a real bug looks like.

import { createModel, gradientCheck, makeDataset, type GradientCheckEntry } from '@engine';

/** Hidden activations offered; ReLU is included to show the kink caveat. */
export const CHECK_ACTIVATIONS = ['tanh', 'sigmoid', 'relu'] as const;
export type CheckActivation = (typeof CHECK_ACTIVATIONS)[number];

/** True for one of CHECK_ACTIVATIONS (a menu's value is just a string). */
export function isCheckActivation(value: string): value is CheckActivation {
  return (CHECK_ACTIVATIONS as readonly string[]).includes(value);
}

/** The panel's settings. */
export interface GradCheckSettings {
  activation: CheckActivation;
  /** ε of the central difference (L(θ + ε) − L(θ − ε)) / 2ε. */
  eps: number;
  /** Double the output weights' analytic gradient, as the slide's 2εx would. */
  factorTwo: boolean;
  /** Seeds the network's initial weights and the points. */
  seed: number;
}

/** The check's network and data sizes. */
export const NETWORK = { inputs: 2, hidden: 3, classes: 3, examples: 6 } as const;

/** A correct gradient's relative error stays below this at the default ε. */
export const TOLERANCE = 1e-6;

/** ε values offered; 1e-5 balances truncation (∝ ε²) against rounding (∝ 1/ε). */
export const EPS_CHOICES: readonly number[] = [1e-1, 1e-3, 1e-5, 1e-7, 1e-9, 1e-11];

export const DEFAULT_SETTINGS: GradCheckSettings = { activation: 'tanh', eps: 1e-5, factorTwo: false, seed: 1 };

/** One parameter's row in the panel. */
export interface GradCheckRow {
  /** "W₁[2,1]", "b₂[3]": layer number and 1-based indices, as in the lesson. */
  name: string;
  layer: number;
  kind: 'weight' | 'bias';
  analytic: number;
  numeric: number;
  relError: number;
  pass: boolean;
}

/** The whole check. */
export interface GradCheckReport {
  rows: GradCheckRow[];
  loss: number;
  maxRelError: number;
  /** True when every row passes. */
  passed: boolean;
}

/**
 * The relative error as the engine defines it: |a − n| / max(|a|, |n|, 1e-4). Needed here only to
 * re-score the rows whose analytic value the factor-2 switch has changed.
 */
export function relativeError(analytic: number, numeric: number): number {
  return Math.abs(analytic - numeric) / Math.max(Math.abs(analytic), Math.abs(numeric), 1e-4);
}

const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';
const subscript = (n: number): string => String(n).replace(/\d/g, (d) => SUBSCRIPTS[Number(d)]!);

/** A parameter's name in the lesson's notation: W₁[j,k] for layer 1's weight from input k to unit j. */
export function parameterName(entry: Pick<GradientCheckEntry, 'layer' | 'kind' | 'j' | 'k'>): string {
  const layer = subscript(entry.layer + 1);
  return entry.kind === 'weight' ? `W${layer}[${entry.j + 1},${entry.k + 1}]` : `b${layer}[${entry.j + 1}]`;
}

/** The network and points a check runs on; the same seed gives the same ones. */
export function checkProblem(settings: Pick<GradCheckSettings, 'activation' | 'seed'>) {
  const model = createModel(
    {
      inputs: NETWORK.inputs,
      hidden: [{ units: NETWORK.hidden, activation: settings.activation }],
      outputs: NETWORK.classes,
      loss: 'softmax-cross-entropy',
    },
    settings.seed,
  );
  const data = makeDataset({ name: 'blobs', n: NETWORK.examples, classes: NETWORK.classes }, settings.seed);
  const inputs: number[][] = [];
  const labels: number[] = [];
  for (let i = 0; i < data.n; i++) {
    inputs.push([data.x[2 * i]!, data.x[2 * i + 1]!]);
    labels.push(data.y[i]!);
  }
  return { model, inputs, labels };
}

/** Runs the engine's gradient check and scores each parameter against TOLERANCE. */
export function runGradientCheck(settings: GradCheckSettings): GradCheckReport {
  const { model, inputs, labels } = checkProblem(settings);
  const result = gradientCheck(model, inputs, labels, {}, settings.eps);
  const outputLayer = model.layers.length - 1;
  const rows = result.entries.map((entry): GradCheckRow => {
    const planted = settings.factorTwo && entry.layer === outputLayer && entry.kind === 'weight';
    const analytic = planted ? 2 * entry.analytic : entry.analytic;
    const relError = planted ? relativeError(analytic, entry.numeric) : entry.relError;
    return {
      name: parameterName(entry),
      layer: entry.layer,
      kind: entry.kind,
      analytic,
      numeric: entry.numeric,
      relError,
      pass: relError < TOLERANCE,
    };
  });
  const maxRelError = rows.reduce((m, r) => Math.max(m, r.relError), 0);
  return { rows, loss: result.loss, maxRelError, passed: rows.every((r) => r.pass) };
}

/** The largest relative error for each ε of EPS_CHOICES (no planted bug): the U-shaped error curve. */
export function errorAgainstEps(settings: Pick<GradCheckSettings, 'activation' | 'seed'>): { eps: number; maxRelError: number }[] {
  return EPS_CHOICES.map((eps) => ({
    eps,
    maxRelError: runGradientCheck({ ...settings, eps, factorTwo: false }).maxRelError,
  }));
}
