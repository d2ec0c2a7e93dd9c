import { describe, expect, it } from 'vitest';
import { curvePoints, curvesPlotOptions, MAX_POINTS, spreadLabels } from '@widgets/kit/views/loss-curves';
import { clampTo, yDomain } from '@widgets/kit/views/fitted-curve';
import { allWeights } from '@widgets/kit/views/weight-histogram';
import { newTrainerState, type TrainerState } from '@widgets/kit/state';
import { hiddenOf } from '@widgets/kit/config';
import type { Theme } from '@widgets/kit/views/chart';

const theme: Theme = {
  fg: '#111111',
  fgSoft: '#555555',
  bg: '#ffffff',
  border: '#cccccc',
  accent: '#005a8c',
  bgRgb: [255, 255, 255],
  fgRgb: [17, 17, 17],
  dark: false,
  classColors: ['#0072B2', '#E69F00'],
  series: ['#0072B2', '#D55E00'],
};

function trainer(id: string, loss: number[], valLoss: number[] = []): TrainerState {
  const t = newTrainerState(id, id.toUpperCase());
  t.history.epoch = loss.map((_, i) => i);
  t.history.loss = loss;
  t.history.valLoss = valLoss.length ? valLoss : loss.map(() => Number.NaN);
  t.history.accuracy = loss.map(() => 0.5);
  t.history.valAccuracy = loss.map(() => Number.NaN);
  t.data = {
    task: 'regression',
    inputs: 1,
    outputs: 1,
    classes: 0,
    train: { n: 3, x: Float64Array.from([0, 1, 2]), y: Float64Array.from([-1, 0, 3]) },
    validation: { n: valLoss.length ? 1 : 0, x: Float64Array.from([1]), y: Float64Array.from([0.5]) },
    test: { n: 0, x: new Float64Array(0), y: new Float64Array(0) },
  };
  return t;
}

describe('loss curves from hand-made histories', () => {
  it('drop non-finite values (a diverged run never draws NaN) and non-positive ones on a log scale', () => {
    const t = trainer('a', [1, Number.NaN, 0.5, 0, Infinity]);
    expect(curvePoints(t, 'train', 'loss', false, 's').map((p) => p.value)).toEqual([1, 0.5, 0]);
    expect(curvePoints(t, 'train', 'loss', true, 's').map((p) => p.value)).toEqual([1, 0.5]);
  });

  it('show accuracy in percent', () => {
    expect(curvePoints(trainer('a', [1, 2]), 'train', 'accuracy', false, 's').map((p) => p.value)).toEqual([50, 50]);
  });

  it('thin long histories to at most MAX_POINTS, keeping the last epoch', () => {
    const long = trainer('a', Array.from({ length: 5000 }, (_, i) => 1 / (i + 1)));
    const pts = curvePoints(long, 'train', 'loss', false, 's');
    expect(pts.length).toBeLessThanOrEqual(MAX_POINTS);
    expect(pts[pts.length - 1]!.epoch).toBe(4999);
  });

  it('give each trainer a colour and a legend entry per split it has, and say the numbers in words', () => {
    const { legend, summary, plot } = curvesPlotOptions([trainer('a', [2, 1], [2.5, 1.5]), trainer('b', [3, 2.5])], {
      metric: 'loss',
      log: true,
      validation: true,
      markBest: false,
      width: 400,
      height: 200,
      theme,
    });
    // B has no validation set, so no validation entry.
    expect(legend.map((l) => l.text)).toEqual(['A training loss', 'A validation loss', 'B training loss']);
    expect(legend.map((l) => l.color)).toEqual(['#0072B2', '#0072B2', '#D55E00']);
    expect(legend[1]!.dash).not.toBe('none');
    expect(summary).toContain('A: training loss 2 at epoch 0, 1 at epoch 1; validation loss 1.5');
    expect((plot.y as { type: string }).type).toBe('log');
  });
});

describe('fitted-curve helpers', () => {
  it('the y range covers the data padded by 10 %', () => {
    expect(yDomain([{ n: 3, x: new Float64Array(3), y: Float64Array.from([-1, 0, 3]) }])).toEqual([-1.4, 3.4]);
    expect(yDomain([])).toEqual([-1, 1]);
  });
  it('a runaway prediction is held one range-width outside the view', () => {
    expect(clampTo([0, 1], 1e300)).toBe(2);
    expect(clampTo([0, 1], -5)).toBe(-1);
    expect(clampTo([0, 1], 0.5)).toBe(0.5);
  });
});

describe('weights and architecture helpers', () => {
  it('the histogram reads every weight, no biases', () => {
    const t = newTrainerState('a', 'A');
    t.layers = [
      { activation: 'relu', weights: [[1, 2], [3, 4]], biases: [9, 9] },
      { activation: 'identity', weights: [[5, 6]], biases: [9] },
    ];
    expect(allWeights(t)).toEqual([1, 2, 3, 4, 5, 6]);
  });
  it('hidden widths from "layers", or from "depth" × "width"', () => {
    expect(hiddenOf({ layers: [4, 2] }, [8])).toEqual([4, 2]);
    expect(hiddenOf({ depth: 3, width: 5 }, [8])).toEqual([5, 5, 5]);
    expect(hiddenOf({ depth: 0, width: 5 }, [8])).toEqual([]);
    expect(hiddenOf({ width: 6 }, [8, 8])).toEqual([6, 6]);
    expect(hiddenOf({}, [8])).toEqual([8]);
  });
});

describe('end-of-line labels of the loss curves', () => {
  it('labels far apart stay at their lines’ ends', () => {
    expect(spreadLabels([0.2, 0.8], 0, 1, false, 0.1)).toEqual([0.2, 0.8]);
  });
  it('labels that would overlap are pushed at least the gap apart, in the same order, inside the axis', () => {
    const ys = spreadLabels([0.50, 0.52, 0.51, 0.99], 0, 1, false, 0.1);
    const sorted = [ys[0]!, ys[2]!, ys[1]!, ys[3]!];
    for (let k = 1; k < sorted.length; k++) expect(sorted[k]! - sorted[k - 1]!).toBeGreaterThanOrEqual(0.1 - 1e-12);
    for (const y of ys) expect(y).toBeGreaterThanOrEqual(0), expect(y).toBeLessThanOrEqual(1);
    // by hand: 0.50, 0.51, 0.52 become 0.5, 0.6, 0.7 (0.51 is the second, 0.52 the third); 0.99 is clear
    expect(ys[0]).toBeCloseTo(0.5, 12);
    expect(ys[2]).toBeCloseTo(0.6, 12);
    expect(ys[1]).toBeCloseTo(0.7, 12);
    expect(ys[3]).toBeCloseTo(0.99, 12);
    // a crowd at the top is pushed down instead of off the axis
    expect(spreadLabels([0.98, 0.99, 1], 0, 1, false, 0.1).map((y) => Math.round(y * 1e9) / 1e9)).toEqual([0.8, 0.9, 1]);
  });
  it('on a log axis the gap is a fraction of the decades', () => {
    // 0.1 to 10 is two decades: a gap of 0.1 is 0.2 decades, a factor 10^0.2 ≈ 1.585
    const [a, b] = spreadLabels([1, 1.1], 0.1, 10, true, 0.1) as [number, number];
    expect(a).toBeCloseTo(1, 12);
    expect(Math.log10(b) - Math.log10(a)).toBeCloseTo(0.2, 12);
  });
  it('the chart places its end labels apart: three lines ending at the same loss', () => {
    const { plot } = curvesPlotOptions([trainer('a', [2, 1], [2.5, 1]), trainer('b', [3, 1])], {
      metric: 'loss', log: false, validation: true, markBest: false, width: 400, height: 240, theme,
    });
    const labels = (plot.marks as { data?: unknown }[])
      .map((m) => m.data)
      .find((d): d is { value: number; series: string }[] => Array.isArray(d) && d.length === 3 && d.every((x) => typeof x === 'object' && x !== null && 'series' in x));
    expect(labels).toBeDefined();
    const ys = labels!.map((l) => l.value).sort((x, y) => x - y);
    // axis 0…3 over 240 − 50 px: 13 px is 0.2053 loss units
    for (let k = 1; k < ys.length; k++) expect(ys[k]! - ys[k - 1]!).toBeGreaterThanOrEqual((13 / 190) * 3 - 1e-9);
  });
});
