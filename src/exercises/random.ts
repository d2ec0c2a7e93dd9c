// Drawing variant parameters from the engine's seeded generator: numbers on a grid (so prompts
// show short numbers), picks, shuffles. Every helper takes the Rng explicitly.

import type { Rng } from '@engine';

/** A number drawn uniformly from [min, max] and rounded to `decimals` decimals. */
export function draw(rng: Rng, min: number, max: number, decimals = 1): number {
  const f = 10 ** decimals;
  const lo = Math.ceil(min * f);
  const hi = Math.floor(max * f);
  const v = (lo + rng.int(hi - lo + 1)) / f;
  return v === 0 ? 0 : v;
}

/** Like draw, but never within `gap` of 0 (for values whose sign matters). */
export function drawNonZero(rng: Rng, min: number, max: number, decimals = 1, gap = 10 ** -decimals): number {
  for (let i = 0; i < 1000; i++) {
    const v = draw(rng, min, max, decimals);
    if (Math.abs(v) >= gap) return v;
  }
  throw new Error(`drawNonZero: no value in [${min}, ${max}] is ${gap} away from 0`);
}

/** `n` numbers from draw(). */
export function drawVector(rng: Rng, n: number, min: number, max: number, decimals = 1): number[] {
  return Array.from({ length: n }, () => draw(rng, min, max, decimals));
}

/** An integer uniformly from {min, …, max}. */
export function intBetween(rng: Rng, min: number, max: number): number {
  return min + rng.int(max - min + 1);
}

/** One element of a non-empty list. */
export function pick<T>(rng: Rng, items: readonly T[]): T {
  if (items.length === 0) throw new Error('pick: empty list');
  return items[rng.int(items.length)]!;
}

/** A shuffled copy (Fisher–Yates). */
export function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
