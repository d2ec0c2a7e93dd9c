// Measures what lesson 2's noise-models widget shows, with the widget's own configs: the same
// network trained with squared error (Gaussian noise model) and absolute error (Laplace noise
// model) on the same noisy sine, over seeds 1–10; reports each fit's RMS distance to the clean sine.
// Run: npx esbuild scripts/lesson2-noise-study.ts --bundle --platform=node --format=esm \
//        --outfile=/tmp/l2-study.mjs && node /tmp/l2-study.mjs [epochs]

import { Trainer } from '@engine';
import { DEFAULTS, distanceToClean, noiseModelsConfig, type NoiseModelsSettings } from '@widgets/lesson2/noise-models/config';

const epochs = Number(process.argv[2] ?? 600);
const cases: Partial<NoiseModelsSettings>[] = [
  { outliers: 0 },
  { outliers: 0.1 },
  { outliers: 0.15 },
  { outliers: 0.3 },
  { noise: 0.4, outliers: 0.15 },
  { noiseKind: 'laplace', outliers: 0 },
];
console.log(`${epochs} epochs, widget defaults ${JSON.stringify(DEFAULTS)}`);
for (const change of cases) {
  const s = { ...DEFAULTS, ...change };
  const rows: string[] = [];
  let wins = 0;
  let sumMse = 0;
  let sumAbs = 0;
  const seeds = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  const t0 = performance.now();
  for (const seed of seeds) {
    const [a, b] = (['mse', 'absolute'] as const).map((loss) => new Trainer(noiseModelsConfig(loss, s, seed)));
    a!.runEpochs(epochs);
    b!.runEpochs(epochs);
    const da = distanceToClean(a!.model, a!.data.all.f!, a!.data.all.interval!);
    const db = distanceToClean(b!.model, b!.data.all.f!, b!.data.all.interval!);
    sumMse += da;
    sumAbs += db;
    if (db < da) wins++;
    rows.push(`${seed}:${da.toFixed(3)}/${db.toFixed(3)}`);
  }
  const ms = (performance.now() - t0) / seeds.length / 2;
  console.log(
    `${JSON.stringify(change)}: mean RMS to the clean sine — squared ${(sumMse / seeds.length).toFixed(3)}, absolute ${(sumAbs / seeds.length).toFixed(3)}; absolute closer in ${wins}/${seeds.length} (${ms.toFixed(0)} ms per run)\n   ${rows.join('  ')}`,
  );
}
