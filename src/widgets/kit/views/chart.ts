// Shared plumbing for the kit's Plot views: render options into a container as one accessible
// image (role="img" with a text alternative; the marks' own ARIA removed, which axe would flag),
// and read the theme's colours from CSS variables so charts follow light / dark / present mode.

import * as Plot from '@observablehq/plot';
import { classColors, okabeIto } from '@lib/palette';
import type { RGB } from '../view-models/decision-map';
import { hexToRgb } from '../view-models/decision-map';

/** Colours a view draws with, read from the page's CSS variables. */
export interface Theme {
  fg: string;
  fgSoft: string;
  bg: string;
  border: string;
  accent: string;
  bgRgb: RGB;
  fgRgb: RGB;
  dark: boolean;
  classColors: readonly string[];
  /** Colours for trainers (series), distinct from nothing in particular but safe for colour-blind readers. */
  series: readonly string[];
}

function cssVar(el: Element, name: string, fallback: string): string {
  const v = getComputedStyle(el).getPropertyValue(name).trim();
  return v || fallback;
}

function rgbOf(colour: string, fallback: RGB): RGB {
  try {
    return hexToRgb(colour);
  } catch {
    const m = /rgba?\((\d+)[ ,]+(\d+)[ ,]+(\d+)/.exec(colour);
    return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : fallback;
  }
}

/** The theme in force for `el` (call again after a `themechange`). */
export function readTheme(el: Element): Theme {
  const bg = cssVar(el, '--bg', '#ffffff');
  const fg = cssVar(el, '--fg', '#16191d');
  const bgRgb = rgbOf(bg, [255, 255, 255]);
  const fgRgb = rgbOf(fg, [22, 25, 29]);
  const dark = bgRgb[0] + bgRgb[1] + bgRgb[2] < 3 * 128;
  return {
    fg,
    fgSoft: cssVar(el, '--fg-soft', '#4a525c'),
    bg,
    border: cssVar(el, '--border', '#c9d0d8'),
    accent: cssVar(el, '--accent', '#005a8c'),
    bgRgb,
    fgRgb,
    dark,
    classColors,
    // Blue, vermillion, bluish green, reddish purple: distinct under the common colour-vision deficiencies.
    series: [okabeIto[0], okabeIto[5], okabeIto[2], okabeIto[3], okabeIto[1]],
  };
}

/** Mark options that keep a mark out of the accessibility tree (the chart is one image). */
export const quiet = { ariaHidden: 'true' } as const;

/**
 * Renders Plot options into `host`, replacing the previous chart, as one image whose text
 * alternative is `label`. Returns the new chart (for its scales).
 */
export function renderChart(host: HTMLElement, options: Plot.PlotOptions, label: string): Chart {
  const chart = Plot.plot({ ...options, style: { background: 'transparent', color: 'currentColor', ...(typeof options.style === 'object' ? options.style : {}) } }) as unknown as Chart;
  for (const el of chart.querySelectorAll('[aria-label], [aria-description]')) {
    el.removeAttribute('aria-label');
    el.removeAttribute('aria-description');
  }
  chart.setAttribute('role', 'img');
  chart.setAttribute('aria-label', label);
  const old = host.querySelector(':scope > svg, :scope > figure');
  if (old) old.replaceWith(chart);
  else host.append(chart);
  return chart;
}

/** A rendered Plot chart: an <svg> with its scales. */
export type Chart = SVGSVGElement & Pick<Plot.Plot, 'scale'>;

/** The plot frame in the chart's pixels (where the x and y scales map their domains). */
export function plotFrame(chart: Chart): { left: number; right: number; top: number; bottom: number } | null {
  const xr = chart.scale('x')?.range;
  const yr = chart.scale('y')?.range;
  if (!xr || !yr) return null;
  const x = Array.from(xr);
  const y = Array.from(yr);
  if (x.length < 2 || y.length < 2) return null;
  return { left: Number(x[0]), right: Number(x[1]), bottom: Number(y[0]), top: Number(y[1]) };
}

/** Unicode glyphs matching Plot's symbols, for legends written as text. */
export const symbolGlyphs: Readonly<Record<string, string>> = {
  circle: '●',
  triangle: '▲',
  square: '■',
  diamond: '◆',
  star: '★',
};

/** A legend entry: a coloured glyph (or line sample) and its words; the words carry the meaning. */
export interface LegendItem {
  color: string;
  glyph?: string;
  dash?: string;
  hollow?: boolean;
  text: string;
}

/** A text legend (a list), so meanings never rest on colour alone. */
export function renderLegend(host: HTMLElement, items: readonly LegendItem[]): void {
  const key = JSON.stringify(items);
  const existing = host.querySelector<HTMLElement>(':scope > .tw-legend');
  if (existing?.dataset['key'] === key) return;
  const doc = host.ownerDocument;
  const list = doc.createElement('ul');
  list.className = 'tw-legend';
  list.dataset['key'] = key;
  for (const item of items) {
    const li = doc.createElement('li');
    const mark = doc.createElement('span');
    mark.setAttribute('aria-hidden', 'true');
    if (item.glyph) {
      mark.className = 'tw-legend__glyph';
      mark.textContent = item.glyph;
      mark.style.color = item.color;
      if (item.hollow) mark.classList.add('tw-legend__glyph--hollow');
    } else {
      mark.className = 'tw-legend__line';
      mark.style.borderTopColor = item.color;
      mark.style.borderTopStyle = item.dash && item.dash !== 'none' ? 'dashed' : 'solid';
    }
    const text = doc.createElement('span');
    text.textContent = item.text;
    li.append(mark, text);
    list.append(li);
  }
  if (existing) existing.replaceWith(list);
  else host.append(list);
}

/** A short number for text alternatives and tooltips. */
export function short(x: number): string {
  if (!Number.isFinite(x)) return 'not a number';
  const a = Math.abs(x);
  if (a !== 0 && (a < 0.001 || a >= 100000)) return x.toExponential(2);
  return String(Number(x.toPrecision(3)));
}
