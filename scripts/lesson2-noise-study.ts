// Measures what lesson 2's noise-models widget shows: the same network trained with squared error
// (Gaussian noise model) and with absolute error (Laplace noise model) on the same noisy sine with
// outliers, over several seeds; reports each fit's RMS distance to the clean function.
// Run: npx esbuild scripts/lesson2-noise-study.ts --bundle --platform=node --format=esm --outfile=/tmp/l2-study.mjs && node /tmp/l2-study.mjs

import { predictCurve, Trainer, type LossName, type TrainerConfig } from '../src/engine/index';

interface Case {
  sigma: number;
  outliers: number;
}

function config(loss: LossName, c: Case, seed: number, hidden: number, eta: number): TrainerConfig {
  return {
    network: { hidden: [hidden], activation: 'tanh', loss },
    data: { name: 'sine', n: 60, noise: 'gaussian', noiseScale: c.sigma, outliers: c.outliers, outlierScale: 2, seed },
    split: { validation: 0.25 },
    optimizer: { kind: 'adam', eta },
    batchSize: 45,
    seed,
  };
}

/** RMS of (fit − f) on 201 points of [−π, π]. */
function distance(t: Trainer): number {
  const f = t.data.all.f!;
  const ys = predictCurve(t.model, -Math.PI, Math.PI, 201);
  let s = 0;
  for (let i = 0; i < 201; i++) {
    const x = -Math.PI + (i * 2 * Math.PI) / 200;
    s += (ys[i]! - f(x)) ** 2;
  }
  return Math.sqrt(s / 201);
}

const args = process.argv.slice(2);
const epochs = Number(args[0] ?? 600);
const hidden = Number(args[1] ?? 16);
const eta = Number(args[2] ?? 0.02);
const cases: Case[] = [
  { sigma: 0.2, outliers: 0 },
  { sigma: 0.2, outliers: 0.1 },
  { sigma: 0.2, outliers: 0.2 },
  { sigma: 0.4, outliers: 0.2 },
];
console.log(`epochs ${epochs}, hidden ${hidden} tanh, adam η = ${eta}, n = 60 (45 train), full batch`);
for (const c of cases) {
  const rows: string[] = [];
  let wins = 0;
  let sumMse = 0;
  let sumAbs = 0;
  const seeds = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  const t0 = performance.now();
  for (const seed of seeds) {
    const a = new Trainer(config('mse', c, seed, hidden, eta));
    const b = new Trainer(config('absolute', c, seed, hidden, eta));
    a.runEpochs(epochs);
    b.runEpochs(epochs);
    const da = distance(a);
    const db = distance(b);
    sumMse += da;
    sumAbs += db;
    if (db < da) wins++;
    rows.push(`${seed}:${da.toFixed(3)}/${db.toFixed(3)}`);
  }
  const ms = (performance.now() - t0) / seeds.length / 2;
  console.log(
    `σ=${c.sigma} outliers=${c.outliers}: mean RMS to f — MSE ${(sumMse / seeds.length).toFixed(3)}, absolute ${(sumAbs / seeds.length).toFixed(3)}; absolute closer in ${wins}/${seeds.length} (${ms.toFixed(0)} ms per run)\n   ${rows.join('  ')}`,
  );
}
