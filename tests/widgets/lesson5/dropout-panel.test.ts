import { describe, expect, test } from 'vitest';
import { describeFrame, DROPPABLE, dropoutFrame, edges, engineMask, keptCount, LAYERS } from '@widgets/lesson5/dropout/model';

describe('engineMask', () => {
  test('every entry is 0 (dropped) or 1/p (kept), as inverted dropout prescribes', () => {
    for (const keep of [0.5, 0.8, 0.25]) {
      for (let seed = 0; seed < 20; seed++) for (const s of engineMask(7, keep, seed)) expect([0, 1 / keep]).toContain(s);
    }
  });
  test('over many mini-batches the kept share is close to p (binomial, 4 standard errors)', () => {
    const keep = 0.5;
    let kept = 0;
    const n = 4000;
    for (let seed = 0; seed < n / 5; seed++) kept += engineMask(5, keep, seed).filter((s) => s > 0).length;
    expect(Math.abs(kept / n - keep)).toBeLessThan(4 * Math.sqrt((keep * (1 - keep)) / n));
  });
  test('keep = 1 drops nothing and scales nothing', () => {
    expect(engineMask(4, 1, 3)).toEqual([1, 1, 1, 1]);
  });
});

describe('dropoutFrame', () => {
  test('inference: every unit present, nothing rescaled', () => {
    const f = dropoutFrame(0, 0.8, 0.5);
    expect(f.inference).toBe(true);
    expect(f.scale.flat().every((s) => s === 1)).toBe(true);
    expect(describeFrame(f)).toMatch(/^Inference: all 12 input and hidden units/);
  });
  test('mini-batches differ, the same mini-batch is the same picture, the output is never dropped', () => {
    const a = dropoutFrame(1, 0.8, 0.5);
    expect(dropoutFrame(1, 0.8, 0.5)).toEqual(a);
    const frames = Array.from({ length: 10 }, (_, i) => JSON.stringify(dropoutFrame(i + 1, 0.8, 0.5).scale));
    expect(new Set(frames).size).toBeGreaterThan(5);
    for (let b = 1; b <= 10; b++) expect(dropoutFrame(b, 0.8, 0.5).scale.at(-1)).toEqual([1]);
  });
  test('a connection is active only when both of its units are kept', () => {
    const f = dropoutFrame(2, 0.8, 0.5);
    const active = edges(f).filter((e) => e.active).length;
    let expected = 0;
    for (let l = 0; l + 1 < LAYERS.length; l++) expected += f.scale[l]!.filter((s) => s > 0).length * f.scale[l + 1]!.filter((s) => s > 0).length;
    expect(active).toBe(expected);
  });
  test('the caption counts kept units and the 2^12 = 4096 sub-networks', () => {
    const f = dropoutFrame(3, 0.8, 0.5);
    expect(DROPPABLE).toBe(12);
    expect(describeFrame(f)).toContain(`${keptCount(f)} of 12 units kept`);
    expect(describeFrame(f)).toContain('2^12 = 4096 sub-networks');
  });
});
