// The widget's "Fitted function" view, which also runs early stopping: the data, the true
// function, the network's current fit and, with early stopping on, the network it returns (the
// best validation epoch's, rebuilt exactly by replaying the run in a worker). Early stopping
// watches the widget through its public API every frame, whether or not this view is on screen.

import * as Plot from '@observablehq/plot';
import { modelFromJSON, predictCurve, type ModelJSON } from '@engine';
import { bool, num, quiet, renderChart, renderLegend, short, type LayerView, type LegendItem, type PublicState, type TrainerState, type ViewContext, type ViewDefinition, type WidgetState } from '@widgets/kit';
import { DATA, regularizationConfig, TRAIN_POINTS } from './config';
import { newWatch, runKey, watchRun, type RunWatch } from './early-stopping';
import { curveOf, Replayer, type ReturnedNetwork } from './replay';

/** Points on each drawn curve. */
const CURVE_POINTS = 160;
/** Least time between two redraws of the chart while training. */
const REDRAW_MS = 200;
/** Least time between two looks at the widget while it is not training. */
const IDLE_LOOK_MS = 250;

/** The current network's curve from the weights the view holds (empty if they do not make a network). */
export function currentCurve(inputs: number, layers: readonly LayerView[], a: number, b: number): { x: number; y: number }[] {
  try {
    const json = { inputs, loss: 'mse', layers: layers.map((l) => ({ activation: l.activation, weights: l.weights, biases: l.biases })) };
    const ys = predictCurve(modelFromJSON(json as unknown as ModelJSON), a, b, CURVE_POINTS);
    return Array.from(ys, (y, i) => ({ x: a + (i * (b - a)) / (CURVE_POINTS - 1), y }));
  } catch {
    return [];
  }
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

function pointsOf(x: Float64Array, y: Float64Array, n: number): { x: number; y: number }[] {
  return Array.from({ length: n }, (_, i) => ({ x: x[i]!, y: y[i]! }));
}

type WidgetHost = HTMLElement & { getState(): PublicState | null; pause(): void };

/** The fitted-function view with early stopping (reads the settings `stop` and `patience`). */
export function fitView(): ViewDefinition {
  return {
    id: 'fit',
    title: 'Fitted function',
    interval: REDRAW_MS,
    needs: ['weights'],
    mount(container) {
      const doc = container.ownerDocument;
      const chartHost = doc.createElement('div');
      chartHost.className = 'tw-chart';
      const status = doc.createElement('p');
      status.dataset['testid'] = 'early-stopping';
      const returnedBox = doc.createElement('p');
      returnedBox.hidden = true;
      const epochOut = doc.createElement('span');
      epochOut.dataset['testid'] = 'returned-epoch';
      const lossOut = doc.createElement('span');
      lossOut.dataset['testid'] = 'returned-val-loss';
      returnedBox.append('Returned network: epoch ', epochOut, ', validation loss ', lossOut, ' (rebuilt by replaying this run to that epoch).');
      const announce = doc.createElement('p');
      announce.className = 'visually-hidden';
      announce.setAttribute('aria-live', 'polite');
      container.append(chartHost, status, returnedBox, announce);

      const host = container.closest('training-widget') as WidgetHost | null;
      const watch: RunWatch = newWatch();
      const replayer = new Replayer();
      /** The returned network for a run key and best epoch, once rebuilt. */
      let returned: { key: string; net: ReturnedNetwork; curve: { x: number; y: number }[] } | null = null;
      let pending = '';
      let statusText = '';
      let raf = 0;
      let redraw: (() => void) | null = null;

      const setStatus = (text: string) => {
        if (text !== statusText) status.textContent = statusText = text;
      };

      /** Rebuilds the best epoch's network by replaying the run (once per run and best epoch). */
      const rebuild = (s: PublicState, best: number) => {
        const key = `${runKey(s.params, s.seed)}|${best}`;
        if (returned?.key === key || pending === key) return;
        pending = key;
        const [a, b] = DATA.interval!;
        void replayer.replay(regularizationConfig(s.params, s.seed), best, TRAIN_POINTS).then((net) => {
          if (pending !== key) return;
          pending = '';
          returned = net ? { key, net, curve: curveOf(net, a, b, CURVE_POINTS) } : null;
          redraw?.();
        });
      };

      /**
       * One look per frame through the widget's public state while it trains (a reply per frame at
       * most), a few per second otherwise: stop when patience runs out, rebuild when paused.
       */
      let lastLook = -Infinity;
      const look = (now: number) => {
        raf = requestAnimationFrame(look);
        if (host?.dataset['state'] !== 'training' && now - lastLook < IDLE_LOOK_MS) return;
        lastLook = now;
        const s = host?.getState();
        const t = s?.trainers[0];
        if (!s || !t || t.status === 'loading') return;
        const best = t.readouts['best-epoch'] ?? -1;
        const bestVal = t.readouts['best-val-loss'] ?? Number.NaN;
        const on = s.params['stop'] === true;
        const patience = typeof s.params['patience'] === 'number' ? s.params['patience'] : 100;
        if (watchRun(watch, { epoch: t.epoch, bestEpoch: best ?? -1, params: s.params, seed: s.seed }).stop) {
          host!.pause();
          announce.textContent = `Early stopping: no better validation loss for ${patience} epochs, so training stopped at epoch ${Math.floor(t.epoch + 1e-9)}.`;
        }
        const bestText = best !== null && best >= 0 ? `best validation loss so far ${short(bestVal)} at epoch ${Math.floor(best + 1e-9)}` : 'no validation loss yet';
        setStatus(
          !on
            ? 'Early stopping is off: training runs until you pause it, and the network you get is the last one.'
            : watch.stoppedAt !== null && watch.stoppedFor === best
              ? `Early stopping stopped training at epoch ${Math.floor(watch.stoppedAt + 1e-9)}: the validation loss had not improved for ${patience} epochs since epoch ${Math.floor(best! + 1e-9)}.`
              : `Early stopping is on (patience ${patience} epochs): ${bestText}.`,
        );
        const key = `${runKey(s.params, s.seed)}|${best}`;
        if (on && !s.training && best !== null && best >= 0) {
          if (watch.mixed) setStatus(`${statusText} A setting was changed during this run, so its best network cannot be rebuilt: press Reset and train again with the settings fixed.`);
          else rebuild(s, best);
        }
        const show = on && returned !== null && returned.key === key && !watch.mixed;
        if (returnedBox.hidden === show) {
          returnedBox.hidden = !show;
          redraw?.();
        }
        if (show) {
          epochOut.textContent = String(Math.floor(returned!.net.epoch + 1e-9));
          lossOut.textContent = String(Number(returned!.net.valLoss.toPrecision(4)));
        }
      };
      raf = requestAnimationFrame(look);

      const draw = (state: WidgetState, t: TrainerState, ctx: ViewContext) => {
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
        const current = currentCurve(t.inputs, t.layers!, a, b).map((p) => ({ x: p.x, y: clampY(p.y) }));
        if (current.length) {
          const color = ctx.theme.series[0]!;
          marks.push(Plot.line(current, { x: 'x', y: 'y', stroke: color, strokeWidth: ctx.present ? 3.5 : 2.5, clip: true, ...quiet }));
          legend.push({ color, text: `network now (epoch ${Math.floor(t.epoch + 1e-9)})` });
          const ys = current.map((p) => p.y);
          words.push(`The network's curve now ranges from ${short(Math.min(...ys))} to ${short(Math.max(...ys))}, training loss ${short(t.loss)}, validation loss ${short(t.valLoss)}`);
        }
        if (returned && !returnedBox.hidden && bool(state.params, 'stop', false)) {
          const color = ctx.theme.series[1]!;
          marks.push(Plot.line(returned.curve.map((p) => ({ x: p.x, y: clampY(p.y) })), { x: 'x', y: 'y', stroke: color, strokeWidth: ctx.present ? 3.5 : 2.5, strokeDasharray: '8,4', clip: true, ...quiet }));
          legend.push({ color, dash: '8,4', text: `returned by early stopping (epoch ${Math.floor(returned.net.epoch + 1e-9)})` });
          words.push(`The network early stopping returns, from epoch ${Math.floor(returned.net.epoch + 1e-9)}, has validation loss ${short(returned.net.valLoss)}`);
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

      let drawnKey = '';
      return {
        update(state, ctx) {
          const t = state.trainers[0];
          if (!t?.data?.interval || !t.layers) return;
          const key = `${t.versions.layers}|${t.versions.data}|${returned?.key ?? ''}|${returnedBox.hidden}|${num(state.params, 'patience', 100)}|${ctx.width}|${ctx.theme.fg}|${ctx.present}`;
          redraw = () => {
            drawnKey = '';
            draw(state, t, ctx);
          };
          if (key === drawnKey) return;
          drawnKey = key;
          draw(state, t, ctx);
        },
        destroy() {
          cancelAnimationFrame(raf);
          replayer.close();
        },
      };
    },
  };
}
