// The softmax-regression widget's claims, checked on the engine with the widget's own config and
// seeds: it learns the three blobs, the class gradients always sum to zero (so the average
// weight vector never moves), each w_c turns towards its class, and the gradient the arrows show
// is (p_c − 1[y = c]) x averaged over the points, computed here by hand.
import { describe, expect, it } from 'vitest';
import { Trainer } from '@engine';
import widget from '@widgets/lesson3/softmax-regression.widget';
import { classArrows, DEFAULT_SETTINGS, gradientNorm, gradientSum, trainerConfig, type Points } from '@widgets/lesson3/regression/model';
import { arrowSegments, chartExtent, gradientRows } from '@widgets/lesson3/regression/view';
import { defaultValues } from '@widgets/kit/params';

const run = (seed: number) => new Trainer(trainerConfig(DEFAULT_SETTINGS, seed));
const trainPoints = (t: Trainer): Points => ({ n: t.data.train.n, x: t.data.train.x, y: t.data.train.y });
const outputLayer = (t: Trainer) => t.snapshot().model.layers[0]!;

describe('the widget declaration', () => {
  it('trains softmax regression (no hidden layer) with the lesson defaults', () => {
    const config = widget.trainers[0]!.config(defaultValues(widget.params), 1);
    expect(config).toEqual(trainerConfig(DEFAULT_SETTINGS, 1));
    expect(config.network.hidden).toEqual([]);
    expect(config.optimizer).toEqual({ kind: 'sgd', eta: 0.1 });
  });
});

describe('training on the three blobs', () => {
  for (const seed of [1, 2, 3]) {
    it(`learns them (seed ${seed}): accuracy ≥ 95% after 20 epochs, loss falling`, () => {
      const t = run(seed);
      const losses = [t.evaluate().trainLoss];
      for (const epochs of [1, 4, 15]) losses.push(t.runEpochs(epochs).trainLoss);
      for (let i = 1; i < losses.length; i++) expect(losses[i]).toBeLessThan(losses[i - 1]!);
      expect(t.metrics.trainAccuracy).toBeGreaterThanOrEqual(0.95);
      expect(t.metrics.valAccuracy).toBeGreaterThanOrEqual(0.9);
    });
  }

  it('keeps the class gradients summing to zero and the average weight vector fixed', () => {
    const t = run(1);
    const mean = (rows: number[][]) => [0, 1].map((k) => rows.reduce((s, r) => s + r[k]!, 0) / rows.length);
    const start = mean(outputLayer(t).weights);
    for (let e = 0; e < 5; e++) {
      t.runEpochs(2);
      const { arrows } = classArrows(outputLayer(t), trainPoints(t));
      const sum = gradientSum(arrows);
      expect(Math.abs(sum.w[0]) + Math.abs(sum.w[1]) + Math.abs(sum.b)).toBeLessThan(1e-12);
      mean(outputLayer(t).weights).forEach((v, k) => expect(v).toBeCloseTo(start[k]!, 12));
    }
  });

  it('turns each w_c (relative to the average) towards its class centre, at 0°, 120° and 240°', () => {
    const t = run(1);
    t.runEpochs(20);
    const W = outputLayer(t).weights;
    const m = [0, 1].map((k) => W.reduce((s, r) => s + r[k]!, 0) / 3);
    W.forEach((row, c) => {
      const angle = Math.atan2(row[1]! - m[1]!, row[0]! - m[0]!);
      const centre = (2 * Math.PI * c) / 3;
      const diff = Math.abs(Math.atan2(Math.sin(angle - centre), Math.cos(angle - centre)));
      expect(diff * (180 / Math.PI)).toBeLessThan(15);
    });
  });

  it('shrinks the gradient as it learns', () => {
    const t = run(1);
    const norm = () => gradientNorm(classArrows(outputLayer(t), trainPoints(t)).arrows);
    const before = norm();
    t.runEpochs(10);
    const after = norm();
    expect(after).toBeLessThan(before / 5);
  });
});

describe('classArrows', () => {
  it('is the mean of (p_c − 1[y = c]) x over the points, computed by hand', () => {
    const layer = { weights: [[0.5, -0.2], [-0.3, 0.8], [0.1, 0.1]], biases: [0.1, 0, -0.2] };
    const points = { n: 3, x: [1, 2, -1, 0.5, 0.3, -2], y: [0, 2, 1] };
    const { loss, arrows } = classArrows(layer, points);
    const grad = [[0, 0], [0, 0], [0, 0]];
    const gb = [0, 0, 0];
    let L = 0;
    for (let i = 0; i < 3; i++) {
      const x = [points.x[2 * i]!, points.x[2 * i + 1]!];
      const z = layer.weights.map((w, c) => w[0]! * x[0]! + w[1]! * x[1]! + layer.biases[c]!);
      const e = z.map(Math.exp);
      const s = e[0]! + e[1]! + e[2]!;
      L -= Math.log(e[points.y[i]!]! / s) / 3;
      for (let c = 0; c < 3; c++) {
        const err = e[c]! / s - (c === points.y[i] ? 1 : 0);
        grad[c]![0]! += (err * x[0]!) / 3;
        grad[c]![1]! += (err * x[1]!) / 3;
        gb[c]! += err / 3;
      }
    }
    expect(loss).toBeCloseTo(L, 14);
    arrows.forEach((a, c) => {
      expect(a.gradW[0]).toBeCloseTo(grad[c]![0]!, 14);
      expect(a.gradW[1]).toBeCloseTo(grad[c]![1]!, 14);
      expect(a.gradB).toBeCloseTo(gb[c]!, 14);
      expect(a.w).toEqual(layer.weights[c]);
    });
  });
});

describe('the arrows view', () => {
  const arrows = [
    { c: 0, w: [1, 0] as [number, number], b: 0, gradW: [-0.2, 0.1] as [number, number], gradB: 0 },
    { c: 1, w: [0, 1] as [number, number], b: 0, gradW: [0.2, -0.1] as [number, number], gradB: 0 },
  ];
  it('draws w_c from the origin and −scale·∂L/∂w_c from its tip', () => {
    const s = arrowSegments(arrows, 5);
    expect(s[0]).toMatchObject({ kind: 'weight', x1: 0, y1: 0, x2: 1, y2: 0, label: 'w₁' });
    expect(s[1]).toMatchObject({ kind: 'update', x1: 1, y1: 0, label: '−5·∂L/∂w₁' });
    expect(s[1]!.x2).toBeCloseTo(2, 15);
    expect(s[1]!.y2).toBeCloseTo(-0.5, 15);
  });
  it('frames every point and arrow tip, at least ±4', () => {
    expect(chartExtent({ n: 1, x: [0.5, 0.5], y: [0] }, arrowSegments(arrows, 1))).toBe(4.5);
    expect(chartExtent({ n: 1, x: [-9, 0], y: [0] }, [])).toBeGreaterThanOrEqual(9);
  });
  it('ends the table with the sums over classes', () => {
    const rows = gradientRows(arrows);
    const sum = rows.at(-1)!;
    expect(sum.key).toBe('sum');
    expect(sum.cells.find((c) => c.key === 'gw-sum-0')!.value).toBeCloseTo(0, 15);
    expect(sum.cells.find((c) => c.key === 'w-sum-1')!.value).toBe(1);
  });
});
