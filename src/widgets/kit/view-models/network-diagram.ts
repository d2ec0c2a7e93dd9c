// The network diagram's geometry: units as columns of dots, one edge per weight, its width
// scaled by |w| and its colour AND dash by sign (so sign is not told by colour alone). Pure:
// positions live in a unit square that the view maps onto pixels; the nearest edge to a pointer
// and the keyboard's edge order come from here too.

import { signColors } from '@lib/palette';

/** The part of a model file the diagram reads (the engine's LayerJSON fits). */
export interface DiagramLayer {
  /** h rows of d weights: weights[j][k] = W_jk, from input k to unit j. */
  weights: readonly (readonly number[])[];
  biases: readonly number[];
}

/** A unit drawn as a dot. */
export interface DiagramNode {
  /** Column: 0 for the inputs, l + 1 for layer l's units. */
  column: number;
  index: number;
  x: number;
  y: number;
  label: string;
  /** The unit's bias (undefined for inputs). */
  bias?: number;
}

/** A weight drawn as a line from unit `from` of column `layer` to unit `to` of column `layer + 1`. */
export interface DiagramEdge {
  layer: number;
  from: number;
  to: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  weight: number;
  /** Stroke width in pixels. */
  width: number;
  color: string;
  /** SVG dash pattern: solid for w ≥ 0, dashed for w < 0. */
  dash: string;
  label: string;
}

export interface DiagramOptions {
  /** Thinnest and thickest stroke, in pixels. */
  minWidth?: number;
  maxWidth?: number;
  /** Most units drawn per column; wider layers show their first units and say so. */
  maxUnits?: number;
  /** Names of the inputs and outputs (default x₁… and ỹ₁…). */
  inputLabels?: readonly string[];
  outputLabels?: readonly string[];
}

export interface Diagram {
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  /** Largest |w| over the drawn edges (the scale of the widths). */
  maxAbs: number;
  /** Units per column (all of them, drawn or not). */
  columns: number[];
  /** True when some column had more units than `maxUnits`. */
  truncated: boolean;
}

export const NEGATIVE_DASH = '4,3';

const SUB = '₀₁₂₃₄₅₆₇₈₉';
/** 12 → '₁₂' (subscript digits, for unit labels). */
export function subscript(n: number): string {
  return String(n).replace(/\d/g, (d) => SUB[Number(d)]!);
}

/** Stroke width for a weight: linear in |w| from minWidth (w = 0) to maxWidth (|w| = maxAbs). */
export function edgeWidth(w: number, maxAbs: number, minWidth: number, maxWidth: number): number {
  if (!(maxAbs > 0) || !Number.isFinite(w)) return minWidth;
  return minWidth + (maxWidth - minWidth) * Math.min(1, Math.abs(w) / maxAbs);
}

/** Height of unit i of a column of `count`, columns centred, units spaced as in the tallest column. */
function spread(count: number, i: number, tallest: number): number {
  const gap = tallest <= 1 ? 0 : 0.9 / (tallest - 1);
  return 0.5 + (i - (count - 1) / 2) * gap;
}

/** Lays out a network of `inputs` inputs and the given layers (hidden first, output last). */
export function layoutNetwork(inputs: number, layers: readonly DiagramLayer[], options: DiagramOptions = {}): Diagram {
  const { minWidth = 0.5, maxWidth = 5, maxUnits = 24 } = options;
  const columns = [inputs, ...layers.map((l) => l.weights.length)];
  const shown = columns.map((c) => Math.min(c, maxUnits));
  const nColumns = columns.length;
  const tallest = Math.max(...shown);
  const x = (c: number) => (nColumns === 1 ? 0.5 : 0.06 + (0.88 * c) / (nColumns - 1));
  const nodes: DiagramNode[] = [];
  for (let c = 0; c < nColumns; c++) {
    const count = shown[c]!;
    const last = c === nColumns - 1;
    for (let i = 0; i < count; i++) {
      const label =
        c === 0
          ? (options.inputLabels?.[i] ?? `x${subscript(i + 1)}`)
          : last
            ? (options.outputLabels?.[i] ?? `output ${i + 1}`)
            : `h${subscript(i + 1)} in layer ${c}`;
      const node: DiagramNode = { column: c, index: i, x: x(c), y: 1 - spread(count, i, tallest), label };
      const bias = c > 0 ? layers[c - 1]!.biases[i] : undefined;
      if (bias !== undefined) node.bias = bias;
      nodes.push(node);
    }
  }
  let m = 0;
  layers.forEach((layer, l) => {
    for (let j = 0; j < shown[l + 1]!; j++) {
      const row = layer.weights[j]!;
      for (let k = 0; k < shown[l]!; k++) {
        const w = row[k]!;
        if (Number.isFinite(w) && Math.abs(w) > m) m = Math.abs(w);
      }
    }
  });
  const nodeAt = (c: number, i: number) => nodes.find((n) => n.column === c && n.index === i)!;
  const edges: DiagramEdge[] = [];
  layers.forEach((layer, l) => {
    for (let j = 0; j < shown[l + 1]!; j++) {
      const to = nodeAt(l + 1, j);
      for (let k = 0; k < shown[l]!; k++) {
        const from = nodeAt(l, k);
        const w = layer.weights[j]![k]!;
        edges.push({
          layer: l,
          from: k,
          to: j,
          x1: from.x,
          y1: from.y,
          x2: to.x,
          y2: to.y,
          weight: w,
          width: edgeWidth(w, m, minWidth, maxWidth),
          color: w < 0 ? signColors.negative : signColors.positive,
          dash: w < 0 ? NEGATIVE_DASH : 'none',
          label: `${from.label} → ${to.label}`,
        });
      }
    }
  });
  return { nodes, edges, maxAbs: m, columns, truncated: shown.some((s, i) => s < columns[i]!) };
}

/** Squared distance from point (px, py) to the segment (x1, y1)–(x2, y2). */
export function segmentDistance2(px: number, py: number, x1: number, y1: number, x2: number, y2: number): number {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const len2 = dx * dx + dy * dy;
  let t = len2 === 0 ? 0 : ((px - x1) * dx + (py - y1) * dy) / len2;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  const ex = x1 + t * dx - px;
  const ey = y1 + t * dy - py;
  return ex * ex + ey * ey;
}

/**
 * Index of the edge nearest to (px, py) in diagram units, or −1 when none lies within `radius`.
 * `sx`, `sy` stretch the axes so distance is measured as on screen.
 */
export function nearestEdge(edges: readonly DiagramEdge[], px: number, py: number, radius: number, sx = 1, sy = 1): number {
  let best = -1;
  let bestD = radius * radius;
  edges.forEach((e, i) => {
    const d = segmentDistance2(px * sx, py * sy, e.x1 * sx, e.y1 * sy, e.x2 * sx, e.y2 * sy);
    if (d <= bestD) {
      bestD = d;
      best = i;
    }
  });
  return best;
}
