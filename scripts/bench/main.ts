// `npm run bench`: the engine against TensorFlow.js (cpu and wasm backends) and ConvNetJS on the
// course's workloads W1–W5, the allocation check, and the page-weight report; prints Markdown
// tables with medians and ratios, and writes the raw figures to bench-results/bench.json.

import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { PerformanceObserver } from 'node:perf_hooks';
import v8 from 'node:v8';
import { allContenders, engine, tfWasmFlavour, type Contender } from './contenders';
import { benchWorkload, heapOverSteps, type AllocationSampler, type HeapResult, type WorkloadResult } from './harness';
import { Session } from 'node:inspector';
import { goalsOf, heapTable, workloadTable, type Goal } from './report';
import { workloads } from './workloads';
import { pageWeights, weightTable } from './sizes';

interface Args {
  rounds: number;
  sliceMs: number;
  only: string[] | null;
  contenders: string[] | null;
  heapSteps: number;
  quick: boolean;
  /** Only the allocation check and the page weights. */
  heapOnly: boolean;
  /** The built site whose pages are weighed. */
  dist: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { rounds: 9, sliceMs: 300, only: null, contenders: null, heapSteps: 10_000, quick: false, heapOnly: false, dist: 'dist' };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${flag} needs a value`);
      return next;
    };
    if (flag === '--rounds') args.rounds = Number(value());
    else if (flag === '--slice') args.sliceMs = Number(value());
    else if (flag === '--only') args.only = value().split(',');
    else if (flag === '--contenders') args.contenders = value().split(',');
    else if (flag === '--heap-steps') args.heapSteps = Number(value());
    else if (flag === '--dist') args.dist = value();
    else if (flag === '--sizes-only') args.only = [];
    else if (flag === '--heap-only') args.heapOnly = true;
    else if (flag === '--quick') Object.assign(args, { quick: true, rounds: 3, sliceMs: 100 });
    else if (flag === '--help') {
      process.stdout.write('npm run bench -- [--quick] [--rounds N] [--slice ms] [--only W1,W4] [--contenders engine,tfjs-wasm] [--heap-steps N] [--dist dist] [--sizes-only] [--heap-only]\n');
      process.exit(0);
    } else throw new Error(`unknown option ${flag} (try --help)`);
  }
  if (!(args.rounds >= 1) || !(args.sliceMs > 0)) throw new Error('--rounds and --slice must be positive');
  return args;
}

/** V8's sampling heap profiler through node:inspector, counting freed objects too. */
function allocationSampler(): AllocationSampler {
  const session = new Session();
  session.connect();
  const post = (method: string, params: object = {}) =>
    new Promise<unknown>((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
  interface SampleNode { selfSize: number; callFrame: { functionName: string }; children: SampleNode[] }
  // The profiler's own bookkeeping shows up under these frames; everything else ran in the steps.
  const sum = (node: SampleNode, inProfiler: boolean): number => {
    const own = inProfiler || node.callFrame.functionName === 'post';
    return (own ? 0 : node.selfSize) + node.children.reduce((total, child) => total + sum(child, own), 0);
  };
  return {
    async start() {
      await post('HeapProfiler.enable');
      await post('HeapProfiler.startSampling', { samplingInterval: 64, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
    },
    async stop() {
      const { profile } = (await post('HeapProfiler.stopSampling')) as { profile: { head: SampleNode } };
      await post('HeapProfiler.disable');
      return sum(profile.head, false);
    },
  };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const chosen: Contender[] = args.contenders
    ? allContenders.filter((c) => args.contenders!.includes(c.name))
    : allContenders;
  if (!chosen.includes(engine)) chosen.unshift(engine);
  const loadBefore = os.loadavg();
  const started = new Date();
  const flavour = chosen.some((c) => c.name === 'tfjs-wasm') ? await tfWasmFlavour() : 'not run';
  const results: WorkloadResult[] = [];
  for (const w of workloads()) {
    if (args.heapOnly || (args.only && !args.only.includes(w.id))) continue;
    log(`${w.id}: ${w.title}`);
    results.push(await benchWorkload(w, chosen, { rounds: args.rounds, sliceMs: args.sliceMs, log }));
  }

  // Allocation: the engine's training step over many steps, GC forced before (node --expose-gc).
  const gc = (globalThis as { gc?: () => void }).gc;
  let gcCount = 0;
  const observer = new PerformanceObserver((list) => {
    gcCount += list.getEntries().length;
  });
  observer.observe({ entryTypes: ['gc'] });
  const heap: HeapResult[] = [];
  const sampler = allocationSampler();
  for (const w of workloads()) {
    if (w.kind !== 'train' || (args.only && !args.only.includes(w.id))) continue;
    const run = await engine.prepare(w);
    const result = await heapOverSteps(w.id, run, args.heapSteps, () => v8.getHeapStatistics().used_heap_size, gc, sampler, () => gcCount);
    heap.push(result);
  }
  observer.disconnect();

  const weights = pageWeights(args.dist);
  const loadAfter = os.loadavg();
  const machine = {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    v8: process.versions.v8,
    platform: `${os.platform()} ${os.release()}`,
    loadBefore: loadBefore.map((x) => Number(x.toFixed(2))),
    loadAfter: loadAfter.map((x) => Number(x.toFixed(2))),
    tfjsWasm: flavour,
  };
  const goals: Goal[] = goalsOf(results, heap);
  const lines: string[] = [];
  lines.push(`# Benchmark ${started.toISOString()}`, '');
  lines.push(`Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB; Node ${machine.node} (V8 ${machine.v8}); ${machine.platform}.`);
  lines.push(`Load average (1, 5, 15 min) before ${machine.loadBefore.join(', ')}, after ${machine.loadAfter.join(', ')}. TensorFlow.js wasm: ${flavour}.`);
  lines.push(`Rounds: ${args.rounds} interleaved (each round visits every contender, rotated), slices of ~${args.sliceMs} ms of CPU time; rates per second of this process's CPU time (user + system), which waiting for a core does not inflate; medians over the rounds; ratio = engine median / peer median, per-round = the ratio within each round (min–max).`, '');
  for (const result of results) lines.push(...workloadTable(result), '');
  lines.push(...heapTable(heap, args.heapSteps), '');
  lines.push(...weightTable(weights), '');
  lines.push('## Goals', '', '| goal | figure | met |', '| --- | --- | --- |');
  for (const goal of goals) lines.push(`| ${goal.goal} | ${goal.figure} | ${goal.met ? 'yes' : 'NO'} |`);
  lines.push('');
  process.stdout.write(`${lines.join('\n')}\n`);
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/bench.json', `${JSON.stringify({ started, args, machine, results, heap, weights, goals }, null, 2)}\n`);
  writeFileSync('bench-results/bench.md', `${lines.join('\n')}\n`);
  log('wrote bench-results/bench.md and bench-results/bench.json');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
