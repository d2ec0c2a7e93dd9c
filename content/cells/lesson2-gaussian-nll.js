// The Gaussian negative log-likelihood from the residuals, by hand and by the engine.
const sigma = 0.5;
const model = engine.modelFromJSON({
  inputs: 1,
  layers: [{ activation: 'identity', weights: [[2]], biases: [0.5] }],
  loss: 'gaussian-nll',
  sigma,
});
const inputs = [[0], [1], [2], [3]];
const targets = [[0.7], [2.2], [4.9], [6.1]];
const residuals = inputs.map((x, i) => targets[i][0] - (2 * x[0] + 0.5));
const N = residuals.length;
const sse = residuals.reduce((s, r) => s + r * r, 0);
const constant = (N / 2) * Math.log(2 * Math.PI * sigma ** 2);
const byHand = constant + sse / (2 * sigma ** 2);
// the engine's loss is the mean over the examples, so multiply by N for the sum
const { loss } = engine.lossAndGradients(model, inputs, targets);
return { residuals, SSE: sse, 'N/2 log 2πσ²': constant, 'SSE/(2σ²)': sse / (2 * sigma ** 2), 'NLL by hand': byHand, 'engine × N': loss * N };
