// The widget's "Fitted function" view, which also runs early stopping: the data, the true
// function, the network's current fit and, with early stopping on, the network it returns (the
// weights of the best validation epoch), whose validation loss is recomputed here by the engine.

import * as Plot from '@observablehq/plot';
import { evaluateDataset, modelFromJSON, predictCurve, type Dataset, type Model, type ModelJSON } from '@engine';
import { bool, num, quiet, renderChart, renderLegend, short, type LayerView, type LegendItem, type TrainerState, type ViewDefinition, type WidgetState } from '@widgets/kit';
import { newTracker, observe, type StopTracker } from './early-stopping';

/** Points on each drawn curve. */
const CURVE_POINTS = 160;
/** Least time between two redraws of the chart while training (the tracker still looks at every report). */
const REDRAW_MS = 200;

/** A regression network from the weights a view holds. Throws if they do not make one. */
export function modelOfLayers(inputs: number, layers: readonly LayerView[]): Model {
  const json = { inputs, loss: 'mse', layers: layers.map((l) => ({ activation: l.activation, weights: l.weights, biases: l.biases })) };
  return modelFromJSON(json as unknown as ModelJSON);
}

/** The validation set of a trainer as an engine Dataset (1-D regression). */
export function validationSet(t: TrainerState): Dataset | null {
  const v = t.data?.validation;
  if (!v || v.n === 0 || !t.data) return null;
  return { task: 'regression', n: v.n, inputs: t.data.inputs, outputs: t.data.outputs, classes: 0, x: v.x, y: v.y };
}

function pointsOf(x: Float64Array, y: Float64Array, n: number): { x: number; y: number }[] {
  return Array.from({ length: n }, (_, i) => ({ x: x[i]!, y: y[i]! }));
}

/** The y range shown: the data's (and the true function's) range, padded, fixed for a run. */
export function dataRange(t: TrainerState): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  const see = (v: number) => {
    if (Number.isFinite(v)) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  };
  for (const set of [t.data?.train, t.data?.validation]) if (set) for (let i = 0; i < set.n; i++) see(set.y[i]!);
  if (t.data?.clean) for (const v of t.data.clean.y) see(v);
  if (!(hi > lo)) return [-2, 2];
  const pad = 0.15 * (hi - lo);
  return [lo - pad, hi + pad];
}

interface Returned {
  epoch: number;
  /** Validation loss of the returned network, recomputed from its weights. */
  valLoss: number;
  curve: { x: number; y: number }[];
}

/** The fitted-function view with early stopping (reads settings `stop` and `patience`). */
export function fitView(): ViewDefinition {
  return {
    id: 'fit',
    title: 'Fitted function',
    // Every report carries the weights it was measured with, so the best epoch's weights are caught exactly.
    interval: 0,
    needs: ['weights'],
    mount(container) {
      const doc = container.ownerDocument;
      const chartHost = doc.createElement('div');
      chartHost.className = 'tw-chart';
      const status = doc.createElement('p');
      status.className = 'l5-stop';
      status.dataset['testid'] = 'early-stopping';
      const returnedBox = doc.createElement('p');
      returnedBox.className = 'l5-stop';
      returnedBox.hidden = true;
      const epochOut = doc.createElement('span');
      epochOut.dataset['testid'] = 'returned-epoch';
      const lossOut = doc.createElement('span');
      lossOut.dataset['testid'] = 'returned-val-loss';
      returnedBox.append('Returned network: epoch ', epochOut, ', validation loss ', lossOut, ' (recomputed from its saved weights).');
      const announce = doc.createElement('p');
      announce.className = 'visually-hidden';
      announce.setAttribute('aria-live', 'polite');
      container.append(chartHost, status, returnedBox, announce);

      const tracker: StopTracker = newTracker();
      let returned: Returned | null = null;
      let lastDraw = -Infinity;
      let drawnKey = '';
      let statusText = '';

      const computeReturned = (t: TrainerState): Returned | null => {
        const best = tracker.best;
        const data = t.data;
        if (!best || !data?.interval) return null;
        if (returned && returned.epoch === best.epoch) return returned;
        try {
          const model = modelOfLayers(t.inputs, best.layers);
          const val = validationSet(t);
          const [a, b] = data.interval;
          const ys = predictCurve(model, a, b, CURVE_POINTS);
          const curve = Array.from(ys, (y, i) => ({ x: a + (i * (b - a)) / (CURVE_POINTS - 1), y }));
          return { epoch: best.epoch, valLoss: val ? evaluateDataset(model, val).loss : Number.NaN, curve };
        } catch {
          return null;
        }
      };

      const draw = (state: WidgetState, t: TrainerState, ctx: Parameters<ReturnType<ViewDefinition['mount']>['update']>[1]) => {
        const data = t.data!;
        const [a, b] = data.interval!;
        const domain = dataRange(t);
        const clampY = (y: number) => Math.min(domain[1] + 1, Math.max(domain[0] - 1, y));
        const r = ctx.present ? 4.5 : 3;
        const marks: Plot.Markish[] = [
          Plot.dot(pointsOf(data.validation.x, data.validation.y, data.validation.n), { x: 'x', y: 'y', stroke: ctx.theme.fgSoft, strokeWidth: 1.2, r, ...quiet }),
          Plot.dot(pointsOf(data.train.x, data.train.y, data.train.n), { x: 'x', y: 'y', fill: ctx.theme.fg, r: r + 0.5, ...quiet }),
        ];
        const legend: LegendItem[] = [
          { color: ctx.theme.fg, glyph: '●', text: `${data.train.n} training points` },
          { color: ctx.theme.fgSoft, glyph: '○', hollow: true, text: `${data.validation.n} validation points` },
        ];
        if (data.clean) {
          marks.push(Plot.line(pointsOf(data.clean.x, data.clean.y, data.clean.x.length), { x: 'x', y: 'y', stroke: ctx.theme.fgSoft, strokeDasharray: '1,4', strokeWidth: 2, strokeLinecap: 'round', ...quiet }));
          legend.push({ color: ctx.theme.fgSoft, dash: '1,4', text: 'true function sin(3x)' });
        }
        const words: string[] = [];
        let current: { x: number; y: number }[] = [];
        try {
          const ys = predictCurve(modelOfLayers(t.inputs, t.layers!), a, b, CURVE_POINTS);
          current = Array.from(ys, (y, i) => ({ x: a + (i * (b - a)) / (CURVE_POINTS - 1), y: clampY(y) }));
        } catch {
          current = [];
        }
        if (current.length) {
          const color = ctx.theme.series[0]!;
          marks.push(Plot.line(current, { x: 'x', y: 'y', stroke: color, strokeWidth: ctx.present ? 3.5 : 2.5, clip: true, ...quiet }));
          legend.push({ color, text: `network now (epoch ${Math.floor(t.epoch + 1e-9)})` });
          const ys = current.map((p) => p.y);
          words.push(`The network's curve now ranges from ${short(Math.min(...ys))} to ${short(Math.max(...ys))}, training loss ${short(t.loss)}, validation loss ${short(t.valLoss)}`);
        }
        if (returned && bool(state.params, 'stop', false)) {
          const color = ctx.theme.series[1]!;
          marks.push(Plot.line(returned.curve.map((p) => ({ x: p.x, y: clampY(p.y) })), { x: 'x', y: 'y', stroke: color, strokeWidth: ctx.present ? 3.5 : 2.5, strokeDasharray: '8,4', clip: true, ...quiet }));
          legend.push({ color, dash: '8,4', text: `returned by early stopping (epoch ${Math.floor(returned.epoch + 1e-9)})` });
          words.push(`The network early stopping returns, from epoch ${Math.floor(returned.epoch + 1e-9)}, has validation loss ${short(returned.valLoss)}`);
        }
        const plot: Plot.PlotOptions = {
          width: ctx.width,
          height: 280 * (ctx.present ? 1.4 : 1),
          x: { domain: [a, b], label: 'x' },
          y: { domain, label: 'y', grid: true },
          marks,
        };
        renderChart(chartHost, plot, `Fitted function over ${data.train.n} noisy training points and ${data.validation.n} validation points, x from ${short(a)} to ${short(b)}. ${words.join('. ')}.`);
        renderLegend(container, legend);
      };

      return {
        update(state, ctx) {
          const t = state.trainers[0];
          if (!t?.data?.interval || !t.layers) return;
          const on = bool(state.params, 'stop', false);
          const patience = num(state.params, 'patience', 100);
          const verdict = observe(tracker, t, on, patience);
          if (verdict.stop) {
            (container.closest('training-widget') as { pause?: () => void } | null)?.pause?.();
            announce.textContent = `Early stopping: no better validation loss for ${patience} epochs, so training stopped at epoch ${Math.floor(t.epoch + 1e-9)}.`;
          }
          returned = on ? computeReturned(t) : null;

          const best = tracker.best;
          const text = !on
            ? 'Early stopping is off: training runs until you pause it, and the network you get is the last one.'
            : !best
              ? `Early stopping is on (patience ${patience} epochs): waiting for the first validation loss.`
              : tracker.stoppedAt !== null && tracker.stoppedFor === best.epoch
                ? `Early stopping stopped training at epoch ${Math.floor(tracker.stoppedAt + 1e-9)}: the validation loss had not improved for ${patience} epochs since epoch ${Math.floor(best.epoch + 1e-9)}.`
                : `Early stopping is on (patience ${patience} epochs): best validation loss so far ${short(best.valLoss)} at epoch ${Math.floor(best.epoch + 1e-9)}.`;
          if (text !== statusText) {
            statusText = text;
            status.textContent = text;
          }
          returnedBox.hidden = !returned;
          if (returned) {
            epochOut.textContent = String(Math.floor(returned.epoch + 1e-9));
            lossOut.textContent = String(Number(returned.valLoss.toPrecision(4)));
          }

          const now = performance.now();
          const key = `${t.versions.layers}|${returned?.epoch ?? -1}|${on}|${ctx.width}|${ctx.theme.fg}|${ctx.present}`;
          if (key === drawnKey || (ctx.training && now - lastDraw < REDRAW_MS)) return;
          drawnKey = key;
          lastDraw = now;
          draw(state, t, ctx);
        },
      };
    },
  };
}
