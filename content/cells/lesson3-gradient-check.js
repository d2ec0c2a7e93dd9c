// A gradient check by hand: nudge each weight by ±ε and compare the slope with the engine's gradient.
const model = engine.modelFromJSON({
  inputs: 2,
  layers: [{ activation: 'identity', weights: [[0.2, -0.1], [0.4, 0.3], [-0.5, 0.1]], biases: [0, 0.1, -0.1] }],
  loss: 'softmax-cross-entropy',
});
const inputs = [[1, 2], [-1, 0.5]];
const labels = [2, 0];
const { gradients } = engine.lossAndGradients(model, inputs, labels);
const json = engine.modelToJSON(model);
const eps = 1e-5;
const rows = [];
for (let j = 0; j < 3; j++) {
  for (let k = 0; k < 2; k++) {
    const at = (delta) => {
      const m = structuredClone(json);
      m.layers[0].weights[j][k] += delta;
      return engine.lossAndGradients(engine.modelFromJSON(m), inputs, labels).loss;
    };
    const numeric = (at(eps) - at(-eps)) / (2 * eps);
    const analytic = gradients.layers[0].weights[j][k];
    rows.push({ weight: `W${j + 1}${k + 1}`, analytic, numeric, 'relative error': Math.abs(analytic - numeric) / Math.max(Math.abs(analytic), Math.abs(numeric)) });
  }
}
return table(rows);
