// DOM wiring of the dropout panel: "Next mini-batch" draws the next mask, "Inference" shows the
// whole network, two sliders set the keep probabilities of the inputs and the hidden units.
import * as Plot from '@observablehq/plot';
import { describeFrame, dropoutFrame } from './model';
import { dropoutPlotOptions } from './view';

/** The panel's state, owned by its element. */
export interface DropoutPanelState {
  batch: number;
  keepInput: number;
  keepHidden: number;
}

export function mountDropout(root: HTMLElement): () => void {
  const q = <T extends Element>(sel: string) => {
    const el = root.querySelector<T>(sel);
    if (!el) throw new Error(`dropout panel: missing ${sel}`);
    return el;
  };
  const next = q<HTMLButtonElement>('[data-action="next"]');
  const infer = q<HTMLButtonElement>('[data-action="inference"]');
  const keepIn = q<HTMLInputElement>('[data-input="keep-input"]');
  const keepHid = q<HTMLInputElement>('[data-input="keep-hidden"]');
  const outIn = q<HTMLOutputElement>('[data-output="keep-input"]');
  const outHid = q<HTMLOutputElement>('[data-output="keep-hidden"]');
  const chart = q<HTMLElement>('[data-chart]');
  const caption = q<HTMLElement>('[data-caption]');
  const state: DropoutPanelState = { batch: 1, keepInput: 0.8, keepHidden: 0.5 };

  const read = (el: HTMLInputElement, fallback: number) => {
    const v = Number(el.value);
    return Number.isFinite(v) && v >= Number(el.min) && v <= Number(el.max) ? v : fallback;
  };
  function render() {
    outIn.textContent = state.keepInput.toFixed(2);
    outHid.textContent = state.keepHidden.toFixed(2);
    const frame = dropoutFrame(state.batch, state.keepInput, state.keepHidden);
    const svg = Plot.plot(dropoutPlotOptions(frame));
    const text = describeFrame(frame);
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', text);
    chart.replaceChildren(svg);
    caption.textContent = text;
    infer.setAttribute('aria-pressed', String(frame.inference));
  }
  const onNext = () => {
    state.batch = state.batch + 1;
    render();
  };
  const onInfer = () => {
    state.batch = state.batch > 0 ? 0 : 1;
    render();
  };
  const onKeep = () => {
    state.keepInput = read(keepIn, state.keepInput);
    state.keepHidden = read(keepHid, state.keepHidden);
    render();
  };
  next.addEventListener('click', onNext);
  infer.addEventListener('click', onInfer);
  keepIn.addEventListener('input', onKeep);
  keepHid.addEventListener('input', onKeep);
  keepIn.value = String(state.keepInput);
  keepHid.value = String(state.keepHidden);
  render();
  return () => {
    next.removeEventListener('click', onNext);
    infer.removeEventListener('click', onInfer);
    keepIn.removeEventListener('input', onKeep);
    keepHid.removeEventListener('input', onKeep);
  };
}
