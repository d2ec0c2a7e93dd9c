// Build- and test-time validation of exercise definitions: every variant's key must be
// computable and finite, choices well formed, formulas parsable, prompts' TeX variant-free.
// Exercise.astro throws with these messages (naming the bank file), so the build fails.

import { parseMarkup, texKey, texSources } from './markup.ts';
import { toleranceProblem } from './tolerance.ts';
import type { Exercise } from './types.ts';
import { variantOf } from './variant.ts';

/** Student IDs whose variants are validated (the default one first). */
export const VALIDATION_IDS = ['default', 'ada', 'b-17', 'Émile Zola', '2024-0042', 'x'];

/** IDs whose prompts are sampled for the pre-rendered TeX set. */
export const TEX_SAMPLE_IDS = Array.from({ length: 64 }, (_, i) => `tex-sample-${i}`);

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function finiteDeep(value: unknown, depth = 0): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return depth < 8 && value.every((v) => finiteDeep(v, depth + 1));
  if (typeof value === 'object' && value !== null) return depth < 8 && Object.values(value).every((v) => finiteDeep(v, depth + 1));
  return typeof value === 'boolean' || typeof value === 'string';
}

function isNumberArray(a: unknown): a is number[] {
  return Array.isArray(a) && a.length > 0 && a.every((x) => typeof x === 'number' && Number.isFinite(x));
}

function keyProblem(ex: Exercise, v: unknown): string | null {
  switch (ex.kind) {
    case 'numeric': {
      const k = ex.answer(v);
      return typeof k === 'number' && Number.isFinite(k) ? null : `the answer is ${String(k)}, not a finite number`;
    }
    case 'vector': {
      const k = ex.answer(v);
      if (isNumberArray(k)) return null;
      if (Array.isArray(k) && k.length > 0 && k.every(isNumberArray) && k.every((r) => r.length === (k[0] as number[]).length)) return null;
      return 'the answer is not a non-empty vector or rectangular matrix of finite numbers';
    }
    case 'choice': {
      const opts = ex.options(v);
      if (opts.length < 2) return 'a choice needs at least two options';
      if (new Set(opts.map((o) => o.id)).size !== opts.length) return 'option ids are not unique';
      const right = opts.filter((o) => o.correct).length;
      if (right === 0) return 'no option is correct';
      if (!ex.multiple && right !== 1) return `a single choice has ${right} correct options`;
      return null;
    }
    case 'formula':
      // Checked asynchronously (mathjs) by formulaProblems.
      return typeof ex.answer(v) === 'string' ? null : 'the reference formula is not a string';
    case 'code': {
      const cases = ex.cases(v);
      if (cases.length === 0) return 'a code exercise needs at least one case';
      for (const c of cases) {
        const want = (ex.expected as (...a: unknown[]) => unknown)(...c.args);
        if (!finiteDeep(want)) return `the expected output for ${JSON.stringify(c.args).slice(0, 60)} is not finite data`;
      }
      if (!/^[A-Za-z_$][\w$]*$/.test(ex.fn)) return `fn "${ex.fn}" is not a JavaScript name`;
      if (!ex.starter.includes(ex.fn)) return `the starter code does not mention ${ex.fn}`;
      return null;
    }
    case 'challenge':
      return ex.widget.trim() === '' ? 'a challenge needs the widget name' : null;
  }
}

/** Everything wrong with an exercise definition (empty when it is valid). */
export function exerciseProblems(ex: Exercise, ids: readonly string[] = VALIDATION_IDS): string[] {
  const problems: string[] = [];
  if (!ID_PATTERN.test(ex.id)) problems.push(`id "${ex.id}" must be kebab-case (a-z, 0-9, -)`);
  if (ex.title.trim() === '') problems.push('the title is empty');
  if ((ex.kind === 'numeric' || ex.kind === 'vector' || ex.kind === 'code') && toleranceProblem(ex.tolerance)) {
    problems.push(toleranceProblem(ex.tolerance)!);
  }
  for (const id of ids) {
    try {
      const v = variantOf(ex, id);
      const prompt = ex.prompt(v);
      const solution = ex.solution(v);
      if (typeof prompt !== 'string' || prompt.trim() === '') problems.push(`the prompt for ID "${id}" is empty`);
      if (typeof solution !== 'string' || solution.trim() === '') problems.push(`the solution for ID "${id}" is empty`);
      const p = keyProblem(ex, v);
      if (p) problems.push(`for ID "${id}": ${p}`);
    } catch (e) {
      problems.push(`for ID "${id}": ${e instanceof Error ? e.message : String(e)}`);
    }
    if (problems.length > 0) break;
  }
  return problems;
}

/** Formula exercises: the reference and every mistake must parse and be defined at the test points. */
export async function formulaProblems(ex: Exercise, ids: readonly string[] = VALIDATION_IDS): Promise<string[]> {
  if (ex.kind !== 'formula') return [];
  const { parseFormula } = await import('./formula/expr.ts');
  const { formulaPoints, firstDifference } = await import('./kinds/formula.ts');
  const names = ex.variables.map((x) => x.name);
  const problems: string[] = [];
  for (const id of ids) {
    try {
      const v = variantOf(ex, id);
      const texts = [ex.answer(v), ...(ex.mistakes ?? []).map((m) => m.answer(v))];
      for (const text of texts) {
        const parsed = parseFormula(text, names);
        if (!parsed.ok) {
          problems.push(`for ID "${id}": "${text}" does not parse: ${parsed.message}`);
          continue;
        }
        // Throws when the formula is defined at too few test points.
        firstDifference(parsed.value, parsed.value, formulaPoints(ex.id, ex.variables), 1e-6);
      }
    } catch (e) {
      problems.push(`for ID "${id}": ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return problems;
}

/**
 * The TeX of an exercise's prompt (and options) over many variants, for pre-rendering: keyed
 * `inline:<tex>` or `display:<tex>`. Prompts keep numbers out of TeX, so this set is small.
 */
export function promptTex(ex: Exercise, ids: readonly string[] = TEX_SAMPLE_IDS): Map<string, { tex: string; display: boolean }> {
  const out = new Map<string, { tex: string; display: boolean }>();
  const add = (source: string) => {
    for (const t of texSources(parseMarkup(source))) out.set(texKey(t.tex, t.display), t);
  };
  for (const id of ['default', ...ids]) {
    const v = variantOf(ex, id);
    add(ex.prompt(v));
    if (ex.kind === 'choice') for (const o of ex.options(v)) add(o.label);
  }
  return out;
}
