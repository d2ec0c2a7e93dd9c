// Lesson 4's table of Montúfar's bounds: the one-layer maximum Σ_{i≤d} C(h, i), term by term,
// beside h^d (to show where the decks' "≤ h^d" holds) and the k-layer lower bound. All counts come
// from the engine's exact BigInt functions; this file only validates input and arranges rows.

import { montufarBound, montufarDeepBound } from '@engine';

/** Input limits of the table: big enough to see the growth, small enough to read the numbers. */
export const MONTUFAR_LIMITS = { h: { min: 1, max: 200 }, d: { min: 1, max: 20 }, k: { min: 1, max: 10 } } as const;

export interface MontufarRow {
  /** i, the size of the subset of units whose hyperplanes meet. */
  i: number;
  /** C(h, i). */
  binomial: bigint;
  /** Σ_{j≤i} C(h, j). */
  partial: bigint;
}

export interface MontufarTable {
  h: number;
  d: number;
  k: number;
  rows: MontufarRow[];
  /** Σ_{i=0}^{d} C(h, i): the most linear regions one layer of h ReLUs on d inputs can make. */
  oneLayer: bigint;
  /** h^d, the decks' claimed upper bound. */
  hPowD: bigint;
  /** Whether Σ C(h, i) ≤ h^d holds here (it fails for d = 1 or h = 1). */
  decksBoundHolds: boolean;
  /** ⌊h/d⌋^{(k−1)d} Σ C(h, i): regions k layers of h units can reach; null when h < d (the construction needs h ≥ d). */
  deep: bigint | null;
  /** Total units of the deep network, k·h, and the pieces one layer of that many units can make. */
  sameUnitsOneLayer: bigint;
}

export type MontufarResult = { ok: true; table: MontufarTable } | { ok: false; message: string };

function checkInt(value: number, name: 'h' | 'd' | 'k'): string | null {
  const { min, max } = MONTUFAR_LIMITS[name];
  if (!Number.isFinite(value) || !Number.isInteger(value)) return `${name} must be a whole number (got ${String(value)}).`;
  if (value < min || value > max) return `${name} must be between ${min} and ${max} (got ${value}).`;
  return null;
}

/** Builds the table for h units per layer, d inputs and k layers, or says what is wrong with the input. */
export function montufarTable(h: number, d: number, k: number): MontufarResult {
  const problem = checkInt(h, 'h') ?? checkInt(d, 'd') ?? checkInt(k, 'k');
  if (problem) return { ok: false, message: problem };
  const rows: MontufarRow[] = [];
  let previous = 0n;
  for (let i = 0; i <= d; i++) {
    const partial = montufarBound(h, i);
    rows.push({ i, binomial: partial - previous, partial });
    previous = partial;
  }
  const oneLayer = montufarBound(h, d);
  const hPowD = BigInt(h) ** BigInt(d);
  return {
    ok: true,
    table: {
      h,
      d,
      k,
      rows,
      oneLayer,
      hPowD,
      decksBoundHolds: oneLayer <= hPowD,
      deep: h >= d ? montufarDeepBound(h, d, k) : null,
      sameUnitsOneLayer: montufarBound(k * h, d),
    },
  };
}

/** Groups digits in threes with thin spaces: 9472 → "9 472", 12345678 → "12 345 678". */
export function formatBig(n: bigint): string {
  const s = (n < 0n ? -n : n).toString();
  const grouped = s.length <= 4 ? s : s.replace(/\B(?=(\d{3})+(?!\d))/g, '\u2009');
  return (n < 0n ? '−' : '') + grouped;
}
