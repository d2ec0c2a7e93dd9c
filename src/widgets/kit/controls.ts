// The settings panel, built from the declarations: each setting gets a labelled control (a text
// field with an optional slider, a select, a checkbox), a hint saying what a change costs, and
// a message slot. A value is applied only once it validates; otherwise the message says why and
// the running network keeps the old value.

import { formatParam, parseParam, type NumberParam, type ParamSpec, type ParamValue, type ParamValues } from './params';

const COST: Record<ParamSpec['effect'], string> = {
  live: 'applies live',
  reset: 'new weights: resets the network',
  data: 'new data: resets the network',
};

/** One setting's control. */
interface Field {
  spec: ParamSpec;
  root: HTMLElement;
  input: HTMLInputElement | HTMLSelectElement;
  slider: HTMLInputElement | null;
  error: HTMLElement;
}

const SLIDER_STEPS = 1000;

/** Slider position (0..1000) of a value; log sliders space decades evenly. */
export function sliderPosition(spec: NumberParam, value: number): number {
  const t = spec.slider === 'log' ? (Math.log(value) - Math.log(spec.min)) / (Math.log(spec.max) - Math.log(spec.min)) : (value - spec.min) / (spec.max - spec.min);
  return Math.round(Math.min(1, Math.max(0, t)) * SLIDER_STEPS);
}

/** The value at a slider position, rounded to 2 significant digits on log sliders and to the step otherwise. */
export function sliderValue(spec: NumberParam, position: number): number {
  const t = position / SLIDER_STEPS;
  if (spec.slider === 'log') {
    const v = Math.exp(Math.log(spec.min) + t * (Math.log(spec.max) - Math.log(spec.min)));
    return Math.min(spec.max, Math.max(spec.min, Number(v.toPrecision(2))));
  }
  const raw = spec.min + t * (spec.max - spec.min);
  const stepped = Math.round((raw - spec.min) / spec.step) * spec.step + spec.min;
  const v = Number(stepped.toPrecision(10));
  return Math.min(spec.max, Math.max(spec.min, spec.integer ? Math.round(v) : v));
}

/** The panel of settings; `onChange` gets a validated value. */
export class SettingsPanel {
  readonly root: HTMLFieldSetElement;
  private readonly fields = new Map<string, Field>();

  constructor(
    doc: Document,
    idPrefix: string,
    specs: readonly ParamSpec[],
    values: ParamValues,
    private readonly onChange: (key: string, value: ParamValue) => void,
    private readonly current: () => ParamValues,
  ) {
    this.root = doc.createElement('fieldset');
    this.root.className = 'tw-settings';
    const legend = doc.createElement('legend');
    legend.textContent = 'Settings';
    this.root.append(legend);
    for (const spec of specs) {
      const field = this.build(doc, `${idPrefix}-${spec.key}`, spec);
      this.fields.set(spec.key, field);
      this.root.append(field.root);
      const v = values[spec.key];
      if (v !== undefined) this.show(spec.key, v);
    }
  }

  private build(doc: Document, id: string, spec: ParamSpec): Field {
    const root = doc.createElement('div');
    root.className = `tw-field tw-field--${spec.kind}`;
    root.dataset['param'] = spec.key;
    const label = doc.createElement('label');
    label.htmlFor = id;
    label.textContent = spec.label;
    const hint = doc.createElement('p');
    hint.className = 'tw-field__hint';
    hint.id = `${id}-hint`;
    hint.textContent = spec.hint ? `${spec.hint}; ${COST[spec.effect]}` : COST[spec.effect];
    const error = doc.createElement('p');
    error.className = 'tw-field__error';
    error.id = `${id}-error`;
    error.setAttribute('aria-live', 'polite');
    let input: HTMLInputElement | HTMLSelectElement;
    let slider: HTMLInputElement | null = null;
    const row = doc.createElement('div');
    row.className = 'tw-field__row';

    if (spec.kind === 'select') {
      const select = doc.createElement('select');
      for (const o of spec.options) {
        const option = doc.createElement('option');
        option.value = o.value;
        option.textContent = o.label;
        select.append(option);
      }
      select.addEventListener('change', () => this.commit(spec.key, select.value));
      input = select;
      row.append(select);
      root.append(label, row);
    } else if (spec.kind === 'toggle') {
      const box = doc.createElement('input');
      box.type = 'checkbox';
      box.addEventListener('change', () => this.commit(spec.key, box.checked ? '1' : '0'));
      input = box;
      label.prepend(box, ' ');
      label.removeAttribute('for');
      root.append(label);
    } else {
      const text = doc.createElement('input');
      text.type = 'text';
      text.inputMode = spec.kind === 'number' ? 'decimal' : 'text';
      text.autocomplete = 'off';
      text.spellcheck = false;
      text.size = spec.kind === 'layers' ? 10 : 7;
      text.addEventListener('change', () => this.commit(spec.key, text.value));
      text.addEventListener('keydown', (e) => {
        if (e.key === 'Enter') this.commit(spec.key, text.value);
        if (e.key === 'Escape') this.revert(spec.key);
      });
      input = text;
      if (spec.kind === 'number' && spec.slider) {
        const s = doc.createElement('input');
        s.type = 'range';
        s.min = '0';
        s.max = String(SLIDER_STEPS);
        s.step = '1';
        s.setAttribute('aria-label', `${spec.label} (slider)`);
        const live = spec.effect === 'live';
        const follow = (apply: boolean) => {
          const v = sliderValue(spec, Number(s.value));
          text.value = formatParam(spec, v);
          s.setAttribute('aria-valuetext', text.value);
          if (apply) this.commit(spec.key, text.value);
        };
        s.addEventListener('input', () => follow(live));
        s.addEventListener('change', () => follow(true));
        slider = s;
        row.append(s);
      }
      row.append(text);
      root.append(label, row);
    }
    input.id = id;
    input.setAttribute('aria-describedby', `${hint.id} ${error.id}`);
    root.append(hint, error);
    return { spec, root, input, slider, error };
  }

  /** Validates text for a setting: applies it, or shows why not (keeping the old value in force). */
  private commit(key: string, raw: string): void {
    const field = this.fields.get(key);
    if (!field) return;
    const parsed = parseParam(field.spec, raw);
    if (!parsed.ok) {
      this.setError(key, `${parsed.message} Not applied.`);
      return;
    }
    this.setError(key, '');
    this.onChange(key, parsed.value);
  }

  /** Escape: back to the value in force. */
  private revert(key: string): void {
    const v = this.current()[key];
    if (v !== undefined) this.show(key, v);
  }

  /** Shows (or clears, with '') a message under a setting. */
  setError(key: string, message: string): void {
    const field = this.fields.get(key);
    if (!field) return;
    field.error.textContent = message;
    if (message) field.input.setAttribute('aria-invalid', 'true');
    else field.input.removeAttribute('aria-invalid');
  }

  /** Puts a value into its control (after a validated change, a reset from a link, or setParams). */
  show(key: string, value: ParamValue): void {
    const field = this.fields.get(key);
    if (!field) return;
    const { spec, input, slider } = field;
    if (spec.kind === 'toggle') (input as HTMLInputElement).checked = value === true;
    else input.value = formatParam(spec, value);
    if (spec.kind === 'layers' && input.value === 'none') input.value = '';
    if (slider && spec.kind === 'number') {
      slider.value = String(sliderPosition(spec, value as number));
      slider.setAttribute('aria-valuetext', input.value);
    }
    this.setError(key, '');
  }

  /** Shows every value (e.g. after a reset to a link's settings). */
  showAll(values: ParamValues): void {
    for (const [key, v] of Object.entries(values)) this.show(key, v);
  }
}
