// DOM wiring of the activations panel: three live plots (sigmoid, tanh, ReLU, each with its
// derivative), one slider for the point z0, and a table of g(z0) and g'(z0).

import * as Plot from '@observablehq/plot';
import { el, fmt, placeFigure, slider } from '../controls';
import { SHOWN, TITLES, valuesAt } from './model';
import { activationPlot } from './view';

/** Builds the panel inside `host` and returns its cleanup. */
export function mount(host: HTMLElement): () => void {
  const state = { z0: 1 };
  const root = el('div', 'l1-panel l1-act');
  const row = el('div', 'l1-figure-row');
  const slots = SHOWN.map((name) => {
    const cell = el('div', 'l1-figure');
    const heading = el('p', 'l1-figure__title', TITLES[name]);
    const slot = el('div');
    cell.append(heading, slot);
    row.append(cell);
    return slot;
  });
  const controls = el('div', 'l1-controls');
  let frame = 0;
  const z = slider({
    label: 'z₀',
    min: -4,
    max: 4,
    step: 0.1,
    value: state.z0,
    format: (v) => fmt(v, 1),
    onInput: (v) => {
      state.z0 = Math.round(v * 10) / 10;
      if (!frame) frame = requestAnimationFrame(render);
    },
  });
  controls.append(z.root);
  const readout = el('div', 'l1-readout');
  readout.setAttribute('aria-live', 'polite');
  root.append(row, controls, readout);

  function render(): void {
    frame = 0;
    const { z0 } = state;
    const table = el('table');
    table.dataset['testid'] = 'act-values';
    const caption = el('caption', undefined, `Values at z₀ = ${fmt(z0, 1)}`);
    const head = el('tr');
    head.append(el('th', undefined, 'activation'), el('th', undefined, 'g(z₀)'), el('th', undefined, "g′(z₀)"));
    table.append(caption, head);
    SHOWN.forEach((name, i) => {
      const { g, dg } = valuesAt(name, z0);
      const tr = el('tr');
      tr.append(el('th', undefined, TITLES[name]), el('td', undefined, fmt(g, 4)), el('td', undefined, fmt(dg, 4)));
      table.append(tr);
      const slot = slots[i]!;
      const width = Math.min(300, Math.max(200, slot.clientWidth || 240));
      placeFigure(
        slot,
        Plot.plot(activationPlot(name, z0, width)),
        `${TITLES[name]} (solid) and its derivative (dashed) for z from −4 to 4; at z₀ = ${fmt(z0, 1)} the value is ${fmt(g, 3)} and the slope ${fmt(dg, 3)}.`,
      );
    });
    readout.replaceChildren(table);
  }

  host.replaceChildren(root);
  render();
  return () => {
    if (frame) cancelAnimationFrame(frame);
    root.remove();
  };
}
