import { describe, expect, it } from 'vitest';
import {
  defaultParitySettings,
  epochsTo100,
  median,
  parityConfigs,
  parityParams,
  paritySettingsProblem,
  parityShapes,
  runParityTrial,
  summarize,
  type ParityTrial,
} from '@widgets/lesson4/parity';

describe('parity budgets', () => {
  it('counts parameters as Σ h_l (h_{l−1} + 1) + (h_L + 1)', () => {
    // The lesson's pair for d = 10: 28·11 + 29 = 337 and 3 × 110 + 11 = 341.
    expect(parityParams(10, [28])).toBe(337);
    expect(parityParams(10, [10, 10, 10])).toBe(341);
    expect(parityParams(4, [4, 4, 4])).toBe(5 * 4 + 5 * 4 + 5 * 4 + 5);
  });
  it('gives the shallow network the single width closest to the deep budget', () => {
    for (let bits = 2; bits <= 10; bits++) {
      for (const depth of [2, 3, 4]) {
        for (const width of [2, 5, bits, 16]) {
          const s = parityShapes({ bits, depth, width });
          expect(s.deep).toEqual(Array.from({ length: depth }, () => width));
          expect(s.shallow).toHaveLength(1);
          const H = s.shallow[0]!;
          // No other width comes closer: neighbours are at least as far from the deep budget.
          const gap = Math.abs(s.shallowParams - s.deepParams);
          expect(Math.abs(parityParams(bits, [H + 1]) - s.deepParams)).toBeGreaterThanOrEqual(gap);
          if (H > 1) expect(Math.abs(parityParams(bits, [H - 1]) - s.deepParams)).toBeGreaterThanOrEqual(gap);
          // One hidden unit costs n + 2 parameters, so the budgets differ by at most half of that.
          expect(gap).toBeLessThanOrEqual((bits + 2) / 2);
        }
      }
    }
    expect(parityShapes({ bits: 10, depth: 3, width: 10 })).toEqual({ deep: [10, 10, 10], shallow: [28], deepParams: 341, shallowParams: 337 });
  });
  it('trains both on all 2ⁿ patterns with full-batch Adam, the sigmoid head and the same seed', () => {
    const c = parityConfigs({ ...defaultParitySettings(6), seed: 7 });
    for (const config of [c.deep, c.shallow]) {
      expect(config.batchSize).toBe(64);
      expect(config.data).toEqual({ name: 'parity', bits: 6 });
      expect(config.network.loss).toBe('sigmoid-cross-entropy');
      expect(config.optimizer).toEqual({ kind: 'adam', eta: 0.01 });
      expect(config.seed).toBe(7);
    }
    expect(c.deep.network.hidden).toEqual([6, 6, 6]);
  });
  it('explains settings it cannot use', () => {
    const ok = defaultParitySettings(4);
    expect(paritySettingsProblem(ok)).toBeNull();
    expect(paritySettingsProblem({ ...ok, bits: 11 })).toMatch(/number of bits n must be a whole number from 2 to 10/);
    expect(paritySettingsProblem({ ...ok, depth: 1 })).toMatch(/depth/);
    expect(paritySettingsProblem({ ...ok, width: 2.5 })).toMatch(/width/);
    expect(paritySettingsProblem({ ...ok, eta: Number.NaN })).toMatch(/learning rate/);
    expect(() => parityConfigs({ ...ok, eta: 5 })).toThrow(/learning rate/);
  });
});

describe('measuring a run', () => {
  it('epochsTo100 finds the first epoch with every pattern right', () => {
    expect(epochsTo100([0, 1, 2, 3], [0.5, 0.75, 1, 1])).toBe(2);
    expect(epochsTo100([0, 1], [0.5, 0.9])).toBeNull();
  });
  it('median of odd and even lists', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow();
  });
  it('a 2-bit XOR run reaches 100 % and stops there; its first perfect epoch is reproducible', () => {
    const c = parityConfigs({ ...defaultParitySettings(2), seed: 3 });
    const a = runParityTrial(c.deep, 'deep', 2000);
    const b = runParityTrial(c.deep, 'deep', 2000);
    expect(a.epochsTo100).not.toBeNull();
    expect(a.epochsRun).toBe(a.epochsTo100);
    expect(a.bestAccuracy).toBe(1);
    expect(a.finalAccuracy).toBe(1);
    expect(a.params).toBe(parityParams(2, [2, 2, 2]));
    expect(b).toEqual(a);
  });
  it('a run capped before it learns reports the best accuracy seen and no epoch', () => {
    const c = parityConfigs({ ...defaultParitySettings(8), seed: 1 });
    const t = runParityTrial(c.shallow, 'shallow', 3);
    expect(t.epochsTo100).toBeNull();
    expect(t.epochsRun).toBe(3);
    expect(t.bestAccuracy).toBeGreaterThanOrEqual(t.finalAccuracy);
    expect(t.bestAccuracy).toBeLessThan(1);
  });
  it('summarize counts solved runs and takes medians over them', () => {
    const trial = (seed: number, hit: number | null, best: number): ParityTrial => ({
      shape: 'deep', seed, params: 65, epochsTo100: hit, bestAccuracy: best, finalAccuracy: best, epochsRun: hit ?? 100, status: 'ok',
    });
    const s = summarize('deep', [4, 4, 4], [trial(1, 10, 1), trial(2, null, 0.75), trial(3, 30, 1), trial(4, 20, 1)]);
    expect(s).toMatchObject({ solved: 3, runs: 4, medianEpochsSolved: 20, medianBestAccuracy: 1, minBestAccuracy: 0.75, params: 65 });
    expect(s.meanBestAccuracy).toBeCloseTo(3.75 / 4, 12);
  });
});
