// State → Plot options for the linear-classifier panel: decision regions as a raster, the exact
// boundary pieces, a class label in every region, the normal vector, and the probe point.

import * as Plot from '@observablehq/plot';
import { classColors, classSymbols } from '@lib/palette';
import { VIEW_BOX, boundarySegments, classify, regionLabels, type ClassWeights, type Point } from './model';

/** Everything the panel shows. */
export interface LinearClassifierState {
  /** One augmented weight vector [b, w1, w2] per class (2 or 3 classes). */
  W: readonly ClassWeights[];
  /** The probe point whose scores are read out. */
  probe: Point;
}

/** The arrow w1 − w2 (weights only) drawn from the boundary point nearest the origin; null if the weights tie. */
export function normalArrow(W: readonly ClassWeights[]): { from: Point; to: Point } | null {
  const [w1, w2] = W;
  if (!w1 || !w2) return null;
  const a = w1[0] - w2[0];
  const nx = w1[1] - w2[1];
  const ny = w1[2] - w2[2];
  const len = Math.hypot(nx, ny);
  if (len < 1e-12) return null;
  // Foot of the perpendicular from the origin to a + nx x1 + ny x2 = 0, then one unit along n.
  const from: Point = [(-a * nx) / (len * len), (-a * ny) / (len * len)];
  return { from, to: [from[0] + nx / len, from[1] + ny / len] };
}

/** Plot options for the panel's figure. */
export function linearClassifierPlot(state: LinearClassifierState, width = 380): Plot.PlotOptions {
  const { W, probe } = state;
  const v = W.length;
  const domain = Array.from({ length: v }, (_, k) => k);
  const arrow = v === 2 ? normalArrow(W) : null;
  const inBox = (p: Point) => p[0] >= VIEW_BOX.x1[0] && p[0] <= VIEW_BOX.x1[1] && p[1] >= VIEW_BOX.x2[0] && p[1] <= VIEW_BOX.x2[1];
  const probeClass = classify(W, probe[0], probe[1]);
  return {
    width,
    height: width,
    marginLeft: 40,
    marginBottom: 40,
    style: { background: 'transparent', color: 'currentColor', fontSize: '13px' },
    x: { domain: [...VIEW_BOX.x1], label: 'x₁', labelAnchor: 'right' },
    y: { domain: [...VIEW_BOX.x2], label: 'x₂', labelAnchor: 'top' },
    color: { type: 'categorical', domain, range: classColors.slice(0, v) },
    marks: [
      Plot.raster({
        fill: (x: number, y: number) => classify(W, x, y),
        x1: VIEW_BOX.x1[0],
        x2: VIEW_BOX.x1[1],
        y1: VIEW_BOX.x2[0],
        y2: VIEW_BOX.x2[1],
        width: 150,
        height: 150,
        fillOpacity: 0.28,
        imageRendering: 'pixelated',
        ariaHidden: 'true',
      }),
      Plot.ruleX([0], { stroke: 'currentColor', strokeOpacity: 0.25, ariaHidden: 'true' }),
      Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.25, ariaHidden: 'true' }),
      Plot.link(boundarySegments(W), {
        x1: (s) => s.from[0],
        y1: (s) => s.from[1],
        x2: (s) => s.to[0],
        y2: (s) => s.to[1],
        stroke: 'currentColor',
        strokeWidth: 2.5,
        ariaHidden: 'true',
      }),
      ...(arrow && inBox(arrow.from)
        ? [
            Plot.arrow([arrow], {
              x1: (d) => d.from[0],
              y1: (d) => d.from[1],
              x2: (d) => d.to[0],
              y2: (d) => d.to[1],
              stroke: 'currentColor',
              strokeWidth: 1.5,
              headLength: 8,
              ariaHidden: 'true',
            }),
            Plot.text([arrow], {
              x: (d) => d.to[0],
              y: (d) => d.to[1],
              text: () => 'w₁ − w₂',
              dx: 6,
              dy: -8,
              textAnchor: 'start',
              fill: 'currentColor',
              stroke: 'var(--bg, white)',
              strokeWidth: 4,
              paintOrder: 'stroke',
              ariaHidden: 'true',
            }),
          ]
        : []),
      Plot.text(regionLabels(W), {
        x: (d) => d.at[0],
        y: (d) => d.at[1],
        text: (d) => `class ${d.k + 1}`,
        fontWeight: 700,
        fontSize: 15,
        fill: 'currentColor',
        stroke: 'var(--bg, white)',
        strokeWidth: 4,
        paintOrder: 'stroke',
        ariaHidden: 'true',
      }),
      Plot.dot([probe], {
        x: (p) => p[0],
        y: (p) => p[1],
        r: 7,
        symbol: () => classSymbols[probeClass % classSymbols.length],
        fill: () => probeClass,
        stroke: 'currentColor',
        strokeWidth: 2,
        ariaHidden: 'true',
      }),
    ],
  };
}
