// The timing harness: runs contenders on a workload in one process, interleaved (each round
// visits every contender in a rotated order for a fixed number of steps), takes medians over the
// rounds, checks that each contender learned, and measures the engine's heap over many steps.

import type { Contender, Run } from './contenders';
import type { Workload } from './workloads';

export interface HarnessOptions {
  /** Timed rounds per workload (the median is over these). */
  rounds: number;
  /** Target length of one contender's timed slice in a round, ms. */
  sliceMs: number;
  /** Writes progress lines (to stderr). */
  log?: (line: string) => void;
}

export interface ContenderResult {
  name: string;
  /** Steps (or grid redraws) per second of CPU time, one per round. */
  rates: number[];
  median: number;
  /** The same per second of wall-clock time (includes waiting for a core on a loaded machine). */
  wallRates: number[];
  wallMedian: number;
  stepsPerSlice: number;
  /** Loss on the whole (batched) data set at the shared start, and after the workload's learnSteps. */
  lossBefore: number;
  lossAfter: number;
  /** True when the loss fell (train), or the grid matched the engine's (infer). */
  learned: boolean;
  /** W5: largest |p − p_engine| over the grid. */
  gridDifference?: number;
  error?: string;
}

export interface WorkloadResult {
  id: string;
  title: string;
  kind: Workload['kind'];
  learnSteps: number;
  contenders: ContenderResult[];
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * A contender's loss must fall by at least this fraction for it to count as learning. Training is
 * deterministic and the loss is taken on the whole data set, so any fall is real; 1% rules out
 * rounding.
 */
export const LEARNING_DROP = 0.01;

/** Wall-clock and CPU time (this process, user + system) of `steps` steps, in ms. */
async function timed(run: Run, steps: number): Promise<{ wall: number; cpu: number }> {
  await run.activate?.();
  run.step(); // untimed: moves data after a backend switch and settles the code
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < steps; i++) run.step();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
}

/** Times every contender on one workload, interleaved, and checks that each learned. */
export async function benchWorkload(w: Workload, contenders: readonly Contender[], options: HarnessOptions): Promise<WorkloadResult> {
  const log = options.log ?? (() => {});
  const entries: { contender: Contender; run: Run | null; result: ContenderResult }[] = [];
  for (const contender of contenders) {
    if (!contender.supports(w)) continue;
    const result: ContenderResult = {
      name: contender.name, rates: [], median: Number.NaN, wallRates: [], wallMedian: Number.NaN, stepsPerSlice: 0,
      lossBefore: Number.NaN, lossAfter: Number.NaN, learned: false,
    };
    try {
      const run = await contender.prepare(w);
      await run.activate?.();
      if (w.kind === 'train') {
        // Learning check first: the same number of steps from the same start for everyone.
        result.lossBefore = run.loss();
        for (let i = 0; i < w.learnSteps; i++) run.step();
        result.lossAfter = run.loss();
        result.learned = Number.isFinite(result.lossAfter) && result.lossAfter < result.lossBefore * (1 - LEARNING_DROP);
      }
      entries.push({ contender, run, result });
    } catch (error) {
      result.error = error instanceof Error ? error.message : String(error);
      entries.push({ contender, run: null, result });
    }
  }
  const live = entries.filter((entry) => entry.run);
  // Calibrate: how many steps fill a slice, after a warm-up that lets the JITs settle.
  for (const { run, result } of live) {
    let steps = 1;
    let elapsed = (await timed(run!, steps)).cpu;
    while (elapsed < options.sliceMs / 4) {
      steps *= 2;
      elapsed = (await timed(run!, steps)).cpu;
    }
    result.stepsPerSlice = Math.max(1, Math.round((steps * options.sliceMs) / elapsed));
  }
  for (let round = 0; round < options.rounds; round++) {
    for (let i = 0; i < live.length; i++) {
      const { run, result } = live[(i + round) % live.length]!;
      const { wall, cpu } = await timed(run!, result.stepsPerSlice);
      result.rates.push((result.stepsPerSlice * 1000) / cpu);
      result.wallRates.push((result.stepsPerSlice * 1000) / wall);
    }
    log(`  ${w.id} round ${round + 1}/${options.rounds}`);
  }
  // Grids are checked against the Float64 reference path (plain-JS kernels) when it runs.
  const referenceEntry = live.find((entry) => entry.contender.name === 'engine (plain JS)') ?? live.find((entry) => entry.contender.name === 'engine');
  const reference = referenceEntry?.run?.grid?.();
  for (const { run, result } of live) {
    result.median = median(result.rates);
    result.wallMedian = median(result.wallRates);
    await run!.activate?.();
    if (w.kind === 'infer') {
      const grid = run!.grid!();
      let worst = 0;
      if (reference) for (let i = 0; i < grid.length; i++) worst = Math.max(worst, Math.abs(grid[i]! - reference[i]!));
      result.gridDifference = reference ? worst : Number.NaN;
      // Float32 peers agree to ~1e-6; a grid that does not match did not do the same work.
      result.learned = reference !== undefined && grid.length === reference.length && worst < 1e-4;
    }
    run!.dispose?.();
  }
  return { id: w.id, title: w.title, kind: w.kind, learnSteps: w.learnSteps, contenders: entries.map((entry) => entry.result) };
}

export interface HeapResult {
  id: string;
  steps: number;
  /** used_heap_size after the steps minus before (GC forced before, none in between expected), bytes. */
  bytes: number;
  bytesPerStep: number;
  /** Bytes allocated during the steps as V8's sampling heap profiler saw them (freed objects included). */
  sampledBytes: number;
  /** Garbage collections during the heap-growth run. */
  gcs: number;
  /** Whether a full GC could be forced before measuring (node --expose-gc). */
  collected: boolean;
}

/** What the harness needs from the inspector's sampling heap profiler. */
export interface AllocationSampler {
  start(): Promise<void>;
  /** Stops and returns the bytes sampled. */
  stop(): Promise<number>;
}

/**
 * Heap use over `steps` training steps of a prepared run: warm up, then run the steps twice, once
 * under the sampling heap profiler and once watching used_heap_size after a forced collection.
 */
export async function heapOverSteps(
  id: string,
  run: Run,
  steps: number,
  heapUsed: () => number,
  gc: (() => void) | undefined,
  sampler: AllocationSampler | null,
  collections: () => number,
): Promise<HeapResult> {
  // Until V8 has optimized every function of the step, unoptimized code boxes its doubles: warm up
  // for at least 2,000 steps and 3 s of CPU time.
  const warmStart = process.cpuUsage();
  for (let i = 0; i < 2000 || process.cpuUsage(warmStart).user < 3e6; i++) run.step();
  let sampledBytes = Number.NaN;
  if (sampler) {
    // The profiler's own start and stop allocate a little: measure that on no steps, subtract it.
    await sampler.start();
    const baseline = await sampler.stop();
    await sampler.start();
    for (let i = 0; i < steps; i++) run.step();
    sampledBytes = Math.max(0, (await sampler.stop()) - baseline);
  }
  // Last, when every function has long been compiled: heap growth with no collection forced between.
  const tick = () => new Promise((resolve) => setTimeout(resolve, 20));
  /** Heap growth and collections over `count` steps, after a forced full GC. */
  const growth = async (count: number) => {
    gc?.();
    await tick(); // lets the GC observer see the forced collection before counting
    const gcsBefore = collections();
    const before = heapUsed();
    for (let i = 0; i < count; i++) run.step();
    const grown = heapUsed() - before;
    await tick();
    return { grown, gcs: collections() - gcsBefore };
  };
  // Reading the heap statistics allocates too: the same measurement around zero steps is subtracted.
  const baseline = await growth(0);
  const measured = await growth(steps);
  const bytes = Math.max(0, measured.grown - baseline.grown);
  const gcs = measured.gcs;
  return { id, steps, bytes, bytesPerStep: bytes / steps, sampledBytes, gcs, collected: gc !== undefined };
}
