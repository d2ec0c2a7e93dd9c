// Weight decay is one line of the update: w ← (1 − ηλ) w − η ∇L.
const eta = 0.1, lambda = 0.5;
const model = engine.modelFromJSON({
  inputs: 2,
  layers: [{ activation: 'identity', weights: [[0.8, -1.2]], biases: [0.3] }],
  loss: 'mse',
});
const inputs = [[1, 0], [0, 1], [1, 1]];
const targets = [[1], [0], [2]];
const plain = engine.lossAndGradients(model, inputs, targets);            // ∇L without the penalty
const withL2 = engine.lossAndGradients(model, inputs, targets, { l2: lambda });
const w = [0.8, -1.2];
const decayed = w.map((wk, k) => (1 - eta * lambda) * wk - eta * plain.gradients.layers[0].weights[0][k]);
const viaPenalty = w.map((wk, k) => wk - eta * withL2.gradients.layers[0].weights[0][k]);
return { 'w after the decay step': decayed, 'w after a step on L + (λ/2)‖w‖²': viaPenalty };
