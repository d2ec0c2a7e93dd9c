// The walk-through against the lesson's numbers and against an independent hand-written forward
// pass: each stage is the chain rule written out with loops, and ∂L/∂W₁ also matches central
// finite differences of that hand-written loss.
import { describe, expect, it } from 'vitest';
import { lossAndGradients, modelFromJSON } from '@engine';
import { WALKTHROUGH_EXAMPLE, WALKTHROUGH_NETWORK, walkthrough } from '@widgets/lesson3/backprop/model';
import { describeStage, stageLines } from '@widgets/lesson3/backprop/view';

const W1 = [[1, -1], [0.5, 1], [-1, 0.5]];
const b1 = [0, 0, 0.5];
const W2 = [[0.5, 0.5, -1], [-1, 1, 0.5], [1, -1, 0]];

/** The lesson's network written out by hand: L(x, y) for given first-layer weights. */
function handLoss(x: number[], y: number, w1 = W1): number {
  const h = w1.map((row, j) => Math.max(0, row[0]! * x[0]! + row[1]! * x[1]! + b1[j]!));
  const z = W2.map((row) => row.reduce((s, w, j) => s + w * h[j]!, 0));
  const s = z.reduce((a, v) => a + Math.exp(v), 0);
  return Math.log(s) - z[y]!;
}

describe('walkthrough', () => {
  const w = walkthrough(WALKTHROUGH_EXAMPLE.x, WALKTHROUGH_EXAMPLE.y);
  const round = (v: number[]) => v.map((x) => Number(x.toFixed(4)));

  it('reproduces the forward pass printed in the lesson', () => {
    expect(w.z1).toEqual([1, 2, -1]);
    expect(w.h1).toEqual([1, 2, 0]);
    expect(w.z2).toEqual([1.5, 1, -1]);
    expect(round(w.p)).toEqual([0.5922, 0.3592, 0.0486]);
    expect(w.loss).toBeCloseTo(handLoss([2, 1], 1), 14);
    expect(w.loss.toFixed(4)).toBe('1.0239');
  });

  it('computes each backward stage as the chain rule says', () => {
    const y = [0, 1, 0];
    w.dz2.forEach((g, k) => expect(g).toBeCloseTo(w.p[k]! - y[k]!, 15));
    for (let j = 0; j < 3; j++) {
      let sum = 0;
      for (let k = 0; k < 3; k++) sum += w.dz2[k]! * W2[k]![j]!;
      expect(w.dh1[j]).toBeCloseTo(sum, 14);
      expect(w.dz1[j]).toBeCloseTo(sum * (w.z1[j]! > 0 ? 1 : 0), 14);
      for (let k = 0; k < 2; k++) expect(w.dW1[j]![k]).toBeCloseTo(w.dz1[j]! * w.x[k]!, 14);
    }
    expect(round(w.dz2)).toEqual([0.5922, -0.6408, 0.0486]);
    expect(round(w.dh1)).toEqual([0.9855, -0.3933, -0.9126]);
    expect(round(w.dz1)).toEqual([0.9855, -0.3933, 0]);
    expect(w.dW1.map(round)).toEqual([[1.971, 0.9855], [-0.7866, -0.3933], [0, 0]]);
  });

  it('matches central finite differences of the hand-written loss', () => {
    const eps = 1e-6;
    for (let j = 0; j < 3; j++) {
      for (let k = 0; k < 2; k++) {
        const plus = W1.map((r) => [...r]);
        const minus = W1.map((r) => [...r]);
        plus[j]![k]! += eps;
        minus[j]![k]! -= eps;
        const numeric = (handLoss([2, 1], 1, plus) - handLoss([2, 1], 1, minus)) / (2 * eps);
        expect(w.dW1[j]![k]).toBeCloseTo(numeric, 8);
      }
    }
  });

  it('agrees with the engine’s full backward pass', () => {
    for (const [x, y] of [[[2, 1], 1], [[-0.5, 1.5], 0], [[1, -3], 2]] as const) {
      const staged = walkthrough([...x], y);
      const { gradients } = lossAndGradients(modelFromJSON(WALKTHROUGH_NETWORK), [[...x]], [y]);
      expect(staged.dW1).toEqual(gradients.layers[0]!.weights);
      expect(staged.db1).toEqual(gradients.layers[0]!.biases);
      expect(staged.dW2).toEqual(gradients.layers[1]!.weights);
      expect(staged.db2).toEqual(gradients.layers[1]!.biases);
    }
  });

  it('blocks the gradient at a unit that is off', () => {
    expect(w.step).toEqual([1, 1, 0]);
    expect(w.dh1[2]).not.toBe(0);
    // −0.9126 × 0 is −0 in floating point; its size is what matters.
    expect(Math.abs(w.dz1[2]!)).toBe(0);
    expect(w.dW1[2]!.map(Math.abs)).toEqual([0, 0]);
  });
});

describe('stage text', () => {
  const w = walkthrough(WALKTHROUGH_EXAMPLE.x, WALKTHROUGH_EXAMPLE.y);
  it('writes out the sum for ∂L/∂h₁ with the example’s numbers', () => {
    expect(stageLines(w, 'dh1')[0]).toBe('∂L/∂h₁₁ = 0.500·0.592 + (−1.000)·(−0.641) + 1.000·0.049 = 0.986');
  });
  it('describes every stage in words for the chart’s text alternative', () => {
    expect(describeStage(w, 'forward')).toContain('loss 1.024');
    expect(describeStage(w, 'dW1')).toContain('(1.971, 0.986)');
  });
});
