// The stability panel's DOM wiring: a text field of logits, a class menu and presets; the table
// compares the naive and the stable computation, and bad input gets a message, never a crash.

import type { Mounted } from '../lazy';
import { parseLogits, type StabilityInput } from './model';
import { PRESETS, stabilityView } from './view';

/** Wires the panel inside `host` (markup from StabilityPanel.astro). */
export function mount(host: HTMLElement): Mounted {
  const field = host.querySelector<HTMLInputElement>('input[data-field="logits"]')!;
  const select = host.querySelector<HTMLSelectElement>('select[data-field="class"]')!;
  const message = host.querySelector<HTMLElement>('[data-testid="stability-message"]')!;
  const body = host.querySelector<HTMLTableSectionElement>('tbody[data-rows]')!;
  const naiveVerdict = host.querySelector<HTMLElement>('[data-testid="naive-verdict"]')!;
  const stableVerdict = host.querySelector<HTMLElement>('[data-testid="stable-verdict"]')!;
  const presetButtons = [...host.querySelectorAll<HTMLButtonElement>('button[data-preset]')];
  const controller = new AbortController();
  const { signal } = controller;
  const first = PRESETS[0]!;
  const state: { input: StabilityInput } = { input: { z: [...first.z], y: first.y } };

  const setClassOptions = (k: number, y: number): void => {
    if (select.options.length !== k) {
      select.replaceChildren(
        ...Array.from({ length: k }, (_, c) => {
          const option = document.createElement('option');
          option.value = String(c);
          option.textContent = `class ${c + 1}`;
          return option;
        }),
      );
    }
    select.value = String(y);
  };

  const render = (): void => {
    const view = stabilityView(state.input);
    body.replaceChildren(
      ...view.rows.map((r) => {
        const tr = document.createElement('tr');
        tr.dataset.row = r.key;
        const th = document.createElement('th');
        th.scope = 'row';
        th.textContent = r.quantity;
        const naive = document.createElement('td');
        naive.textContent = r.naiveText;
        naive.dataset.route = 'naive';
        naive.dataset.value = String(r.naive);
        if (!Number.isFinite(r.naive)) naive.classList.add('l3-bad');
        const stable = document.createElement('td');
        stable.textContent = r.stableText;
        stable.dataset.route = 'stable';
        stable.dataset.value = String(r.stable);
        tr.append(th, naive, stable);
        return tr;
      }),
    );
    naiveVerdict.textContent = view.naiveVerdict;
    stableVerdict.textContent = view.stableVerdict;
  };

  const apply = (): void => {
    const parsed = parseLogits(field.value);
    if (!parsed.ok) {
      message.textContent = parsed.message;
      field.setAttribute('aria-invalid', 'true');
      return;
    }
    field.removeAttribute('aria-invalid');
    message.textContent = '';
    const y = Math.min(Number(select.value) || 0, parsed.z.length - 1);
    state.input = { z: parsed.z, y };
    setClassOptions(parsed.z.length, y);
    render();
  };

  field.disabled = false;
  select.disabled = false;
  field.addEventListener('change', apply, { signal });
  field.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') apply();
  }, { signal });
  select.addEventListener('change', apply, { signal });
  presetButtons.forEach((button) => {
    button.disabled = false;
    button.addEventListener('click', () => {
      const preset = PRESETS[Number(button.dataset.preset)];
      if (!preset) return;
      field.value = preset.label;
      setClassOptions(preset.z.length, preset.y);
      apply();
    }, { signal });
  });
  apply();

  return {
    destroy() {
      controller.abort();
    },
  };
}
