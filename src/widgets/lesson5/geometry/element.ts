// DOM wiring of the L1/L2 geometry panel: three sliders (λ, and the unpenalized optimum w*)
// drive two pictures, L2 and L1, side by side, with a sentence per picture as its text alternative.
import * as Plot from '@observablehq/plot';
import { curvature, l1AxisLanding, type Quadratic } from './model';
import { describeFigure, geometryFigure, geometryPlotOptions } from './view';

/** The panel's state: one typed object owned by the element. */
export interface GeometryState {
  lambda: number;
  wStar: [number, number];
}

/** The loss's curvature is fixed (tilted ellipses with axis ratio √3); w* and λ are the student's. */
export const PANEL_CURVATURE = curvature(1, 3, 30);
export const DEFAULT_STATE: GeometryState = { lambda: 0.5, wStar: [1.6, 0.7] };

/** Reads a slider, falling back to `fallback` for anything non-finite or outside its range. */
export function readSlider(input: HTMLInputElement, fallback: number): number {
  const v = Number(input.value);
  const lo = Number(input.min);
  const hi = Number(input.max);
  return Number.isFinite(v) && v >= lo && v <= hi ? v : fallback;
}

/** Wires the panel inside `root` (markup from NormGeometry.astro); returns a cleanup function. */
export function mountGeometry(root: HTMLElement): () => void {
  const q = <T extends Element>(sel: string) => {
    const el = root.querySelector<T>(sel);
    if (!el) throw new Error(`geometry panel: missing ${sel}`);
    return el;
  };
  const lambdaIn = q<HTMLInputElement>('[data-input="lambda"]');
  const w1In = q<HTMLInputElement>('[data-input="w1"]');
  const w2In = q<HTMLInputElement>('[data-input="w2"]');
  const lambdaOut = q<HTMLOutputElement>('[data-output="lambda"]');
  const w1Out = q<HTMLOutputElement>('[data-output="w1"]');
  const w2Out = q<HTMLOutputElement>('[data-output="w2"]');
  const landingOut = q<HTMLElement>('[data-output="landing"]');
  const charts = { l2: q<HTMLElement>('[data-chart="l2"]'), l1: q<HTMLElement>('[data-chart="l1"]') };
  const captions = { l2: q<HTMLElement>('[data-caption="l2"]'), l1: q<HTMLElement>('[data-caption="l1"]') };

  const state: GeometryState = { lambda: DEFAULT_STATE.lambda, wStar: [...DEFAULT_STATE.wStar] };

  function render() {
    const quad: Quadratic = { H: PANEL_CURVATURE, wStar: state.wStar };
    lambdaOut.textContent = state.lambda.toFixed(2);
    w1Out.textContent = state.wStar[0].toFixed(1);
    w2Out.textContent = state.wStar[1].toFixed(1);
    const landing = l1AxisLanding(quad);
    landingOut.textContent = landing
      ? `With this loss, L1 lands on the w${landing.zeroIndex === 0 ? '₂' : '₁'} axis (w${landing.zeroIndex === 0 ? '₁' : '₂'} = 0) at λ = ${landing.lambda.toFixed(2)}; L2 never does.`
      : 'w* already lies on an axis: one weight is zero even without a penalty.';
    for (const kind of ['l2', 'l1'] as const) {
      const fig = geometryFigure(quad, kind, state.lambda);
      const svg = Plot.plot(geometryPlotOptions(fig));
      const text = describeFigure(fig);
      svg.setAttribute('role', 'img');
      svg.setAttribute('aria-label', text);
      charts[kind].replaceChildren(svg);
      captions[kind].textContent = text;
    }
  }

  const onInput = () => {
    state.lambda = readSlider(lambdaIn, state.lambda);
    state.wStar = [readSlider(w1In, state.wStar[0]), readSlider(w2In, state.wStar[1])];
    render();
  };
  const inputs = [lambdaIn, w1In, w2In];
  for (const el of inputs) el.addEventListener('input', onInput);
  lambdaIn.value = String(state.lambda);
  w1In.value = String(state.wStar[0]);
  w2In.value = String(state.wStar[1]);
  render();
  return () => {
    for (const el of inputs) el.removeEventListener('input', onInput);
  };
}
