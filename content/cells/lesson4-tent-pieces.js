// Compose the tent map k times as a ReLU network and count its linear pieces exactly.
const rows = [];
for (let k = 1; k <= 8; k++) {
  const model = engine.tentNetwork(k);
  const { pieces } = engine.countLinearPieces(model, 0, 1);
  const hidden = model.layers.slice(0, -1).reduce((s, l) => s + l.units, 0);
  rows.push({ k, 'hidden layers': model.layers.length - 1, 'hidden units': hidden, pieces, '2^k': 2 ** k });
}
return table(rows);
