// Softmax on large logits: the textbook formula overflows, subtracting the maximum does not.
const z = [1000, 999, -1000];
const naive = z.map((v) => Math.exp(v) / z.reduce((s, u) => s + Math.exp(u), 0));
const m = Math.max(...z);
const e = z.map((v) => Math.exp(v - m));
const stable = e.map((v) => v / e.reduce((s, u) => s + u, 0));
const logSumExp = m + Math.log(e.reduce((s, u) => s + u, 0));
return { naive, stable, engine: engine.softmax(z), 'loss for class 1: logΣe^z − z₁': logSumExp - z[0] };
