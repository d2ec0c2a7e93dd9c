// From a widget's settings to the engine's TrainerConfig. The standard keys (lr, opt, batch,
// act, layers, loss, l1, l2, dropout, split, stop) map the same way in every lesson; the data set
// is the lesson's own choice, built from the settings by a function it passes in.

import type { ActivationName, ArrayData, DatasetSpec, LossName, NetworkConfig, OptimizerConfig, OptimizerKind, TrainerChange, TrainerConfig } from '@engine';
import type { ParamValues } from './params';

/** A number setting's value, or `fallback` when the widget does not offer it. */
export function num(values: ParamValues, key: string, fallback: number): number {
  const v = values[key];
  return typeof v === 'number' ? v : fallback;
}

/** A choice setting's value, or `fallback`. */
export function str<T extends string = string>(values: ParamValues, key: string, fallback: T): T {
  const v = values[key];
  return (typeof v === 'string' ? v : fallback) as T;
}

/** A switch's value, or `fallback`. */
export function bool(values: ParamValues, key: string, fallback: boolean): boolean {
  const v = values[key];
  return typeof v === 'boolean' ? v : fallback;
}

/** A layer list's value, or `fallback`. */
export function widths(values: ParamValues, key: string, fallback: readonly number[]): number[] {
  const v = values[key];
  return Array.isArray(v) ? [...(v as readonly number[])] : [...fallback];
}

/**
 * The hidden widths: the `layers` setting, else `depth` layers of `width` units (either may be
 * a setting; the other comes from `fallback`), else `fallback`.
 */
export function hiddenOf(values: ParamValues, fallback: readonly number[]): number[] {
  if (Array.isArray(values['layers'])) return widths(values, 'layers', fallback);
  if (typeof values['depth'] === 'number' || typeof values['width'] === 'number') {
    const depth = num(values, 'depth', fallback.length);
    const width = num(values, 'width', fallback[0] ?? 8);
    return Array.from({ length: depth }, () => width);
  }
  return [...fallback];
}

/** What a lesson fixes around the standard settings. */
export interface StandardConfig {
  /** The data set for the current settings (e.g. reading `data` and `noise`). */
  data: (values: ParamValues) => DatasetSpec | ArrayData;
  /** Network defaults for settings the widget does not offer. */
  network?: Partial<NetworkConfig>;
  /** Optimizer defaults (kind, η, β …) for settings the widget does not offer. */
  optimizer?: Partial<OptimizerConfig>;
  batchSize?: number;
  /** Validation share when the widget has no `split` setting (default 0.3). */
  validation?: number;
  /** Test share (default 0). */
  test?: number;
}

/**
 * The TrainerConfig for settings and a seed. Dropout rate r becomes keep probability 1 − r; η,
 * batch size, λ₁, λ₂, dropout and early stopping apply live, the rest reset the weights.
 */
export function standardConfig(values: ParamValues, seed: number, o: StandardConfig): TrainerConfig {
  const base = o.network ?? {};
  const network: NetworkConfig = {
    ...base,
    hidden: hiddenOf(values, (base.hidden as readonly number[] | undefined) ?? [8]),
    activation: str<ActivationName>(values, 'act', base.activation ?? 'tanh'),
  };
  const loss = str<LossName | ''>(values, 'loss', base.loss ?? '');
  if (loss) network.loss = loss;
  else delete network.loss;
  const optimizer: OptimizerConfig = {
    ...o.optimizer,
    kind: str<OptimizerKind>(values, 'opt', o.optimizer?.kind ?? 'sgd'),
    eta: num(values, 'lr', o.optimizer?.eta ?? 0.03),
  };
  const validation = num(values, 'split', o.validation ?? 0.3);
  const test = o.test ?? 0;
  return {
    network,
    data: o.data(values),
    split: test > 0 ? { validation, test } : { validation },
    optimizer,
    batchSize: num(values, 'batch', o.batchSize ?? 16),
    l1: num(values, 'l1', 0),
    l2: num(values, 'l2', 0),
    keep: 1 - num(values, 'dropout', 0),
    earlyStopping: bool(values, 'stop', false),
    seed,
  };
}

/** Deep equality of plain config data (undefined fields count as absent). */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * The change that takes a trainer from config `prev` to `next`: only the top-level fields that
 * differ (null when none do). Sending only these keeps a model loaded from a file when, say, only
 * η changes; the engine decides from the change whether it needs new weights.
 */
export function configChange(prev: TrainerConfig, next: TrainerConfig): TrainerChange | null {
  const change: Record<string, unknown> = {};
  const keys = new Set([...Object.keys(prev), ...Object.keys(next)]) as Set<keyof TrainerConfig>;
  for (const k of keys) if (!sameData(prev[k], next[k])) change[k] = next[k];
  return Object.keys(change).length ? (change as TrainerChange) : null;
}
