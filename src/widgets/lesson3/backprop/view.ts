// The walk-through's network diagram as Plot options: inputs, hidden units and logits in three
// columns, and at each stage the numbers that stage computes written on the nodes (or, for
// ∂L/∂W₁, on the edges), with the layer being worked on drawn heavier.

import * as Plot from '@observablehq/plot';
import type { PlotOptions } from '@observablehq/plot';
import { formatNumber } from '../format';
import type { Stage, Walkthrough } from './model';

interface Node {
  layer: 0 | 1 | 2;
  index: number;
  x: number;
  y: number;
  label: string;
  active: boolean;
  off: boolean;
}

interface Edge {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  active: boolean;
  label: string;
  lx: number;
  ly: number;
}

const f = (v: number): string => formatNumber(v, 3);
const column = (n: number, i: number): number => (n - 1) / 2 - i;

/** Which column a stage works on: 2 = logits, 1 = hidden units, 0 = the first layer's weights. */
function activeLayer(stage: Stage): number {
  return { forward: -1, dz2: 2, dh1: 1, dz1: 1, dW1: 0 }[stage];
}

function nodeLabel(w: Walkthrough, stage: Stage, layer: number, i: number): string {
  if (layer === 0) return `x${i + 1} = ${f(w.x[i]!)}`;
  if (layer === 1) {
    if (stage === 'dh1') return `∂L/∂h = ${f(w.dh1[i]!)}`;
    if (stage === 'dz1' || stage === 'dW1') return `∂L/∂z = ${f(w.dz1[i]!)}${w.step[i] === 0 ? ' (off)' : ''}`;
    return `z = ${f(w.z1[i]!)}, h = ${f(w.h1[i]!)}`;
  }
  if (stage === 'forward') return `z = ${f(w.z2[i]!)}, p = ${f(w.p[i]!)}`;
  return `∂L/∂z = ${f(w.dz2[i]!)}`;
}

/** The diagram for one stage. */
export function diagram(w: Walkthrough, stage: Stage): PlotOptions {
  const sizes = [w.x.length, w.z1.length, w.z2.length] as const;
  const layerActive = activeLayer(stage);
  const nodes: Node[] = [];
  sizes.forEach((n, layer) => {
    for (let i = 0; i < n; i++) {
      nodes.push({
        layer: layer as 0 | 1 | 2,
        index: i,
        x: layer,
        y: column(n, i),
        label: nodeLabel(w, stage, layer, i),
        active: layer === layerActive || (stage === 'dW1' && layer === 1),
        off: layer === 1 && w.step[i] === 0 && stage !== 'forward' && stage !== 'dz2',
      });
    }
  });
  const edges: Edge[] = [];
  for (let layer = 0; layer < 2; layer++) {
    const from = nodes.filter((n) => n.layer === layer);
    const to = nodes.filter((n) => n.layer === layer + 1);
    for (const a of from) {
      for (const b of to) {
        const isW1 = layer === 0;
        const active = (stage === 'dh1' && !isW1) || (stage === 'dW1' && isW1);
        const grad = isW1 ? w.dW1[b.index]![a.index]! : 0;
        // Edge labels sit a third of the way from the target so the six labels of W₁ do not collide.
        edges.push({
          x1: a.x,
          y1: a.y,
          x2: b.x,
          y2: b.y,
          active,
          label: stage === 'dW1' && isW1 ? f(grad) : '',
          lx: b.x - (b.x - a.x) * 0.3,
          ly: b.y - (b.y - a.y) * 0.3,
        });
      }
    }
  }
  const style = { background: 'transparent', color: 'currentColor', fontSize: '12px' } as const;
  return {
    width: 640,
    height: 260,
    margin: 30,
    marginLeft: 50,
    marginRight: 110,
    style,
    x: { axis: null, domain: [-0.1, 2.1] },
    y: { axis: null, domain: [-1.4, 1.4] },
    marks: [
      Plot.link(edges, {
        x1: 'x1', y1: 'y1', x2: 'x2', y2: 'y2',
        stroke: 'currentColor',
        strokeOpacity: (d: Edge) => (d.active ? 0.9 : 0.25),
        strokeWidth: (d: Edge) => (d.active ? 2 : 1),
        ariaHidden: 'true',
      }),
      Plot.text(edges.filter((e) => e.label !== ''), {
        x: 'lx', y: 'ly', text: 'label', fill: 'currentColor', stroke: 'var(--bg-raised, white)', strokeWidth: 4, paintOrder: 'stroke', ariaHidden: 'true',
      }),
      // Dash and weight are constants in Plot, so "off" units and the active layer are separate marks.
      ...[false, true].map((off) =>
        Plot.dot(nodes.filter((d) => d.off === off), {
          x: 'x', y: 'y', r: 9,
          fill: off ? 'var(--bg-soft, #eee)' : 'var(--bg-raised, white)',
          stroke: 'currentColor',
          strokeWidth: (d: Node) => (d.active ? 3 : 1),
          ...(off ? { strokeDasharray: '3,2' } : {}),
          ariaHidden: 'true',
        }),
      ),
      ...[false, true].map((active) =>
        Plot.text(nodes.filter((d) => d.active === active), {
          x: 'x', y: 'y', text: 'label', dx: 14, textAnchor: 'start',
          fontWeight: active ? 'bold' : 'normal',
          fill: 'currentColor', stroke: 'var(--bg-raised, white)', strokeWidth: 4, paintOrder: 'stroke',
          ariaHidden: 'true',
        }),
      ),
      Plot.text([
        { x: 0, t: 'input x' }, { x: 1, t: 'hidden h₁ = ReLU(z₁)' }, { x: 2, t: 'logits z₂, p' },
      ], { x: 'x', y: 1.35, text: 't', fontWeight: 'bold', ariaHidden: 'true' }),
    ],
  };
}

/** Text alternative: the stage's numbers in a sentence. */
export function describeStage(w: Walkthrough, stage: Stage): string {
  const v = (values: readonly number[]) => values.map(f).join(', ');
  switch (stage) {
    case 'forward':
      return `Forward pass. x = (${v(w.x)}); z₁ = (${v(w.z1)}); h₁ = (${v(w.h1)}); z₂ = (${v(w.z2)}); p = (${v(w.p)}); loss ${f(w.loss)}.`;
    case 'dz2':
      return `∂L/∂z₂ = p − y = (${v(w.dz2)}).`;
    case 'dh1':
      return `∂L/∂h₁ = W₂ᵀ ∂L/∂z₂ = (${v(w.dh1)}).`;
    case 'dz1':
      return `∂L/∂z₁ = ∂L/∂h₁ times u(z₁) = (${v(w.dz1)}); u(z₁) = (${v(w.step)}).`;
    case 'dW1':
      return `∂L/∂W₁ rows: ${w.dW1.map((r) => `(${v(r)})`).join(', ')}; ∂L/∂b₁ = (${v(w.db1)}).`;
  }
}

/** The worked lines of one stage: each formula with the example's numbers substituted. */
export function stageLines(w: Walkthrough, stage: Stage): string[] {
  const v = (values: readonly number[]) => `(${values.map(f).join(', ')})`;
  const sub = (i: number) => '₀₁₂₃₄₅₆₇₈₉'[i + 1] ?? String(i + 1);
  const paren = (x: number) => (x < 0 ? `(${f(x)})` : f(x));
  switch (stage) {
    case 'forward':
      return [
        `z₁ = W₁x + b₁ = ${v(w.z1)}`,
        `h₁ = ReLU(z₁) = ${v(w.h1)}`,
        `z₂ = W₂h₁ + b₂ = ${v(w.z2)}`,
        `p = softmax(z₂) = ${v(w.p)}`,
        `L = −log p${sub(w.y)} = ${f(w.loss)}`,
      ];
    case 'dz2':
      return [
        `y = onehot(${w.y + 1}) = ${v(w.p.map((_, c) => (c === w.y ? 1 : 0)))}`,
        `∂L/∂z₂ = p − y = ${v(w.dz2)}`,
      ];
    case 'dh1':
      return w.dh1.map((g, j) => {
        const terms = w.dz2.map((d, k) => `${paren(w.W2[k]![j]!)}·${paren(d)}`).join(' + ');
        return `∂L/∂h₁${sub(j)} = ${terms} = ${f(g)}`;
      });
    case 'dz1':
      return w.dz1.map((g, j) => `∂L/∂z₁${sub(j)} = ${paren(w.dh1[j]!)} × u(${f(w.z1[j]!)}) = ${paren(w.dh1[j]!)} × ${w.step[j]} = ${f(g)}`);
    case 'dW1':
      return [
        ...w.dW1.map((row, j) => `∂L/∂w₁${sub(j)} = ∂L/∂z₁${sub(j)} · x = ${paren(w.dz1[j]!)} · ${v(w.x)} = ${v(row)}`),
        `∂L/∂b₁ = ∂L/∂z₁ = ${v(w.db1)}`,
      ];
  }
}

/** The stage titles, as the panel announces them. */
export const STAGE_TITLES: Readonly<Record<Stage, string>> = {
  forward: 'Forward pass',
  dz2: 'At the logits: ∂L/∂z₂',
  dh1: 'Through W₂: ∂L/∂h₁',
  dz1: 'Through the ReLU: ∂L/∂z₁',
  dW1: 'Into the first layer: ∂L/∂W₁',
};
