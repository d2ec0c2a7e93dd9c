// Drawing a Plot chart into a panel with a text alternative: the marks are aria-hidden (set in
// the views), and the <svg> becomes one image with a label that states the numbers.

import * as Plot from '@observablehq/plot';
import type { PlotOptions } from '@observablehq/plot';

/** Renders `options` into `container` (replacing what was there) and labels it; returns the chart. */
export function renderPlot(container: HTMLElement, options: PlotOptions, label: string): ReturnType<typeof Plot.plot> {
  const chart = Plot.plot(options);
  const svg = chart instanceof SVGSVGElement ? chart : chart.querySelector('svg');
  if (svg) {
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', label);
  }
  container.replaceChildren(chart);
  return chart;
}
