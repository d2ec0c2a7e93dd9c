// The heads widget's defaults and the lesson's four ready-made experiments, as plain data with
// no imports, so the page's experiment buttons load nothing else.

/** Which head the network wears. */
export type HeadName = 'regression' | 'classification';

/** A setting's value, as the widget kit stores it. */
type Value = number | string | boolean | readonly number[];

/** The settings' defaults, shared by the declaration, the buttons and the tests. */
export const DEFAULTS = {
  head: 'regression' as HeadName,
  fn: 'sine' as 'sine' | 'abs' | 'step' | 'poly',
  noise: 0.3,
  points: 'blobs' as 'blobs' | 'spirals' | 'moons' | 'circle' | 'xor',
  classes: 3,
  layers: [16] as readonly number[],
  act: 'relu',
  lr: 0.03,
  batch: 20,
} as const;

/** A ready-made run the lesson refers to: the settings it changes (the rest go back to their defaults). */
export interface Experiment {
  readonly id: string;
  readonly label: string;
  readonly params: Readonly<Record<string, Value>>;
}

/** The four experiments of the lesson's "One network, two heads" section, all on seed 1. */
export const EXPERIMENTS: readonly Experiment[] = [
  { id: 'fit', label: '1 · Regression, 16 hidden units', params: { head: 'regression', fn: 'sine', noise: 0.3, layers: [16] } },
  { id: 'blobs', label: '2 · Three blobs, no hidden layer', params: { head: 'classification', points: 'blobs', classes: 3, layers: [] } },
  { id: 'spirals-linear', label: '3 · Two spirals, no hidden layer', params: { head: 'classification', points: 'spirals', layers: [] } },
  { id: 'spirals-hidden', label: '4 · Two spirals, 32 hidden units', params: { head: 'classification', points: 'spirals', layers: [32] } },
];

/** The seed every experiment runs on. */
export const EXPERIMENT_SEED = 1;

/** Full settings for an experiment: the defaults with its changes applied. */
export function experimentValues(experiment: Experiment): Record<string, Value> {
  return { ...DEFAULTS, ...experiment.params };
}
