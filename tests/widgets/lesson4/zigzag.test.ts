import { describe, expect, it } from 'vitest';
import { countLinearPieces, createModel, predictCurve, tent, tentOnZeroTwo, type Model } from '@engine';
import { breakpointVertices, fitConfigs, fitProblem, fitShapes, tentComposition, vertices, zigzagData } from '@widgets/lesson4/zigzag';

/**
 * Brute-force piece count: the slope of the network between neighbouring grid points. A grid cell
 * that contains a kink has a slope between its neighbours', so a kink shows up as a run of changed
 * slopes; runs are counted as one change. The grid must be fine enough that no two kinks share a cell.
 */
function bruteForcePieces(model: Model, a: number, b: number, cells: number): number {
  const y = predictCurve(model, a, b, cells + 1);
  const h = (b - a) / cells;
  const slopes = Array.from({ length: cells }, (_, i) => (y[i + 1]! - y[i]!) / h);
  const scale = slopes.reduce((m, s) => Math.max(m, Math.abs(s)), 1);
  const same = (u: number, v: number) => Math.abs(u - v) <= 1e-6 * scale;
  let pieces = 1;
  let i = 1;
  while (i < cells) {
    if (same(slopes[i]!, slopes[i - 1]!)) {
      i++;
      continue;
    }
    // A kink inside cell i gives one odd slope, then the new slope: skip the transition cell.
    pieces++;
    i += i + 1 < cells && !same(slopes[i + 1]!, slopes[i]!) ? 2 : 1;
  }
  return pieces;
}

describe('the decks’ tents', () => {
  it('h̃[1] rises on [0, 1] and falls on [1, 2]; h̃[2] does the same on [0, ½], [½, 1]', () => {
    expect([0, 0.5, 1, 1.5, 2].map(tentOnZeroTwo)).toEqual([0, 0.5, 1, 0.5, 0]);
    expect([0, 0.25, 0.5, 0.75, 1].map(tent)).toEqual([0, 0.5, 1, 0.5, 0]);
  });
});

describe('tentComposition', () => {
  it('composing the tent k times gives exactly 2^k pieces on [0, 1], k = 1…10, from 2k units', () => {
    for (let k = 1; k <= 10; k++) {
      const t = tentComposition(k);
      expect(t.pieces.pieces).toBe(2 ** k);
      expect(t.units).toBe(2 * k);
      expect(t.oneLayerMax).toBe(2 * k + 1);
    }
  });
  it('has its kinks at the multiples of 2^−k and alternates between 0 and 1 there', () => {
    for (let k = 1; k <= 6; k++) {
      const t = tentComposition(k);
      expect(t.pieces.breakpoints.map((x) => Math.round(x * 2 ** k))).toEqual(Array.from({ length: 2 ** k - 1 }, (_, i) => i + 1));
      const v = vertices(t.pieces);
      expect(v).toHaveLength(2 ** k + 1);
      v.forEach((p, i) => {
        expect(p.x).toBeCloseTo(i / 2 ** k, 12);
        expect(p.y).toBeCloseTo(i % 2, 12);
      });
      expect(breakpointVertices(t.pieces)).toHaveLength(2 ** k - 1);
    }
  });
  it('agrees with a brute-force count on a fine grid (tents: grid of 2^14 cells)', () => {
    for (let k = 1; k <= 10; k++) expect(bruteForcePieces(tentComposition(k).model, 0, 1, 2 ** 14)).toBe(2 ** k);
  });
  it('agrees with a brute-force count on random shallow and deep ReLU networks', () => {
    const shapes = [[12], [4, 4, 4], [8, 8], [3, 3, 3, 3], [24]];
    for (const hidden of shapes) {
      for (let seed = 1; seed <= 3; seed++) {
        const model = createModel({ inputs: 1, hidden: hidden.map((units) => ({ units, activation: 'relu' })), outputs: 1, loss: 'mse' }, seed);
        for (const layer of model.layers) for (let j = 0; j < layer.b.length; j++) layer.b[j] = Math.sin(7 * j + seed) * 0.8;
        // Kinks of these nets are at least 5e-4 apart; cells of 1e-4 keep them in separate cells.
        const exact = countLinearPieces(model, -2, 2).pieces;
        expect(exact).toBeGreaterThan(2);
        expect(bruteForcePieces(model, -2, 2, 40_000)).toBe(exact);
      }
    }
  });
  it('rejects k outside 1…10', () => {
    expect(() => tentComposition(0)).toThrow(/from 1 to 10/);
    expect(() => tentComposition(11)).toThrow(/from 1 to 10/);
  });
});

describe('fit settings', () => {
  const base = { targetK: 3, units: 12, depth: 3, eta: 0.01, seed: 1 };
  it('splits the same units into one layer or `depth` equal layers', () => {
    expect(fitShapes(base)).toEqual({ shallow: [12], deep: [4, 4, 4] });
    expect(fitShapes({ ...base, units: 16, depth: 2 })).toEqual({ shallow: [16], deep: [8, 8] });
  });
  it('samples the zig-zag T^k at 256 points', () => {
    const data = zigzagData(3);
    expect(data.inputs).toHaveLength(256);
    expect((data.targets as number[][])[0]).toEqual([0]);
    // T³ at x = 1/8 is 1 (the first peak); the nearest sample is 32/255.
    expect((data.targets as number[][])[32]![0]).toBeCloseTo(1 - 8 * Math.abs(32 / 255 - 1 / 8), 12);
  });
  it('explains settings it cannot use', () => {
    expect(fitProblem({ ...base, units: 16, depth: 3 })).toMatch(/do not split evenly/);
    expect(fitProblem({ ...base, targetK: 7 })).toMatch(/teeth/);
    expect(fitProblem({ ...base, eta: -1 })).toMatch(/learning rate/);
    expect(() => fitConfigs({ ...base, units: 10 })).toThrow(/8, 12, 16 or 24/);
    expect(fitProblem(base)).toBeNull();
  });
});
