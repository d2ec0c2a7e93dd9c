// The gradient-check panel's DOM wiring: activation, ε, the factor-2 switch and a new-network
// button feed runGradientCheck; the table, the charts and the summary show the result.

import type { Mounted } from '../lazy';
import { renderPlot } from '../plot';
import { formatNumber } from '../format';
import { DEFAULT_SETTINGS, errorAgainstEps, isCheckActivation, runGradientCheck, type GradCheckSettings } from './model';
import { describeReport, epsChart, errorChart, summary } from './view';

/** Wires the panel inside `host` (markup from GradientCheckPanel.astro). */
export function mount(host: HTMLElement): Mounted {
  const settings: GradCheckSettings = { ...DEFAULT_SETTINGS };
  const activation = host.querySelector<HTMLSelectElement>('select[data-field="activation"]')!;
  const eps = host.querySelector<HTMLSelectElement>('select[data-field="eps"]')!;
  const bug = host.querySelector<HTMLInputElement>('input[data-field="factor-two"]')!;
  const fresh = host.querySelector<HTMLButtonElement>('button[data-action="new-network"]')!;
  const body = host.querySelector<HTMLTableSectionElement>('tbody[data-rows]')!;
  const summaryOut = host.querySelector<HTMLElement>('[data-testid="gradcheck-summary"]')!;
  const seedOut = host.querySelector<HTMLElement>('[data-testid="gradcheck-seed"]')!;
  const charts = {
    errors: host.querySelector<HTMLElement>('[data-chart="errors"]')!,
    eps: host.querySelector<HTMLElement>('[data-chart="eps"]')!,
  };
  const controller = new AbortController();
  const { signal } = controller;

  const render = (): void => {
    const report = runGradientCheck(settings);
    body.replaceChildren(
      ...report.rows.map((r) => {
        const tr = document.createElement('tr');
        tr.dataset.param = r.name;
        const th = document.createElement('th');
        th.scope = 'row';
        th.textContent = r.name;
        const cells = [
          { text: formatNumber(r.analytic, 6), value: r.analytic, key: 'analytic' },
          { text: formatNumber(r.numeric, 6), value: r.numeric, key: 'numeric' },
          { text: formatNumber(r.relError, 2), value: r.relError, key: 'rel-error' },
        ].map(({ text, value, key }) => {
          const td = document.createElement('td');
          td.textContent = text;
          td.dataset.value = String(value);
          td.dataset.col = key;
          return td;
        });
        const verdict = document.createElement('td');
        verdict.textContent = r.pass ? 'agrees' : 'differs';
        verdict.className = r.pass ? 'l3-pass' : 'l3-fail';
        tr.append(th, ...cells, verdict);
        return tr;
      }),
    );
    summaryOut.textContent = summary(report);
    summaryOut.dataset.maxRelError = String(report.maxRelError);
    summaryOut.dataset.passed = String(report.passed);
    seedOut.textContent = String(settings.seed);
    renderPlot(charts.errors, errorChart(report), `Relative error per parameter, log scale. ${describeReport(report)}`);
    const sweep = errorAgainstEps(settings);
    renderPlot(
      charts.eps,
      epsChart(sweep, settings.eps),
      `Largest relative error against ε: ${sweep.map((p) => `ε ${formatNumber(p.eps, 0)}: ${formatNumber(p.maxRelError, 2)}`).join('; ')}.`,
    );
  };

  activation.disabled = false;
  eps.disabled = false;
  bug.disabled = false;
  fresh.disabled = false;
  activation.addEventListener('change', () => {
    if (!isCheckActivation(activation.value)) return;
    settings.activation = activation.value;
    render();
  }, { signal });
  eps.addEventListener('change', () => {
    const value = Number(eps.value);
    if (!(value > 0)) return;
    settings.eps = value;
    render();
  }, { signal });
  bug.addEventListener('change', () => {
    settings.factorTwo = bug.checked;
    render();
  }, { signal });
  fresh.addEventListener('click', () => {
    settings.seed += 1;
    render();
  }, { signal });
  render();

  return {
    destroy() {
      controller.abort();
    },
  };
}
