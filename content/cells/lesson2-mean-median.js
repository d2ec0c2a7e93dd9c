// Fit one constant c to data with an outlier: squared error picks the mean, absolute error the median.
const y = [1.0, 1.2, 0.9, 1.1, 1.05, 8.0];
const cs = Array.from({ length: 161 }, (_, i) => i * 0.05);
const mse = (c) => y.reduce((s, v) => s + (v - c) ** 2, 0) / y.length;
const mae = (c) => y.reduce((s, v) => s + Math.abs(v - c), 0) / y.length;
const best = (f) => cs.reduce((a, c) => (f(c) < f(a) ? c : a), cs[0]);
const sorted = [...y].sort((a, b) => a - b);
console.log(`mean ${(y.reduce((s, v) => s + v, 0) / y.length).toFixed(3)}, best c for MSE ${best(mse).toFixed(2)}`);
console.log(`median ${((sorted[2] + sorted[3]) / 2).toFixed(3)}, best c for absolute error ${best(mae).toFixed(2)}`);
return plot({
  marks: [
    { type: 'line', data: cs.map((c) => ({ c, loss: mse(c) / 10 })), x: 'c', y: 'loss', stroke: '#0072B2' },
    { type: 'line', data: cs.map((c) => ({ c, loss: mae(c) })), x: 'c', y: 'loss', stroke: '#D55E00' },
  ],
  x: { label: 'constant c' }, y: { label: 'loss (MSE / 10 in blue, absolute error in vermillion)' },
  caption: 'Squared error is smallest at the mean, pulled by the outlier; absolute error at the median',
});
