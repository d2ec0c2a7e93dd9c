import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { convnetjs, engine, engineJs } from '../../scripts/bench/contenders';
import { benchWorkload, median, type WorkloadResult } from '../../scripts/bench/harness';
import { goalsOf } from '../../scripts/bench/report';
import { pageWeight } from '../../scripts/bench/sizes';
import { workloads } from '../../scripts/bench/workloads';

// A tiny run of the benchmark harness: it checks that the contenders learn and do the same work,
// never how fast anything is (npm run bench measures that; a test must not fail on a busy machine).

describe('benchmark harness (smoke run)', () => {
  test('W2 on a small data set: every contender learns, and all reach the same loss from the same start', async () => {
    const w2 = workloads(0.2).find((w) => w.id === 'W2')!;
    const result = await benchWorkload(w2, [engine, engineJs, convnetjs], { rounds: 2, sliceMs: 5 });
    expect(result.contenders.map((c) => c.name)).toEqual(['engine', 'engine (plain JS)', 'convnetjs']);
    for (const c of result.contenders) {
      expect(c.error).toBeUndefined();
      expect(c.learned).toBe(true);
      expect(c.lossAfter).toBeLessThan(c.lossBefore);
      expect(c.rates).toHaveLength(2);
      expect(c.median).toBeGreaterThan(0);
    }
    // Identical work: the same start, batches and learning rate give the same loss (Float64 everywhere).
    const [a, b, c] = result.contenders.map((r) => r.lossAfter);
    expect(Math.abs(a! - b!)).toBeLessThan(1e-9);
    expect(Math.abs(a! - c!)).toBeLessThan(1e-9);
  });

  test('W5: the Float64 engine and ConvNetJS draw the reference grid exactly; the float32 map path to 1e-6', async () => {
    const w5 = workloads(0.2).find((w) => w.id === 'W5')!;
    const result = await benchWorkload(w5, [engine, engineJs, convnetjs], { rounds: 1, sliceMs: 5 });
    for (const c of result.contenders) {
      expect(c.learned).toBe(true);
      // the reference is the plain-JS Float64 engine; 'engine' draws maps in float32 (grid-f32.ts)
      expect(c.gridDifference).toBeLessThan(c.name === 'engine' ? 1e-6 : 1e-12);
    }
    expect(result.contenders.find((c) => c.name === 'engine')!.gridDifference).toBeGreaterThan(0);
  });

  test('median of odd and even lists', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('goals', () => {
  const contender = (name: string, median: number) => ({
    name, rates: [median], median, wallRates: [median], wallMedian: median, stepsPerSlice: 1, lossBefore: 1, lossAfter: 0.5, learned: true,
  });
  const result = (id: string, engineRate: number, cpu: number, wasm: number): WorkloadResult => ({
    id, title: id, kind: 'train', learnSteps: 1,
    contenders: [contender('engine', engineRate), contender('tfjs-cpu', cpu), contender('tfjs-wasm', wasm)],
  });

  test('W1 is judged against the faster TensorFlow.js backend, W3 against wasm', () => {
    const goals = goalsOf([result('W1', 40_000, 1_000, 1_500), result('W3', 900, 2_000, 1_000)], []);
    // 40 000 / 1 500 = 26.7 < 30 (though 40× the cpu backend); 900 / 1 000 = 0.9 < 1.
    expect(goals.find((g) => g.goal.startsWith('W1: ≥'))).toMatchObject({ met: false, figure: '26.7×' });
    expect(goals.find((g) => g.goal.startsWith('W3: ≥'))).toMatchObject({ met: false, figure: '0.9×' });
    const better = goalsOf([result('W1', 60_000, 1_000, 1_500)], []);
    expect(better.find((g) => g.goal.startsWith('W1: ≥'))).toMatchObject({ met: true, figure: '40×' });
  });
});

describe('page weight from a built site', () => {
  test('splits module scripts and their static imports (before widgets) from dynamic imports (widgets)', () => {
    const dist = mkdtempSync(join(tmpdir(), 'dist-'));
    mkdirSync(join(dist, '_astro'));
    mkdirSync(join(dist, 'lessons', 'x'), { recursive: true });
    const files: Record<string, string> = {
      'a.js': 'import{b}from"./b.js";document.querySelector("x-w")&&import("./c.js");b();',
      'b.js': 'export function b(){return 1+1}',
      'c.js': 'import"./d.js";export const c=3;',
      'd.js': 'export const d="' + 'engine '.repeat(200) + '";',
      'style.css': 'body{color:red}',
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dist, '_astro', name), text);
    const html = '<html><head><link rel="stylesheet" href="/_astro/style.css"><script type="module" src="/_astro/a.js"></script></head><body>hi</body></html>';
    writeFileSync(join(dist, 'lessons', 'x', 'index.html'), html);
    const gz = (text: string) => gzipSync(Buffer.from(text), { level: 9 }).length;
    const weight = pageWeight(dist, join(dist, 'lessons', 'x', 'index.html'));
    expect(weight.files.eager.sort()).toEqual(['/_astro/a.js', '/_astro/b.js']);
    expect(weight.files.lazy.sort()).toEqual(['/_astro/c.js', '/_astro/d.js']);
    expect(weight.eagerJs).toBe(gz(files['a.js']!) + gz(files['b.js']!));
    expect(weight.lazyJs).toBe(gz(files['c.js']!) + gz(files['d.js']!));
    expect(weight.css).toBe(gz(files['style.css']!));
    expect(weight.total).toBe(weight.html + weight.css + weight.eagerJs + weight.lazyJs);
  });
});
