// Lesson 2's widgets read their numbers from the kit's state (weights as model-file rows, data as
// flat arrays). These tests fill that state from engine trainers, as the workers would, and check
// that the page-side numbers equal the engine's own: the NLL parts, the distance, the outliers
// and flipped labels, the per-group losses.
import { describe, expect, it } from 'vitest';
import { modelToJSON, predict, Trainer, type Dataset } from '@engine';
import { newTrainerState, type TrainerState, type WidgetState } from '@widgets/kit/state';
import { DEFAULTS as NM, distanceToClean, noiseModelsConfig, residuals, RUNS } from '@widgets/lesson2/noise-models/config';
import { distance, nllParts, outlierXs } from '@widgets/lesson2/noise-models/model';
import { fitsChart, nllEquations, residualRows } from '@widgets/lesson2/noise-models/view-model';
import { gaussianNllParts, laplaceNllParts, laplaceScaleFor } from '@widgets/lesson2/likelihood';
import { DEFAULTS as LN, labelNoiseConfig, weightNorm } from '@widgets/lesson2/label-noise/config';
import { flippedKeys, meanLoss, norm, pAtClassOneCentre, probabilityAlongAxis } from '@widgets/lesson2/label-noise/model';
import { formatNumber } from '@widgets/lesson2/format';

const part = (d: Dataset) => ({ n: d.n, x: d.x, y: d.y });

/** A trainer's state as the kit holds it after the worker reported data and weights. */
function stateOf(id: string, label: string, t: Trainer): TrainerState {
  const s = newTrainerState(id, label);
  const json = modelToJSON(t.model);
  s.layers = json.layers.map((l) => ({ activation: l.activation, weights: l.weights, biases: l.biases }));
  s.inputs = json.inputs;
  s.epoch = t.epoch;
  s.data = {
    task: t.data.all.task,
    inputs: t.data.all.inputs,
    outputs: t.data.all.outputs,
    classes: t.data.all.classes,
    train: part(t.data.train),
    validation: part(t.data.validation),
    test: part(t.data.test),
    ...(t.data.all.interval ? { interval: t.data.all.interval } : {}),
  };
  return s;
}

function widget(name: string, params: Record<string, number | string>, seed: number, trainers: TrainerState[]): WidgetState {
  return { name, params, seed, wantsToRun: false, hold: null, speed: 'fast', trainers, notes: [], hiddenUnits: 0 };
}

describe('noise-models: page-side numbers equal the engine’s', () => {
  const seed = 3;
  const params = { noise: NM.noise, outliers: NM.outliers, shape: 'gaussian', lr: NM.lr };
  const trainers = RUNS.map((run) => {
    const t = new Trainer(noiseModelsConfig(run.loss, NM, seed));
    t.runEpochs(200);
    return { run, t, state: stateOf(run.id, run.label, t) };
  });
  const ws = widget('noise-models', params, seed, trainers.map((x) => x.state));

  it('the NLL parts come from the residuals of the rebuilt network (Gaussian σ, Laplace b = σ/√2)', () => {
    for (const { run, t, state } of trainers) {
      const r = residuals(t.model, t.data.train);
      const want = run.id === 'gaussian' ? gaussianNllParts(r, NM.noise) : laplaceNllParts(r, laplaceScaleFor(NM.noise));
      const got = nllParts(state, params)!;
      expect(got.total).toBeCloseTo(want.total, 10);
      expect(got.constant + got.data).toBeCloseTo(got.total, 12);
    }
  });

  it('the Gaussian constant part is N/2·log(2πσ²) with N = 45 training points', () => {
    expect(nllParts(trainers[0]!.state, params)!.constant).toBeCloseTo(22.5 * Math.log(2 * Math.PI * 0.04), 10);
  });

  it('the distance readout equals the distance of the engine’s own model', () => {
    for (const { t, state } of trainers) {
      expect(distance(state, params, seed)).toBeCloseTo(distanceToClean(t.model, t.data.all.f!, t.data.all.interval!), 12);
    }
  });

  it('finds exactly the engine’s outliers again by their x', () => {
    const t = trainers[0]!.t;
    const xs = outlierXs(params, seed);
    expect(xs.size).toBe(9);
    const marked = Array.from(t.data.all.x).filter((_, i) => t.data.all.corrupted![i]);
    expect([...xs].sort()).toEqual(marked.sort());
  });

  it('writes each NLL as a live equation whose last number is the total', () => {
    const eqs = nllEquations(ws);
    expect(eqs.map((e) => e.id)).toEqual(['gaussian', 'laplace']);
    for (const e of eqs) expect(e.substituted.endsWith(`= ${formatNumber(e.total, 3)}`)).toBe(true);
    expect(eqs[0]!.substituted).toContain('45/2');
  });

  it('lists every training point once, sorted by x, with both residuals', () => {
    const rows = residualRows(ws, outlierXs(params, seed));
    expect(rows).toHaveLength(45);
    expect(rows.every((r, i) => i === 0 || rows[i - 1]!.x <= r.x)).toBe(true);
    const fit = predict(trainers[1]!.t.model, [[rows[0]!.x]])[0]![0]!;
    expect(rows[0]!.fits['laplace']!.residual).toBeCloseTo(rows[0]!.y - fit, 12);
  });

  it('draws nothing before data, and names the outliers in the chart’s text alternative', () => {
    const theme = { fg: '#000', fgSoft: '#444', series: ['#0072B2', '#D55E00'] };
    expect(fitsChart(widget('noise-models', params, seed, [newTrainerState('gaussian', 'g')]), theme, 600, false, new Set())).toBeNull();
    const chart = fitsChart(ws, theme, 600, false, outlierXs(params, seed))!;
    expect(chart.label).toMatch(/9 of them outliers marked with a cross/);
  });
});

describe('label-noise: page-side numbers equal the engine’s', () => {
  const seed = 2;
  const params = { noise: 0.2, lr: LN.lr };
  const t = new Trainer(labelNoiseConfig({ ...LN, labelNoise: 0.2 }, seed));
  t.runEpochs(300);
  const state = stateOf('logistic', 'Logistic regression', t);

  it('‖w‖ and P(y = 1) at the class-1 centre match the engine model', () => {
    expect(norm(state)).toBeCloseTo(weightNorm(t.model), 12);
    expect(pAtClassOneCentre(state)).toBeCloseTo(predict(t.model, [[-2, 0]])[0]![0]!, 12);
    const curve = probabilityAlongAxis(state);
    expect(curve).toHaveLength(161);
    expect(curve[0]!.p).toBeGreaterThan(curve[160]!.p);
  });

  it('finds the 40 flipped labels, and they cost much more each than the others', () => {
    const keys = flippedKeys(params, seed);
    expect(keys.size).toBe(40);
    const flipped = meanLoss(state, keys, 'flipped');
    const clean = meanLoss(state, keys, 'clean');
    expect(flipped).toBeGreaterThan(5 * clean);
    // The two groups together give the training loss the engine reports.
    let nFlipped = 0;
    for (let i = 0; i < t.data.train.n; i++) if (keys.has(`${t.data.train.x[2 * i]},${t.data.train.x[2 * i + 1]}`)) nFlipped++;
    const n = t.data.train.n;
    expect((nFlipped * flipped + (n - nFlipped) * clean) / n).toBeCloseTo(t.metrics.trainLoss, 10);
  });
});
