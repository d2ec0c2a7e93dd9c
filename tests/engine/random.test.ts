import { describe, expect, test } from 'vitest';
import { createRng, hashSeed } from '../../src/engine';

const draw = (seed: number, count: number): number[] => {
  const rng = createRng(seed);
  return Array.from({ length: count }, () => rng.next());
};

describe('createRng', () => {
  test('the same seed gives the same sequence; nearby seeds give different ones', () => {
    expect(draw(42, 100)).toEqual(draw(42, 100));
    expect(draw(42, 10)).not.toEqual(draw(43, 10));
  });

  test('next() is uniform on [0, 1): range, mean ½ and variance 1/12 within sampling error', () => {
    const xs = draw(1, 50_000);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const variance = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / xs.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.005); // σ of the mean ≈ 0.0013
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(0.002);
  });

  test('int(n) hits every value of 0…n−1 about equally often (χ² test, 9 degrees of freedom)', () => {
    const rng = createRng(7);
    const counts = new Array(10).fill(0);
    for (let i = 0; i < 20_000; i++) counts[rng.int(10)]++;
    const chi2 = counts.reduce((s, c) => s + (c - 2000) ** 2 / 2000, 0);
    expect(chi2).toBeLessThan(27.9); // p = 0.001
  });

  test('normal() has mean 0 and variance 1; laplace(b) has E|x| = b', () => {
    const rng = createRng(3);
    const zs = Array.from({ length: 40_000 }, () => rng.normal());
    const mean = zs.reduce((a, b) => a + b, 0) / zs.length;
    const variance = zs.reduce((a, z) => a + z * z, 0) / zs.length;
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(Math.abs(variance - 1)).toBeLessThan(0.03);
    const ls = Array.from({ length: 40_000 }, () => rng.laplace(2));
    expect(Math.abs(ls.reduce((a, x) => a + Math.abs(x), 0) / ls.length - 2)).toBeLessThan(0.05);
  });

  test('clone() continues the same sequence; fork() is deterministic and different', () => {
    const a = createRng(9);
    a.next();
    a.normal();
    const b = a.clone();
    expect([a.next(), a.normal(), a.int(100)]).toEqual([b.next(), b.normal(), b.int(100)]);
    const f1 = createRng(9).fork();
    const f2 = createRng(9).fork();
    expect(f1.next()).toBe(f2.next());
    expect(createRng(9).fork().next()).not.toBe(createRng(9).next());
  });
});

describe('hashSeed', () => {
  /** FNV-1a followed by murmur3's fmix32, written out independently from the published constants. */
  function reference(text: string): number {
    let h = 2166136261;
    for (const ch of text) {
      h = (h ^ ch.charCodeAt(0)) >>> 0;
      h = Number((BigInt(h) * 16777619n) % 4294967296n);
    }
    const mul = (a: number, b: number): number => Number((BigInt(a) * BigInt(b)) % 4294967296n);
    h = (h ^ (h >>> 16)) >>> 0;
    h = mul(h, 0x85ebca6b);
    h = (h ^ (h >>> 13)) >>> 0;
    h = mul(h, 0xc2b2ae35);
    return (h ^ (h >>> 16)) >>> 0;
  }

  test('is FNV-1a with a murmur3 finalizer, a 32-bit unsigned integer', () => {
    for (const text of ['', 'a', 'lesson-2/ex-3/student-17', 'ÅÄÖ']) {
      expect(hashSeed(text)).toBe(reference(text));
      expect(Number.isInteger(hashSeed(text)) && hashSeed(text) >= 0 && hashSeed(text) < 2 ** 32).toBe(true);
    }
  });

  test('FNV-1a of "a" is 0xe40c292c before finalizing (published test vector)', () => {
    let h = 2166136261;
    h = (h ^ 97) >>> 0;
    h = Number((BigInt(h) * 16777619n) % 4294967296n);
    expect(h).toBe(0xe40c292c);
  });

  test('different students get different seeds', () => {
    const seeds = new Set(Array.from({ length: 1000 }, (_, i) => hashSeed(`ex-1/student-${i}`)));
    expect(seeds.size).toBe(1000);
  });
});
