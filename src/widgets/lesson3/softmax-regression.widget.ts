// Lesson 3's live widget: softmax regression on three classes of points in the plane, trained by
// SGD, with each class's weight vector w_c and its update direction −∂L/∂w_c drawn as arrows, the
// numbers behind them in a table, the decision regions, and the loss and accuracy curves.

import { defineWidget, params as p, num, str, views, renderChart, type ViewDefinition, type WidgetState } from '@widgets/kit';
import { classArrows, DEFAULT_SETTINGS, gradientNorm, trainerConfig, type ClassArrow } from './regression/model';
import { ARROW_SCALES, arrowsChart, describeArrows, gradientRows } from './regression/view';

/**
 * The arrows and gradients for the trainer's current weights, or null before it has any. Each
 * view asks separately: one pass over ~120 points, far cheaper than drawing the chart.
 */
function arrowsFor(state: WidgetState): ClassArrow[] | null {
  const t = state.trainers[0];
  const layer = t?.layers?.[0];
  if (!t?.data || !layer) return null;
  return classArrows(layer, t.data.train).arrows;
}

const arrows: ViewDefinition = {
  id: 'arrows',
  title: 'Each class: weight vector w (solid) and update direction −∂L/∂w (dashed)',
  interval: 100,
  needs: ['weights'],
  mount(container) {
    const chart = document.createElement('div');
    container.append(chart);
    return {
      update(state, ctx) {
        const t = state.trainers[0];
        const list = arrowsFor(state);
        if (!t?.data || !list) return;
        const scale = Number(str(state.params, 'gscale', '1')) || 1;
        renderChart(chart, arrowsChart(t.data.train, list, scale, ctx.width), `Training points of three classes and arrows. ${describeArrows(list)}.`);
      },
    };
  },
};

const table: ViewDefinition = {
  id: 'gradients',
  title: 'The numbers behind the arrows (gradient of the mean loss over the training points)',
  interval: 250,
  needs: ['weights'],
  wide: true,
  mount(container) {
    const el = document.createElement('table');
    el.className = 'l3-table';
    const head = document.createElement('thead');
    const tr = document.createElement('tr');
    for (const text of ['', 'w (x₁)', 'w (x₂)', 'b', '∂L/∂w (x₁)', '∂L/∂w (x₂)', '∂L/∂b']) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = text;
      tr.append(th);
    }
    head.append(tr);
    const body = document.createElement('tbody');
    el.append(head, body);
    container.append(el);
    return {
      update(state) {
        const list = arrowsFor(state);
        if (!list) return;
        body.replaceChildren(
          ...gradientRows(list).map((row) => {
            const r = document.createElement('tr');
            r.dataset.row = row.key;
            const th = document.createElement('th');
            th.scope = 'row';
            th.textContent = row.label;
            r.append(th);
            for (const c of row.cells) {
              const td = document.createElement('td');
              td.dataset["field"] = c.key;
              td.dataset.value = String(c.value);
              td.textContent = c.text;
              r.append(td);
            }
            return r;
          }),
        );
      },
    };
  },
};

export default defineWidget({
  params: [
    p.learningRate({ default: DEFAULT_SETTINGS.lr, max: 10 }),
    p.batchSize({ default: DEFAULT_SETTINGS.batch, max: 200 }),
    p.number('spread', 'Spread of each class', {
      default: DEFAULT_SETTINGS.spread,
      min: 0.1,
      max: 2,
      step: 0.05,
      slider: 'linear',
      effect: 'data',
      hint: 'standard deviation of the points around their centre',
    }),
    p.sampleCount({ default: DEFAULT_SETTINGS.n, min: 12, max: 600 }),
    p.select(
      'gscale',
      'Update arrows drawn',
      ARROW_SCALES.map((s) => ({ value: String(s), label: s === 1 ? 'at true length' : `${s}× longer` })),
      { default: '5', effect: 'live', hint: 'a drawing choice only; the step is η times the gradient' },
    ),
  ],
  trainers: [
    {
      id: 'softmax',
      label: 'Softmax regression',
      config: (v, seed) =>
        trainerConfig(
          { lr: num(v, 'lr', DEFAULT_SETTINGS.lr), batch: num(v, 'batch', DEFAULT_SETTINGS.batch), spread: num(v, 'spread', DEFAULT_SETTINGS.spread), n: num(v, 'n', DEFAULT_SETTINGS.n) },
          seed,
        ),
    },
  ],
  views: [
    arrows,
    views.decisionRegions(),
    table,
    views.lossCurves({ log: true }),
    views.lossCurves({ id: 'accuracy-curves', metric: 'accuracy' }),
  ],
  readouts: [
    {
      id: 'grad-norm',
      label: 'Gradient norm ‖∇L‖',
      value: (t, state) => {
        if (!t.layers || !t.data) return Number.NaN;
        const list = arrowsFor(state);
        return list ? gradientNorm(list) : Number.NaN;
      },
    },
  ],
  step: 'epoch',
});
