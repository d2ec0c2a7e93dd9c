// The functions a formula answer may call: the course's own (σ, softplus, ReLU, the unit step)
// and the usual ones, each with its arity, its value (the engine's, where the engine has it)
// and its TeX. Kept apart from the mathjs parser so pages can list them without loading it.

import { sigmoid, softplus } from '@engine';

/** The functions a formula may call, with their arity, their value and their TeX name. */
export const FUNCTIONS: Readonly<Record<string, { arity: [number, number]; f: (...a: number[]) => number; tex: string }>> = {
  sigma: { arity: [1, 1], f: sigmoid, tex: '\\sigma' },
  softplus: { arity: [1, 1], f: softplus, tex: '\\softplus' },
  relu: { arity: [1, 1], f: (z) => (z > 0 ? z : 0), tex: '\\relu' },
  step: { arity: [1, 1], f: (z) => (z > 0 ? 1 : 0), tex: 'u' },
  exp: { arity: [1, 1], f: Math.exp, tex: '\\exp' },
  log: { arity: [1, 1], f: Math.log, tex: '\\log' },
  ln: { arity: [1, 1], f: Math.log, tex: '\\ln' },
  sqrt: { arity: [1, 1], f: Math.sqrt, tex: '\\sqrt' },
  abs: { arity: [1, 1], f: Math.abs, tex: '' },
  sign: { arity: [1, 1], f: Math.sign, tex: '\\sign' },
  tanh: { arity: [1, 1], f: Math.tanh, tex: '\\tanh' },
  cosh: { arity: [1, 1], f: Math.cosh, tex: '\\cosh' },
  sinh: { arity: [1, 1], f: Math.sinh, tex: '\\sinh' },
  sin: { arity: [1, 1], f: Math.sin, tex: '\\sin' },
  cos: { arity: [1, 1], f: Math.cos, tex: '\\cos' },
  max: { arity: [2, 8], f: Math.max, tex: '\\max' },
  min: { arity: [2, 8], f: Math.min, tex: '\\min' },
};

