import { describe, expect, it } from 'vitest';
import {
  DECK_RELU,
  boundaries,
  classAt,
  describeClassOne,
  hiddenAt,
  linearPieces,
  positiveIntervals,
  sampleCurves,
  sumAt,
} from '@widgets/lesson1/relu-merge/model';

describe("the decks' ReLU hidden-node example f(x) = u(h1 − 2h2 + 3h3 − 0.1)", () => {
  it('hidden units are ReLU(x), ReLU(x − 0.2), ReLU(x − 0.55)', () => {
    expect(hiddenAt(DECK_RELU, 0.4)).toEqual([0.4, 0.4 - 0.2, 0]);
    expect(hiddenAt(DECK_RELU, -1)).toEqual([0, 0, 0]);
  });
  it('s(x) matches the hand-worked pieces −0.1, x − 0.1, 0.3 − x, 2x − 1.35', () => {
    for (const x of [-2, -0.5]) expect(sumAt(DECK_RELU, x)).toBeCloseTo(-0.1, 12);
    for (const x of [0.05, 0.15]) expect(sumAt(DECK_RELU, x)).toBeCloseTo(x - 0.1, 12);
    for (const x of [0.25, 0.5]) expect(sumAt(DECK_RELU, x)).toBeCloseTo(0.3 - x, 12);
    for (const x of [0.6, 2]) expect(sumAt(DECK_RELU, x)).toBeCloseTo(2 * x - 1.35, 12);
  });
  it('linearPieces gives those four pieces with their slopes and intercepts', () => {
    const pieces = linearPieces(DECK_RELU);
    expect(pieces.map((p) => [p.from, p.to])).toEqual([
      [-Infinity, 0],
      [0, 0.2],
      [0.2, 0.55],
      [0.55, Infinity],
    ]);
    const expected = [
      [0, -0.1],
      [1, -0.1],
      [-1, 0.3],
      [2, -1.35],
    ];
    pieces.forEach((p, i) => {
      expect(p.slope).toBeCloseTo(expected[i]![0]!, 12);
      expect(p.intercept).toBeCloseTo(expected[i]![1]!, 12);
    });
  });
  it('the decision boundaries are x = 0.1, 0.3 and 0.675', () => {
    const b = boundaries(DECK_RELU);
    expect(b).toHaveLength(3);
    [0.1, 0.3, 0.675].forEach((x, i) => expect(b[i]).toBeCloseTo(x, 12));
  });
  it('class 1 is (0.1, 0.3) ∪ (0.675, ∞), two separate pieces', () => {
    const iv = positiveIntervals(DECK_RELU);
    expect(iv).toHaveLength(2);
    expect(iv[0]![0]).toBeCloseTo(0.1, 12);
    expect(iv[0]![1]).toBeCloseTo(0.3, 12);
    expect(iv[1]![0]).toBeCloseTo(0.675, 12);
    expect(iv[1]![1]).toBe(Infinity);
    expect(describeClassOne(DECK_RELU)).toBe('f(x) = 1 on (0.1, 0.3) and (0.675, ∞), and 0 elsewhere');
  });
  it('classAt agrees with the intervals on either side of every boundary', () => {
    for (const [x, c] of [
      [0.09, 0],
      [0.11, 1],
      [0.29, 1],
      [0.31, 0],
      [0.67, 0],
      [0.68, 1],
    ] as const) {
      expect(classAt(DECK_RELU, x)).toBe(c);
    }
  });
  it('the caption’s sum h1 + h2 + h3 − 0.1 would have a single boundary at x = 0.1', () => {
    const caption = { ...DECK_RELU, weights: [1, 1, 1] };
    expect(boundaries(caption)).toEqual([0.1]);
  });
});

describe('other networks', () => {
  it('a positive constant is class 1 everywhere; a negative one nowhere', () => {
    expect(describeClassOne({ kinks: [], weights: [], bias: 1 })).toBe('f(x) = 1 everywhere');
    expect(describeClassOne({ kinks: [], weights: [], bias: -1 })).toBe('f(x) = 0 everywhere');
  });
  it('kinks out of order are sorted; repeated kinks merge', () => {
    const net = { kinks: [0.5, 0, 0.5], weights: [-1, 1, -1], bias: -0.2 };
    // s = x − 0.2 on [0, 0.5), then x − 0.2 − 2(x − 0.5) = 0.8 − x: positive on (0.2, 0.8).
    const iv = positiveIntervals(net);
    expect(iv).toHaveLength(1);
    expect(iv[0]![0]).toBeCloseTo(0.2, 12);
    expect(iv[0]![1]).toBeCloseTo(0.8, 12);
  });
  it('s touching zero at a kink without crossing is not a boundary', () => {
    // s = ReLU(x) − 2 ReLU(x − 1) − 1 is −1, then x − 1 on [0, 1), then 1 − x: it touches 0 at x = 1
    // and goes back down, so f = 0 everywhere.
    const net = { kinks: [0, 1], weights: [1, -2], bias: -1 };
    expect(positiveIntervals(net)).toEqual([]);
    expect(boundaries(net)).toEqual([]);
  });
  it('sampled curves include every kink so corners are drawn sharp', () => {
    const xs = sampleCurves(DECK_RELU, [-0.2, 1], 11).map((p) => p.x);
    for (const t of [0, 0.2, 0.55]) expect(xs).toContain(t);
  });
});
