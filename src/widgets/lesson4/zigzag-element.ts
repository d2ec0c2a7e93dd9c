// DOM wiring of the zig-zag panel: a slider for the tent compositions, and two ReLU networks with
// equal units (one layer vs several) trained side by side on the zig-zag, their exact pieces
// counted by the engine after every frame and marked on their curves.

import * as Plot from '@observablehq/plot';
import { countLinearPieces, type Trainer } from '@engine';
import { fmt, placeFigure } from './figure';
import { createLoop } from './loop';
import { fitPlot, tentPlot } from './zigzag-view';
import {
  breakpointVertices,
  createFitTrainer,
  fitConfigs,
  fitProblem,
  fitShapes,
  tentComposition,
  vertices,
  type FitSettings,
  type Vertex,
} from './zigzag';

/** Full-batch steps per animation frame, and where a run stops by itself. */
const STEPS_PER_FRAME = 10;
const MAX_STEPS = 20_000;

function required<T extends Element>(root: ParentNode, role: string): T {
  const el = root.querySelector<T>(`[data-role="${role}"]`);
  if (!el) throw new Error(`zig-zag panel: missing [data-role="${role}"]`);
  return el;
}

interface FitState {
  settings: FitSettings;
  trainers: { shallow: Trainer; deep: Trainer } | null;
  target: Vertex[];
  steps: number;
  error: string | null;
}

/** Builds the panel's behaviour inside `host` (the shell's markup) and returns its cleanup. */
export function mountZigZag(host: HTMLElement): () => void {
  const kInput = required<HTMLInputElement>(host, 'k');
  const kValue = required<HTMLOutputElement>(host, 'k-value');
  const tentReadout = required<HTMLElement>(host, 'tent-readout');
  const tentSlot = required<HTMLElement>(host, 'tent-plot');
  const target = required<HTMLSelectElement>(host, 'target');
  const units = required<HTMLSelectElement>(host, 'units');
  const depth = required<HTMLSelectElement>(host, 'depth');
  const seed = required<HTMLInputElement>(host, 'seed');
  const runButton = required<HTMLButtonElement>(host, 'run');
  const stepButton = required<HTMLButtonElement>(host, 'step');
  const resetButton = required<HTMLButtonElement>(host, 'reset');
  const stepsOut = required<HTMLElement>(host, 'steps');
  const message = required<HTMLElement>(host, 'fit-message');
  const fitReadout = required<HTMLElement>(host, 'fit-readout');
  const side = (shape: 'shallow' | 'deep') => ({
    title: required<HTMLElement>(host, `${shape}-title`),
    loss: required<HTMLElement>(host, `${shape}-loss`),
    pieces: required<HTMLElement>(host, `${shape}-pieces`),
    plot: required<HTMLElement>(host, `${shape}-plot`),
  });
  const sides = { shallow: side('shallow'), deep: side('deep') };

  function renderTent() {
    const k = Number(kInput.value);
    kValue.textContent = String(k);
    const t = tentComposition(k);
    const n = t.pieces.pieces;
    tentReadout.textContent =
      `T composed ${k} time${k === 1 ? '' : 's'}: the engine counts ${n} linear pieces on [0, 1] ` +
      `(2^${k} = ${2 ** k}) in a ReLU network of ${t.units} units in ${t.layers} layer${t.layers === 1 ? '' : 's'}. ` +
      `One layer of ${t.units} units can make at most ${t.oneLayerMax}.`;
    host.dataset['tentPieces'] = String(n);
    const width = Math.max(280, Math.min(640, tentSlot.clientWidth || 520));
    placeFigure(
      tentSlot,
      Plot.plot(tentPlot(vertices(t.pieces), breakpointVertices(t.pieces), width)),
      `The tent composed ${k} times on [0, 1]: a zig-zag between 0 and 1 with ${n} linear pieces, its ${n - 1} kinks marked.`,
    );
  }

  const fit: FitState = { settings: readSettings(), trainers: null, target: [], steps: 0, error: null };

  function readSettings(): FitSettings {
    return { targetK: Number(target.value), units: Number(units.value), depth: Number(depth.value), eta: 0.01, seed: Number(seed.value) };
  }

  function showError(text: string | null) {
    fit.error = text;
    message.textContent = text ?? '';
    message.hidden = text === null;
    runButton.disabled = stepButton.disabled = text !== null;
  }

  function rebuild() {
    loop.stop();
    const settings = readSettings();
    const seedOk = Number.isInteger(settings.seed) && settings.seed >= 0;
    const problem = fitProblem(settings) ?? (seedOk ? null : 'The seed must be a whole number ≥ 0.');
    showError(problem);
    fit.settings = settings;
    fit.steps = 0;
    if (problem) {
      fit.trainers = null;
      return;
    }
    const configs = fitConfigs(settings);
    fit.trainers = { shallow: createFitTrainer(configs.shallow), deep: createFitTrainer(configs.deep) };
    fit.target = vertices(tentComposition(settings.targetK).pieces);
    renderFit();
  }

  function renderFit() {
    const { trainers, settings } = fit;
    if (!trainers) return;
    stepsOut.textContent = String(fit.steps);
    const shapes = fitShapes(settings);
    const counts: Record<'shallow' | 'deep', number> = { shallow: 0, deep: 0 };
    for (const shape of ['shallow', 'deep'] as const) {
      const trainer = trainers[shape];
      const p = countLinearPieces(trainer.model, 0, 1);
      counts[shape] = p.pieces;
      const s = sides[shape];
      const hidden = shapes[shape];
      s.title.textContent = `${shape === 'shallow' ? 'Shallow' : 'Deep'} [${hidden.join(', ')}]`;
      s.loss.textContent = fmt(trainer.metrics.trainLoss, 4);
      s.pieces.textContent = String(p.pieces);
      const width = Math.max(240, Math.min(420, s.plot.clientWidth || 300));
      placeFigure(
        s.plot,
        Plot.plot(fitPlot(fit.target, vertices(p), breakpointVertices(p), shape, width)),
        `${shape === 'shallow' ? 'Shallow' : 'Deep'} network [${hidden.join(', ')}] after ${fit.steps} steps: ${p.pieces} linear pieces on [0, 1], squared error ${fmt(trainer.metrics.trainLoss, 4)}, against a target with ${2 ** settings.targetK} pieces.`,
      );
    }
    const max = settings.units + 1;
    const beyond = counts.deep > max ? ` The deep network has more pieces than any one-layer network with ${settings.units} units can make (at most ${max}).` : '';
    fitReadout.textContent = `Target: ${2 ** settings.targetK} pieces. Shallow: ${counts.shallow} pieces, deep: ${counts.deep} pieces, both from ${settings.units} ReLU units.${beyond}`;
    host.dataset['shallowPieces'] = String(counts.shallow);
    host.dataset['deepPieces'] = String(counts.deep);
  }

  /** Trains both networks `n` steps; false when training cannot go on. */
  function advance(n: number): boolean {
    const { trainers } = fit;
    if (!trainers || fit.error) return false;
    for (const shape of ['shallow', 'deep'] as const) {
      const m = trainers[shape].step(n);
      if (m.status === 'diverged') {
        showError(`The ${shape} network stopped: ${m.message ?? 'a number became non-finite'}.`);
        renderFit();
        return false;
      }
    }
    fit.steps += n;
    renderFit();
    return fit.steps < MAX_STEPS;
  }

  const loop = createLoop(
    host,
    () => advance(STEPS_PER_FRAME),
    (running) => {
      runButton.textContent = running ? 'Pause' : 'Train';
      runButton.setAttribute('aria-pressed', String(running));
    },
  );

  const onRun = () => (loop.wanted ? loop.stop() : loop.start());
  const onStep = () => {
    loop.stop();
    advance(STEPS_PER_FRAME);
  };
  const onReset = () => rebuild();
  const onK = () => renderTent();
  runButton.addEventListener('click', onRun);
  stepButton.addEventListener('click', onStep);
  resetButton.addEventListener('click', onReset);
  kInput.addEventListener('input', onK);
  for (const control of [target, units, depth, seed]) control.addEventListener('change', onReset);

  required<HTMLElement>(host, 'fit-message').hidden = true;
  host.querySelector('[data-live]')?.removeAttribute('hidden');
  host.querySelector('[data-fallback]')?.setAttribute('hidden', '');
  renderTent();
  rebuild();
  host.dataset['ready'] = 'true';

  return () => {
    loop.destroy();
    runButton.removeEventListener('click', onRun);
    stepButton.removeEventListener('click', onStep);
    resetButton.removeEventListener('click', onReset);
    kInput.removeEventListener('input', onK);
    for (const control of [target, units, depth, seed]) control.removeEventListener('change', onReset);
  };
}
