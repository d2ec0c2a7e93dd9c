import { describe, expect, it } from 'vitest';
import {
  andOrCircuit,
  buildCircuit,
  circuitStats,
  dnfCircuit,
  evaluate,
  oddPatterns,
  parity,
  termText,
  xorTree,
  type CircuitDesign,
} from '@widgets/lesson4/circuits';

/** All 2ⁿ bit patterns. */
function patterns(n: number): number[][] {
  return Array.from({ length: 2 ** n }, (_, c) => Array.from({ length: n }, (_, k) => (c >> k) & 1));
}

describe('parity', () => {
  it('matches the decks’ examples', () => {
    expect(parity([0, 1, 1, 0])).toBe(0);
    expect(parity([1, 1, 0, 1])).toBe(1);
  });
  it('is the XOR truth table for two bits', () => {
    expect([parity([0, 0]), parity([0, 1]), parity([1, 0]), parity([1, 1])]).toEqual([0, 1, 1, 0]);
  });
});

describe('every design computes parity', () => {
  const designs: CircuitDesign[] = ['xor-tree', 'and-or', 'dnf'];
  for (const design of designs) {
    it(`${design} agrees with counting ones on all 2ⁿ patterns, n = 2…10`, () => {
      for (let n = 2; n <= 10; n++) {
        const c = buildCircuit(design, n);
        for (const bits of patterns(n)) {
          const ones = bits.filter((b) => b === 1).length;
          expect(evaluate(c, bits)[c.output]).toBe(ones % 2);
        }
      }
    });
  }
});

describe('circuit sizes follow the lesson’s formulas', () => {
  it('XOR tree: n − 1 gates, depth ⌈log₂ n⌉', () => {
    for (let n = 2; n <= 10; n++) {
      const s = circuitStats(xorTree(n));
      expect(s.gates).toBe(n - 1);
      expect(s.depth).toBe(Math.ceil(Math.log2(n)));
      expect(s.nots).toBe(0);
    }
  });
  it('AND/OR/NOT: 3(n − 1) gates, 2(n − 1) NOTs, depth 2⌈log₂ n⌉; the decks’ 4-bit circuit has depth 4', () => {
    for (let n = 2; n <= 10; n++) {
      const s = circuitStats(andOrCircuit(n));
      expect(s.gates).toBe(3 * (n - 1));
      expect(s.nots).toBe(2 * (n - 1));
      expect(s.depth).toBe(2 * Math.ceil(Math.log2(n)));
    }
    expect(circuitStats(andOrCircuit(4)).depth).toBe(4);
    expect(circuitStats(andOrCircuit(4)).wires).toBe(18);
    expect(circuitStats(andOrCircuit(10)).gates).toBe(27);
  });
  it('DNF: 2ⁿ⁻¹ + 1 gates at depth 2; 8 terms and 40 wires for 4 bits', () => {
    for (let n = 2; n <= 10; n++) {
      const s = circuitStats(dnfCircuit(n));
      expect(s.gates).toBe(2 ** (n - 1) + 1);
      expect(s.depth).toBe(2);
      expect(s.nots).toBe(n);
    }
    const four = circuitStats(dnfCircuit(4));
    expect(four.gates - 1).toBe(8);
    expect(four.wires).toBe(8 * 4 + 8);
    expect(circuitStats(dnfCircuit(10)).gates).toBe(513);
  });
});

describe('DNF terms', () => {
  it('are exactly the eight terms the deck lists for 4 bits', () => {
    const deck = [
      'x₁ ∧ x₂ ∧ x₃ ∧ ¬x₄', 'x₁ ∧ ¬x₂ ∧ x₃ ∧ x₄', 'x₁ ∧ x₂ ∧ ¬x₃ ∧ x₄', '¬x₁ ∧ x₂ ∧ x₃ ∧ x₄',
      'x₁ ∧ ¬x₂ ∧ ¬x₃ ∧ ¬x₄', '¬x₁ ∧ x₂ ∧ ¬x₃ ∧ ¬x₄', '¬x₁ ∧ ¬x₂ ∧ x₃ ∧ ¬x₄', '¬x₁ ∧ ¬x₂ ∧ ¬x₃ ∧ x₄',
    ];
    expect(oddPatterns(4).map(termText).sort()).toEqual([...deck].sort());
  });
});

describe('bad input', () => {
  it('rejects bit counts outside 2…10 with a message', () => {
    expect(() => xorTree(1)).toThrow(/from 2 to 10/);
    expect(() => dnfCircuit(11)).toThrow(/from 2 to 10/);
    expect(() => andOrCircuit(2.5)).toThrow(/whole number/);
    expect(() => evaluate(xorTree(3), [1, 0])).toThrow(/Expected 3 bits/);
  });
});
