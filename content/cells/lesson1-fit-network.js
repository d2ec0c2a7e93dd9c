// The same points, now fitted by a network with one hidden layer of 16 tanh units.
// (Run the line cell first: this cell reuses its data, xs, ys and lineMse.)
const trainer = new engine.Trainer({
  network: { hidden: [16], activation: 'tanh' },
  data: { inputs: xs.map((x) => [x]), targets: ys.map((y) => [y]) },
  optimizer: { kind: 'adam', eta: 0.02 },
  batchSize: 10,
  seed: 1,
});
const m = trainer.runEpochs(300);
console.log(`network MSE after 300 epochs: ${m.trainLoss.toFixed(4)}  (line: ${lineMse.toFixed(4)}, noise variance 0.04)`);
const grid = Array.from({ length: 101 }, (_, i) => -Math.PI + (2 * Math.PI * i) / 100);
const fit = engine.predict(trainer.model, grid.map((x) => [x]));
return plot({
  marks: [
    { type: 'dot', data: xs.map((x, i) => ({ x, y: ys[i] })), x: 'x', y: 'y', fill: '#0072B2' },
    { type: 'line', data: grid.map((x, i) => ({ x, y: fit[i][0] })), x: 'x', y: 'y', stroke: '#009E73' },
  ],
  caption: 'The network\'s fitted curve through the same noisy sine samples',
});
