// The decks' ReLU hidden-node classifier (lesson 1.9): f(x) = u(Σ_j a_j ReLU(x − t_j) + c). The
// sum s(x) is linear between the kinks t_j, so its pieces, its zero crossings and the set where
// f = 1 can be found exactly, piece by piece, as the lesson does by hand.

import { activations } from '@engine';

/** A 1-D network of ReLU units h_j = ReLU(x − t_j), output weights a_j, output bias c. */
export interface ReluNet {
  /** t_j: where unit j switches on. */
  readonly kinks: readonly number[];
  /** a_j: the output weight of unit j. */
  readonly weights: readonly number[];
  /** c: the output bias. */
  readonly bias: number;
}

/** The decks' example: h1 = ReLU(x), h2 = ReLU(x − 0.2), h3 = ReLU(x − 0.55), f = u(h1 − 2h2 + 3h3 − 0.1). */
export const DECK_RELU: ReluNet = { kinks: [0, 0.2, 0.55], weights: [1, -2, 3], bias: -0.1 };

const relu = activations.relu.f;

/** The hidden layer h_j = ReLU(x − t_j). */
export function hiddenAt(net: ReluNet, x: number): number[] {
  return net.kinks.map((t) => relu(x - t));
}

/** s(x) = Σ_j a_j h_j + c, the value the unit step thresholds. */
export function sumAt(net: ReluNet, x: number): number {
  return hiddenAt(net, x).reduce((s, h, j) => s + (net.weights[j] ?? 0) * h, net.bias);
}

/** f(x) = u(s(x)): 1 where s > 0, else 0 (the step is taken as 0 at s = 0 exactly). */
export function classAt(net: ReluNet, x: number): 0 | 1 {
  return sumAt(net, x) > 0 ? 1 : 0;
}

/** One linear piece of s: s(x) = slope·x + intercept on (from, to). */
export interface Piece {
  readonly from: number;
  readonly to: number;
  readonly slope: number;
  readonly intercept: number;
}

/** The linear pieces of s from −∞ to +∞; unit j adds slope a_j and intercept −a_j t_j past t_j. */
export function linearPieces(net: ReluNet): Piece[] {
  const order = net.kinks.map((t, j) => ({ t, a: net.weights[j] ?? 0 })).sort((p, q) => p.t - q.t);
  const pieces: Piece[] = [];
  let slope = 0;
  let intercept = net.bias;
  let from = -Infinity;
  for (const { t, a } of order) {
    if (t > from) pieces.push({ from, to: t, slope, intercept });
    slope += a;
    intercept -= a * t;
    from = t;
  }
  pieces.push({ from, to: Infinity, slope, intercept });
  return pieces;
}

/** The open intervals where f = 1 (s > 0), merged, in increasing order; ends may be ±Infinity. */
export function positiveIntervals(net: ReluNet): [number, number][] {
  const out: [number, number][] = [];
  const add = (a: number, b: number): void => {
    if (!(b > a)) return;
    const last = out[out.length - 1];
    if (last && last[1] === a) last[1] = b;
    else out.push([a, b]);
  };
  for (const { from, to, slope, intercept } of linearPieces(net)) {
    if (slope === 0) {
      if (intercept > 0) add(from, to);
      continue;
    }
    const root = -intercept / slope;
    if (slope > 0) add(Math.max(from, root), to);
    else add(from, Math.min(to, root));
  }
  return out;
}

/** The decision boundaries: the finite ends of the intervals where f = 1. */
export function boundaries(net: ReluNet): number[] {
  return positiveIntervals(net).flatMap(([a, b]) => [a, b].filter(Number.isFinite));
}

const show = (v: number): string =>
  v === Infinity ? '∞' : v === -Infinity ? '−∞' : (Math.round(v * 1000) / 1000).toString().replace('-', '−');

/** "f(x) = 1 on (0.1, 0.3) and (0.675, ∞)" or "f(x) = 0 everywhere". */
export function describeClassOne(net: ReluNet): string {
  const parts = positiveIntervals(net).map(([a, b]) => `(${show(a)}, ${show(b)})`);
  if (parts.length === 0) return 'f(x) = 0 everywhere';
  if (parts.length === 1 && parts[0] === '(−∞, ∞)') return 'f(x) = 1 everywhere';
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  return `f(x) = 1 on ${list}, and 0 elsewhere`;
}

/** Samples of each weighted unit a_j h_j, of s and of f on [a, b], for plotting. */
export function sampleCurves(net: ReluNet, interval: readonly [number, number], n = 241) {
  const [a, b] = interval;
  const xs = Array.from({ length: n }, (_, i) => a + ((b - a) * i) / (n - 1));
  // The kinks are added so that every corner is drawn sharp, not cut by the sampling.
  for (const t of net.kinks) if (t > a && t < b) xs.push(t);
  xs.sort((p, q) => p - q);
  return xs.map((x) => ({
    x,
    units: hiddenAt(net, x).map((h, j) => (net.weights[j] ?? 0) * h),
    s: sumAt(net, x),
    f: classAt(net, x),
  }));
}
