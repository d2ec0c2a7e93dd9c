// The same over-parameterized regression under L1 and under L2 of equal strength: count the near-zero weights.
const run = (penalty) => {
  const t = new engine.Trainer({
    network: { hidden: [32], activation: 'tanh' },
    data: { name: 'sine', n: 40, noiseScale: 0.2 },
    optimizer: { kind: 'sgd', eta: 0.05 },
    batchSize: 10,
    seed: 3,
    ...penalty,
  });
  t.runEpochs(400);
  const W = t.model.layers.flatMap((l) => Array.from(l.W));
  return { small: W.filter((w) => Math.abs(w) < 1e-3).length, total: W.length, loss: t.metrics.trainLoss };
};
const l1 = run({ l1: 0.01 }), l2 = run({ l2: 0.01 });
return table([
  { penalty: 'L1, λ = 0.01', 'weights below 1e-3': l1.small, of: l1.total, 'training MSE': l1.loss },
  { penalty: 'L2, λ = 0.01', 'weights below 1e-3': l2.small, of: l2.total, 'training MSE': l2.loss },
]);
