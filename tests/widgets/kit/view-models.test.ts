import { describe, expect, it } from 'vitest';
import { confidence, decisionMapPixels, hexToRgb, regionShares, type DecisionMapStyle } from '@widgets/kit/view-models/decision-map';
import { binValues, niceBound, stickyBound, weightHistogram, nearZeroShare } from '@widgets/kit/view-models/histogram';
import { edgeWidth, layoutNetwork, nearestEdge, NEGATIVE_DASH, segmentDistance2 } from '@widgets/kit/view-models/network-diagram';
import { signColors } from '@lib/palette';

const style: DecisionMapStyle = {
  colors: [
    [50, 0, 150],
    [0, 100, 200],
  ],
  background: [250, 250, 250],
  minAlpha: 0.2,
  maxAlpha: 0.8,
  boundaryStrength: 0,
  boundary: [0, 0, 0],
};

const pixel = (px: Uint8ClampedArray, i: number) => Array.from(px.slice(i * 4, i * 4 + 4));

describe('decision map colouring from probabilities', () => {
  it('confidence is 0 at a tie and 1 when sure', () => {
    expect(confidence(0.5, 2)).toBe(0);
    expect(confidence(1 / 3, 3)).toBeCloseTo(0, 12);
    expect(confidence(1, 3)).toBe(1);
    expect(confidence(0.75, 2)).toBe(0.5);
  });

  it('blends the winning class colour into the background by confidence (hand computed)', () => {
    // Cell 0: p = (0.75, 0.25): class 0, c = 0.5, a = 0.2 + 0.6·0.5 = 0.5 → ½·250 + ½·(50, 0, 150) = (150, 125, 200).
    // Cell 1: p = (0.1, 0.9): class 1, c = 0.8, a = 0.68 → 0.32·250 + 0.68·(0, 100, 200) = (80, 148, 216).
    const px = decisionMapPixels([0.75, 0.25, 0.1, 0.9], 2, 2, 1, style);
    expect(pixel(px, 0)).toEqual([150, 125, 200, 255]);
    expect(pixel(px, 1)).toEqual([80, 148, 216, 255]);
  });

  it('reads one sigmoid output as p(class 1)', () => {
    // p1 = 0.1 → class 0 with p_max 0.9, c = 0.8 → a = 0.68 → (0.32·250 + 0.68·50, 0.32·250, 0.32·250 + 0.68·150) = (114, 80, 182).
    const px = decisionMapPixels([0.1], 1, 1, 1, style);
    expect(pixel(px, 0)).toEqual([114, 80, 182, 255]);
  });

  it('puts the first grid row (lowest y) at the bottom of the image', () => {
    // Grid 1×2: bottom cell sure of class 0, top cell sure of class 1.
    const px = decisionMapPixels([1, 0, 0, 1], 2, 1, 2, { ...style, minAlpha: 1, maxAlpha: 1 });
    expect(pixel(px, 0)).toEqual([0, 100, 200, 255]); // top pixel row: class 1
    expect(pixel(px, 1)).toEqual([50, 0, 150, 255]); // bottom: class 0
  });

  it('darkens cells where the class changes (the boundary), not inside a region', () => {
    const s = { ...style, minAlpha: 1, maxAlpha: 1, boundaryStrength: 1 };
    // Row of three: classes 0, 0, 1 → only the middle cell (whose right neighbour differs) is boundary.
    const px = decisionMapPixels([1, 0, 1, 0, 0, 1], 2, 3, 1, s);
    expect(pixel(px, 0)).toEqual([50, 0, 150, 255]);
    expect(pixel(px, 1)).toEqual([0, 0, 0, 255]);
    expect(pixel(px, 2)).toEqual([0, 100, 200, 255]);
  });

  it('counts the share of cells each class wins', () => {
    expect(regionShares([0.9, 0.1, 0.2, 0.8, 0.6, 0.4, 0.7, 0.3], 2, 4)).toEqual([0.75, 0.25]);
  });

  it('parses palette hex colours', () => {
    expect(hexToRgb('#0072B2')).toEqual([0, 114, 178]);
    expect(hexToRgb('#fff')).toEqual([255, 255, 255]);
    expect(() => hexToRgb('red')).toThrow();
  });
});

describe('weight histogram binning (hand counts)', () => {
  it('counts values into equal bins, clamping the ends and skipping NaN', () => {
    // Bins over [−1, 1] in 4: [−1, −0.5), [−0.5, 0), [0, 0.5), [0.5, 1].
    // −1 → 0; −0.5 → 1; 0, 0.2 → 2; 0.99, 1, 3 (clamped) → 3; NaN skipped.
    const bins = binValues([-1, -0.5, 0, 0.2, 0.99, 1, 3, Number.NaN], -1, 1, 4);
    expect(bins.map((b) => b.count)).toEqual([1, 1, 2, 3]);
    expect(bins.map((b) => [b.x0, b.x1])).toEqual([
      [-1, -0.5],
      [-0.5, 0],
      [0, 0.5],
      [0.5, 1],
    ]);
  });

  it('an odd number of bins puts one bin centred on zero', () => {
    const bins = weightHistogram([0, 0.01, -0.01, 0.9], 1, 4);
    expect(bins).toHaveLength(5);
    const mid = bins[2]!;
    expect(mid.x0).toBeCloseTo(-0.2, 12);
    expect(mid.x1).toBeCloseTo(0.2, 12);
    expect(mid.count).toBe(3);
  });

  it('nice bounds are 1, 2 or 5 × 10^e', () => {
    expect(niceBound(0.3)).toBe(0.5);
    expect(niceBound(1)).toBe(1);
    expect(niceBound(1.2)).toBe(2);
    expect(niceBound(7)).toBe(10);
    expect(niceBound(0.05)).toBeCloseTo(0.05, 15);
    expect(niceBound(0)).toBe(1);
  });

  it('the axis grows with the weights but does not shrink', () => {
    expect(stickyBound(0, [0.3, -0.4])).toBe(0.5);
    expect(stickyBound(0.5, [0.1])).toBe(0.5);
    expect(stickyBound(0.5, [-1.5])).toBe(2);
  });

  it('measures sparsity as the share of weights near zero', () => {
    expect(nearZeroShare([0, 0.001, 0.5, -0.002], 0.01)).toBe(0.75);
  });
});

describe('network diagram geometry', () => {
  // 2 inputs → 1 hidden unit (weights 1, −2) → 1 output (weight 0.5).
  const layers = [
    { weights: [[1, -2]], biases: [0.5] },
    { weights: [[0.5]], biases: [0] },
  ];
  const d = layoutNetwork(2, layers, { minWidth: 1, maxWidth: 5 });

  it('has one dot per unit and one edge per weight', () => {
    expect(d.nodes).toHaveLength(4);
    expect(d.edges).toHaveLength(3);
    expect(d.columns).toEqual([2, 1, 1]);
    expect(d.truncated).toBe(false);
  });

  it('scales widths by |w| / max|w| between min and max (hand computed: max |w| = 2)', () => {
    expect(d.maxAbs).toBe(2);
    // width = 1 + 4·|w|/2: w = 1 → 3, w = −2 → 5, w = 0.5 → 2.
    expect(d.edges.map((e) => e.width)).toEqual([3, 5, 2]);
    expect(edgeWidth(0, 2, 1, 5)).toBe(1);
  });

  it('tells the sign by colour and by dash', () => {
    const neg = d.edges.find((e) => e.weight < 0)!;
    const pos = d.edges.find((e) => e.weight > 0)!;
    expect(neg.color).toBe(signColors.negative);
    expect(neg.dash).toBe(NEGATIVE_DASH);
    expect(pos.color).toBe(signColors.positive);
    expect(pos.dash).toBe('none');
  });

  it('places columns left to right and keeps the biases on their units', () => {
    const xs = [...new Set(d.nodes.map((n) => n.x))];
    expect(xs).toEqual([0.06, 0.5, 0.94]);
    expect(d.nodes.find((n) => n.column === 1)!.bias).toBe(0.5);
    expect(d.nodes.find((n) => n.column === 0)!.bias).toBeUndefined();
  });

  it('draws at most maxUnits per column and says so', () => {
    const wide = layoutNetwork(3, [{ weights: Array.from({ length: 10 }, () => [1, 1, 1]), biases: new Array(10).fill(0) }], { maxUnits: 4 });
    expect(wide.truncated).toBe(true);
    expect(wide.edges).toHaveLength(3 * 4);
  });

  it('finds the edge nearest a point, within a radius', () => {
    expect(segmentDistance2(0, 1, 0, 0, 2, 0)).toBe(1);
    expect(segmentDistance2(3, 0, 0, 0, 2, 0)).toBe(1);
    const e = d.edges[2]!; // hidden → output, horizontal at y = 0.5
    expect(nearestEdge(d.edges, (e.x1 + e.x2) / 2, e.y1 + 0.01, 0.05)).toBe(2);
    expect(nearestEdge(d.edges, 0.5, 0.0, 0.01)).toBe(-1);
  });
});
