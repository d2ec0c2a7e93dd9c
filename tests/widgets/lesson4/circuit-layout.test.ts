import { describe, expect, it } from 'vitest';
import { andOrCircuit, buildCircuit, dnfCircuit, xorTree, type CircuitDesign } from '@widgets/lesson4/circuits';
import { layoutCircuit, ROW_GAP } from '@widgets/lesson4/circuit-layout';

describe('layoutCircuit', () => {
  it('puts every wire left to right and keeps nodes of a column apart', () => {
    for (const design of ['xor-tree', 'and-or', 'dnf'] as CircuitDesign[]) {
      for (let n = 2; n <= (design === 'dnf' ? 5 : 10); n++) {
        const layout = layoutCircuit(buildCircuit(design, n));
        for (const e of layout.edges) expect(layout.nodes[e.to]!.x).toBeGreaterThan(layout.nodes[e.from]!.x);
        const byColumn = new Map<number, number[]>();
        for (const node of layout.nodes) byColumn.set(node.column, [...(byColumn.get(node.column) ?? []), node.y]);
        for (const ys of byColumn.values()) {
          ys.sort((a, b) => a - b);
          for (let k = 1; k < ys.length; k++) expect(ys[k]! - ys[k - 1]!).toBeGreaterThanOrEqual(ROW_GAP - 1e-9);
        }
        expect(Math.min(...layout.nodes.map((p) => p.y))).toBe(0);
      }
    }
  });
  it('has one edge per gate input and labels inputs x₁…xₙ', () => {
    const layout = layoutCircuit(xorTree(4));
    expect(layout.edges).toHaveLength(6); // three XORs, two inputs each
    expect(layout.nodes.filter((p) => p.kind === 'input').map((p) => p.label)).toEqual(['x₁', 'x₂', 'x₃', 'x₄']);
    expect(layoutCircuit(dnfCircuit(3)).edges).toHaveLength(4 * 3 + 4 + 3); // 4 ANDs × 3, OR × 4, NOTs × 3
  });
  it('draws the AND/OR circuit one column per NOT, AND and OR step', () => {
    // x → ¬x → AND → OR per XOR level: two levels of XOR for 4 bits give 1 + 3 + 3 columns.
    expect(Math.max(...layoutCircuit(andOrCircuit(4)).nodes.map((p) => p.column))).toBe(6);
  });
});
