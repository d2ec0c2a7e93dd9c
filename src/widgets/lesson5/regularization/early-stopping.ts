// Early stopping on top of the engine's best-epoch bookkeeping: remember the network of the best
// validation loss (the weights that came with that very report), stop once the validation loss
// has not improved for `patience` epochs, and say which network is returned. Pure: no DOM.

import type { LayerView, TrainerState } from '@widgets/kit';

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

/** What early stopping knows about the current run. */
export interface StopTracker {
  /** Data version of the run being watched; a reset or new seed starts over. */
  dataVersion: number;
  /** Whether early stopping was on at the last look (turning it on starts over, as the engine does). */
  on: boolean;
  /** The network of the best validation loss so far, with the weights reported at that epoch. */
  best: { epoch: number; valLoss: number; layers: LayerView[] } | null;
  /** The best epoch for which training was already stopped once (resuming does not stop again for it). */
  stoppedFor: number | null;
  /** The epoch at which early stopping stopped the run, if it did. */
  stoppedAt: number | null;
}

export function newTracker(): StopTracker {
  return { dataVersion: -1, on: false, best: null, stoppedFor: null, stoppedAt: null };
}

/**
 * Looks at the trainer after a report. Captures the weights when the engine says the current
 * epoch is the best one (`bestEpoch === epoch`: the weights in `layers` came with that report),
 * and returns `stop: true` once, when `patience` epochs have passed without a better one.
 */
export function observe(
  tr: StopTracker,
  t: Pick<TrainerState, 'epoch' | 'bestEpoch' | 'valLoss' | 'layers' | 'versions'>,
  on: boolean,
  patience: number,
): { stop: boolean } {
  if (t.versions.data !== tr.dataVersion || (on && !tr.on)) {
    Object.assign(tr, newTracker(), { dataVersion: t.versions.data });
  }
  tr.on = on;
  if (!on) return { stop: false };
  if (t.bestEpoch >= 0 && Math.abs(t.bestEpoch - t.epoch) < 1e-9 && t.layers && Number.isFinite(t.valLoss)) {
    if (!tr.best || tr.best.epoch !== t.epoch) tr.best = { epoch: t.epoch, valLoss: t.valLoss, layers: t.layers };
  }
  const best = tr.best;
  if (best && t.epoch - best.epoch >= patience && tr.stoppedFor !== best.epoch) {
    tr.stoppedFor = best.epoch;
    tr.stoppedAt = t.epoch;
    return { stop: true };
  }
  return { stop: false };
}
