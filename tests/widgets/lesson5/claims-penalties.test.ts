// The lesson's claims about overfitting, L2 and L1, checked on the engine with the exact trainer
// config the widget builds (regularizationConfig), on the widget's seeds.
import { beforeAll, describe, expect, test } from 'vitest';
import { Trainer } from '@engine';
import { NOISE_FLOOR, regularizationConfig, SUGGESTED } from '@widgets/lesson5/regularization/config';
import { checkChallenge } from '@exercises/kinds/challenge.ts';
import { loadRegistry } from '@exercises/registry.ts';
import type { ChallengeExercise } from '@exercises/types.ts';

const registry = await loadRegistry();
function challengeOf(id: string): ChallengeExercise<Record<string, number>> {
  const ex = registry.exercises.get(id);
  if (ex?.kind !== 'challenge') throw new Error(`no challenge ${id}`);
  return ex as unknown as ChallengeExercise<Record<string, number>>;
}

/** The widget state a student would submit after this run (the fields the goals read). */
function widgetState(t: Trainer, seed: number, params: Record<string, number | boolean>) {
  const ws = allWeights(t);
  return {
    seed,
    params: { l1: 0, l2: 0, dropout: 0, stop: false, ...params },
    trainers: [{ id: 'net', epoch: t.metrics.epoch, valLoss: t.metrics.valLoss, readouts: { 'small-weights': (100 * ws.filter((w) => Math.abs(w) < 1e-3).length) / ws.length } }],
  };
}

const SEEDS = [1, 2, 3, 4, 5];
const E = SUGGESTED.epochs;

function allWeights(t: Trainer): number[] {
  return t.parameters().flatMap((p) => Array.from(p.W));
}

function share(ws: number[], pred: (w: number) => boolean): number {
  return ws.filter(pred).length / ws.length;
}

/** Full-batch training: one step is one epoch; the curve is sampled every `every` epochs. */
function run(values: Record<string, number | boolean>, seed: number, every: number) {
  const t = new Trainer(regularizationConfig(values, seed));
  const epoch: number[] = [];
  const train: number[] = [];
  const val: number[] = [];
  for (let e = 0; e < E; e += every) {
    const m = t.step(every);
    expect(m.status).toBe('ok');
    epoch.push(m.epoch);
    train.push(m.trainLoss);
    val.push(m.valLoss!);
  }
  return { t, epoch, train, val };
}

describe('the setup', () => {
  test('20 training points, 100 validation points, two hidden layers of 64: 4,224 weights', () => {
    const t = new Trainer(regularizationConfig({}, 1));
    expect(t.data.train.n).toBe(20);
    expect(t.data.validation.n).toBe(100);
    expect(allWeights(t).length).toBe(1 * 64 + 64 * 64 + 64 * 1);
    expect(t.config.optimizer).toMatchObject({ kind: 'momentum', eta: 0.05, beta: 0.9 });
    expect(t.config.batchSize).toBe(20);
  });
});

describe('without regularization the network overfits', () => {
  let runs: ({ seed: number } & ReturnType<typeof run>)[] = [];
  let l2: Trainer[] = [];
  let l1: Trainer[] = [];
  beforeAll(() => {
    runs = SEEDS.map((seed) => ({ seed, ...run({}, seed, 10) }));
    l2 = SEEDS.map((seed) => new Trainer(regularizationConfig({ l2: SUGGESTED.l2 }, seed)));
    l1 = SEEDS.map((seed) => new Trainer(regularizationConfig({ l1: SUGGESTED.l1 }, seed)));
    for (const t of [...l2, ...l1]) t.step(E);
  }, 900_000);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

  test.each(SEEDS)('seed %i: the validation loss rises after its minimum while the training loss keeps falling', (seed) => {
    const r = runs.find((x) => x.seed === seed)!;
    let m = 0;
    r.val.forEach((v, i) => {
      if (v < r.val[m]!) m = i;
    });
    const last = r.val.length - 1;
    expect(m).toBeLessThan(last);
    expect(r.val[last]!).toBeGreaterThan(r.val[m]! + 0.01);
    // Meanwhile the training loss went on down.
    expect(r.train[last]!).toBeLessThan(r.train[m]!);
  });

  test('seed 1 (the widget default) goes well below the noise floor σ² = 0.09 on its training points, never on validation', () => {
    const r = runs[0]!;
    expect(Math.min(...r.train)).toBeLessThan(NOISE_FLOOR / 2);
    expect(Math.min(...r.val)).toBeGreaterThan(NOISE_FLOOR);
    const m = r.val.indexOf(Math.min(...r.val));
    expect(r.val.at(-1)!).toBeGreaterThan(1.3 * r.val[m]!);
    // After the validation minimum the training loss falls at every quarter of the remaining run.
    const q = (k: number) => r.train[m + Math.floor((k * (r.train.length - 1 - m)) / 4)]!;
    for (let k = 1; k <= 4; k++) expect(q(k)).toBeLessThan(q(k - 1));
  });

  test(`L2 with λ = ${SUGGESTED.l2}: lower validation loss than no regularization after ${E} epochs, averaged over 5 seeds`, () => {
    const none = runs.map((r) => r.val.at(-1)!);
    const withL2 = l2.map((t) => t.metrics.valLoss!);
    expect(mean(withL2)).toBeLessThan(mean(none) - 0.02);
    // And the training loss is higher: the penalty trades fit on the training points for fit on new ones.
    expect(mean(l2.map((t) => t.metrics.trainLoss))).toBeGreaterThan(mean(runs.map((r) => r.train.at(-1)!)));
  });

  test(`sparsity: L1 with λ = ${SUGGESTED.l1} leaves at least half of the weights below 1e-3; L2 with the same λ does not`, () => {
    const small = (w: number) => Math.abs(w) < 1e-3;
    for (const t of l1) expect(share(allWeights(t), small)).toBeGreaterThanOrEqual(0.5);
    for (const t of l2) expect(share(allWeights(t), small)).toBeLessThan(0.5);
    expect(share(allWeights(runs[0]!.t), small)).toBeLessThan(0.05);
    // The lesson's figures: over 99 % for L1, about 6 % for L2 (means over the five seeds).
    expect(mean(l1.map((t) => share(allWeights(t), small)))).toBeGreaterThan(0.99);
    const l2Share = mean(l2.map((t) => share(allWeights(t), small)));
    expect(l2Share).toBeGreaterThan(0.03);
    expect(l2Share).toBeLessThan(0.1);
  });

  test('L1 with the same λ also ends below no regularization, averaged over 5 seeds', () => {
    expect(mean(l1.map((t) => t.metrics.valLoss!))).toBeLessThan(mean(runs.map((r) => r.val.at(-1)!)) - 0.02);
  });

  test('the figures the lesson quotes: seed 1 and the five-seed averages after 2000 epochs', () => {
    const r = runs[0]!;
    const m = r.val.indexOf(Math.min(...r.val));
    // Seed 1: lowest validation loss ≈ 0.12 around epoch 300, ≈ 0.2 at epoch 2000; training loss ≈ 0.04 at the end.
    expect(r.val[m]!).toBeGreaterThan(0.11);
    expect(r.val[m]!).toBeLessThan(0.13);
    expect(r.epoch[m]!).toBeGreaterThanOrEqual(250);
    expect(r.epoch[m]!).toBeLessThanOrEqual(400);
    expect(r.val.at(-1)!).toBeGreaterThan(0.18);
    expect(r.val.at(-1)!).toBeLessThan(0.21);
    expect(r.train.at(-1)!).toBeGreaterThan(0.035);
    expect(r.train.at(-1)!).toBeLessThan(0.05);
    // Seed 1 with L2: ≈ 0.12 at epoch 2000, and the largest weight ≈ 0.9 instead of ≈ 4.4.
    expect(l2[0]!.metrics.valLoss!).toBeLessThan(0.125);
    expect(l2[0]!.metrics.trainLoss).toBeGreaterThan(0.06);
    expect(l2[0]!.metrics.trainLoss).toBeLessThan(0.07);
    expect(l1[0]!.metrics.valLoss!).toBeLessThan(0.125);
    const maxAbs = (t: Trainer) => Math.max(...allWeights(t).map(Math.abs));
    expect(maxAbs(l2[0]!)).toBeLessThan(1);
    expect(maxAbs(runs[0]!.t)).toBeGreaterThan(4);
    // Averages over seeds 1–5: none ≈ 0.19, L2 ≈ 0.13, L1 ≈ 0.14.
    const within = (x: number, lo: number, hi: number) => {
      expect(x).toBeGreaterThan(lo);
      expect(x).toBeLessThan(hi);
    };
    within(mean(runs.map((x) => x.val.at(-1)!)), 0.175, 0.2);
    within(mean(l2.map((t) => t.metrics.valLoss!)), 0.12, 0.14);
    within(mean(l1.map((t) => t.metrics.valLoss!)), 0.125, 0.145);
  });

  test('the widget challenges are reachable with the suggested settings, and not without them', () => {
    const l2Challenge = challengeOf('l5-challenge-l2');
    for (const seed of [1, 3, 4]) {
      const i = SEEDS.indexOf(seed);
      const v = { seed, target: 0.135, epochs: E };
      expect(checkChallenge(l2Challenge, v, widgetState(l2[i]!, seed, { l2: SUGGESTED.l2 })).verdict).toBe('correct');
      // The same run without the penalty does not reach the target (and the goal asks for some L2 anyway).
      expect(runs[i]!.val.at(-1)!).toBeGreaterThan(0.135);
    }
    const sparse = challengeOf('l5-challenge-sparse');
    for (const share of [80, 90, 95]) {
      expect(checkChallenge(sparse, { share, target: 0.13 }, widgetState(l1[0]!, 1, { l1: SUGGESTED.l1 })).verdict).toBe('correct');
      expect(checkChallenge(sparse, { share, target: 0.13 }, widgetState(l2[0]!, 1, { l2: SUGGESTED.l2 })).verdict).toBe('wrong');
    }
  });

  test('seed 1: the training loss jumps up for a few epochs near epochs 940, 1340 and 1630 (the optimizer overshooting)', () => {
    const t = new Trainer(regularizationConfig({}, 1));
    const ratio: number[] = [];
    let runMin = Infinity;
    for (let e = 1; e <= 1700; e++) {
      const m = t.step(1);
      ratio[e] = m.trainLoss / runMin;
      runMin = Math.min(runMin, m.trainLoss);
    }
    const peak = (a: number, b: number) => Math.max(...ratio.slice(a, b + 1));
    expect(peak(925, 955)).toBeGreaterThan(2);
    expect(peak(1325, 1355)).toBeGreaterThan(2);
    expect(peak(1620, 1650)).toBeGreaterThan(2);
    // Between the jumps the training loss is back near its running minimum.
    expect(peak(1000, 1200)).toBeLessThan(1.5);
  });
});
