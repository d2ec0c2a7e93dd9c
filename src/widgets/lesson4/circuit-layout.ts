// Places a circuit's nodes on a grid for drawing: inputs in the first column, every gate one column
// right of its latest input, and each node at the mean height of its inputs, pushed apart so that
// no two nodes in a column overlap. Pure geometry; the element turns it into SVG.

import { subscript, type Circuit, type GateKind } from './circuits';

/** A node placed in drawing units (one unit = one row height). */
export interface PlacedNode {
  readonly index: number;
  readonly kind: GateKind;
  readonly label: string;
  readonly column: number;
  readonly x: number;
  readonly y: number;
}

export interface PlacedEdge {
  readonly from: number;
  readonly to: number;
}

export interface CircuitLayout {
  readonly nodes: readonly PlacedNode[];
  readonly edges: readonly PlacedEdge[];
  readonly width: number;
  readonly height: number;
}

/** Horizontal distance between columns, in rows. */
export const COLUMN_GAP = 2.2;
/** Smallest vertical distance between two nodes in one column, in rows. */
export const ROW_GAP = 1;

const symbols: Record<GateKind, string> = { input: 'x', not: '¬', and: '∧', or: '∨', xor: '⊕' };

/** Drawing label of a node: "x₃" for inputs, the operator symbol otherwise. */
export function nodeLabel(kind: GateKind, bit: number): string {
  return kind === 'input' ? `x${subscript(bit + 1)}` : symbols[kind];
}

/** Lays a circuit out left to right (see the file comment). */
export function layoutCircuit(circuit: Circuit): CircuitLayout {
  const { gates } = circuit;
  const column = new Array<number>(gates.length).fill(0);
  const y = new Array<number>(gates.length).fill(0);
  gates.forEach((g, i) => {
    column[i] = g.kind === 'input' ? 0 : Math.max(...g.inputs.map((j) => column[j]!)) + 1;
  });
  const columns = Math.max(...column) + 1;
  for (let c = 0; c < columns; c++) {
    const members = gates.map((_, i) => i).filter((i) => column[i] === c);
    for (const i of members) {
      const g = gates[i]!;
      y[i] = g.kind === 'input' ? g.bit * ROW_GAP : g.inputs.reduce((s, j) => s + y[j]!, 0) / g.inputs.length;
    }
    // Keep the order the wanted heights give, then push down whatever would overlap.
    members.sort((a, b) => y[a]! - y[b]! || a - b);
    for (let k = 1; k < members.length; k++) {
      const above = y[members[k - 1]!]!;
      if (y[members[k]!]! < above + ROW_GAP) y[members[k]!] = above + ROW_GAP;
    }
  }
  const nodes = gates.map((g, i) => ({
    index: i,
    kind: g.kind,
    label: nodeLabel(g.kind, g.bit),
    column: column[i]!,
    x: column[i]! * COLUMN_GAP,
    y: y[i]!,
  }));
  const edges = gates.flatMap((g, to) => g.inputs.map((from) => ({ from, to })));
  const top = Math.min(...y);
  const bottom = Math.max(...y);
  return {
    nodes: nodes.map((n) => ({ ...n, y: n.y - top })),
    edges,
    width: (columns - 1) * COLUMN_GAP,
    height: bottom - top,
  };
}
