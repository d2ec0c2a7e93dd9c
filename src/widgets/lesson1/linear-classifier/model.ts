// The linear classifier of lesson 1.5, f(x) = argmax_k w_kᵀ[1, x1, x2]: its scores, its decision,
// and the exact pieces of the boundaries (w_k − w_l)ᵀx = 0 where classes k and l tie for the top.

/** One class's augmented weight vector [b_k, w_k1, w_k2]: bias first, as in the decks. */
export type ClassWeights = readonly [number, number, number];

/** The decks' worked example: w1 = [0, 2, 1], w2 = [0, 1, 2]. */
export const DECK_EXAMPLE: readonly ClassWeights[] = [
  [0, 2, 1],
  [0, 1, 2],
];

/** A third class for the multi-class picture; its region is the cone where 3x1 + 2x2 < 0 and 2x1 + 3x2 < 0. */
export const THIRD_CLASS: ClassWeights = [0, -1, -1];

/** A rectangle of the input plane: [x1min, x1max] × [x2min, x2max]. */
export interface Box {
  readonly x1: readonly [number, number];
  readonly x2: readonly [number, number];
}

/** The plotted part of the plane. */
export const VIEW_BOX: Box = { x1: [-3, 3], x2: [-3, 3] };

/** A point of the plane. */
export type Point = readonly [number, number];

/** The score w_kᵀ[1, x1, x2] = b_k + w_k1 x1 + w_k2 x2. */
export function score(w: ClassWeights, x1: number, x2: number): number {
  return w[0] + w[1] * x1 + w[2] * x2;
}

/** All v scores at a point. */
export function scores(W: readonly ClassWeights[], x1: number, x2: number): number[] {
  return W.map((w) => score(w, x1, x2));
}

/** argmax_k of the scores, 0-based; a tie goes to the lower index, as argmax conventionally does. */
export function classify(W: readonly ClassWeights[], x1: number, x2: number): number {
  let best = 0;
  let bestScore = -Infinity;
  W.forEach((w, k) => {
    const s = score(w, x1, x2);
    if (s > bestScore) {
      bestScore = s;
      best = k;
    }
  });
  return best;
}

/** The trainable parameters of a linear classifier with v classes and d inputs: v(d + 1). */
export function parameterCount(v: number, d: number): number {
  return v * (d + 1);
}

/**
 * The boundary between classes k and l as a + b·x1 + c·x2 = 0 with [a, b, c] = w_l − w_k:
 * positive on l's side. (The lesson writes it (w_l − w_k)ᵀx = 0.)
 */
export function boundaryCoefficients(W: readonly ClassWeights[], k: number, l: number): ClassWeights {
  const wk = W[k];
  const wl = W[l];
  if (!wk || !wl) throw new RangeError(`no class ${wk ? l : k}`);
  return [wl[0] - wk[0], wl[1] - wk[1], wl[2] - wk[2]];
}

/** One straight piece of the decision boundary: where classes k and l tie and beat every other class. */
export interface BoundarySegment {
  readonly k: number;
  readonly l: number;
  readonly from: Point;
  readonly to: Point;
}

// Below this a coefficient counts as zero: the weights come from sliders with 0.1 steps, so
// anything this small is rounding, not a real tilt of the line.
const EPS = 1e-12;

/**
 * The visible pieces of the boundaries inside `box`, one per pair of classes that share an edge.
 * The line a + b x1 + c x2 = 0 is walked as p(t) = p0 + t·(−c, b); each other class m and each
 * side of the box cuts t to an interval by one linear inequality, so the piece is exact.
 */
export function boundarySegments(W: readonly ClassWeights[], box: Box = VIEW_BOX): BoundarySegment[] {
  const out: BoundarySegment[] = [];
  for (let k = 0; k < W.length; k++) {
    for (let l = k + 1; l < W.length; l++) {
      const [a, b, c] = boundaryCoefficients(W, k, l);
      const norm2 = b * b + c * c;
      if (norm2 < EPS) continue; // parallel score planes: one class always wins, or they tie everywhere
      const p0: Point = [(-a * b) / norm2, (-a * c) / norm2];
      const dir: Point = [-c, b];
      let lo = -Infinity;
      let hi = Infinity;
      // Keep α + β t ≥ 0.
      const keep = (alpha: number, beta: number): void => {
        if (Math.abs(beta) < EPS) {
          if (alpha < 0) hi = -Infinity;
          return;
        }
        const t = -alpha / beta;
        if (beta > 0) lo = Math.max(lo, t);
        else hi = Math.min(hi, t);
      };
      keep(p0[0] - box.x1[0], dir[0]);
      keep(box.x1[1] - p0[0], -dir[0]);
      keep(p0[1] - box.x2[0], dir[1]);
      keep(box.x2[1] - p0[1], -dir[1]);
      const wk = W[k]!;
      for (let m = 0; m < W.length; m++) {
        if (m === k || m === l) continue;
        const wm = W[m]!;
        // score_k − score_m along the line, which equals score_l − score_m there.
        const d0 = wk[0] - wm[0];
        const d1 = wk[1] - wm[1];
        const d2 = wk[2] - wm[2];
        keep(d0 + d1 * p0[0] + d2 * p0[1], d1 * dir[0] + d2 * dir[1]);
      }
      if (!(hi - lo > EPS)) continue;
      out.push({
        k,
        l,
        from: [p0[0] + lo * dir[0], p0[1] + lo * dir[1]],
        to: [p0[0] + hi * dir[0], p0[1] + hi * dir[1]],
      });
    }
  }
  return out;
}

/**
 * Where to write each class's label: the mean of the grid points (n × n over the box) that the
 * class wins, with the share of the box it covers. Classes that win nowhere get no label.
 */
export function regionLabels(
  W: readonly ClassWeights[],
  box: Box = VIEW_BOX,
  n = 60,
): { k: number; at: Point; share: number }[] {
  const sums = W.map(() => ({ x1: 0, x2: 0, count: 0 }));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const x1 = box.x1[0] + ((i + 0.5) / n) * (box.x1[1] - box.x1[0]);
      const x2 = box.x2[0] + ((j + 0.5) / n) * (box.x2[1] - box.x2[0]);
      const s = sums[classify(W, x1, x2)]!;
      s.x1 += x1;
      s.x2 += x2;
      s.count++;
    }
  }
  return sums.flatMap((s, k) => (s.count === 0 ? [] : [{ k, at: [s.x1 / s.count, s.x2 / s.count] as Point, share: s.count / (n * n) }]));
}

/** A signed number for an equation: "+ 2", "− 1.5" (with a real minus sign). */
function term(value: number, symbol: string, first: boolean): string {
  const mag = Math.abs(value);
  const shown = `${symbol && mag === 1 ? '' : formatNumber(mag)}${symbol}`;
  if (first) return value < 0 ? `−${shown}` : shown;
  return value < 0 ? ` − ${shown}` : ` + ${shown}`;
}

/** A number with at most two decimals, trailing zeros dropped, and a real minus sign. */
export function formatNumber(v: number): string {
  const s = (Math.round(v * 100) / 100).toString();
  return s.startsWith('-') ? `−${s.slice(1)}` : s;
}

/** The boundary (w_l − w_k)ᵀx = 0 written out in plain text, e.g. "−x1 + x2 = 0". */
export function boundaryEquation(W: readonly ClassWeights[], k: number, l: number): string {
  const [a, b, c] = boundaryCoefficients(W, k, l);
  const parts: string[] = [];
  for (const [value, symbol] of [
    [b, 'x₁'],
    [c, 'x₂'],
    [a, ''],
  ] as const) {
    if (Math.abs(value) < 1e-9) continue;
    parts.push(term(value, symbol, parts.length === 0));
  }
  return parts.length === 0 ? '0 = 0' : `${parts.join('')} = 0`;
}
