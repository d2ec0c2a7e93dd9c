// Turns benchmark results into Markdown tables and checks them against the goals of issue 12.

import type { ContenderResult, HeapResult, WorkloadResult } from './harness';

const fmt = (x: number, digits = 3): string =>
  !Number.isFinite(x) ? '—' : x >= 100 ? Math.round(x).toLocaleString('en-US') : Number(x.toPrecision(digits)).toString();

/** engine.rates[r] / peer.rates[r], round by round (the same round ran both close together). */
export function pairedRatios(engine: ContenderResult, peer: ContenderResult): number[] {
  const n = Math.min(engine.rates.length, peer.rates.length);
  return Array.from({ length: n }, (_, r) => engine.rates[r]! / peer.rates[r]!);
}

export function workloadTable(result: WorkloadResult): string[] {
  const infer = result.kind === 'infer';
  const engine = result.contenders.find((c) => c.name === 'engine');
  const lines = [`## ${result.id}: ${result.title}`, ''];
  lines.push(infer
    ? '| contender | CPU ms per grid (median) | range | engine speed ÷ peer | per-round | wall ms (median) | max \\|p − p₆₄\\| (Float64 reference) | same work |'
    : `| contender | steps per CPU-s (median) | range | engine ÷ peer | per-round | steps per wall-s (median) | loss at start → after ${result.learnSteps} steps | learns |`);
  lines.push('| --- | ---: | --- | ---: | --- | ---: | --- | --- |');
  for (const c of result.contenders) {
    if (c.error) {
      lines.push(`| ${c.name} | failed: ${c.error.replace(/\|/g, '/')} | | | | | | |`);
      continue;
    }
    const value = (rate: number) => (infer ? 1000 / rate : rate);
    const lo = Math.min(...c.rates.map(value));
    const hi = Math.max(...c.rates.map(value));
    const ratio = engine && c !== engine ? engine.median / c.median : Number.NaN;
    const paired = engine && c !== engine ? pairedRatios(engine, c) : [];
    const range = paired.length ? `${fmt(Math.min(...paired))}–${fmt(Math.max(...paired))}` : '';
    const check = infer
      ? `${c.gridDifference === undefined ? '—' : c.gridDifference.toExponential(1)} | ${c.learned ? 'yes' : 'NO'}`
      : `${fmt(c.lossBefore, 4)} → ${fmt(c.lossAfter, 4)} | ${c.learned ? 'yes' : 'NO'}`;
    lines.push(`| ${c.name} | ${fmt(value(c.median))} | ${fmt(lo)}–${fmt(hi)} | ${c === engine ? '1' : `${fmt(ratio)}×`} | ${range} | ${fmt(value(c.wallMedian))} | ${check} |`);
  }
  return lines;
}

export function heapTable(heap: readonly HeapResult[], steps: number): string[] {
  const lines = [`## Allocation in a training step (engine, ${steps.toLocaleString('en-US')} steps)`, ''];
  lines.push('| workload | heap growth | per step | collections | allocated (sampling profiler) | per step |', '| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const h of heap) {
    lines.push(`| ${h.id} | ${h.bytes.toLocaleString('en-US')} B | ${fmt(h.bytesPerStep)} B | ${h.gcs} | ${Number.isFinite(h.sampledBytes) ? `${h.sampledBytes.toLocaleString('en-US')} B` : '—'} | ${fmt(h.sampledBytes / h.steps)} B |`);
  }
  lines.push('', "Allocated: V8's sampling heap profiler over the steps (one sample per ~64 bytes allocated, freed objects included), minus what the profiler's own start and stop allocate. Heap growth: used_heap_size after a second run of the same steps minus before it (a full GC forced first), less the same measurement around zero steps, with the collections that happened meanwhile.");
  if (heap.some((h) => !h.collected)) lines.push('', 'No GC was forced first (run with node --expose-gc, as `npm run bench` does).');
  return lines;
}

export interface Goal {
  goal: string;
  figure: string;
  met: boolean;
}

const find = (r: WorkloadResult | undefined, name: string) => r?.contenders.find((c) => c.name === name && !c.error);

/** The goals of issue 12, each with the figure measured in this run. */
export function goalsOf(results: readonly WorkloadResult[], heap: readonly HeapResult[]): Goal[] {
  const goals: Goal[] = [];
  const byId = (id: string) => results.find((r) => r.id === id);
  for (const id of ['W1', 'W2']) {
    const r = byId(id);
    const engine = find(r, 'engine');
    const peers = [find(r, 'tfjs-cpu'), find(r, 'tfjs-wasm')].filter((c): c is ContenderResult => c !== undefined);
    if (!engine || peers.length === 0) continue;
    const best = peers.reduce((a, b) => (b.median > a.median ? b : a));
    const ratio = engine.median / best.median;
    goals.push({ goal: `${id}: ≥ 30× the faster TensorFlow.js backend (${best.name})`, figure: `${fmt(ratio)}×`, met: ratio >= 30 });
  }
  for (const id of ['W3', 'W4']) {
    const r = byId(id);
    const engine = find(r, 'engine');
    const peer = find(r, 'tfjs-wasm');
    if (!engine || !peer) continue;
    const ratio = engine.median / peer.median;
    goals.push({ goal: `${id}: ≥ 1.0× TensorFlow.js wasm`, figure: `${fmt(ratio)}×`, met: ratio >= 1 });
  }
  const w5 = byId('W5');
  const e5 = find(w5, 'engine');
  const p5 = find(w5, 'tfjs-wasm');
  if (e5 && p5) {
    const share = p5.median / e5.median;
    goals.push({ goal: 'W5: grid in ≤ ½ the time of TensorFlow.js wasm', figure: `${fmt(1000 / e5.median)} ms vs ${fmt(1000 / p5.median)} ms (${fmt(share)} of its time)`, met: share <= 0.5 });
  }
  for (const r of results) {
    const failed = r.contenders.filter((c) => !c.error && !c.learned).map((c) => c.name);
    goals.push({ goal: `${r.id}: every contender ${r.kind === 'train' ? 'learns (loss falls)' : 'computes the same grid'}`, figure: failed.length ? `not: ${failed.join(', ')}` : 'all', met: failed.length === 0 });
  }
  for (const h of heap) {
    const perStep = Math.max(h.bytesPerStep, Number.isFinite(h.sampledBytes) ? h.sampledBytes / h.steps : 0);
    goals.push({
      goal: `${h.id}: no allocation in a training step`,
      figure: `heap +${h.bytes.toLocaleString('en-US')} B, sampled ${Number.isFinite(h.sampledBytes) ? h.sampledBytes.toLocaleString('en-US') : '—'} B over ${h.steps.toLocaleString('en-US')} steps`,
      met: perStep < 1,
    });
  }
  return goals;
}
