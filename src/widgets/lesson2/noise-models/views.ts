// The noise-models widget's own views (DOM): the fits with the outliers marked, and the live
// likelihood, each run's −log 𝓛 written out with its two parts, with the points and residuals
// behind it in a table that opens on request.

import { renderChart, renderLegend, type ViewDefinition, type WidgetState } from '@widgets/kit';
import { formatNumber } from '../format';
import { outlierXs } from './model';
import { fitsChart, nllEquations, residualRows } from './view-model';

/** Caches the outlier positions per data settings and seed (they change only when the data do). */
function outlierCache(): (state: WidgetState) => ReadonlySet<number> {
  let key = '';
  let xs: ReadonlySet<number> = new Set();
  return (state) => {
    const k = `${state.seed}|${state.params['noise']}|${state.params['outliers']}|${state.params['shape']}`;
    if (k !== key) {
      key = k;
      xs = outlierXs(state.params, state.seed);
    }
    return xs;
  };
}

export const fitsView: ViewDefinition = {
  id: 'fits',
  title: 'The two fits over the data',
  wide: true,
  interval: 100,
  needs: ['grid'],
  mount(container) {
    const host = container.ownerDocument.createElement('div');
    host.className = 'tw-chart';
    container.append(host);
    const outliers = outlierCache();
    let drawn = '';
    return {
      update(state, ctx) {
        const key = `${state.trainers.map((t) => `${t.versions.grid}/${t.versions.data}`).join(',')}|${ctx.width}|${ctx.theme.fg}|${ctx.present}`;
        if (key === drawn) return;
        const chart = fitsChart(state, ctx.theme, ctx.width, ctx.present, outliers(state));
        if (!chart) return;
        drawn = key;
        renderChart(host, chart.options, chart.label);
        renderLegend(container, chart.legend);
      },
    };
  },
};

export const likelihoodView: ViewDefinition = {
  id: 'likelihood',
  title: 'Negative log-likelihood of the training points, live',
  wide: true,
  interval: 150,
  needs: ['weights'],
  mount(container) {
    const doc = container.ownerDocument;
    const list = doc.createElement('div');
    list.className = 'l2-nll';
    const details = doc.createElement('details');
    details.className = 'l2-nll__numbers';
    const summary = doc.createElement('summary');
    summary.textContent = 'The numbers behind it: every training point, both fits and their residuals';
    const table = doc.createElement('table');
    table.className = 'l2-nll__table';
    details.append(summary, table);
    container.append(list, details);
    const outliers = outlierCache();
    let last: WidgetState | null = null;
    let tableKey = '';

    const drawTable = (state: WidgetState) => {
      const key = `${state.trainers.map((t) => `${t.versions.layers}/${t.versions.data}`).join(',')}`;
      if (!details.open || key === tableKey) return;
      tableKey = key;
      const rows = residualRows(state, outliers(state));
      const runs = state.trainers.filter((t) => rows[0]?.fits[t.id]);
      const caption = doc.createElement('caption');
      caption.textContent = `${rows.length} training points, sorted by x. Residual = y − fit.`;
      const head = doc.createElement('thead');
      const hr = doc.createElement('tr');
      for (const text of ['x', 'y', 'outlier', ...runs.flatMap((t) => [`fit: ${t.label}`, `residual: ${t.label}`])]) {
        const th = doc.createElement('th');
        th.scope = 'col';
        th.textContent = text;
        hr.append(th);
      }
      head.append(hr);
      const body = doc.createElement('tbody');
      for (const row of rows) {
        const tr = doc.createElement('tr');
        const cell = (value: number | string, name: string) => {
          const td = doc.createElement('td');
          td.dataset['col'] = name;
          if (typeof value === 'number') {
            // Full precision for anyone re-computing the likelihood from the table.
            td.dataset['value'] = String(value);
            td.textContent = formatNumber(value, 4);
          } else td.textContent = value;
          tr.append(td);
        };
        cell(row.x, 'x');
        cell(row.y, 'y');
        cell(row.outlier ? 'yes' : 'no', 'outlier');
        for (const t of runs) {
          cell(row.fits[t.id]!.fit, `fit-${t.id}`);
          cell(row.fits[t.id]!.residual, `residual-${t.id}`);
        }
        body.append(tr);
      }
      table.replaceChildren(caption, head, body);
    };
    const onToggle = () => {
      if (last) drawTable(last);
    };
    details.addEventListener('toggle', onToggle);

    return {
      update(state) {
        last = state;
        const eqs = nllEquations(state);
        if (eqs.length === 0) {
          if (!list.firstChild) {
            const p = doc.createElement('p');
            p.textContent = 'The likelihood appears once the networks have loaded.';
            list.append(p);
          }
          return;
        }
        const blocks = eqs.map((eq) => {
          const block = doc.createElement('div');
          block.className = 'l2-nll__run';
          block.dataset['trainer'] = eq.id;
          const title = doc.createElement('p');
          title.className = 'l2-nll__title';
          title.textContent = eq.label;
          const formula = doc.createElement('p');
          formula.className = 'l2-nll__formula';
          formula.textContent = eq.formula;
          const numbers = doc.createElement('p');
          numbers.className = 'l2-nll__formula';
          numbers.dataset['nll'] = String(eq.total);
          numbers.textContent = eq.substituted;
          const parts = doc.createElement('p');
          parts.className = 'l2-nll__parts';
          parts.textContent = `constant part ${formatNumber(eq.constant)} (does not move while training) · data part ${formatNumber(eq.data)} (the loss, rescaled)`;
          block.append(title, formula, numbers, parts);
          return block;
        });
        list.replaceChildren(...blocks);
        drawTable(state);
      },
      destroy() {
        details.removeEventListener('toggle', onToggle);
      },
    };
  },
};
