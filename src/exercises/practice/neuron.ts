// The practice page's small widget: one logistic neuron p = σ(w x + b) on twelve fixed 1-D
// points of two classes. Its plain state (getState()) is what the practice challenges check.

import { sigmoid, sigmoidCrossEntropy } from '@engine';

/** The widget's data-widget name. */
export const NEURON_WIDGET = 'practice-neuron';

/** The points: class 0 on the left, class 1 on the right, a gap between −0.2 and 1.0. */
export const NEURON_POINTS: readonly { x: number; y: 0 | 1 }[] = [
  { x: -3, y: 0 }, { x: -2.4, y: 0 }, { x: -1.9, y: 0 }, { x: -1.3, y: 0 }, { x: -0.8, y: 0 }, { x: -0.2, y: 0 },
  { x: 1, y: 1 }, { x: 1.4, y: 1 }, { x: 1.9, y: 1 }, { x: 2.3, y: 1 }, { x: 2.8, y: 1 }, { x: 3.2, y: 1 },
];

/**
 * Where the sliders start: the boundary x = −b/w = −1 sits inside class 0 (two points wrong), so
 * both practice challenges start unsolved and the student has something to do.
 */
export const NEURON_START = Object.freeze({ w: 1, b: 1 });

/** Slider ranges. */
export const NEURON_RANGE = { w: { min: -8, max: 8, step: 0.1 }, b: { min: -8, max: 8, step: 0.1 } } as const;

export interface NeuronState {
  name: typeof NEURON_WIDGET;
  params: { w: number; b: number };
  metrics: { loss: number; accuracy: number };
  points: number;
}

/** Mean cross-entropy (the engine's sigmoid cross-entropy) and accuracy (p > ½ means class 1). */
export function neuronMetrics(w: number, b: number): { loss: number; accuracy: number } {
  const f = Float64Array.from(NEURON_POINTS, (p) => w * p.x + b);
  const y = Float64Array.from(NEURON_POINTS, (p) => p.y);
  const loss = sigmoidCrossEntropy(f, y, NEURON_POINTS.length, 1, null, 1);
  const right = NEURON_POINTS.filter((p, i) => (sigmoid(f[i]!) > 0.5 ? 1 : 0) === p.y).length;
  return { loss, accuracy: right / NEURON_POINTS.length };
}

/** The state a challenge reads. */
export function neuronState(w: number, b: number): NeuronState {
  return { name: NEURON_WIDGET, params: { w, b }, metrics: neuronMetrics(w, b), points: NEURON_POINTS.length };
}

/** The curve p(x) = σ(w x + b) sampled for drawing. */
export function neuronCurve(w: number, b: number, n = 121): { x: number; p: number }[] {
  return Array.from({ length: n }, (_, i) => {
    const x = -4 + (8 * i) / (n - 1);
    return { x, p: sigmoid(w * x + b) };
  });
}
