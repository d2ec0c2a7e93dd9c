// State → Plot options for one activation: g as a solid line, g' dashed, both labelled in text
// (not by colour alone), a rule at the chosen z0 with the tangent of g there.

import * as Plot from '@observablehq/plot';
import { okabeIto } from '@lib/palette';
import { Y_DOMAIN, Z_DOMAIN, sampleCurve, tangentSegment, valuesAt, type ShownActivation } from './model';

const G_COLOR = okabeIto[0];
const DG_COLOR = okabeIto[5];

/** Plot options for activation `name` with the marker at z0. */
export function activationPlot(name: ShownActivation, z0: number, width = 240): Plot.PlotOptions {
  const curve = sampleCurve(name, Z_DOMAIN);
  const { g, dg } = valuesAt(name, z0);
  const [yMin, yMax] = Y_DOMAIN[name];
  const clip = (v: number) => Math.max(yMin, Math.min(yMax, v));
  const tangent = tangentSegment(name, z0);
  const last = curve[curve.length - 1]!;
  return {
    width,
    height: Math.round(width * 0.8),
    marginLeft: 36,
    marginRight: 28,
    style: { background: 'transparent', color: 'currentColor', fontSize: '12px' },
    x: { domain: [...Z_DOMAIN], label: 'z' },
    y: { domain: [yMin, yMax], label: null, grid: true },
    marks: [
      Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.35, ariaHidden: 'true' }),
      Plot.ruleX([z0], { stroke: 'currentColor', strokeOpacity: 0.5, strokeDasharray: '2,3', ariaHidden: 'true' }),
      Plot.line(tangent, { x: 'z', y: 'g', stroke: 'currentColor', strokeOpacity: 0.55, strokeWidth: 1, clip: true, ariaHidden: 'true' }),
      Plot.line(curve, { x: 'z', y: 'g', stroke: G_COLOR, strokeWidth: 2.5, clip: true, ariaHidden: 'true' }),
      Plot.line(curve, { x: 'z', y: 'dg', stroke: DG_COLOR, strokeWidth: 2, strokeDasharray: '6,4', clip: true, ariaHidden: 'true' }),
      Plot.text([{ z: last.z, y: clip(last.g) }], { x: 'z', y: 'y', text: () => 'g', dx: 4, textAnchor: 'start', fill: G_COLOR, fontWeight: 700, ariaHidden: 'true' }),
      Plot.text([{ z: last.z, y: clip(last.dg) }], { x: 'z', y: 'y', text: () => "g′", dx: 4, dy: 10, textAnchor: 'start', fill: DG_COLOR, fontWeight: 700, ariaHidden: 'true' }),
      Plot.dot([{ z: z0, y: g }], { x: 'z', y: 'y', r: 4.5, fill: G_COLOR, stroke: 'currentColor', clip: true, ariaHidden: 'true' }),
      Plot.dot([{ z: z0, y: dg }], { x: 'z', y: 'y', r: 4.5, symbol: 'square', fill: DG_COLOR, stroke: 'currentColor', clip: true, ariaHidden: 'true' }),
    ],
  };
}
