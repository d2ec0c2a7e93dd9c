// Small labelled form controls for the lesson-1 panels, built with the DOM API (text is always
// set with textContent, never parsed as HTML), each operable from the keyboard.

let counter = 0;
/** A page-unique id for label/for pairs. */
export function uid(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** Creates an element with a class and optional text. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A range input with a visible label and its current value. */
export interface Slider {
  readonly root: HTMLElement;
  readonly input: HTMLInputElement;
  get value(): number;
  set value(v: number);
}

export interface SliderOptions {
  label: string;
  min: number;
  max: number;
  step: number;
  value: number;
  /** How the value is shown next to the slider (default: as typed). */
  format?: (v: number) => string;
  onInput: (v: number) => void;
}

/** A labelled slider; the shown value is also the slider's aria-valuetext. */
export function slider(options: SliderOptions): Slider {
  const { label, min, max, step, format = (v: number) => String(v), onInput } = options;
  const root = el('div', 'l1-slider');
  const id = uid('l1-slider');
  const lab = el('label', 'l1-slider__label', label);
  lab.htmlFor = id;
  const input = el('input');
  input.type = 'range';
  input.id = id;
  input.min = String(min);
  input.max = String(max);
  input.step = String(step);
  const out = el('output', 'l1-slider__value');
  out.htmlFor.add(id);
  const show = (v: number): void => {
    const text = format(v);
    out.textContent = text;
    input.setAttribute('aria-valuetext', text);
  };
  input.value = String(options.value);
  show(options.value);
  input.addEventListener('input', () => {
    const v = input.valueAsNumber;
    show(v);
    onInput(v);
  });
  root.append(lab, input, out);
  return {
    root,
    input,
    get value() {
      return input.valueAsNumber;
    },
    set value(v: number) {
      input.value = String(v);
      show(input.valueAsNumber);
    },
  };
}

/** A number with at most `digits` decimals, trailing zeros dropped, and a real minus sign. */
export function fmt(v: number, digits = 2): string {
  if (!Number.isFinite(v)) return v > 0 ? '∞' : v < 0 ? '−∞' : 'not a number';
  const r = Math.round(v * 10 ** digits) / 10 ** digits;
  const s = (Object.is(r, -0) ? 0 : r).toString();
  return s.startsWith('-') ? `−${s.slice(1)}` : s;
}

/** Renders a Plot figure into `slot`, marking the SVG as one image with a text alternative. */
export function placeFigure(slot: HTMLElement, figure: SVGSVGElement | HTMLElement, label: string): void {
  const svg = figure instanceof SVGSVGElement ? figure : figure.querySelector('svg');
  if (svg) {
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', label);
  }
  slot.replaceChildren(figure);
}
