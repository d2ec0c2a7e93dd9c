// Sixty noisy samples of sin(x), and the best straight line through them.
const data = engine.makeDataset({ name: 'sine', n: 60, noiseScale: 0.2 }, 1);
const xs = Array.from(data.x), ys = Array.from(data.y);
const N = xs.length;
const mean = (v) => v.reduce((s, t) => s + t, 0) / v.length;
const mx = mean(xs), my = mean(ys);
// least squares: w = cov(x, y) / var(x), b = ȳ − w x̄
let sxy = 0, sxx = 0;
for (let i = 0; i < N; i++) { sxy += (xs[i] - mx) * (ys[i] - my); sxx += (xs[i] - mx) ** 2; }
const w = sxy / sxx, b = my - w * mx;
const lineMse = mean(xs.map((x, i) => (w * x + b - ys[i]) ** 2));
console.log(`line: ỹ = ${w.toFixed(3)} x + ${b.toFixed(3)},  MSE = ${lineMse.toFixed(4)}`);
const points = xs.map((x, i) => ({ x, y: ys[i] }));
return plot({
  marks: [
    { type: 'dot', data: points, x: 'x', y: 'y', fill: '#0072B2' },
    { type: 'line', data: [-Math.PI, Math.PI].map((x) => ({ x, y: w * x + b })), x: 'x', y: 'y', stroke: '#D55E00' },
  ],
  caption: `Noisy sine samples and the least-squares line, mean squared error ${lineMse.toFixed(3)}`,
});
