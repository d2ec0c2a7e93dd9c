// Hyperparameter declarations: a widget lists the settings it offers, each with its range and
// what a change costs (applied live, or new weights, or new data). One parser validates every
// value, whether typed into a control or read from a shared URL, so bad input is refused the
// same way everywhere and never reaches the engine.

/** What changing a setting takes: `live` applies to the running trainer; `reset` needs new weights; `data` needs new data and new weights. */
export type ParamEffect = 'live' | 'reset' | 'data';

/** A value of a setting: a number, a choice, a switch, or a list of hidden-layer widths. */
export type ParamValue = number | string | boolean | readonly number[];

/** Fields common to every setting. */
interface ParamBase {
  /** Short key used in the URL and in `getState().params` (letters, digits, `-`, `_`). */
  key: string;
  /** The control's visible label, e.g. "Learning rate η". */
  label: string;
  /** One line shown under the control (what it does, or what a change costs). */
  hint?: string;
  /** What a change costs; defaults per kind (see the factories). */
  effect: ParamEffect;
}

/** A number typed in a field (with an optional slider beside it). */
export interface NumberParam extends ParamBase {
  kind: 'number';
  default: number;
  min: number;
  max: number;
  /** Slider / spin-button granularity; also whether the number must be an integer (`integer`). */
  step: number;
  integer?: boolean;
  /** Show a slider next to the field; `log` spaces the slider logarithmically (needs min > 0). */
  slider?: 'linear' | 'log';
}

/** One of a few named choices. */
export interface SelectParam extends ParamBase {
  kind: 'select';
  default: string;
  options: readonly { value: string; label: string }[];
}

/** An on/off switch. */
export interface ToggleParam extends ParamBase {
  kind: 'toggle';
  default: boolean;
}

/** Hidden-layer widths, typed as "8, 8" (empty: no hidden layer). */
export interface LayersParam extends ParamBase {
  kind: 'layers';
  default: readonly number[];
  /** Most hidden layers allowed. */
  maxLayers: number;
  /** Most units per layer allowed. */
  maxWidth: number;
}

/** A setting a widget offers. */
export type ParamSpec = NumberParam | SelectParam | ToggleParam | LayersParam;

/** The settings' current values, by key. */
export type ParamValues = Readonly<Record<string, ParamValue>>;

/** The outcome of reading a raw value: the value, or a message saying what is wrong and what is allowed. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const MAX_ECHO = 24;

/** Quotes user text for a message, cut short so a hostile value cannot flood the page. */
export function echo(raw: string): string {
  const flat = raw.replace(/\s+/g, ' ');
  return `“${flat.length > MAX_ECHO ? `${flat.slice(0, MAX_ECHO)}…` : flat}”`;
}

/** A plain decimal number (no hex, no Infinity, no empty string, which `Number` would take as 0). */
export function parseDecimal(raw: string): number | null {
  const t = raw.trim();
  if (!DECIMAL.test(t)) return null;
  const x = Number(t);
  return Number.isFinite(x) ? x : null;
}

/** Formats a number for a field: short, and read back exactly by `parseDecimal`. */
export function formatNumber(x: number): string {
  return String(Number(x.toPrecision(6)));
}

/** Validates a typed or URL value for one setting. Messages name the setting and the allowed range. */
export function parseParam(spec: ParamSpec, raw: string): Parsed<ParamValue> {
  switch (spec.kind) {
    case 'number': {
      if (raw.trim() === '') return { ok: false, message: `${spec.label}: enter a number.` };
      const x = parseDecimal(raw);
      if (x === null) return { ok: false, message: `${spec.label}: ${echo(raw)} is not a number.` };
      if (spec.integer && !Number.isInteger(x)) return { ok: false, message: `${spec.label}: use a whole number.` };
      if (x < spec.min || x > spec.max)
        return { ok: false, message: `${spec.label}: must be between ${formatNumber(spec.min)} and ${formatNumber(spec.max)}.` };
      return { ok: true, value: x };
    }
    case 'select': {
      const hit = spec.options.find((o) => o.value === raw.trim());
      if (!hit) return { ok: false, message: `${spec.label}: ${echo(raw)} is not one of ${spec.options.map((o) => o.value).join(', ')}.` };
      return { ok: true, value: hit.value };
    }
    case 'toggle': {
      const t = raw.trim().toLowerCase();
      if (t === '1' || t === 'true' || t === 'on') return { ok: true, value: true };
      if (t === '0' || t === 'false' || t === 'off') return { ok: true, value: false };
      return { ok: false, message: `${spec.label}: ${echo(raw)} is not on or off.` };
    }
    case 'layers':
      return parseLayers(spec, raw);
  }
}

/** "8, 8" → [8, 8]; "" or "none" → []. Widths are whole numbers in 1..maxWidth, at most maxLayers of them. */
export function parseLayers(spec: LayersParam, raw: string): Parsed<readonly number[]> {
  const t = raw.trim();
  if (t === '' || t.toLowerCase() === 'none') return { ok: true, value: [] };
  const parts = t.split(/[\s,;]+/).filter((p) => p !== '');
  if (parts.length > spec.maxLayers)
    return { ok: false, message: `${spec.label}: at most ${spec.maxLayers} hidden layers.` };
  const widths: number[] = [];
  for (const p of parts) {
    const w = parseDecimal(p);
    if (w === null || !Number.isInteger(w) || w < 1 || w > spec.maxWidth)
      return { ok: false, message: `${spec.label}: ${echo(p)} is not a width from 1 to ${spec.maxWidth}; write widths like “8, 8”.` };
    widths.push(w);
  }
  return { ok: true, value: widths };
}

/** A value as text, for a field or a URL: the inverse of `parseParam`. */
export function formatParam(spec: ParamSpec, value: ParamValue): string {
  switch (spec.kind) {
    case 'number':
      return formatNumber(value as number);
    case 'select':
      return String(value);
    case 'toggle':
      return value ? '1' : '0';
    case 'layers': {
      const widths = value as readonly number[];
      return widths.length === 0 ? 'none' : widths.join(',');
    }
  }
}

/** Whether two values of a setting are the same (layer lists compare element by element). */
export function sameValue(a: ParamValue, b: ParamValue): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

/** Every setting at its default, overridden by `overrides` where they pass validation. */
export function defaultValues(specs: readonly ParamSpec[]): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = {};
  for (const s of specs) out[s.key] = s.default;
  return out;
}

/**
 * The strongest effect among changed settings: `data` beats `reset` beats `live`; null when nothing
 * changed. Tells the widget whether a change applies live or needs new weights (or new data).
 */
export function changeEffect(specs: readonly ParamSpec[], before: ParamValues, after: ParamValues): ParamEffect | null {
  let effect: ParamEffect | null = null;
  for (const s of specs) {
    const a = before[s.key];
    const b = after[s.key];
    if (a === undefined || b === undefined || sameValue(a, b)) continue;
    if (s.effect === 'data') return 'data';
    if (s.effect === 'reset') effect = 'reset';
    else if (effect === null) effect = 'live';
  }
  return effect;
}

/** A value checked against its declaration (for values passed in code, e.g. `setParams`). */
export function checkValue(spec: ParamSpec, value: unknown): Parsed<ParamValue> {
  switch (spec.kind) {
    case 'number':
      if (typeof value === 'number') return parseParam(spec, Number.isFinite(value) ? String(value) : 'NaN');
      break;
    case 'select':
      if (typeof value === 'string') return parseParam(spec, value);
      break;
    case 'toggle':
      if (typeof value === 'boolean') return { ok: true, value };
      break;
    case 'layers':
      if (Array.isArray(value) && value.every((w) => typeof w === 'number')) return parseParam(spec, value.length ? value.join(',') : 'none');
      break;
  }
  if (typeof value === 'string') return parseParam(spec, value);
  return { ok: false, message: `${spec.label}: ${echo(String(value))} is not a valid value.` };
}

// ---- Factories for the settings lessons use; each fixes the label, range and effect. ----

type Overrides<T> = Partial<Omit<T, 'kind'>>;

/** Learning rate η: applies live, no reset. Range reaches far enough (100) to show divergence. */
export function learningRate(o: Overrides<NumberParam> = {}): NumberParam {
  return { kind: 'number', key: 'lr', label: 'Learning rate η', default: 0.03, min: 0.00001, max: 100, step: 0.001, slider: 'log', effect: 'live', ...o };
}

/** Mini-batch size (examples per gradient step); applies live. */
export function batchSize(o: Overrides<NumberParam> = {}): NumberParam {
  return { kind: 'number', key: 'batch', label: 'Batch size', default: 16, min: 1, max: 1024, step: 1, integer: true, effect: 'live', ...o };
}

/** The hidden layers' activation g: new weights. */
export function activation(o: Overrides<SelectParam> = {}): SelectParam {
  return {
    kind: 'select',
    key: 'act',
    label: 'Activation g',
    default: 'tanh',
    options: [
      { value: 'relu', label: 'ReLU' },
      { value: 'tanh', label: 'tanh' },
      { value: 'sigmoid', label: 'sigmoid' },
      { value: 'leaky-relu', label: 'leaky ReLU' },
      { value: 'softplus', label: 'softplus' },
      { value: 'identity', label: 'identity (linear)' },
    ],
    effect: 'reset',
    ...o,
  };
}

/** Hidden layers and their widths: new weights. */
export function hiddenLayers(o: Overrides<LayersParam> = {}): LayersParam {
  return { kind: 'layers', key: 'layers', label: 'Hidden layers (units each)', hint: 'e.g. “8, 8”; empty for none', default: [8], maxLayers: 8, maxWidth: 128, effect: 'reset', ...o };
}

/** Number of hidden layers (with `hiddenWidth`, an alternative to `hiddenLayers`): new weights. */
export function hiddenCount(o: Overrides<NumberParam> = {}): NumberParam {
  return { kind: 'number', key: 'depth', label: 'Hidden layers', default: 1, min: 0, max: 8, step: 1, integer: true, effect: 'reset', ...o };
}

/** Units in each hidden layer (with `hiddenCount`): new weights. */
export function hiddenWidth(o: Overrides<NumberParam> = {}): NumberParam {
  return { kind: 'number', key: 'width', label: 'Units per hidden layer', default: 8, min: 1, max: 128, step: 1, integer: true, effect: 'reset', ...o };
}

/** The loss function: new weights, so curves compare like with like. */
export function loss(o: Overrides<SelectParam> = {}): SelectParam {
  return {
    kind: 'select',
    key: 'loss',
    label: 'Loss',
    default: 'mse',
    options: [
      { value: 'mse', label: 'squared error (Gaussian noise)' },
      { value: 'absolute', label: 'absolute error (Laplace noise)' },
    ],
    effect: 'reset',
    ...o,
  };
}

/** The optimizer: plain SGD, momentum or Adam; applies live (a new kind starts with fresh optimizer state). */
export function optimizer(o: Overrides<SelectParam> = {}): SelectParam {
  return {
    kind: 'select',
    key: 'opt',
    label: 'Optimizer',
    default: 'sgd',
    options: [
      { value: 'sgd', label: 'SGD' },
      { value: 'momentum', label: 'SGD with momentum' },
      { value: 'adam', label: 'Adam' },
    ],
    effect: 'live',
    ...o,
  };
}

/** L1 penalty strength λ₁: applies live. */
export function l1(o: Overrides<NumberParam> = {}): NumberParam {
  return { kind: 'number', key: 'l1', label: 'L1 strength λ₁', default: 0, min: 0, max: 1, step: 0.0001, slider: 'linear', effect: 'live', ...o };
}

/** L2 penalty strength λ₂: applies live. */
export function l2(o: Overrides<NumberParam> = {}): NumberParam {
  return { kind: 'number', key: 'l2', label: 'L2 strength λ₂', default: 0, min: 0, max: 1, step: 0.0001, slider: 'linear', effect: 'live', ...o };
}

/** Dropout: probability a hidden unit is knocked out in a training step; applies live. */
export function dropout(o: Overrides<NumberParam> = {}): NumberParam {
  return { kind: 'number', key: 'dropout', label: 'Dropout rate', default: 0, min: 0, max: 0.9, step: 0.05, slider: 'linear', effect: 'live', ...o };
}

/** Noise in the data (standard deviation, or label-flip rate for classes): new data. */
export function noise(o: Overrides<NumberParam> = {}): NumberParam {
  return { kind: 'number', key: 'noise', label: 'Noise', default: 0.1, min: 0, max: 1, step: 0.01, slider: 'linear', effect: 'data', ...o };
}

/** The data set, from the given choices: new data. */
export function dataset(options: readonly { value: string; label: string }[], o: Overrides<SelectParam> = {}): SelectParam {
  const first = options[0];
  if (!first) throw new Error('dataset(): give at least one option');
  return { kind: 'select', key: 'data', label: 'Data set', default: first.value, options, effect: 'data', ...o };
}

/** Share of examples kept for validation (the rest train): new data split. */
export function validationSplit(o: Overrides<NumberParam> = {}): NumberParam {
  return { kind: 'number', key: 'split', label: 'Validation share', default: 0.3, min: 0, max: 0.8, step: 0.05, slider: 'linear', effect: 'data', ...o };
}

/** Number of examples in the data set: new data. */
export function sampleCount(o: Overrides<NumberParam> = {}): NumberParam {
  return { kind: 'number', key: 'n', label: 'Examples', default: 200, min: 4, max: 2000, step: 1, integer: true, effect: 'data', ...o };
}

/** Early stopping: keep the weights of the best validation loss (marked on the loss curves); applies live. */
export function earlyStopping(o: Overrides<ToggleParam> = {}): ToggleParam {
  return { kind: 'toggle', key: 'stop', label: 'Early stopping', hint: 'remember the weights of the lowest validation loss', default: false, effect: 'live', ...o };
}

/** A generic on/off setting. */
export function toggle(key: string, label: string, o: Overrides<ToggleParam> = {}): ToggleParam {
  return { kind: 'toggle', key, label, default: false, effect: 'live', ...o };
}

/** A generic number setting. */
export function number(key: string, label: string, o: Overrides<NumberParam> & Pick<NumberParam, 'default' | 'min' | 'max'>): NumberParam {
  return { kind: 'number', key, label, step: 0.01, effect: 'reset', ...o };
}

/** A generic choice. */
export function select(key: string, label: string, options: readonly { value: string; label: string }[], o: Overrides<SelectParam> = {}): SelectParam {
  const first = options[0];
  if (!first) throw new Error(`select(${key}): give at least one option`);
  return { kind: 'select', key, label, default: first.value, options, effect: 'reset', ...o };
}
