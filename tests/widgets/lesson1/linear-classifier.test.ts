import { describe, expect, it } from 'vitest';
import {
  DECK_EXAMPLE,
  THIRD_CLASS,
  boundaryCoefficients,
  boundaryEquation,
  boundarySegments,
  classify,
  parameterCount,
  regionLabels,
  scores,
  type BoundarySegment,
  type Point,
} from '@widgets/lesson1/linear-classifier/model';

const close = (p: Point, q: readonly [number, number]) => {
  expect(p[0]).toBeCloseTo(q[0], 9);
  expect(p[1]).toBeCloseTo(q[1], 9);
};
/** The segment's end points, in either order, match the expected pair. */
const sameSegment = (s: BoundarySegment, a: readonly [number, number], b: readonly [number, number]) => {
  const forward = Math.hypot(s.from[0] - a[0], s.from[1] - a[1]) < 1e-9;
  close(forward ? s.from : s.to, a);
  close(forward ? s.to : s.from, b);
};

describe('the deck worked example w1 = [0, 2, 1], w2 = [0, 1, 2]', () => {
  it('scores are 2x1 + x2 and x1 + 2x2 (2.5 and 2 at (1, 0.5))', () => {
    expect(scores(DECK_EXAMPLE, 1, 0.5)).toEqual([2.5, 2]);
    expect(scores(DECK_EXAMPLE, 0, 1)).toEqual([1, 2]);
  });
  it('(1, 0.5) is class 1 and (0, 1) is class 2 (0-based: 0 and 1)', () => {
    expect(classify(DECK_EXAMPLE, 1, 0.5)).toBe(0);
    expect(classify(DECK_EXAMPLE, 0, 1)).toBe(1);
  });
  it('the boundary (w2 − w1)ᵀx = 0 has coefficients [0, −1, 1]: the diagonal x2 = x1', () => {
    expect(boundaryCoefficients(DECK_EXAMPLE, 0, 1)).toEqual([0, -1, 1]);
    expect(boundaryEquation(DECK_EXAMPLE, 0, 1)).toBe('−x₁ + x₂ = 0');
  });
  it('the visible boundary runs corner to corner of the [−3, 3]² view', () => {
    const segs = boundarySegments(DECK_EXAMPLE);
    expect(segs).toHaveLength(1);
    sameSegment(segs[0]!, [-3, -3], [3, 3]);
  });
  it('class 1 owns exactly the half below the diagonal', () => {
    const labels = regionLabels(DECK_EXAMPLE, undefined, 40);
    // Of the 40 × 40 cell centres, the 40 with i = j lie on the diagonal, tie, and go to the
    // lower index (class 1); the other 1560 split evenly, 780 on each side.
    const total = labels.reduce((s, l) => s + l.share, 0);
    expect(total).toBeCloseTo(1, 12);
    expect(labels[0]!.share).toBeCloseTo(820 / 1600, 12);
    expect(labels[1]!.share).toBeCloseTo(780 / 1600, 12);
    expect(labels[0]!.at[0]).toBeGreaterThan(labels[0]!.at[1]);
  });
  it('has v(d + 1) = 6 parameters', () => {
    expect(parameterCount(2, 2)).toBe(6);
    expect(parameterCount(10, 784)).toBe(7850);
  });
});

describe('three classes: adding w3 = [0, −1, −1]', () => {
  const W = [...DECK_EXAMPLE, THIRD_CLASS];
  it('gives three rays from the origin, found by hand', () => {
    const segs = boundarySegments(W);
    expect(segs.map((s) => [s.k, s.l])).toEqual([
      [0, 1],
      [0, 2],
      [1, 2],
    ]);
    // 1|2 on x2 = x1 where 3t ≥ −2t, i.e. t ≥ 0: from the origin to (3, 3).
    sameSegment(segs[0]!, [0, 0], [3, 3]);
    // 1|3 on 3x1 + 2x2 = 0 where x1 ≥ x2, i.e. x1 ≥ 0: from the origin to (2, −3).
    sameSegment(segs[1]!, [0, 0], [2, -3]);
    // 2|3 on 2x1 + 3x2 = 0 where x2 ≥ x1, i.e. x2 ≥ 0: from the origin to (−3, 2).
    sameSegment(segs[2]!, [0, 0], [-3, 2]);
  });
  it('puts (−1, −1) in class 3', () => {
    expect(classify(W, -1, -1)).toBe(2);
  });
});

describe('edge cases', () => {
  it('a bias moves the line without turning it: b2 = 1 gives x2 = x1 − 1', () => {
    const W = [DECK_EXAMPLE[0]!, [1, 1, 2] as const];
    expect(boundaryEquation(W, 0, 1)).toBe('−x₁ + x₂ + 1 = 0');
    const [seg] = boundarySegments(W);
    sameSegment(seg!, [-2, -3], [3, 2]);
  });
  it('equal weights (parallel score planes) have no boundary line', () => {
    expect(boundarySegments([[0, 1, 1], [2, 1, 1]])).toEqual([]);
    expect(classify([[0, 1, 1], [2, 1, 1]], 0, 0)).toBe(1);
  });
  it('a boundary outside the view is not drawn', () => {
    expect(boundarySegments([[0, 0, 0], [10, 1, 0]])).toEqual([]);
  });
  it('a class that wins nowhere gets no boundary and no label', () => {
    const W = [[0, 1, 0], [0, -1, 0], [-100, 0, 0]] as const;
    expect(boundarySegments(W).map((s) => [s.k, s.l])).toEqual([[0, 1]]);
    expect(regionLabels(W).map((l) => l.k)).toEqual([0, 1]);
  });
});
