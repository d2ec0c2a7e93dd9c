// The logits panel's DOM wiring: sliders and draggable bars set z, radio buttons set the true
// class, and every change redraws p, the target, p − y, the loss and the predicted loss change.

import type { Mounted } from '../lazy';
import { renderChart } from '@widgets/kit';
import { formatNumber } from '../format';
import { clampLogit, EXAMPLE_STATE, lossChange, readLogits, type LogitsState } from './model';
import { describe, gradientChart, logitsChart, probabilityChart } from './view';

/** The panel's one state object. */
interface PanelState {
  current: LogitsState;
  /** The state before the change in progress (a drag, a slider move); ΔL is measured from it. */
  reference: LogitsState;
  /** The class whose bar is being dragged, if any. */
  dragging: number | null;
  /** The logits chart as last drawn; its scales turn pointer positions into logits. */
  chart: Element | null;
}

/** The parts of a Plot scale the drag needs (band x, linear y). */
interface ScaleLike {
  domain: unknown[];
  bandwidth?: number;
  apply?: (v: unknown) => number;
  invert?: (v: number) => number;
}

const copy = (s: LogitsState): LogitsState => ({ z: [...s.z], y: s.y });

/** Wires the panel inside `host` (markup from LogitsPanel.astro). */
export function mount(host: HTMLElement): Mounted {
  const state: PanelState = { current: copy(EXAMPLE_STATE), reference: copy(EXAMPLE_STATE), dragging: null, chart: null };
  const sliders = [...host.querySelectorAll<HTMLInputElement>('input[data-logit]')];
  const radios = [...host.querySelectorAll<HTMLInputElement>('input[data-class]')];
  const charts = {
    logits: host.querySelector<HTMLElement>('[data-chart="logits"]')!,
    p: host.querySelector<HTMLElement>('[data-chart="p"]')!,
    grad: host.querySelector<HTMLElement>('[data-chart="grad"]')!,
  };
  const lossOut = host.querySelector<HTMLElement>('[data-testid="logits-loss"]')!;
  const changeOut = host.querySelector<HTMLElement>('[data-testid="logits-change"]')!;
  const resetButton = host.querySelector<HTMLButtonElement>('[data-action="example"]')!;
  const controller = new AbortController();
  const { signal } = controller;

  const setCell = (field: string, c: number, value: number, digits: number): void => {
    const cell = host.querySelector<HTMLElement>(`[data-field="${field}-${c}"]`);
    if (!cell) return;
    cell.textContent = formatNumber(value, digits);
    cell.dataset.value = String(value);
  };

  const render = (): void => {
    const { current } = state;
    const readout = readLogits(current);
    sliders.forEach((input, c) => {
      input.value = String(current.z[c]);
      const out = host.querySelector<HTMLOutputElement>(`output[data-logit-value="${c}"]`);
      if (out) out.textContent = formatNumber(current.z[c]!, 1);
    });
    radios.forEach((input, c) => {
      input.checked = c === current.y;
    });
    current.z.forEach((z, c) => {
      setCell('z', c, z, 1);
      setCell('p', c, readout.p[c]!, 4);
      setCell('y', c, readout.target[c]!, 0);
      setCell('grad', c, readout.grad[c]!, 4);
    });
    lossOut.textContent = formatNumber(readout.loss);
    lossOut.dataset.value = String(readout.loss);
    const { actual, predicted } = lossChange(state.reference, current);
    changeOut.textContent = `ΔL = ${formatNumber(actual)}; predicted from (p − y)·Δz: ${formatNumber(predicted)}`;
    changeOut.dataset.actual = String(actual);
    changeOut.dataset.predicted = String(predicted);
    const label = describe(current, readout);
    state.chart = renderChart(charts.logits, logitsChart(current), `Logits. ${label}`);
    renderChart(charts.p, probabilityChart(readout), `Probabilities and one-hot target. ${label}`);
    renderChart(charts.grad, gradientChart(readout), `Gradient p − y. ${label}`);
  };

  /** A change begins: ΔL will be measured from the state as it is now. */
  const begin = (): void => {
    state.reference = copy(state.current);
  };

  const setLogit = (c: number, value: number): void => {
    state.current.z[c] = clampLogit(value);
    render();
  };

  // Dragging a bar: the band under the pointer picks the class, the y scale's inverse the value.
  // The chart is redrawn on every move, so the listeners sit on its container, which stays.
  const pick = (event: PointerEvent): { c: number; value: number } | null => {
    const chart = state.chart as (Element & { scale?: (name: string) => ScaleLike | undefined }) | null;
    const svg = chart instanceof SVGSVGElement ? chart : chart?.querySelector('svg');
    const xs = chart?.scale?.('x');
    const ys = chart?.scale?.('y');
    if (!svg || !xs?.apply || !ys?.invert || xs.bandwidth === undefined) return null;
    const box = svg.getBoundingClientRect();
    const viewBox = svg.viewBox.baseVal;
    // The svg may be drawn smaller than its viewBox on narrow screens.
    const sx = viewBox && viewBox.width ? viewBox.width / box.width : 1;
    const sy = viewBox && viewBox.height ? viewBox.height / box.height : 1;
    const px = (event.clientX - box.left) * sx;
    const py = (event.clientY - box.top) * sy;
    const bandwidth = xs.bandwidth;
    const apply = xs.apply;
    const c = xs.domain.findIndex((d) => {
      const left = apply(d);
      return px >= left && px <= left + bandwidth;
    });
    return c < 0 ? null : { c, value: ys.invert(py) };
  };
  charts.logits.style.touchAction = 'none';
  charts.logits.style.cursor = 'ns-resize';
  charts.logits.addEventListener('pointerdown', (event) => {
    const hit = pick(event);
    if (!hit) return;
    state.dragging = hit.c;
    charts.logits.setPointerCapture(event.pointerId);
    begin();
    setLogit(hit.c, hit.value);
  }, { signal });
  charts.logits.addEventListener('pointermove', (event) => {
    if (state.dragging === null) return;
    const hit = pick(event);
    if (hit) setLogit(state.dragging, hit.value);
  }, { signal });
  const endDrag = (): void => {
    state.dragging = null;
  };
  charts.logits.addEventListener('pointerup', endDrag, { signal });
  charts.logits.addEventListener('pointercancel', endDrag, { signal });

  sliders.forEach((input, c) => {
    input.disabled = false;
    input.addEventListener('pointerdown', begin, { signal });
    input.addEventListener('keydown', begin, { signal });
    input.addEventListener('input', () => setLogit(c, Number(input.value)), { signal });
  });
  radios.forEach((input, c) => {
    input.disabled = false;
    input.addEventListener('change', () => {
      if (!input.checked) return;
      state.current.y = c;
      // A new target is a new loss function; a ΔL across it would compare two different things.
      begin();
      render();
    }, { signal });
  });
  resetButton.disabled = false;
  resetButton.addEventListener('click', () => {
    state.current = copy(EXAMPLE_STATE);
    begin();
    render();
  }, { signal });
  render();

  return {
    destroy() {
      controller.abort();
    },
  };
}
