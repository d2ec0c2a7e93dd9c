// DOM wiring of the ReLU-merge panel: sliders for the output weights a_j, the bias c and the
// kinks t_j; the plot, the pieces of s(x) and the set where f = 1 update as they move.

import * as Plot from '@observablehq/plot';
import { el, fmt, placeFigure, slider, type Slider } from '../controls';
import { DECK_RELU, boundaries, describeClassOne, linearPieces, type ReluNet } from './model';
import { reluMergePlot, unitLabel } from './view';

const SUB = ['₁', '₂', '₃'] as const;

/** "2x − 1.35", "0.3 − x", "−0.1": a line written out. */
function lineText(slope: number, intercept: number): string {
  const s = Math.round(slope * 1000) / 1000;
  const c = Math.round(intercept * 1000) / 1000;
  if (s === 0) return fmt(c, 3);
  const xs = s === 1 ? 'x' : s === -1 ? '−x' : `${fmt(s, 3)}x`;
  if (c === 0) return xs;
  return `${xs} ${c < 0 ? '−' : '+'} ${fmt(Math.abs(c), 3)}`;
}

/** Builds the panel inside `host` and returns its cleanup. */
export function mount(host: HTMLElement): () => void {
  const copy = (net: ReluNet) => ({ kinks: [...net.kinks], weights: [...net.weights], bias: net.bias });
  let net = copy(DECK_RELU);
  const root = el('div', 'l1-panel l1-rm');
  const figure = el('div', 'l1-figure');
  const controls = el('div', 'l1-controls');
  const readout = el('div', 'l1-readout');
  readout.setAttribute('aria-live', 'polite');
  root.append(figure, controls, readout);
  let frame = 0;
  const schedule = (): void => {
    if (!frame) frame = requestAnimationFrame(render);
  };

  const outGroup = el('fieldset', 'l1-group');
  outGroup.append(el('legend', undefined, 'Output weights and bias: s = a₁h₁ + a₂h₂ + a₃h₃ + c'));
  const weightSliders: Slider[] = net.weights.map((w, j) => {
    const s = slider({ label: `a${SUB[j]}`, min: -4, max: 4, step: 0.1, value: w, format: (v) => fmt(v, 1), onInput: (v) => { net.weights[j] = Math.round(v * 10) / 10; schedule(); } });
    outGroup.append(s.root);
    return s;
  });
  const biasSlider = slider({ label: 'c', min: -1, max: 1, step: 0.05, value: net.bias, format: (v) => fmt(v, 2), onInput: (v) => { net.bias = Math.round(v * 100) / 100; schedule(); } });
  outGroup.append(biasSlider.root);
  const kinkGroup = el('fieldset', 'l1-group');
  kinkGroup.append(el('legend', undefined, 'Kinks: hⱼ = ReLU(x − tⱼ)'));
  const kinkSliders: Slider[] = net.kinks.map((t, j) => {
    const s = slider({ label: `t${SUB[j]}`, min: -0.2, max: 1, step: 0.05, value: t, format: (v) => fmt(v, 2), onInput: (v) => { net.kinks[j] = Math.round(v * 100) / 100; schedule(); } });
    kinkGroup.append(s.root);
    return s;
  });
  const reset = el('button', 'button button--ghost', "Reset to the decks' example");
  reset.type = 'button';
  reset.addEventListener('click', () => {
    net = copy(DECK_RELU);
    weightSliders.forEach((s, j) => (s.value = net.weights[j]!));
    kinkSliders.forEach((s, j) => (s.value = net.kinks[j]!));
    biasSlider.value = net.bias;
    schedule();
  });
  const actions = el('div', 'l1-actions');
  actions.append(reset);
  controls.append(outGroup, kinkGroup, actions);

  function render(): void {
    frame = 0;
    const formula = el(
      'p',
      undefined,
      `f(x) = u(${net.weights.map((w, j) => unitLabel(w, j)).join(' + ').replace(/\+ −/g, '− ')} ${net.bias < 0 ? '−' : '+'} ${fmt(Math.abs(net.bias), 2)})`,
    );
    const pieces = el('ul', 'l1-readout__list');
    for (const p of linearPieces(net)) {
      const range = p.from === -Infinity ? `x < ${fmt(p.to, 3)}` : p.to === Infinity ? `x ≥ ${fmt(p.from, 3)}` : `${fmt(p.from, 3)} ≤ x < ${fmt(p.to, 3)}`;
      pieces.append(el('li', undefined, `${range}: s(x) = ${lineText(p.slope, p.intercept)}`));
    }
    const cuts = boundaries(net);
    const result = el('p', undefined, `${describeClassOne(net)}. Decision boundaries: ${cuts.length ? cuts.map((x) => `x = ${fmt(x, 3)}`).join(', ') : 'none'}.`);
    result.dataset['testid'] = 'rm-result';
    readout.replaceChildren(formula, pieces, result);
    const width = Math.min(480, Math.max(280, figure.clientWidth || 420));
    placeFigure(
      figure,
      Plot.plot(reluMergePlot(net, width)),
      `The weighted hidden units and their sum s(x) for x from −0.2 to 1. ${describeClassOne(net)}.`,
    );
  }

  host.replaceChildren(root);
  render();
  return () => {
    if (frame) cancelAnimationFrame(frame);
    root.remove();
  };
}
