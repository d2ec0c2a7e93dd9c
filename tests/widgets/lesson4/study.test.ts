// The lesson's statements about the parity study hold for the measurement file the study wrote,
// and the single runs the lesson and its exercise describe (seeds 7 and 6 at n = 10) happen as
// stated when the engine replays them with the widget's configs.
import { describe, expect, it } from 'vitest';
import { Trainer } from '@engine';
import { defaultParitySettings, parityConfigs, parityShapes } from '@widgets/lesson4/parity';
import study from '../../../content/data/parity-study.json';

type Row = (typeof study.parity)[number];
function row(activation: string, bits: number): Row {
  const r = study.parity.find((x) => x.activation === activation && x.bits === bits);
  if (!r) throw new Error(`no row ${activation} n=${bits}`);
  return r;
}

describe('the measurement file', () => {
  it('covers at least 10 seeds for n = 4, 6, 8, 10 at equal budgets, both activations', () => {
    for (const activation of ['tanh', 'relu']) {
      for (const bits of [4, 6, 8, 10]) {
        const r = row(activation, bits);
        expect(r.deep.runs).toBeGreaterThanOrEqual(10);
        expect(r.shallow.runs).toBe(r.deep.runs);
        expect(r.trials).toHaveLength(2 * r.deep.runs);
        // The shapes are the widget's: 3 × n against the matched single layer.
        const shapes = parityShapes({ bits, depth: 3, width: bits });
        expect(r.deep.hidden).toEqual(shapes.deep);
        expect(r.shallow.hidden).toEqual(shapes.shallow);
        expect(Math.abs(r.deep.params - r.shallow.params)).toBeLessThanOrEqual((bits + 2) / 2);
        // Each summary agrees with its own trials.
        for (const shape of ['deep', 'shallow'] as const) {
          const trials = r.trials.filter((t) => t.shape === shape);
          expect(trials.filter((t) => t.epochsTo100 !== null)).toHaveLength(r[shape].solved);
          expect(Math.min(...trials.map((t) => t.bestAccuracy))).toBe(r[shape].minBestAccuracy);
        }
      }
    }
    expect(study.settings.epochs).toBe(3000);
  });
});

describe('what the lesson says the study found', () => {
  it('tanh: the shallow network is ahead for n ≤ 8', () => {
    for (const bits of [4, 6, 8]) expect(row('tanh', bits).shallow.solved).toBeGreaterThan(row('tanh', bits).deep.solved);
    expect(Math.round(row('tanh', 4).shallow.medianEpochsSolved!)).toBe(151);
    expect(row('tanh', 4).deep.medianEpochsSolved).toBe(192);
    expect(Math.round(row('tanh', 6).shallow.medianEpochsSolved!)).toBe(346);
    expect(row('tanh', 6).deep.medianEpochsSolved).toBe(498);
    expect([row('tanh', 8).shallow.solved, row('tanh', 8).deep.solved]).toEqual([9, 4]);
  });
  it('tanh, n = 10: no shallow run solves it, 4 stay at chance; every deep run reaches 94.5 % and 2 solve it', () => {
    const r = row('tanh', 10);
    expect(r.shallow.solved).toBe(0);
    expect(r.shallow.minBestAccuracy).toBeCloseTo(0.515, 3);
    const stuck = r.trials.filter((t) => t.shape === 'shallow' && t.bestAccuracy < 0.6).map((t) => t.seed);
    expect(stuck).toEqual([6, 7, 9, 10]);
    expect(r.deep.minBestAccuracy).toBeCloseTo(0.945, 3);
    expect(r.deep.solved).toBe(2);
  });
  it('ReLU: depth loses at n = 4, draws at 6, leads at 8 and 10', () => {
    expect([row('relu', 4).deep.solved, row('relu', 4).shallow.solved]).toEqual([1, 8]);
    expect(row('relu', 4).deep.medianBestAccuracy).toBe(0.875);
    expect([row('relu', 6).deep.solved, row('relu', 6).shallow.solved]).toEqual([4, 5]);
    expect([row('relu', 8).deep.solved, row('relu', 8).shallow.solved]).toEqual([5, 3]);
    expect([row('relu', 8).deep.medianEpochsSolved, row('relu', 8).shallow.medianEpochsSolved]).toEqual([538, 1526]);
    expect([row('relu', 10).deep.solved, row('relu', 10).shallow.solved]).toEqual([4, 0]);
  });
  it('zig-zag: only deep networks pass 25 pieces (3 runs of 20, one with 45); the 4-layer net has the worst median error', () => {
    const [shallow, two, four] = study.zigzag.shapes;
    expect(study.zigzag.oneLayerMax).toBe(25);
    expect(shallow!.aboveOneLayerMax).toBe(0);
    expect(two!.aboveOneLayerMax + four!.aboveOneLayerMax).toBe(3);
    expect(Math.max(...four!.pieces)).toBe(45);
    expect(four!.medianLoss).toBeGreaterThan(Math.max(shallow!.medianLoss, two!.medianLoss));
  });
});

describe('single runs the lesson describes, replayed by the engine', () => {
  /** Accuracy of both shapes after `epochs` full-batch epochs. */
  function race(seed: number, epochs: number) {
    const c = parityConfigs({ ...defaultParitySettings(10), seed });
    const deep = new Trainer(c.deep).runEpochs(epochs);
    const shallow = new Trainer(c.shallow).runEpochs(epochs);
    return { deep: deep.trainAccuracy!, shallow: shallow.trainAccuracy! };
  }
  it('seed 7 (the widget’s first run): by epoch 600 deep ≈ 99 %, shallow near 50 %', () => {
    const a = race(7, 600);
    expect(a.deep).toBeGreaterThanOrEqual(0.985);
    expect(a.shallow).toBeLessThan(0.55);
  }, 240_000);
  it('seed 6 (the race challenge’s solution): at epoch 800 deep ≥ 95 %, shallow < 60 %', () => {
    const a = race(6, 800);
    expect(a.deep).toBeGreaterThanOrEqual(0.95);
    expect(a.shallow).toBeLessThan(0.6);
  }, 240_000);
});
