// The circuit view of parity: pick n and a design, flip input bits, and watch every gate's value;
// a table compares depth and size of the three designs. DOM wiring only; circuits.ts builds and
// evaluates, circuit-layout.ts places the nodes.

import {
  buildCircuit,
  circuitStats,
  evaluate,
  MAX_BITS,
  MIN_BITS,
  oddPatterns,
  subscript,
  termText,
  type CircuitDesign,
} from './circuits';
import { layoutCircuit } from './circuit-layout';
import { svgEl } from './svg';

/** The DNF is drawn up to this many bits (16 terms); beyond, it is listed. */
export const DNF_DRAW_LIMIT = 5;
/** Terms listed in text when the DNF is not drawn. */
const LISTED_TERMS = 8;

const designNames: Record<CircuitDesign, string> = {
  'xor-tree': 'XOR tree',
  'and-or': 'AND/OR/NOT',
  dnf: 'DNF (depth 2)',
};

const ones = ['no ones', 'one one', 'two ones', 'three ones', 'four ones', 'five ones', 'six ones', 'seven ones', 'eight ones', 'nine ones', 'ten ones'];

interface State {
  n: number;
  design: CircuitDesign;
  bits: number[];
}

function required<T extends Element>(root: ParentNode, selector: string): T {
  const el = root.querySelector<T>(selector);
  if (!el) throw new Error(`circuit view: missing ${selector}`);
  return el;
}

/** Wires the circuit view inside `host` (the shell's markup); returns a cleanup function. */
export function mountCircuitView(host: HTMLElement): () => void {
  const live = required<HTMLElement>(host, '[data-live]');
  const nSelect = required<HTMLSelectElement>(host, '[data-role="n"]');
  const bitsBox = required<HTMLElement>(host, '[data-role="bits"]');
  const readout = required<HTMLElement>(host, '[data-role="readout"]');
  const drawing = required<HTMLElement>(host, '[data-role="drawing"]');
  const statsBody = required<HTMLTableSectionElement>(host, '[data-role="stats"] tbody');
  const statsCaption = required<HTMLElement>(host, '[data-role="stats"] caption');
  const designInputs = [...host.querySelectorAll<HTMLInputElement>('input[name$="-design"]')];

  const initialN = Number(host.dataset['n'] ?? 4);
  const state: State = { n: initialN, design: 'xor-tree', bits: [] };
  state.bits = Array.from({ length: state.n }, (_, k) => (k === 1 || k === 2 ? 1 : 0));

  nSelect.replaceChildren();
  for (let n = MIN_BITS; n <= MAX_BITS; n++) nSelect.append(new Option(String(n), String(n), false, n === state.n));

  const onN = () => {
    const n = Number(nSelect.value);
    state.bits = Array.from({ length: n }, (_, k) => state.bits[k] ?? 0);
    state.n = n;
    render();
  };
  const onDesign = (e: Event) => {
    state.design = (e.target as HTMLInputElement).value as CircuitDesign;
    render();
  };
  nSelect.addEventListener('change', onN);
  for (const input of designInputs) input.addEventListener('change', onDesign);

  function renderBits() {
    bitsBox.replaceChildren(
      ...state.bits.map((b, k) => {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'l4-bit';
        button.setAttribute('aria-pressed', b ? 'true' : 'false');
        button.textContent = `x${subscript(k + 1)} = ${b}`;
        button.addEventListener('click', () => {
          state.bits[k] = state.bits[k] ? 0 : 1;
          render();
          bitsBox.querySelectorAll('button')[k]?.focus();
        });
        return button;
      }),
    );
  }

  function renderDrawing() {
    const circuit = buildCircuit(state.design, state.n);
    const values = evaluate(circuit, state.bits);
    const y = values[circuit.output]!;
    const count = state.bits.filter((b) => b).length;
    readout.textContent = `Output y = ${y}: the pattern has ${ones[count] ?? `${count} ones`}, ${count % 2 ? 'an odd' : 'an even'} number.`;
    if (state.design === 'dnf' && state.n > DNF_DRAW_LIMIT) {
      const terms = oddPatterns(state.n);
      const fired = terms.findIndex((p) => p.every((b, k) => b === state.bits[k]));
      const p = document.createElement('p');
      p.textContent = `The DNF for ${state.n} bits has ${terms.length} AND terms of ${state.n} inputs each, too many to draw; the first ${LISTED_TERMS} are listed. ${
        fired >= 0 ? `For this pattern exactly one term is true: ${termText(terms[fired]!)}.` : 'For this pattern no term is true, so the OR outputs 0.'
      }`;
      const list = document.createElement('ol');
      list.className = 'l4-terms';
      for (const t of terms.slice(0, LISTED_TERMS)) {
        const li = document.createElement('li');
        li.textContent = termText(t);
        list.append(li);
      }
      const more = document.createElement('p');
      more.textContent = `… and ${terms.length - LISTED_TERMS} more terms.`;
      drawing.replaceChildren(p, list, more);
      return;
    }
    const layout = layoutCircuit(circuit);
    const row = 46;
    const pad = 28;
    const w = layout.width * row + 2 * pad + 50;
    const h = layout.height * row + 2 * pad;
    const s = circuitStats(circuit);
    const svg = svgEl('svg', { viewBox: `${-pad} ${-pad} ${w} ${h}`, width: w, role: 'img', class: 'l4-circuit' });
    svg.style.maxWidth = `${Math.round(w * 1.4)}px`;
    svg.setAttribute(
      'aria-label',
      `${designNames[state.design]} for ${state.n} bits: ${s.gates} gates, depth ${s.depth}. Inputs ${state.bits.join(', ')}; output ${y}.`,
    );
    const pos = (i: number) => layout.nodes[i]!;
    const wires = svgEl('g', { 'aria-hidden': 'true' });
    for (const e of layout.edges) {
      const a = pos(e.from);
      const b = pos(e.to);
      const on = values[e.from] === 1;
      const mx = (a.x + b.x) / 2;
      wires.append(
        svgEl('path', {
          d: `M${a.x * row},${a.y * row} C${mx * row},${a.y * row} ${mx * row},${b.y * row} ${b.x * row},${b.y * row}`,
          class: on ? 'l4-wire l4-wire--on' : 'l4-wire',
        }),
      );
    }
    const nodes = svgEl('g', { 'aria-hidden': 'true' });
    for (const node of layout.nodes) {
      const v = values[node.index]!;
      const g = svgEl('g', { transform: `translate(${node.x * row},${node.y * row})`, class: v ? 'l4-node l4-node--on' : 'l4-node' });
      const wide = node.kind === 'input';
      g.append(svgEl('rect', { x: wide ? -26 : -15, y: -12, width: wide ? 52 : 30, height: 24, rx: node.kind === 'input' ? 4 : 12 }));
      g.append(svgEl('text', { 'text-anchor': 'middle', dy: '0.35em' }, wide ? `${node.label}=${v}` : node.label));
      if (!wide) g.append(svgEl('text', { 'text-anchor': 'middle', dy: '2.1em', class: 'l4-node__value' }, String(v)));
      nodes.append(g);
    }
    const out = pos(circuit.output);
    const arrow = svgEl('text', { x: out.x * row + 20, y: out.y * row, dy: '0.35em', class: 'l4-node__out', 'aria-hidden': 'true' }, `y = ${y}`);
    svg.append(wires, nodes, arrow);
    drawing.replaceChildren(svg);
  }

  function renderStats() {
    statsCaption.textContent = `Size of the three designs for n = ${state.n} bits (NOT gates listed apart, as the decks discount them)`;
    statsBody.replaceChildren(
      ...(['xor-tree', 'and-or', 'dnf'] as const).map((design) => {
        const s = circuitStats(buildCircuit(design, state.n));
        const tr = document.createElement('tr');
        if (design === state.design) tr.setAttribute('aria-current', 'true');
        const cells = [designNames[design], s.depth, s.gates, s.nots, s.maxFanIn, s.wires];
        cells.forEach((c, k) => {
          const cell = document.createElement(k === 0 ? 'th' : 'td');
          if (k === 0) cell.setAttribute('scope', 'row');
          cell.textContent = String(c);
          tr.append(cell);
        });
        return tr;
      }),
    );
  }

  function render() {
    renderBits();
    renderDrawing();
    renderStats();
  }

  live.hidden = false;
  host.querySelector('[data-fallback]')?.setAttribute('hidden', '');
  render();
  host.dataset['ready'] = 'true';

  return () => {
    nSelect.removeEventListener('change', onN);
    for (const input of designInputs) input.removeEventListener('change', onDesign);
  };
}
