// DOM wiring of the binary-loss panel: a logit slider and a label choice drive two charts and the
// two written forms of the loss, shown to 12 decimals with their difference.

import { formatNumber } from '../format';
import { hostWidth, renderChart, seriesColors } from '../chart';
import { clampState, readout, type BinaryLossState } from './model';
import { describe, lossOptions, slopeOptions } from './view';

function must<T extends Element>(root: Element, selector: string): T {
  const el = root.querySelector<T>(selector);
  if (!el) throw new Error(`the panel's markup lacks ${selector}`);
  return el;
}

export function mount(root: HTMLElement): () => void {
  const fInput = must<HTMLInputElement>(root, 'input[name="f"]');
  const yInputs = [...root.querySelectorAll<HTMLInputElement>('input[name="y"]')];
  const lossHost = must<HTMLElement>(root, '[data-chart="loss"]');
  const slopeHost = must<HTMLElement>(root, '[data-chart="slope"]');
  const out = (name: string) => must<HTMLElement>(root, `[data-out="${name}"]`);
  const readState = (): BinaryLossState => clampState(Number(fInput.value), Number(yInputs.find((i) => i.checked)?.value ?? 1));
  let state = readState();
  let frame = 0;

  const draw = () => {
    frame = 0;
    const r = readout(state);
    out('f').textContent = formatNumber(state.f, 1);
    out('p').textContent = formatNumber(r.p, 6);
    out('p-observed').textContent = formatNumber(r.pObserved, 6);
    out('margin').textContent = `${formatNumber(r.margin, 1)} (${r.margin > 0 ? 'wrong' : r.margin < 0 ? 'right' : 'on the boundary'})`;
    out('softplus').textContent = formatNumber(r.softplusForm, 12);
    out('log-form').textContent = formatNumber(r.logForm, 12);
    out('difference').textContent = r.difference === 0 ? '0 (identical doubles)' : formatNumber(r.difference, 2);
    out('slope').textContent = formatNumber(r.slope, 4);
    out('sq-slope').textContent = formatNumber(r.squaredOnPSlope, 4);
    out('deck').textContent = formatNumber(r.deckSlip, 6);
    const { fg, colors } = seriesColors(root);
    const text = describe(state);
    renderChart(lossHost, lossOptions(state, { fg, colors, width: hostWidth(lossHost), present: false }), text.loss);
    renderChart(slopeHost, slopeOptions(state, { fg, colors, width: hostWidth(slopeHost), present: false }), text.slope);
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(draw);
  };
  const onInput = () => {
    state = readState();
    schedule();
  };

  fInput.addEventListener('input', onInput);
  for (const i of yInputs) i.addEventListener('change', onInput);
  document.addEventListener('themechange', schedule);
  const resize = new ResizeObserver(schedule);
  resize.observe(lossHost);
  draw();

  return () => {
    fInput.removeEventListener('input', onInput);
    for (const i of yInputs) i.removeEventListener('change', onInput);
    document.removeEventListener('themechange', schedule);
    resize.disconnect();
    if (frame) cancelAnimationFrame(frame);
  };
}
