// Drawing a Plot chart into a panel as one accessible image, in colours that follow the theme.

import * as Plot from '@observablehq/plot';
import { okabeIto } from '@lib/palette';
import { currentTheme } from '@lib/theme';

/** Renders `options` into `host` (replacing the previous chart) as role="img" with `label`. */
export function renderChart(host: HTMLElement, options: Plot.PlotOptions, label: string): SVGSVGElement {
  const chart = Plot.plot({ ...options, style: { background: 'transparent', color: 'currentColor' } }) as unknown as SVGSVGElement;
  // The chart is one image: the marks' own ARIA attributes would be prohibited on its children.
  for (const el of chart.querySelectorAll('[aria-label], [aria-description]')) {
    el.removeAttribute('aria-label');
    el.removeAttribute('aria-description');
  }
  chart.setAttribute('role', 'img');
  chart.setAttribute('aria-label', label);
  const old = host.querySelector(':scope > svg');
  if (old) old.replaceWith(chart);
  else host.append(chart);
  return chart;
}

/** The two series colours (Okabe–Ito blue and vermillion; lighter variants on a dark page) and the text colour. */
export function seriesColors(el: Element): { fg: string; colors: readonly [string, string] } {
  const dark = currentTheme(el.ownerDocument) === 'dark';
  const fg = getComputedStyle(el).getPropertyValue('--fg').trim() || (dark ? '#e8eaed' : '#16191d');
  return { fg, colors: dark ? [okabeIto[4], okabeIto[1]] : [okabeIto[0], okabeIto[5]] };
}

/** Width available to a chart host, with a floor so a hidden host still draws something sane. */
export function hostWidth(host: HTMLElement, fallback = 320): number {
  const w = Math.floor(host.getBoundingClientRect().width);
  return w > 80 ? w : fallback;
}
