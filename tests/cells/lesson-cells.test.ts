// Runs every lesson's notebook cell the way the page does (assembled with the prelude, shared
// scopes after their predecessors, the engine as `engine`) and checks what each one claims
// against an independent computation.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import * as engine from '@engine';
import { assembleCell } from '../../src/cells/scope';
import { findTopLevelReturns } from '../../src/cells/returns';

const cell = (name: string) => readFileSync(new URL(`../../content/cells/${name}.js`, import.meta.url), 'utf8');

async function run(name: string, earlier: string[] = []): Promise<{ value: unknown; logs: string[] }> {
  const logs: string[] = [];
  const { code } = assembleCell(cell(name), earlier.map(cell), findTopLevelReturns);
  const AsyncFunction = (async () => {}).constructor as new (...a: string[]) => (...x: unknown[]) => Promise<unknown>;
  const con = { log: (...a: unknown[]) => logs.push(a.join(' ')), info() {}, warn() {}, error() {}, debug() {} };
  const value = await new AsyncFunction('console', 'engine', code)(con, Object.freeze({ ...engine }));
  return { value, logs };
}

describe('lesson notebook cells', () => {
  it('lesson 1: the least-squares line, then a network that fits the sine better', async () => {
    const line = await run('lesson1-fit-line');
    expect((line.value as { $plot: unknown }).$plot).toBeDefined();
    const lineMse = Number(/MSE = ([\d.]+)/.exec(line.logs[0]!)![1]);
    const net = await run('lesson1-fit-network', ['lesson1-fit-line']);
    const netMse = Number(/after 300 epochs: ([\d.]+)/.exec(net.logs[0]!)![1]);
    expect(netMse).toBeLessThan(lineMse / 2);
    expect(netMse).toBeLessThan(1.5 * 0.2 ** 2);
  });
  it('lesson 2: the NLL by hand equals the engine\'s mean loss times N', async () => {
    const { value } = await run('lesson2-gaussian-nll');
    const v = value as Record<string, number | number[]>;
    const r = [0.7 - 0.5, 2.2 - 2.5, 4.9 - 4.5, 6.1 - 6.5];
    const sse = r.reduce((s, x) => s + x * x, 0);
    expect(v['SSE']).toBeCloseTo(sse, 12);
    expect(v['NLL by hand']).toBeCloseTo(2 * Math.log(2 * Math.PI * 0.25) + sse / 0.5, 12);
    expect(v['engine × N']).toBeCloseTo(v['NLL by hand'] as number, 10);
  });
  it('lesson 2: squared error picks the mean, absolute error the median', async () => {
    const { logs } = await run('lesson2-mean-median');
    expect(logs[0]).toMatch(/best c for MSE 2\.20/); // mean 2.2083, grid step 0.05
    expect(logs[1]).toMatch(/median 1\.075.*best c for absolute error (1\.05|1\.10)/);
  });
  it('lesson 3: every analytic gradient matches central differences to 1e-6', async () => {
    const { value } = await run('lesson3-gradient-check');
    const rows = (value as { $table: { 'relative error': number }[] }).$table;
    expect(rows).toHaveLength(6);
    for (const r of rows) expect(r['relative error']).toBeLessThan(1e-6);
  });
  it('lesson 3: the naive softmax fails on [1000, 999, -1000], the stable one does not', async () => {
    const { value } = await run('lesson3-stable-softmax');
    const v = value as Record<string, number[] | number>;
    expect((v['naive'] as number[]).some(Number.isNaN)).toBe(true);
    const e = Math.exp(-1);
    const expected = [1 / (1 + e), e / (1 + e), 0];
    (v['stable'] as number[]).forEach((p, c) => expect(p).toBeCloseTo(expected[c]!, 12));
    expect(v['loss for class 1: logΣe^z − z₁']).toBeCloseTo(Math.log(1 + e), 12);
  });
  it('lesson 4: the tent composed k times has exactly 2^k pieces', async () => {
    const { value } = await run('lesson4-tent-pieces');
    for (const r of (value as { $table: { k: number; pieces: number }[] }).$table) expect(r.pieces).toBe(2 ** r.k);
    const plotted = await run('lesson4-tent-plot');
    expect(plotted.logs[0]).toMatch(/^8 pieces/);
  });
  it('lesson 5: the weight-decay line equals a gradient step on the L2-penalised loss', async () => {
    const { value } = await run('lesson5-weight-decay');
    const v = value as Record<string, number[]>;
    const a = v['w after the decay step']!, b = v['w after a step on L + (λ/2)‖w‖²']!;
    for (let k = 0; k < 2; k++) expect(a[k]).toBeCloseTo(b[k]!, 12);
  });
  it('lesson 5: L1 leaves more weights near zero than L2 of the same strength', async () => {
    const { value } = await run('lesson5-l1-sparsity');
    const [l1, l2] = (value as { $table: { 'weights below 1e-3': number }[] }).$table;
    expect(l1!['weights below 1e-3']).toBeGreaterThan(l2!['weights below 1e-3']);
  });
});
