// The network drawn as units and weights: width by |w|, blue solid for positive, vermillion dashed
// for negative. A weight's value is read by hovering it, or by focusing the diagram and stepping
// through the weights with the arrow keys (announced once per move, not on every redraw).

import * as Plot from '@observablehq/plot';
import type { TrainerState, WidgetState } from '../state';
import type { ViewDefinition } from '../view';
import { layoutNetwork, nearestEdge, NEGATIVE_DASH, type Diagram, type DiagramEdge } from '../view-models/network-diagram';
import { plotFrame, quiet, renderChart, renderLegend, short } from './chart';
import { signColors } from '@lib/palette';

export interface DiagramViewOptions {
  id?: string;
  title?: string;
  /** Span the widget's full width. */
  wide?: boolean;
  trainer?: string;
  inputLabels?: readonly string[];
  outputLabels?: readonly string[];
  /** Most units drawn per layer (default 16). */
  maxUnits?: number;
}

function describeEdge(e: DiagramEdge): string {
  return `${e.label}: weight ${short(e.weight)} (${e.weight < 0 ? 'negative, dashed' : 'positive, solid'})`;
}

function summary(d: Diagram): string {
  const pos = d.edges.filter((e) => e.weight >= 0).length;
  const hidden = d.columns.slice(1, -1);
  return (
    `Network diagram: ${d.columns[0]} inputs, ${hidden.length ? `hidden layers of ${hidden.join(', ')} units` : 'no hidden layer'}, ${d.columns[d.columns.length - 1]} outputs. ` +
    `${d.edges.length} weights drawn${d.truncated ? ' (wide layers show their first units only)' : ''}: ${pos} positive, ${d.edges.length - pos} negative; largest |w| ${short(d.maxAbs)}.`
  );
}

/** The network-diagram view. */
export function networkDiagram(o: DiagramViewOptions = {}): ViewDefinition {
  return {
    id: o.id ?? 'network-diagram',
    title: o.title ?? 'Network',
    wide: o.wide ?? false,
    interval: 400,
    needs: ['weights'],
    mount(container) {
      const doc = container.ownerDocument;
      const stage = doc.createElement('div');
      stage.className = 'tw-diagram';
      stage.tabIndex = 0;
      stage.setAttribute('role', 'group');
      stage.setAttribute('aria-label', 'Network diagram: use the arrow keys to read the weights one by one');
      const readout = doc.createElement('p');
      readout.className = 'tw-diagram__readout';
      readout.setAttribute('aria-hidden', 'true');
      const live = doc.createElement('p');
      live.className = 'visually-hidden';
      live.setAttribute('aria-live', 'polite');
      container.append(stage, readout, live);
      const idle = 'Hover over a line, or focus the diagram and press the arrow keys, to read a weight.';
      readout.textContent = idle;
      let diagram: Diagram | null = null;
      let selected = -1;
      let drawn = '';
      let geometry: { left: number; right: number; top: number; bottom: number; width: number; height: number } | null = null;
      let redraw: (() => void) | null = null;

      const showSelection = (announce: boolean) => {
        const e = diagram && selected >= 0 ? diagram.edges[selected] : undefined;
        readout.textContent = e ? describeEdge(e) : idle;
        if (announce) live.textContent = e ? describeEdge(e) : '';
      };
      const select = (i: number, announce: boolean) => {
        if (i === selected) return;
        selected = i;
        showSelection(announce);
        redraw?.();
      };
      stage.addEventListener('keydown', (ev) => {
        if (!diagram || diagram.edges.length === 0) return;
        const n = diagram.edges.length;
        let next = selected;
        if (ev.key === 'ArrowRight' || ev.key === 'ArrowDown') next = selected < 0 ? 0 : (selected + 1) % n;
        else if (ev.key === 'ArrowLeft' || ev.key === 'ArrowUp') next = selected <= 0 ? n - 1 : selected - 1;
        else if (ev.key === 'Home') next = 0;
        else if (ev.key === 'End') next = n - 1;
        else if (ev.key === 'Escape') next = -1;
        else return;
        ev.preventDefault();
        select(next, true);
      });
      stage.addEventListener('pointermove', (ev) => {
        const svg = stage.querySelector('svg');
        if (!diagram || !svg || !geometry) return;
        const rect = svg.getBoundingClientRect();
        const scale = rect.width / geometry.width;
        const px = (ev.clientX - rect.left) / scale;
        const py = (ev.clientY - rect.top) / scale;
        const w = geometry.right - geometry.left;
        const h = geometry.bottom - geometry.top;
        const dx = (px - geometry.left) / w;
        const dy = (geometry.bottom - py) / h;
        select(nearestEdge(diagram.edges, dx, dy, 6, w, h), false);
      });
      stage.addEventListener('pointerleave', () => select(-1, false));

      return {
        update(state: WidgetState, ctx) {
          const t: TrainerState | undefined = o.trainer ? state.trainers.find((x) => x.id === o.trainer) : state.trainers[0];
          if (!t?.layers) return;
          const key = `${t.versions.layers}|${ctx.width}|${ctx.theme.fg}|${ctx.present}`;
          if (key === drawn) return;
          drawn = key;
          const opts = { maxUnits: o.maxUnits ?? 16, minWidth: 0.4, maxWidth: ctx.present ? 7 : 5 };
          diagram = layoutNetwork(t.inputs, t.layers, {
            ...opts,
            ...(o.inputLabels ? { inputLabels: o.inputLabels } : {}),
            ...(o.outputLabels ? { outputLabels: o.outputLabels } : {}),
          });
          if (selected >= diagram.edges.length) selected = -1;
          const d = diagram;
          const tallest = Math.max(...d.columns.map((c) => Math.min(c, opts.maxUnits)));
          const height = Math.min(460, Math.max(170, tallest * (ctx.present ? 34 : 26)));
          const width = ctx.width;
          const theme = ctx.theme;
          const draw = () => {
            const sel = selected >= 0 ? d.edges[selected] : undefined;
            const pos = d.edges.filter((e) => e.weight >= 0);
            const neg = d.edges.filter((e) => e.weight < 0);
            const inputs = d.nodes.filter((n) => n.column === 0);
            const outputs = d.nodes.filter((n) => n.column === d.columns.length - 1);
            const plot: Plot.PlotOptions = {
              width,
              height,
              margin: 24,
              marginLeft: 40,
              marginRight: 40,
              x: { domain: [0, 1], axis: null },
              y: { domain: [0, 1], axis: null },
              marks: [
                Plot.link(pos, { x1: 'x1', y1: 'y1', x2: 'x2', y2: 'y2', stroke: signColors.positive, strokeWidth: 'width', strokeOpacity: 0.85, ...quiet }),
                Plot.link(neg, { x1: 'x1', y1: 'y1', x2: 'x2', y2: 'y2', stroke: signColors.negative, strokeWidth: 'width', strokeDasharray: NEGATIVE_DASH, strokeOpacity: 0.85, ...quiet }),
                ...(sel ? [Plot.link([sel], { x1: 'x1', y1: 'y1', x2: 'x2', y2: 'y2', stroke: theme.fg, strokeWidth: sel.width + 3, strokeOpacity: 0.35, ...quiet })] : []),
                Plot.dot(d.nodes, { x: 'x', y: 'y', r: ctx.present ? 8 : 6, fill: theme.bg, stroke: theme.fg, strokeWidth: 1.5, ...quiet }),
                Plot.text(inputs, { x: 'x', y: 'y', text: 'label', dx: -10, textAnchor: 'end', fill: theme.fg, fontSize: ctx.present ? 14 : 11, ...quiet }),
                Plot.text(outputs, { x: 'x', y: 'y', text: (n: { label: string }) => n.label.replace(/^output /, 'out '), dx: 10, textAnchor: 'start', fill: theme.fg, fontSize: ctx.present ? 14 : 11, ...quiet }),
              ],
            };
            const chart = renderChart(stage, plot, summary(d));
            const frame = plotFrame(chart);
            if (frame) geometry = { ...frame, width, height };
          };
          redraw = draw;
          draw();
          showSelection(false);
          renderLegend(container, [
            { color: signColors.positive, text: 'positive weight (solid)' },
            { color: signColors.negative, dash: NEGATIVE_DASH, text: 'negative weight (dashed)' },
            { color: theme.fg, glyph: '│', text: 'thicker line: larger |w|' },
          ]);
        },
      };
    },
  };
}
