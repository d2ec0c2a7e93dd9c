// Decision regions over the 2-D input plane: the map is a small raster painted into a <canvas>
// behind the chart (one putImageData per update, whatever the network), and the Plot chart on top
// holds the axes and the data points, redrawn only when the data change. Classes differ by colour
// AND symbol; training points are filled, validation points hollow, test points hollow with a dot.

import * as Plot from '@observablehq/plot';
import { classSymbols } from '@lib/palette';
import type { PointSet, TrainerState, WidgetState } from '../state';
import type { ViewDefinition } from '../view';
import { decisionMapPixels, hexToRgb, regionShares, type DecisionMapStyle } from '../view-models/decision-map';
import { plotFrame, quiet, renderChart, type Chart, renderLegend, short, symbolGlyphs, type LegendItem, type Theme } from './chart';

export interface RegionsOptions {
  id?: string;
  title?: string;
  /** Span the widget's full width. */
  wide?: boolean;
  /** Which trainer (default: the first). */
  trainer?: string;
  /** Chart height in pixels (default: square, at most 420). */
  height?: number;
  /** Class names (default "class 1", …). */
  classNames?: readonly string[];
}

/** A data point as the chart draws it. */
interface Dot {
  x: number;
  y: number;
  c: number;
}

function dots(set: PointSet): Dot[] {
  const out: Dot[] = [];
  for (let i = 0; i < set.n; i++) out.push({ x: set.x[2 * i]!, y: set.x[2 * i + 1]!, c: set.y[i]! });
  return out;
}

/** The colouring of the map for a theme: class colours fading into the page background. */
export function regionStyle(theme: Theme): DecisionMapStyle {
  return {
    colors: theme.classColors.map(hexToRgb),
    background: theme.bgRgb,
    minAlpha: theme.dark ? 0.08 : 0.06,
    maxAlpha: theme.dark ? 0.55 : 0.45,
    boundaryStrength: 0.35,
    boundary: theme.fgRgb,
  };
}

/** The decision-regions view. */
export function decisionRegions(o: RegionsOptions = {}): ViewDefinition {
  return {
    id: o.id ?? 'decision-regions',
    title: o.title ?? 'Decision regions',
    wide: o.wide ?? false,
    interval: 100,
    needs: ['grid'],
    applies: (state) => {
      const t = o.trainer ? state.trainers.find((x) => x.id === o.trainer) : state.trainers[0];
      return t?.data?.inputs === 2;
    },
    mount(container) {
      const doc = container.ownerDocument;
      const stage = doc.createElement('div');
      stage.className = 'tw-raster-stage';
      const canvas = doc.createElement('canvas');
      canvas.className = 'tw-raster';
      canvas.setAttribute('aria-hidden', 'true');
      stage.append(canvas);
      container.append(stage);
      let chartKey = '';
      let gridVersion = -1;
      let pixels: Uint8ClampedArray | null = null;
      let summaryBase = '';
      let chart: Chart | null = null;
      const pick = (state: WidgetState): TrainerState | undefined => (o.trainer ? state.trainers.find((t) => t.id === o.trainer) : state.trainers[0]);
      const className = (c: number) => o.classNames?.[c] ?? `class ${c + 1}`;
      return {
        update(state, ctx) {
          const t = pick(state);
          if (!t?.grid || !t.data || t.grid.dims !== 2) return;
          const g = t.grid;
          const size = Math.min(ctx.width, ctx.present ? 760 : 420);
          const height = o.height ?? size;
          const key = `${t.versions.data}|${size}|${ctx.theme.fg}|${ctx.theme.bg}|${g.x0},${g.x1},${g.y0},${g.y1}`;
          const k = t.data.classes;
          if (key !== chartKey) {
            chartKey = key;
            gridVersion = -1;
            const symbols = classSymbols.slice(0, Math.max(k, 1));
            const colors = ctx.theme.classColors.slice(0, Math.max(k, 1));
            const classes = Array.from({ length: k }, (_, c) => c);
            const r = ctx.present ? 6 : 4;
            const plot: Plot.PlotOptions = {
              width: size,
              height,
              marginLeft: 40,
              marginBottom: 36,
              marginTop: 10,
              marginRight: 10,
              inset: 0,
              x: { domain: [g.x0, g.x1], label: 'x₁' },
              y: { domain: [g.y0, g.y1], label: 'x₂' },
              color: { type: 'ordinal', domain: classes, range: colors },
              symbol: { type: 'ordinal', domain: classes, range: symbols },
              marks: [
                Plot.dot(dots(t.data.train), { x: 'x', y: 'y', symbol: 'c', fill: 'c', stroke: ctx.theme.fg, strokeWidth: 0.8, r, ...quiet }),
                Plot.dot(dots(t.data.validation), { x: 'x', y: 'y', symbol: 'c', stroke: 'c', fill: ctx.theme.bg, strokeWidth: 2, r, ...quiet }),
                Plot.dot(dots(t.data.test), { x: 'x', y: 'y', symbol: 'c', stroke: 'c', fill: ctx.theme.bg, strokeWidth: 2, r: r + 1, ...quiet }),
                Plot.dot(dots(t.data.test), { x: 'x', y: 'y', fill: ctx.theme.fg, r: 1.2, ...quiet }),
                Plot.frame({ stroke: ctx.theme.border, ...quiet }),
              ],
            };
            stage.style.width = `${size}px`;
            chart = renderChart(stage, plot, 'Decision regions');
            const frame = plotFrame(chart);
            if (frame) {
              const { left, right, bottom, top } = frame;
              canvas.style.left = `${(100 * left) / size}%`;
              canvas.style.width = `${(100 * (right - left)) / size}%`;
              canvas.style.top = `${(100 * top) / height}%`;
              canvas.style.height = `${(100 * (bottom - top)) / height}%`;
            }
            const legend: LegendItem[] = classes.map((c) => ({ color: colors[c]!, glyph: symbolGlyphs[symbols[c]!] ?? '●', text: className(c) }));
            legend.push({ color: ctx.theme.fg, glyph: '●', text: 'filled: training points' });
            if (t.data.validation.n) legend.push({ color: ctx.theme.fg, glyph: '○', text: 'hollow: validation points' });
            if (t.data.test.n) legend.push({ color: ctx.theme.fg, glyph: '◉', text: 'hollow with a dot: test points' });
            legend.push({ color: ctx.theme.fg, glyph: '░', text: 'paler shading: less confident' });
            renderLegend(container, legend);
            summaryBase = `Decision regions of ${k} classes over the input plane x₁ from ${short(g.x0)} to ${short(g.x1)}, x₂ from ${short(g.y0)} to ${short(g.y1)}, with ${t.data.train.n} training points`;
          }
          if (g !== null && t.versions.grid !== gridVersion) {
            gridVersion = t.versions.grid;
            if (canvas.width !== g.nx || canvas.height !== g.ny) {
              canvas.width = g.nx;
              canvas.height = g.ny;
              pixels = null;
            }
            pixels = decisionMapPixels(g.values, g.width, g.nx, g.ny, regionStyle(ctx.theme), pixels ?? undefined);
            const c2d = canvas.getContext('2d');
            if (c2d) c2d.putImageData(new ImageData(pixels as Uint8ClampedArray<ArrayBuffer>, g.nx, g.ny), 0, 0);
            const shares = regionShares(g.values, g.width, g.nx * g.ny);
            const parts = shares.map((s, c) => `${className(c)} ${Math.round(s * 100)} %`).join(', ');
            const acc = Number.isFinite(t.accuracy) ? `; training accuracy ${Math.round(t.accuracy * 1000) / 10} %` : '';
            chart?.setAttribute('aria-label', `${summaryBase}. Share of the plane per predicted class: ${parts}${acc}.`);
          }
        },
      };
    },
  };
}
