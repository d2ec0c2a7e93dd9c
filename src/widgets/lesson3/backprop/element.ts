// The walk-through's DOM wiring: the example's inputs and class, and buttons that reveal the
// backward pass one stage at a time, redrawing the diagram for the current stage.

import type { Mounted } from '../lazy';
import { renderPlot } from '../plot';
import { parseNumber } from '../format';
import { STAGES, WALKTHROUGH_EXAMPLE, walkthrough, type Walkthrough } from './model';
import { describeStage, diagram, STAGE_TITLES, stageLines } from './view';

/** Inputs beyond this size make every number on the diagram unreadable, and teach nothing more. */
const INPUT_LIMIT = 100;

/** Wires the panel inside `host` (markup from BackpropWalkthrough.astro). */
export function mount(host: HTMLElement): Mounted {
  const inputs = [...host.querySelectorAll<HTMLInputElement>('input[data-field^="x"]')];
  const select = host.querySelector<HTMLSelectElement>('select[data-field="class"]')!;
  const prev = host.querySelector<HTMLButtonElement>('button[data-action="prev"]')!;
  const next = host.querySelector<HTMLButtonElement>('button[data-action="next"]')!;
  const restart = host.querySelector<HTMLButtonElement>('button[data-action="restart"]')!;
  const status = host.querySelector<HTMLElement>('[data-testid="backprop-stage"]')!;
  const message = host.querySelector<HTMLElement>('[data-testid="backprop-message"]')!;
  const chart = host.querySelector<HTMLElement>('[data-chart="network"]')!;
  const blocks = STAGES.map((stage) => host.querySelector<HTMLElement>(`[data-stage="${stage}"]`)!);
  const controller = new AbortController();
  const { signal } = controller;
  const state: { stage: number; result: Walkthrough } = {
    stage: 0,
    result: walkthrough(WALKTHROUGH_EXAMPLE.x, WALKTHROUGH_EXAMPLE.y),
  };

  const render = (): void => {
    const stage = STAGES[state.stage]!;
    STAGES.forEach((s, i) => {
      const block = blocks[i]!;
      block.hidden = i > state.stage;
      block.classList.toggle('l3-stage--current', i === state.stage);
      const list = block.querySelector<HTMLElement>('[data-lines]');
      if (list) {
        list.replaceChildren(
          ...stageLines(state.result, s).map((line) => {
            const li = document.createElement('li');
            li.textContent = line;
            return li;
          }),
        );
      }
    });
    status.textContent = `Stage ${state.stage + 1} of ${STAGES.length}: ${STAGE_TITLES[stage]}`;
    status.dataset.stage = stage;
    prev.disabled = state.stage === 0;
    next.disabled = state.stage === STAGES.length - 1;
    renderPlot(chart, diagram(state.result, stage), `Network diagram, ${STAGE_TITLES[stage]}. ${describeStage(state.result, stage)}`);
  };

  const recompute = (): void => {
    const x = inputs.map((input) => parseNumber(input.value));
    const bad = inputs.find((_, i) => !Number.isFinite(x[i]!) || Math.abs(x[i]!) > INPUT_LIMIT);
    inputs.forEach((input, i) => {
      if (Number.isFinite(x[i]!) && Math.abs(x[i]!) <= INPUT_LIMIT) input.removeAttribute('aria-invalid');
      else input.setAttribute('aria-invalid', 'true');
    });
    if (bad) {
      message.textContent = `Each input must be a number between −${INPUT_LIMIT} and ${INPUT_LIMIT}.`;
      return;
    }
    message.textContent = '';
    state.result = walkthrough(x, Number(select.value));
    render();
  };

  for (const control of [...inputs, select, prev, next, restart]) control.disabled = false;
  inputs.forEach((input) => input.addEventListener('change', recompute, { signal }));
  select.addEventListener('change', recompute, { signal });
  prev.addEventListener('click', () => {
    state.stage = Math.max(0, state.stage - 1);
    render();
  }, { signal });
  next.addEventListener('click', () => {
    state.stage = Math.min(STAGES.length - 1, state.stage + 1);
    render();
    // Keyboard users keep their place: focus stays on the button unless it just became disabled.
    if (next.disabled) prev.focus();
  }, { signal });
  restart.addEventListener('click', () => {
    state.stage = 0;
    render();
  }, { signal });
  recompute();

  return {
    destroy() {
      controller.abort();
    },
  };
}
