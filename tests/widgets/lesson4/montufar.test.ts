import { describe, expect, it } from 'vitest';
import { formatBig, montufarTable } from '@widgets/lesson4/montufar';

/** Σ_{i≤d} C(h, i) from Pascal's triangle, independently of the engine. */
function pascalSum(h: number, d: number): bigint {
  let row = [1n];
  for (let r = 0; r < h; r++) row = [...row, 0n].map((v, i) => v + (i > 0 ? row[i - 1]! : 0n));
  return row.slice(0, d + 1).reduce((a, b) => a + b, 0n);
}

function table(h: number, d: number, k = 1) {
  const r = montufarTable(h, d, k);
  if (!r.ok) throw new Error(r.message);
  return r.table;
}

describe('montufarTable', () => {
  it('gives the lesson’s worked numbers', () => {
    expect(table(10, 2).oneLayer).toBe(56n); // 1 + 10 + 45
    expect(table(10, 3).oneLayer).toBe(176n); // 56 + 120
    expect(table(8, 2).oneLayer).toBe(37n);
    expect(table(8, 2, 2).deep).toBe(592n); // 4² · 37
    expect(table(8, 2, 3).deep).toBe(9472n); // 4⁴ · 37
    expect(table(16, 2).oneLayer).toBe(137n);
  });
  it('lists C(h, i) row by row with running sums', () => {
    const t = table(10, 3);
    expect(t.rows.map((r) => r.binomial)).toEqual([1n, 10n, 45n, 120n]);
    expect(t.rows.map((r) => r.partial)).toEqual([1n, 11n, 56n, 176n]);
  });
  it('in one dimension one layer of h units makes h + 1 pieces', () => {
    for (let h = 1; h <= 30; h++) expect(table(h, 1).oneLayer).toBe(BigInt(h + 1));
  });
  it('agrees with Pascal’s triangle for every h ≤ 40, d ≤ 12', () => {
    for (let h = 1; h <= 40; h++) for (let d = 1; d <= 12; d++) expect(table(h, d).oneLayer).toBe(pascalSum(h, d));
  });
  it('flags the decks’ “≤ h^d”: false for d = 1 or h = 1, true for h, d ≥ 2', () => {
    expect(table(5, 1).decksBoundHolds).toBe(false); // 6 > 5
    expect(table(1, 3).decksBoundHolds).toBe(false); // 2 > 1
    for (let h = 2; h <= 60; h++) for (let d = 2; d <= 12; d++) expect(table(h, d).decksBoundHolds).toBe(true);
    expect(table(2, 2).oneLayer).toBe(table(2, 2).hPowD); // the tight case, 4 = 4
  });
  it('gives no deep bound when h < d, and compares with one layer of k·h units', () => {
    expect(table(2, 3, 3).deep).toBeNull();
    const t = table(8, 2, 3);
    expect(t.sameUnitsOneLayer).toBe(pascalSum(24, 2)); // 1 + 24 + 276 = 301
    expect(t.sameUnitsOneLayer).toBe(301n);
  });
  it('explains bad input instead of throwing', () => {
    for (const [h, d, k] of [[0, 2, 1], [10, 0, 1], [10, 2, 0], [2.5, 2, 1], [Number.NaN, 2, 1], [201, 2, 1], [10, 21, 1], [10, 2, 11]]) {
      const r = montufarTable(h!, d!, k!);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/^[hdk] must be/);
    }
  });
});

describe('formatBig', () => {
  it('groups digits in threes past four digits', () => {
    expect(formatBig(9472n)).toBe('9472');
    expect(formatBig(524289n)).toBe('524\u2009289');
    expect(formatBig(12345678n)).toBe('12\u2009345\u2009678');
  });
});
