// A scratch cell: change anything and press Run (or Ctrl+Enter).
// `engine` is the course's engine; `plot({...})` draws, `table(rows)` tabulates.
const z = [2, 1, -1];
const p = engine.softmax(z);
console.log('softmax of', z, 'is', p);
return { p, sum: p.reduce((s, v) => s + v, 0) };
