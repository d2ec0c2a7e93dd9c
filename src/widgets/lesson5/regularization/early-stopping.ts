// Early stopping for the regularization widget, as plain logic over the widget's public state:
// follow one training run, stop it once the validation loss has not improved for `patience`
// epochs, and know when the run can be replayed exactly (its settings never changed), which is
// how the page rebuilds the network of the best epoch. Pure: no DOM, no worker.

import type { LayerView } from '@widgets/kit';

/** |w| below this counts as zero in the sparsity readout. */
export const SMALL_WEIGHT = 1e-3;

/** Share (0…1) of the weights, biases excluded, with |w| < threshold. */
export function smallWeightShare(layers: readonly Pick<LayerView, 'weights'>[] | null, threshold = SMALL_WEIGHT): number {
  let small = 0;
  let all = 0;
  for (const layer of layers ?? []) {
    for (const row of layer.weights) {
      for (const w of row) {
        all++;
        if (Math.abs(w) < threshold) small++;
      }
    }
  }
  return all === 0 ? Number.NaN : small / all;
}

/** The lowest finite validation loss of a history and its epoch (the first one on ties), or null. */
export function bestOfHistory(h: { epoch: readonly number[]; valLoss: readonly number[] }): { epoch: number; valLoss: number } | null {
  let best: { epoch: number; valLoss: number } | null = null;
  h.valLoss.forEach((v, i) => {
    if (Number.isFinite(v) && (!best || v < best.valLoss)) best = { epoch: h.epoch[i]!, valLoss: v };
  });
  return best;
}

/** Settings that change nothing in the training itself (so changing them mid-run keeps it replayable). */
const WATCH_ONLY = new Set(['stop', 'patience']);

/** The run-defining part of the settings and the seed, as a key. */
export function runKey(params: Readonly<Record<string, unknown>>, seed: number): string {
  const keys = Object.keys(params).filter((k) => !WATCH_ONLY.has(k)).sort();
  return JSON.stringify([seed, ...keys.map((k) => [k, params[k]])]);
}

/** What early stopping knows about the run being watched. */
export interface RunWatch {
  /** The settings the run started with (runKey); null before the first look. */
  key: string | null;
  /** A setting that changes the training was changed during the run: it cannot be replayed. */
  mixed: boolean;
  /** Epoch at the last look (a smaller one means a new run: Reset or a new seed). */
  lastEpoch: number;
  /** The best epoch for which the run was already stopped once (resuming does not stop again for it). */
  stoppedFor: number | null;
  /** The epoch at which early stopping stopped the run, if it did. */
  stoppedAt: number | null;
}

export function newWatch(): RunWatch {
  return { key: null, mixed: false, lastEpoch: -1, stoppedFor: null, stoppedAt: null };
}

/** One look at the widget: its epoch, the best validation epoch so far (−1: none), its settings. */
export interface Look {
  epoch: number;
  bestEpoch: number;
  params: Readonly<Record<string, unknown>>;
  seed: number;
}

/**
 * Follows the run and returns `stop: true` once, when early stopping is on and `patience` epochs
 * have passed since the best validation epoch. A run starts at epoch 0 (and after any step back).
 */
export function watchRun(w: RunWatch, look: Look): { stop: boolean } {
  const key = runKey(look.params, look.seed);
  if (w.key === null || look.epoch === 0 || look.epoch < w.lastEpoch) {
    Object.assign(w, newWatch(), { key });
  } else if (key !== w.key) {
    w.mixed = true;
  }
  w.lastEpoch = look.epoch;
  const on = look.params['stop'] === true;
  const patience = typeof look.params['patience'] === 'number' ? look.params['patience'] : 100;
  if (on && look.bestEpoch >= 0 && look.epoch - look.bestEpoch >= patience && w.stoppedFor !== look.bestEpoch) {
    w.stoppedFor = look.bestEpoch;
    w.stoppedAt = look.epoch;
    return { stop: true };
  }
  return { stop: false };
}
