// <dl-practice-neuron data-widget="practice-neuron">: two sliders (w, b) drive one logistic
// neuron on fixed points; the chart (Observable Plot, loaded lazily) and the readouts follow.
// getState() returns the plain state the practice challenges check.

import { classColors, classSymbols } from '../../lib/palette.ts';
import { fmt, pct } from '../format.ts';
import { NEURON_POINTS, NEURON_START, neuronCurve, neuronState, type NeuronState } from '../practice/neuron.ts';

export class PracticeNeuron extends HTMLElement {
  private w: number = NEURON_START.w;
  private b: number = NEURON_START.b;
  private frame = 0;

  connectedCallback(): void {
    for (const name of ['w', 'b'] as const) {
      const input = this.querySelector<HTMLInputElement>(`input[data-param="${name}"]`);
      if (!input) continue;
      this[name] = Number(input.value);
      input.addEventListener('input', () => {
        const x = Number(input.value);
        if (Number.isFinite(x)) this[name] = x;
        this.update();
      });
    }
    document.addEventListener('themechange', () => this.update());
    this.update();
    this.dataset['ready'] = 'true';
  }

  /** The widget's plain state (a copy): settings, metrics and the number of points. */
  getState(): NeuronState {
    return structuredClone(neuronState(this.w, this.b));
  }

  private update(): void {
    const s = neuronState(this.w, this.b);
    this.setText('w-value', fmt(this.w, 3));
    this.setText('b-value', fmt(this.b, 3));
    this.setText('loss', fmt(s.metrics.loss, 3));
    this.setText('accuracy', pct(s.metrics.accuracy));
    const boundary = this.w === 0 ? 'there is no boundary (w = 0: p is the same everywhere)' : `the boundary p = ½ is at x = ${fmt(-this.b / this.w, 3)}`;
    this.setText('description', `With w = ${fmt(this.w, 3)} and b = ${fmt(this.b, 3)}, ${boundary}; ${Math.round(s.metrics.accuracy * NEURON_POINTS.length)} of ${NEURON_POINTS.length} points are classified correctly.`);
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => void this.draw());
  }

  private setText(part: string, text: string): void {
    const el = this.querySelector(`[data-part="${part}"]`);
    if (el) el.textContent = text;
  }

  private async draw(): Promise<void> {
    const host = this.querySelector<HTMLElement>('[data-part="plot"]');
    if (!host) return;
    const Plot = await import('@observablehq/plot');
    const style = getComputedStyle(this);
    const fg = style.getPropertyValue('--fg').trim() || 'currentColor';
    const points = NEURON_POINTS.map((p) => ({ x: p.x, y: p.y, cls: `class ${p.y}` }));
    const marks = [
      Plot.ruleY([0.5], { stroke: fg, strokeOpacity: 0.35, strokeDasharray: '4 3', ariaHidden: 'true' }),
      Plot.line(neuronCurve(this.w, this.b), { x: 'x', y: 'p', stroke: fg, strokeWidth: 2, ariaHidden: 'true' }),
      Plot.dot(points, { x: 'x', y: 'y', fill: 'cls', symbol: 'cls', r: 6, stroke: fg, strokeWidth: 0.75, ariaHidden: 'true' }),
    ];
    if (this.w !== 0 && Math.abs(this.b / this.w) <= 4) marks.push(Plot.ruleX([-this.b / this.w], { stroke: fg, strokeDasharray: '2 2', ariaHidden: 'true' }));
    const svg = Plot.plot({
      width: Math.max(280, Math.min(640, host.clientWidth || 560)),
      height: 220,
      marginLeft: 44,
      x: { domain: [-4, 4], label: 'x' },
      y: { domain: [0, 1], label: 'p(class 1 | x)', grid: true },
      color: { domain: ['class 0', 'class 1'], range: [classColors[0], classColors[1]], legend: false },
      symbol: { domain: ['class 0', 'class 1'], range: [classSymbols[0], classSymbols[1]] },
      style: { background: 'transparent', color: fg },
      marks,
    });
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', this.querySelector('[data-part="description"]')?.textContent ?? 'The neuron’s output p(x) and the points.');
    host.replaceChildren(svg);
  }
}

if (!customElements.get('dl-practice-neuron')) customElements.define('dl-practice-neuron', PracticeNeuron);
