// A widget is declared, not programmed: its settings, its trainers (each a function from the
// settings and seed to an engine TrainerConfig, each run in its own worker), its views and any
// extra readouts. `defineWidget` checks the declaration once, so a lesson's typo fails loudly.

import type { TrainerConfig } from '@engine';
import type { ParamSpec, ParamValues } from './params';
import type { TrainerState, WidgetState } from './state';
import type { ViewDefinition } from './view';

/** One network trained in its own worker. */
export interface TrainerDefinition {
  /** Unique within the widget, e.g. 'mse' (used in `data-trainer` and getState()). */
  id: string;
  /** Shown above its readouts when there are several, e.g. "Squared error". */
  label: string;
  /** The engine config for the current settings and seed. Must be plain data (it is posted to a worker). */
  config(values: ParamValues, seed: number): TrainerConfig;
}

/** A number shown beside the standard readouts, per trainer, e.g. the weights' sparsity. */
export interface ReadoutDefinition {
  /** `data-testid` of the number, e.g. 'penalty'. */
  id: string;
  label: string;
  /** Unit shown after the number (outside the number's element), e.g. '%'. */
  unit?: string;
  /** The value for one trainer (NaN: not available yet). */
  value(trainer: TrainerState, state: WidgetState): number;
  /** Only for these trainers (default all). */
  trainers?: readonly string[];
}

/** A speed choice: mini-batches trained per animation frame. */
export interface SpeedChoice {
  key: string;
  label: string;
  batchesPerFrame: number;
}

/** Everything a widget is. */
export interface WidgetDefinition {
  /** Heading of the live widget (the shell's title is used when absent). */
  title?: string;
  /** The settings offered, in display order. */
  params: readonly ParamSpec[];
  /** One or more trainers (one worker each). */
  trainers: readonly TrainerDefinition[];
  /** Views, in display order. */
  views: readonly ViewDefinition[];
  /** Extra readouts. */
  readouts?: readonly ReadoutDefinition[];
  /** What Step does: one mini-batch or one whole epoch (default 'epoch'). */
  step?: 'epoch' | 'batch';
  /** Speed choices (default slow / normal / fast / fastest) and the default one's key. */
  speeds?: readonly SpeedChoice[];
  defaultSpeed?: string;
  /** Cells per side of the decision-region grid (default 80) and points of fitted curves (default 160). */
  gridResolution?: number;
  curvePoints?: number;
  /** Seed of the first run (default 1). */
  seed?: number;
}

export const DEFAULT_SPEEDS: readonly SpeedChoice[] = [
  { key: 'slow', label: 'Slow (1 batch per frame)', batchesPerFrame: 1 },
  { key: 'normal', label: 'Normal (4 batches per frame)', batchesPerFrame: 4 },
  { key: 'fast', label: 'Fast (16 batches per frame)', batchesPerFrame: 16 },
  { key: 'fastest', label: 'Fastest (64 batches per frame)', batchesPerFrame: 64 },
];

const KEY = /^[A-Za-z][A-Za-z0-9_-]*$/;

function unique(what: string, ids: readonly string[]): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (!KEY.test(id)) throw new Error(`defineWidget: ${what} id ${JSON.stringify(id)} must be letters, digits, - or _`);
    if (seen.has(id)) throw new Error(`defineWidget: two ${what}s are called ${JSON.stringify(id)}`);
    seen.add(id);
  }
}

/** Checks and returns a widget declaration (the default export of a `*.widget.ts` file). */
export function defineWidget(definition: WidgetDefinition): WidgetDefinition {
  unique('setting', definition.params.map((p) => p.key));
  if (definition.params.some((p) => p.key === 'seed')) throw new Error('defineWidget: "seed" is built in; do not declare it');
  if (definition.trainers.length === 0) throw new Error('defineWidget: give at least one trainer');
  unique('trainer', definition.trainers.map((t) => t.id));
  unique('view', definition.views.map((v) => v.id));
  unique('readout', (definition.readouts ?? []).map((r) => r.id));
  for (const p of definition.params) {
    if (p.kind === 'number' && !(p.min <= p.default && p.default <= p.max)) throw new Error(`defineWidget: ${p.key}'s default ${p.default} is outside [${p.min}, ${p.max}]`);
    if (p.kind === 'select' && !p.options.some((o) => o.value === p.default)) throw new Error(`defineWidget: ${p.key}'s default is not one of its options`);
  }
  const speeds = definition.speeds ?? DEFAULT_SPEEDS;
  if (definition.defaultSpeed && !speeds.some((s) => s.key === definition.defaultSpeed)) throw new Error('defineWidget: defaultSpeed is not one of the speeds');
  return definition;
}
