// The tent composed three times: 8 linear pieces, with the breakpoints the engine finds.
const k = 3;
const model = engine.tentNetwork(k);
const { pieces, breakpoints } = engine.countLinearPieces(model, 0, 1);
const xs = Array.from({ length: 401 }, (_, i) => i / 400);
const ys = engine.predict(model, xs.map((x) => [x])).map((r) => r[0]);
console.log(`${pieces} pieces; breakpoints at ${breakpoints.map((b) => b.toFixed(3)).join(', ')}`);
return plot({
  marks: [
    { type: 'line', data: xs.map((x, i) => ({ x, y: ys[i] })), x: 'x', y: 'y', stroke: '#0072B2' },
    { type: 'ruleX', data: breakpoints, stroke: '#D55E00' },
  ],
  caption: `The tent map composed ${k} times has ${pieces} linear pieces`,
});
