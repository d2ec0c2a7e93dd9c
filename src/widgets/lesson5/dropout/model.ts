// The dropout panel's model: the Piastra deck's picture of a network whose units are knocked out
// at random, a new pattern for every mini-batch, and the whole network at inference. The masks
// come from the engine's own dropout layer, so the panel shows exactly what training does.

import { activations, createRng, Dense, hashSeed, jsKernels } from '@engine';

/** Units per layer of the pictured network: 2 inputs, two hidden layers of 5, 1 output. */
export const LAYERS = [2, 5, 5, 1] as const;

/** What one picture shows: for every layer, the multiplier of each unit (0: dropped, 1/p: kept, 1 at inference). */
export interface DropoutFrame {
  /** 0 at inference; 1, 2, … for the mini-batches. */
  batch: number;
  inference: boolean;
  /** Per layer, per unit: 0 (dropped) or the factor the kept unit's output is multiplied by. */
  scale: number[][];
}

/**
 * The engine's inverted-dropout mask for `units` units with keep probability `keep`: a dense
 * identity layer fed ones, so its output is exactly mask/keep (0 or 1/keep per unit).
 */
export function engineMask(units: number, keep: number, seed: number): number[] {
  if (keep >= 1) return Array.from({ length: units }, () => 1);
  const layer = new Dense(units, units, activations.identity, keep);
  for (let j = 0; j < units; j++) layer.W[j * units + j] = 1;
  const ones = new Float64Array(units).fill(1);
  return Array.from(layer.forward(ones, 1, jsKernels, createRng(seed)));
}

/**
 * Mini-batch `batch` (1, 2, …) with keep probabilities for the inputs and the hidden units, or
 * inference (batch 0): every unit present, nothing rescaled. The output unit is never dropped.
 */
export function dropoutFrame(batch: number, keepInput: number, keepHidden: number): DropoutFrame {
  if (batch <= 0) return { batch: 0, inference: true, scale: LAYERS.map((n) => Array.from({ length: n }, () => 1)) };
  const scale = LAYERS.map((n, l) => {
    if (l === LAYERS.length - 1) return Array.from({ length: n }, () => 1);
    const keep = l === 0 ? keepInput : keepHidden;
    return engineMask(n, keep, hashSeed(`dropout-panel:${batch}:${l}`));
  });
  return { batch, inference: false, scale };
}

/** Droppable units (inputs and hidden units): 2 + 5 + 5 = 12. */
export const DROPPABLE = LAYERS.slice(0, -1).reduce((a, b) => a + b, 0);

/** Number of kept droppable units in a frame. */
export function keptCount(frame: DropoutFrame): number {
  return frame.scale.slice(0, -1).flat().filter((s) => s > 0).length;
}

/** Node positions: layer l at x = l, units spread evenly in y ∈ [−1, 1]. */
export function layout(): { layer: number; unit: number; x: number; y: number }[] {
  return LAYERS.flatMap((n, l) =>
    Array.from({ length: n }, (_, j) => ({ layer: l, unit: j, x: l, y: n === 1 ? 0 : 1 - (2 * j) / (n - 1) })),
  );
}

/** Edges between consecutive layers; `active` when both ends are present in the frame. */
export function edges(frame: DropoutFrame): { x1: number; y1: number; x2: number; y2: number; active: boolean }[] {
  const nodes = layout();
  const at = (l: number, j: number) => nodes.find((n) => n.layer === l && n.unit === j)!;
  const out: { x1: number; y1: number; x2: number; y2: number; active: boolean }[] = [];
  for (let l = 0; l + 1 < LAYERS.length; l++) {
    for (let j = 0; j < LAYERS[l]!; j++) {
      for (let k = 0; k < LAYERS[l + 1]!; k++) {
        const a = at(l, j);
        const b = at(l + 1, k);
        out.push({ x1: a.x, y1: a.y, x2: b.x, y2: b.y, active: frame.scale[l]![j]! > 0 && frame.scale[l + 1]![k]! > 0 });
      }
    }
  }
  return out;
}

/** A sentence for the picture: its text alternative and caption. */
export function describeFrame(frame: DropoutFrame): string {
  if (frame.inference) return `Inference: all ${DROPPABLE} input and hidden units take part and nothing is rescaled.`;
  const kept = keptCount(frame);
  const parts = frame.scale.slice(0, -1).map((layer, l) => {
    const k = layer.filter((s) => s > 0).length;
    return `${l === 0 ? 'inputs' : `hidden layer ${l}`}: ${k} of ${layer.length} kept`;
  });
  const factors = [...new Set(frame.scale.slice(0, -1).flat().filter((s) => s > 0 && s !== 1))].map((s) => `×${Number(s.toFixed(3))}`);
  return `Mini-batch ${frame.batch}: ${kept} of ${DROPPABLE} units kept (${parts.join('; ')})${factors.length ? `; kept units are scaled ${factors.join(' or ')}` : ''}. This is one of 2^${DROPPABLE} = ${2 ** DROPPABLE} sub-networks.`;
}
