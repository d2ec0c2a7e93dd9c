// Formula answers: mathjs parses the student's expression; a whitelist walk rejects anything
// that is not arithmetic on the exercise's variables and the course's functions (σ, softplus,
// ReLU, …); evaluation then walks the tree with plain JS numbers, and toTex gives the preview.

import { create, parseDependencies, type MathNode } from 'mathjs';
import { clip, normalizeText, type Parsed } from '../parse/numbers.ts';
import { FUNCTIONS } from './functions.ts';

// Only the parser's factories: a small mathjs, and no evaluation machinery (we evaluate ourselves).
const { parse } = create({ parseDependencies: parseDependencies! });

/** Longest accepted formula text. */
export const MAX_FORMULA_LENGTH = 400;
const MAX_NODES = 300;

const CONSTANTS: Readonly<Record<string, number>> = { e: Math.E, pi: Math.PI };

const OPERATORS: Readonly<Record<string, (...a: number[]) => number>> = {
  add: (a, b) => a! + b!,
  subtract: (a, b) => a! - b!,
  multiply: (a, b) => a! * b!,
  divide: (a, b) => a! / b!,
  pow: (a, b) => a! ** b!,
  unaryMinus: (a) => -a!,
  unaryPlus: (a) => a!,
};

const GREEK = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'lambda', 'mu', 'nu', 'xi', 'rho', 'tau', 'phi', 'chi', 'psi', 'omega'];
const GREEK_CHARS: Readonly<Record<string, string>> = {
  σ: 'sigma', η: 'eta', λ: 'lambda', θ: 'theta', ε: 'epsilon', α: 'alpha', β: 'beta', μ: 'mu', π: 'pi', δ: 'delta', γ: 'gamma', ρ: 'rho', τ: 'tau', φ: 'phi', ω: 'omega',
};

/** A checked formula: evaluate it at a point, or show it as TeX. */
export interface Formula {
  /** The value at a point (variables by name); NaN where undefined (log of a negative, …). */
  evaluate(scope: Readonly<Record<string, number>>): number;
  /** TeX of the formula for the live preview (macros from src/math/macros.mjs). */
  tex: string;
  /** The canonical text (mathjs's toString), e.g. for the solution. */
  text: string;
}

/** Rewrites what people type into mathjs syntax: σ → sigma, × and · → *, ** → ^, typographic minus. */
export function normalizeFormula(input: string): string {
  let s = normalizeText(input).replace(/[×·⋅∙]/g, '*').replace(/\*\*/g, '^');
  s = s.replace(/[σηλθεαβμπδγρτφω]/g, (ch) => ` ${GREEK_CHARS[ch] ?? ch} `);
  return s.replace(/ +/g, ' ').trim();
}

/**
 * Parses and checks a formula over the allowed `variables`. Anything else (an unknown symbol, a
 * matrix, an assignment, a comparison, text) is refused with a message naming what to change.
 */
export function parseFormula(input: string, variables: readonly string[]): Parsed<Formula> {
  if (typeof input !== 'string') return { ok: false, message: 'The answer should be a typed formula.' };
  const text = normalizeFormula(input);
  if (text === '') return { ok: false, message: `Type a formula, for example ${example(variables)}.` };
  if (text.length > MAX_FORMULA_LENGTH) return { ok: false, message: `That formula is too long (${text.length} characters).` };
  if (/[;\n]/.test(text)) return { ok: false, message: 'Type a single expression (no ; or new lines).' };
  let node: MathNode;
  try {
    node = parse(text);
  } catch (e) {
    return { ok: false, message: `This does not read as a formula: ${mathjsMessage(e)}.` };
  }
  const problem = validate(node, new Set(variables), { count: 0 });
  if (problem) return { ok: false, message: problem };
  const evaluate = (scope: Readonly<Record<string, number>>) => evaluateNode(node, scope);
  return { ok: true, value: { evaluate, tex: toTex(node), text: node.toString() } };
}

function example(variables: readonly string[]): string {
  const v = variables[0] ?? 'z';
  return `sigma(${v})*(1 - sigma(${v}))`;
}

function mathjsMessage(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.replace(/\.$/, '').replace(/^Unexpected end of expression.*$/, 'it ends too early (a bracket or an operand is missing)');
}

interface Counter {
  count: number;
}

function validate(node: MathNode, vars: ReadonlySet<string>, counter: Counter): string | null {
  if (++counter.count > MAX_NODES) return 'That formula is too long.';
  switch (node.type) {
    case 'ConstantNode': {
      const value = (node as unknown as { value: unknown }).value;
      if (typeof value !== 'number') return value === undefined ? 'Type a formula.' : 'Only numbers and symbols are allowed, not text in quotes.';
      if (!Number.isFinite(value)) return 'A number in the formula is too large.';
      return null;
    }
    case 'SymbolNode': {
      const name = (node as unknown as { name: string }).name;
      if (vars.has(name) || Object.hasOwn(CONSTANTS, name)) return null;
      if (Object.hasOwn(FUNCTIONS, name)) return `${name} is a function: write ${name}(…) with parentheses.`;
      return `Unknown symbol "${clip(name)}". ${variablesHint(vars)}`;
    }
    case 'ParenthesisNode':
      return validate((node as unknown as { content: MathNode }).content, vars, counter);
    case 'OperatorNode': {
      const op = node as unknown as { fn: string; op: string; args: MathNode[] };
      if (!Object.hasOwn(OPERATORS, op.fn)) return `The operator "${clip(op.op)}" is not allowed here: use + - * / ^ and parentheses.`;
      for (const arg of op.args) {
        const p = validate(arg, vars, counter);
        if (p) return p;
      }
      return null;
    }
    case 'FunctionNode': {
      const fn = node as unknown as { fn: MathNode; args: MathNode[] };
      const name = fn.fn.type === 'SymbolNode' ? (fn.fn as unknown as { name: string }).name : null;
      if (name === null || !Object.hasOwn(FUNCTIONS, name)) {
        if (name !== null && vars.has(name)) return `${name} is a variable, not a function: write ${name}*(…) to multiply.`;
        return `Unknown function "${clip(name ?? '?')}". Allowed: ${Object.keys(FUNCTIONS).join(', ')}.`;
      }
      const [lo, hi] = FUNCTIONS[name]!.arity;
      if (fn.args.length < lo || fn.args.length > hi) {
        return lo === hi ? `${name} takes ${lo} argument${lo === 1 ? '' : 's'}.` : `${name} takes ${lo} to ${hi} arguments.`;
      }
      for (const arg of fn.args) {
        const p = validate(arg, vars, counter);
        if (p) return p;
      }
      return null;
    }
    default:
      return 'Only arithmetic is allowed here: numbers, the variables, + - * / ^, parentheses and functions such as sigma(…).';
  }
}

function variablesHint(vars: ReadonlySet<string>): string {
  return vars.size > 0 ? `The variables are ${[...vars].join(', ')}.` : 'This formula has no variables.';
}

function evaluateNode(node: MathNode, scope: Readonly<Record<string, number>>): number {
  switch (node.type) {
    case 'ConstantNode':
      return (node as unknown as { value: number }).value;
    case 'SymbolNode': {
      const name = (node as unknown as { name: string }).name;
      const v = Object.hasOwn(scope, name) ? scope[name] : CONSTANTS[name];
      return v ?? Number.NaN;
    }
    case 'ParenthesisNode':
      return evaluateNode((node as unknown as { content: MathNode }).content, scope);
    case 'OperatorNode': {
      const op = node as unknown as { fn: string; args: MathNode[] };
      return OPERATORS[op.fn]!(...op.args.map((a) => evaluateNode(a, scope)));
    }
    case 'FunctionNode': {
      const fn = node as unknown as { fn: { name: string }; args: MathNode[] };
      return FUNCTIONS[fn.fn.name]!.f(...fn.args.map((a) => evaluateNode(a, scope)));
    }
    default:
      return Number.NaN;
  }
}

/** TeX for a symbol: Greek names as letters, `p_r` as p_{r}, long names upright. */
export function symbolTex(name: string): string {
  const [base = '', ...subs] = name.split('_');
  const head = GREEK.includes(base) ? `\\${base}` : base === 'pi' ? '\\pi' : base.length > 1 ? `\\mathrm{${base}}` : base;
  return subs.length > 0 ? `${head}_{${subs.map((s) => (GREEK.includes(s) ? `\\${s}` : s)).join(',')}}` : head;
}

function toTex(node: MathNode): string {
  return node.toTex({
    parenthesis: 'keep',
    implicit: 'show',
    handler: (n: MathNode, options: object): string | undefined => {
      if (n.type === 'SymbolNode') return ` ${symbolTex((n as unknown as { name: string }).name)}`;
      if (n.type === 'FunctionNode') {
        const fn = n as unknown as { fn: { name: string }; args: MathNode[] };
        const spec = FUNCTIONS[fn.fn.name];
        if (!spec) return undefined;
        const args = fn.args.map((a) => a.toTex(options)).join(', ');
        if (fn.fn.name === 'abs') return `\\left|${args}\\right|`;
        if (fn.fn.name === 'sqrt') return `\\sqrt{${args}}`;
        return `${spec.tex}\\left(${args}\\right)`;
      }
      return undefined;
    },
  });
}
