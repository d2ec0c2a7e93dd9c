// Boolean circuits for n-bit parity, three ways: a balanced XOR tree, the same tree with each XOR
// expanded into AND/OR/NOT, and the depth-2 DNF with one AND per odd-weight pattern. Pure data
// plus an evaluator, so the circuit view and the tests share one definition.

/** The kinds of node in a circuit; `input` nodes are the bits x₁…xₙ. */
export type GateKind = 'input' | 'not' | 'and' | 'or' | 'xor';

/** One node of a circuit. Nodes are listed so that every input of a node comes before it. */
export interface Gate {
  readonly kind: GateKind;
  /** Indices of the nodes feeding this one (empty for inputs). */
  readonly inputs: readonly number[];
  /** Depth of the node: 0 for inputs, NOTs do not add to it (the decks' convention). */
  readonly level: number;
  /** For inputs, the bit index 0…n−1; −1 otherwise. */
  readonly bit: number;
}

/** A circuit computing one output bit from n input bits. */
export interface Circuit {
  readonly design: CircuitDesign;
  readonly n: number;
  readonly gates: readonly Gate[];
  /** Index of the output node. */
  readonly output: number;
}

export type CircuitDesign = 'xor-tree' | 'and-or' | 'dnf';

/** Bits the circuit view accepts: below 2 there is nothing to combine; past 10 the drawing is unreadable. */
export const MIN_BITS = 2;
export const MAX_BITS = 10;

/** Parity of a bit vector: 1 iff the number of ones is odd. */
export function parity(bits: readonly number[]): 0 | 1 {
  let ones = 0;
  for (const b of bits) if (b) ones++;
  return (ones % 2) as 0 | 1;
}

/** Throws a readable error unless n is an integer in [MIN_BITS, MAX_BITS]. */
export function checkBits(n: number): void {
  if (!Number.isInteger(n) || n < MIN_BITS || n > MAX_BITS) {
    throw new RangeError(`The number of bits must be a whole number from ${MIN_BITS} to ${MAX_BITS} (got ${n}).`);
  }
}

class Builder {
  readonly gates: Gate[] = [];
  /** The NOT of a node, made once and shared by every gate that needs it. */
  private readonly negations = new Map<number, number>();

  add(kind: GateKind, inputs: readonly number[], bit = -1): number {
    const level = kind === 'input' ? 0 : Math.max(...inputs.map((i) => this.gates[i]!.level)) + (kind === 'not' ? 0 : 1);
    this.gates.push({ kind, inputs, level, bit });
    return this.gates.length - 1;
  }

  not(i: number): number {
    const known = this.negations.get(i);
    if (known !== undefined) return known;
    const j = this.add('not', [i]);
    this.negations.set(i, j);
    return j;
  }

  inputs(n: number): number[] {
    return Array.from({ length: n }, (_, k) => this.add('input', [], k));
  }
}

/**
 * Pairs neighbours level by level, (x₁⊕x₂)⊕(x₃⊕x₄)…; an odd signal out moves up unchanged. This
 * gives depth ⌈log₂ n⌉ with n − 1 combining gates.
 */
function balancedTree(signals: number[], combine: (a: number, b: number) => number): number {
  let level = signals;
  while (level.length > 1) {
    const next: number[] = [];
    for (let i = 0; i + 1 < level.length; i += 2) next.push(combine(level[i]!, level[i + 1]!));
    if (level.length % 2 === 1) next.push(level[level.length - 1]!);
    level = next;
  }
  return level[0]!;
}

/** Parity as a balanced tree of n − 1 XOR gates, depth ⌈log₂ n⌉. */
export function xorTree(n: number): Circuit {
  checkBits(n);
  const b = new Builder();
  const output = balancedTree(b.inputs(n), (x, y) => b.add('xor', [x, y]));
  return { design: 'xor-tree', n, gates: b.gates, output };
}

/**
 * The XOR tree with every a ⊕ b written as (a ∧ ¬b) ∨ (¬a ∧ b): 3(n − 1) AND/OR gates,
 * 2(n − 1) NOTs, depth 2⌈log₂ n⌉ (NOTs not counted).
 */
export function andOrCircuit(n: number): Circuit {
  checkBits(n);
  const b = new Builder();
  const output = balancedTree(b.inputs(n), (x, y) => {
    const left = b.add('and', [x, b.not(y)]);
    const right = b.add('and', [b.not(x), y]);
    return b.add('or', [left, right]);
  });
  return { design: 'and-or', n, gates: b.gates, output };
}

/** The odd-weight patterns of n bits, in counting order (x₁ is the most significant bit). */
export function oddPatterns(n: number): number[][] {
  const out: number[][] = [];
  for (let code = 0; code < 2 ** n; code++) {
    const bits = Array.from({ length: n }, (_, k) => (code >> (n - 1 - k)) & 1);
    if (parity(bits) === 1) out.push(bits);
  }
  return out;
}

/** Parity as a DNF: one n-input AND per odd pattern (2ⁿ⁻¹ of them) and one OR; depth 2. */
export function dnfCircuit(n: number): Circuit {
  checkBits(n);
  const b = new Builder();
  const x = b.inputs(n);
  const terms = oddPatterns(n).map((pattern) => b.add('and', pattern.map((bit, k) => (bit ? x[k]! : b.not(x[k]!)))));
  const output = b.add('or', terms);
  return { design: 'dnf', n, gates: b.gates, output };
}

/** Builds the circuit of a design for n bits. */
export function buildCircuit(design: CircuitDesign, n: number): Circuit {
  switch (design) {
    case 'xor-tree':
      return xorTree(n);
    case 'and-or':
      return andOrCircuit(n);
    case 'dnf':
      return dnfCircuit(n);
  }
}

/** Evaluates every node for the given input bits; the output is `values[circuit.output]`. */
export function evaluate(circuit: Circuit, bits: readonly number[]): Uint8Array {
  if (bits.length !== circuit.n) throw new RangeError(`Expected ${circuit.n} bits, got ${bits.length}.`);
  const v = new Uint8Array(circuit.gates.length);
  circuit.gates.forEach((g, i) => {
    const ins = g.inputs.map((j) => v[j]!);
    switch (g.kind) {
      case 'input':
        v[i] = bits[g.bit] ? 1 : 0;
        break;
      case 'not':
        v[i] = 1 - ins[0]!;
        break;
      case 'and':
        v[i] = ins.every((a) => a === 1) ? 1 : 0;
        break;
      case 'or':
        v[i] = ins.some((a) => a === 1) ? 1 : 0;
        break;
      case 'xor':
        v[i] = ins.reduce((a, c) => a ^ c, 0);
        break;
    }
  });
  return v;
}

/** The size of a circuit as the decks count it. */
export interface CircuitStats {
  /** Levels of gates from input to output, NOTs not counted. */
  depth: number;
  /** Combining gates: XOR, AND and OR. */
  gates: number;
  /** NOT gates (shared: one per negated signal). */
  nots: number;
  /** Wires into combining gates: the sum of their fan-ins. */
  wires: number;
  /** Largest fan-in of a combining gate. */
  maxFanIn: number;
}

/** Counts a circuit's depth, gates, NOTs and wires by walking it. */
export function circuitStats(circuit: Circuit): CircuitStats {
  let gates = 0;
  let nots = 0;
  let wires = 0;
  let maxFanIn = 0;
  for (const g of circuit.gates) {
    if (g.kind === 'not') nots++;
    else if (g.kind !== 'input') {
      gates++;
      wires += g.inputs.length;
      maxFanIn = Math.max(maxFanIn, g.inputs.length);
    }
  }
  return { depth: circuit.gates[circuit.output]!.level, gates, nots, wires, maxFanIn };
}

/** A DNF term as text, e.g. "x₁ ∧ ¬x₂ ∧ x₃". */
export function termText(pattern: readonly number[]): string {
  return pattern.map((bit, k) => `${bit ? '' : '¬'}x${subscript(k + 1)}`).join(' ∧ ');
}

/** Unicode subscript digits, so labels read x₁₀ in plain text and SVG alike. */
export function subscript(k: number): string {
  return String(k).replace(/\d/g, (d) => '₀₁₂₃₄₅₆₇₈₉'[Number(d)]!);
}
