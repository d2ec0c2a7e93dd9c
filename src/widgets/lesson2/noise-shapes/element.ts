// DOM wiring of the noise-shapes panel: two sliders (σ and the residual r) drive two charts and a
// table of numbers. The markup comes from components/lesson2/NoiseShapes.astro.

import { formatNumber } from '../format';
import { hostWidth, renderChart, seriesColors } from '../chart';
import { clampState, readouts, tailRatio, type NoiseShapesState } from './model';
import { densityOptions, describe, negLogOptions } from './view';

function must<T extends Element>(root: Element, selector: string): T {
  const el = root.querySelector<T>(selector);
  if (!el) throw new Error(`the panel's markup lacks ${selector}`);
  return el;
}

export function mount(root: HTMLElement): () => void {
  const sigmaInput = must<HTMLInputElement>(root, 'input[name="sigma"]');
  const rInput = must<HTMLInputElement>(root, 'input[name="r"]');
  const densityHost = must<HTMLElement>(root, '[data-chart="density"]');
  const negLogHost = must<HTMLElement>(root, '[data-chart="neg-log"]');
  const ratioOut = must<HTMLElement>(root, '[data-out="ratio"]');
  let state: NoiseShapesState = clampState({ sigma: Number(sigmaInput.value), r: Number(rInput.value) });
  let frame = 0;

  const draw = () => {
    frame = 0;
    must<HTMLOutputElement>(root, '[data-out="sigma"]').textContent = formatNumber(state.sigma, 2);
    must<HTMLOutputElement>(root, '[data-out="r"]').textContent = formatNumber(state.r, 1);
    for (const row of readouts(state)) {
      const tr = must<HTMLTableRowElement>(root, `tr[data-model="${row.model}"]`);
      must<HTMLElement>(tr, '[data-out="scale"]').textContent = formatNumber(row.scale, 3);
      must<HTMLElement>(tr, '[data-out="density"]').textContent = formatNumber(row.density, 4);
      must<HTMLElement>(tr, '[data-out="neg-log"]').textContent = formatNumber(row.negLog, 3);
      must<HTMLElement>(tr, '[data-out="pull"]').textContent = formatNumber(row.pull, 3);
      must<HTMLElement>(tr, '[data-out="tail"]').textContent = formatNumber(row.tail, 3);
    }
    const ratio = tailRatio(state);
    ratioOut.textContent =
      state.r === 0
        ? 'At r = 0 both models expect a residual at least this large with probability 1.'
        : ratio >= 1
          ? `Laplace noise produces a residual at least this large ${formatNumber(ratio, 1)} times as often as Gaussian noise of the same variance.`
          : `Gaussian noise produces a residual at least this large ${formatNumber(1 / ratio, 1)} times as often as Laplace noise of the same variance.`;
    const { fg, colors } = seriesColors(root);
    const text = describe(state);
    renderChart(densityHost, densityOptions(state, { fg, colors, width: hostWidth(densityHost), present: false }), text.density);
    renderChart(negLogHost, negLogOptions(state, { fg, colors, width: hostWidth(negLogHost), present: false }), text.negLog);
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(draw);
  };
  const onInput = () => {
    state = clampState({ sigma: Number(sigmaInput.value), r: Number(rInput.value) });
    schedule();
  };

  sigmaInput.addEventListener('input', onInput);
  rInput.addEventListener('input', onInput);
  document.addEventListener('themechange', schedule);
  const resize = new ResizeObserver(schedule);
  resize.observe(densityHost);
  draw();

  return () => {
    sigmaInput.removeEventListener('input', onInput);
    rInput.removeEventListener('input', onInput);
    document.removeEventListener('themechange', schedule);
    resize.disconnect();
    if (frame) cancelAnimationFrame(frame);
  };
}
