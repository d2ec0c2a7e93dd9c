// DOM wiring of the linear-classifier panel: sliders for every weight and for a probe point,
// a third-class switch, a reset to the decks' example; redraws the figure and the readouts.

import * as Plot from '@observablehq/plot';
import { softmax } from '@engine';
import { el, fmt, placeFigure, slider, type Slider } from '../controls';
import {
  DECK_EXAMPLE,
  THIRD_CLASS,
  boundaryEquation,
  boundarySegments,
  classify,
  parameterCount,
  regionLabels,
  scores,
  type ClassWeights,
  type Point,
} from './model';
import { linearClassifierPlot } from './view';

const SUB = ['₁', '₂', '₃'] as const;
const NAMES = ['b', 'w', 'w'] as const;
const INITIAL_PROBE: Point = [1, 0.5];

/** Builds the panel inside `host` and returns its cleanup. */
export function mount(host: HTMLElement): () => void {
  const state = {
    W: [...DECK_EXAMPLE, THIRD_CLASS].map((w) => [...w] as [number, number, number]),
    classes: 2,
    probe: [...INITIAL_PROBE] as [number, number],
  };
  const weights = (): ClassWeights[] => state.W.slice(0, state.classes);

  const root = el('div', 'l1-panel l1-lc');
  const figure = el('div', 'l1-figure');
  const controls = el('div', 'l1-controls');
  const readout = el('div', 'l1-readout');
  readout.setAttribute('aria-live', 'polite');
  root.append(figure, controls, readout);

  let frame = 0;
  const schedule = (): void => {
    if (!frame) frame = requestAnimationFrame(render);
  };

  const weightSliders: Slider[][] = [];
  const groups: HTMLFieldSetElement[] = [];
  state.W.forEach((w, k) => {
    const group = el('fieldset', 'l1-group');
    const legend = el('legend', undefined, `Class ${k + 1}: w${SUB[k]} = [b${SUB[k]}, w${SUB[k]},₁, w${SUB[k]},₂]`);
    group.append(legend);
    const row = w.map((value, i) => {
      const s = slider({
        label: i === 0 ? `${NAMES[i]}${SUB[k]}` : `${NAMES[i]}${SUB[k]},${SUB[i - 1]}`,
        min: -3,
        max: 3,
        step: 0.1,
        value,
        format: (x) => fmt(x, 1),
        onInput: (x) => {
          state.W[k]![i] = Math.round(x * 10) / 10;
          schedule();
        },
      });
      group.append(s.root);
      return s;
    });
    weightSliders.push(row);
    groups.push(group);
    controls.append(group);
  });

  const probeGroup = el('fieldset', 'l1-group');
  probeGroup.append(el('legend', undefined, 'Probe point x = (x₁, x₂)'));
  const probeSliders = ([0, 1] as const).map((i) => {
    const s = slider({
      label: `x${SUB[i]}`,
      min: -3,
      max: 3,
      step: 0.1,
      value: state.probe[i],
      format: (x) => fmt(x, 1),
      onInput: (x) => {
        state.probe[i] = Math.round(x * 10) / 10;
        schedule();
      },
    });
    probeGroup.append(s.root);
    return s;
  });
  controls.append(probeGroup);

  const actions = el('div', 'l1-actions');
  const thirdLabel = el('label', 'l1-check');
  const third = el('input');
  third.type = 'checkbox';
  thirdLabel.append(third, document.createTextNode(' Add a third class'));
  third.addEventListener('change', () => {
    state.classes = third.checked ? 3 : 2;
    schedule();
  });
  const reset = el('button', 'button button--ghost', "Reset to the decks' example");
  reset.type = 'button';
  reset.addEventListener('click', () => {
    state.W = [...DECK_EXAMPLE, THIRD_CLASS].map((w) => [...w] as [number, number, number]);
    state.probe = [...INITIAL_PROBE];
    state.W.forEach((w, k) => w.forEach((value, i) => (weightSliders[k]![i]!.value = value)));
    probeSliders.forEach((s, i) => (s.value = state.probe[i]!));
    schedule();
  });
  actions.append(thirdLabel, reset);
  controls.append(actions);

  function render(): void {
    frame = 0;
    const W = weights();
    groups[2]!.hidden = state.classes < 3;
    const [x1, x2] = state.probe;
    const s = scores(W, x1, x2);
    const c = classify(W, x1, x2);
    const p = softmax(s);
    const segs = boundarySegments(W);
    const shares = regionLabels(W);

    const lines = segs.map((seg) => `Boundary between class ${seg.k + 1} and class ${seg.l + 1}: ${boundaryEquation(W, seg.k, seg.l)}`);
    const equations = el('ul', 'l1-readout__list');
    for (const line of lines.length ? lines : ['No boundary inside the view: one class wins everywhere shown.']) {
      equations.append(el('li', undefined, line));
    }
    const probeText = el(
      'p',
      undefined,
      `At x = (${fmt(x1, 1)}, ${fmt(x2, 1)}): scores ${s.map((v, k) => `w${SUB[k]}ᵀx = ${fmt(v)}`).join(', ')}; ` +
        `argmax gives class ${c + 1}; softmax p = (${p.map((v) => fmt(v, 3)).join(', ')}).`,
    );
    probeText.dataset['testid'] = 'lc-probe';
    const count = el('p', undefined, `${state.classes} classes × (2 inputs + 1 bias) = ${parameterCount(state.classes, 2)} parameters.`);
    equations.dataset['testid'] = 'lc-boundaries';
    readout.replaceChildren(equations, probeText, count);

    const label =
      `Decision regions of a linear classifier with ${state.classes} classes on the square from −3 to 3. ` +
      `${lines.join('. ')}${lines.length ? '. ' : ''}` +
      shares.map((r) => `Class ${r.k + 1} covers ${Math.round(r.share * 100)} % of the view`).join(', ') +
      `. The probe point is in class ${c + 1}.`;
    const width = Math.min(420, Math.max(260, figure.clientWidth || 380));
    placeFigure(figure, Plot.plot(linearClassifierPlot({ W, probe: state.probe }, width)), label);
  }

  host.replaceChildren(root);
  render();
  return () => {
    if (frame) cancelAnimationFrame(frame);
    root.remove();
  };
}
