// Seeded randomness: every random choice in the engine (initial weights, data sets, splits,
// shuffles, dropout masks) draws from an Rng created from a number, so the same seed gives the
// same run on every machine. The integer stream is sfc32 seeded through splitmix32.

/** A seeded source of random numbers. Passed in explicitly; the engine never uses Math.random. */
export interface Rng {
  /** Uniform on [0, 1) with 53 random bits. */
  next(): number;
  /** Uniform 32-bit unsigned integer. */
  uint32(): number;
  /** Uniform integer in {0, …, n − 1}. */
  int(n: number): number;
  /** Standard normal N(0, 1) (Marsaglia's polar method), times `sd`, plus `mean`. */
  normal(mean?: number, sd?: number): number;
  /** Laplace(0, b): density e^{−|x|/b} / 2b. */
  laplace(b?: number): number;
  /** An independent copy in the same state: both produce the same sequence from here. */
  clone(): Rng;
  /** A new, statistically independent generator; advances this one by one draw. */
  fork(): Rng;
}

/** splitmix32 step, used to spread a single 32-bit seed over sfc32's 128-bit state. */
function splitmix32(state: number): [number, number] {
  const next = (state + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  z ^= z >>> 16;
  return [next, z >>> 0];
}

class Sfc32 implements Rng {
  /** Second normal variate of the last polar-method pair, or NaN when none is cached. */
  private spare = Number.NaN;

  constructor(
    private a: number,
    private b: number,
    private c: number,
    private d: number,
  ) {}

  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  next(): number {
    const hi = this.uint32() >>> 5; // 27 bits
    const lo = this.uint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  normal(mean = 0, sd = 1): number {
    if (!Number.isNaN(this.spare)) {
      const z = this.spare;
      this.spare = Number.NaN;
      return mean + sd * z;
    }
    let u = 0;
    let v = 0;
    let s = 0;
    do {
      u = 2 * this.next() - 1;
      v = 2 * this.next() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const factor = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare = v * factor;
    return mean + sd * u * factor;
  }

  laplace(b = 1): number {
    // Inverse CDF: u uniform on (−½, ½), x = −b sign(u) log(1 − 2|u|).
    const u = this.next() - 0.5;
    return -b * Math.sign(u) * Math.log(1 - 2 * Math.abs(u));
  }

  clone(): Rng {
    const copy = new Sfc32(this.a, this.b, this.c, this.d);
    copy.spare = this.spare;
    return copy;
  }

  fork(): Rng {
    return createRng(this.uint32() ^ 0x5bd1e995);
  }
}

/**
 * A seeded generator: the same `seed` (any number; its low 32 bits are used, after rounding)
 * gives the same sequence on every machine.
 */
export function createRng(seed: number): Rng {
  let state = Math.trunc(seed) | 0;
  const words: number[] = [];
  for (let i = 0; i < 4; i++) {
    const [nextState, out] = splitmix32(state);
    state = nextState;
    words.push(out);
  }
  const rng = new Sfc32(words[0] ?? 0, words[1] ?? 0, words[2] ?? 0, words[3] ?? 0);
  // Discard the first outputs, as sfc32's authors recommend, so nearby seeds decorrelate.
  for (let i = 0; i < 12; i++) rng.uint32();
  return rng;
}

/**
 * A 32-bit seed from a string (FNV-1a over UTF-16 code units, then murmur3's finalizer), e.g.
 * `hashSeed('lesson-2/ex-3/' + studentId)` for a per-student exercise variant.
 */
export function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
