// The logits panel's three charts as Plot options (state → options, no DOM): the logits z one
// can drag, p beside its one-hot target, and the gradient p − y with its sign.

import * as Plot from '@observablehq/plot';
import type { PlotOptions } from '@observablehq/plot';
import { classColors, signColors } from '@lib/palette';
import { formatNumber } from '../format';
import { LOGIT_RANGE, type LogitsReadout, type LogitsState } from './model';

/** Size of each small chart, in CSS pixels (they shrink to fit narrow screens). */
export const CHART = { width: 240, height: 220 } as const;

/** "class 1", "class 2", …: the lesson counts classes from 1. */
export function classLabel(c: number): string {
  return `class ${c + 1}`;
}

function rows(values: readonly number[]) {
  return values.map((value, c) => ({ label: classLabel(c), c, value, text: formatNumber(value, 2) }));
}

const common = (): PlotOptions => ({
  width: CHART.width,
  height: CHART.height,
  marginLeft: 44,
  marginTop: 24,
  style: { background: 'transparent', color: 'currentColor', fontSize: '12px' },
});

/** Bars of z_c on a fixed range; the element lets a pointer drag them up and down. */
export function logitsChart(state: LogitsState): PlotOptions {
  const data = rows(state.z);
  return {
    ...common(),
    x: { label: null, domain: data.map((d) => d.label) },
    y: { label: 'z', domain: [LOGIT_RANGE.min, LOGIT_RANGE.max], grid: true },
    marks: [
      Plot.barY(data, { x: 'label', y: 'value', fill: (d) => classColors[d.c], ariaHidden: 'true' }),
      Plot.ruleY([0], { ariaHidden: 'true' }),
      Plot.text(data, { x: 'label', y: 'value', text: 'text', dy: -8, ariaHidden: 'true' }),
    ],
  };
}

/** Bars of p_c, with the one-hot target drawn as a dashed outline at 0 or 1. */
export function probabilityChart(readout: LogitsReadout): PlotOptions {
  const p = rows(readout.p);
  const target = rows(readout.target).filter((d) => d.value === 1);
  return {
    ...common(),
    x: { label: null, domain: p.map((d) => d.label) },
    y: { label: 'probability', domain: [0, 1.08], grid: true },
    marks: [
      Plot.barY(p, { x: 'label', y: 'value', fill: (d) => classColors[d.c], ariaHidden: 'true' }),
      Plot.barY(target, { x: 'label', y: 'value', fill: 'none', stroke: 'currentColor', strokeWidth: 2, strokeDasharray: '5,3', ariaHidden: 'true' }),
      Plot.ruleY([0], { ariaHidden: 'true' }),
      Plot.text(p, { x: 'label', y: 'value', text: 'text', dy: -8, ariaHidden: 'true' }),
    ],
  };
}

/** Bars of ∂L/∂z_c = p_c − y_c, blue when positive, vermillion when negative, always labelled with their value. */
export function gradientChart(readout: LogitsReadout): PlotOptions {
  const data = rows(readout.grad);
  return {
    ...common(),
    x: { label: null, domain: data.map((d) => d.label) },
    y: { label: 'p − y', domain: [-1, 1], grid: true },
    marks: [
      Plot.barY(data, {
        x: 'label',
        y: 'value',
        fill: (d) => (d.value >= 0 ? signColors.positive : signColors.negative),
        ariaHidden: 'true',
      }),
      Plot.ruleY([0], { ariaHidden: 'true' }),
      // dy is a constant in Plot, so labels above positive bars and below negative ones are two marks.
      Plot.text(data.filter((d) => d.value >= 0), { x: 'label', y: 'value', text: 'text', dy: -8, ariaHidden: 'true' }),
      Plot.text(data.filter((d) => d.value < 0), { x: 'label', y: 'value', text: 'text', dy: 10, ariaHidden: 'true' }),
    ],
  };
}

/** A sentence describing the state, used as the charts' text alternative. */
export function describe(state: LogitsState, readout: LogitsReadout): string {
  const parts = state.z.map((z, c) => `${classLabel(c)}: z ${formatNumber(z, 1)}, p ${formatNumber(readout.p[c]!, 3)}, p − y ${formatNumber(readout.grad[c]!, 3)}`);
  return `True ${classLabel(state.y)}. ${parts.join('; ')}. Loss ${formatNumber(readout.loss, 4)}.`;
}
