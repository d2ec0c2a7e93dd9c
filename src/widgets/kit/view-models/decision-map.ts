// Decision regions as a small RGBA image: each cell of a grid over the input plane takes the
// colour of its most probable class, faded toward the background where the network is unsure,
// and darkened where the winning class changes (the boundary), so regions read without colour.
// Drawn once per frame into a canvas, it costs the same for any network size.

/** An sRGB colour as three 0–255 channels. */
export type RGB = readonly [number, number, number];

/** '#RRGGBB' (or '#RGB') → [r, g, b]; anything else is an error in the caller's palette. */
export function hexToRgb(hex: string): RGB {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) throw new Error(`not a hex colour: ${hex}`);
  let h = m[1]!;
  if (h.length === 3) h = h.replace(/./g, (c) => c + c);
  return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
}

/** How a map is coloured. */
export interface DecisionMapStyle {
  /** One colour per class (class c uses colours[c % length]). */
  colors: readonly RGB[];
  /** The page background the colours fade into where the network is unsure. */
  background: RGB;
  /** Opacity of a class colour at the least confidence (p_max = 1/k). */
  minAlpha: number;
  /** Opacity at full confidence (p_max = 1). */
  maxAlpha: number;
  /** How much boundary cells are darkened toward `boundary` (0: no boundary line). */
  boundaryStrength: number;
  /** The colour boundary cells move toward (dark on light pages, light on dark ones). */
  boundary: RGB;
}

/**
 * Confidence of one cell, 0 at a tie between all k classes (p_max = 1/k) and 1 when sure
 * (p_max = 1): c = (p_max − 1/k) / (1 − 1/k).
 */
export function confidence(pMax: number, k: number): number {
  if (k < 2) return 1;
  const c = (pMax - 1 / k) / (1 - 1 / k);
  return c < 0 ? 0 : c > 1 ? 1 : c;
}

/**
 * The winning class and its probability per cell. `probs` holds n cells × `width` numbers: with
 * width ≥ 2 a probability per class (softmax), with width 1 the probability of class 1 (sigmoid,
 * two classes). Returns classes (n) and the winning probability (n).
 */
export function winners(probs: ArrayLike<number>, width: number, n: number): { cls: Uint8Array; pMax: Float64Array } {
  const cls = new Uint8Array(n);
  const pMax = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (width === 1) {
      const p1 = probs[i]!;
      cls[i] = p1 > 0.5 ? 1 : 0;
      pMax[i] = p1 > 0.5 ? p1 : 1 - p1;
      continue;
    }
    let best = 0;
    let bestP = -Infinity;
    for (let c = 0; c < width; c++) {
      const p = probs[i * width + c]!;
      if (p > bestP) {
        bestP = p;
        best = c;
      }
    }
    cls[i] = best;
    pMax[i] = bestP;
  }
  return { cls, pMax };
}

/**
 * RGBA pixels (row 0 at the TOP) for a grid of nx × ny cells whose probabilities are listed
 * row by row from the BOTTOM (y ascending, x ascending within a row, as `predictGrid` lists
 * them). Pixel = background·(1 − a) + colour·a with a = minAlpha + (maxAlpha − minAlpha)·c;
 * a cell whose right or upper neighbour has another class is moved toward `boundary`.
 */
export function decisionMapPixels(
  probs: ArrayLike<number>,
  width: number,
  nx: number,
  ny: number,
  style: DecisionMapStyle,
  out: Uint8ClampedArray = new Uint8ClampedArray(nx * ny * 4),
): Uint8ClampedArray {
  const n = nx * ny;
  const k = width === 1 ? 2 : width;
  const { cls, pMax } = winners(probs, width, n);
  const b = style.boundaryStrength;
  for (let gy = 0; gy < ny; gy++) {
    for (let gx = 0; gx < nx; gx++) {
      const i = gy * nx + gx;
      const c = cls[i]!;
      const col = style.colors[c % style.colors.length]!;
      const a = style.minAlpha + (style.maxAlpha - style.minAlpha) * confidence(pMax[i]!, k);
      let r = style.background[0] * (1 - a) + col[0] * a;
      let g = style.background[1] * (1 - a) + col[1] * a;
      let bl = style.background[2] * (1 - a) + col[2] * a;
      const edge = (gx + 1 < nx && cls[i + 1] !== c) || (gy + 1 < ny && cls[i + nx] !== c);
      if (edge && b > 0) {
        r = r * (1 - b) + style.boundary[0] * b;
        g = g * (1 - b) + style.boundary[1] * b;
        bl = bl * (1 - b) + style.boundary[2] * b;
      }
      const o = ((ny - 1 - gy) * nx + gx) * 4;
      out[o] = r;
      out[o + 1] = g;
      out[o + 2] = bl;
      out[o + 3] = 255;
    }
  }
  return out;
}

/** Share of grid cells won by each class (k entries summing to 1): the text alternative's numbers. */
export function regionShares(probs: ArrayLike<number>, width: number, n: number): number[] {
  const k = width === 1 ? 2 : width;
  const counts = new Array<number>(k).fill(0);
  const { cls } = winners(probs, width, n);
  for (let i = 0; i < n; i++) counts[cls[i]!]!++;
  return counts.map((c) => (n === 0 ? 0 : c / n));
}
