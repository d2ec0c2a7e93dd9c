// Checker for code answers: run the student's function in the sandbox on every case, compare
// with the engine's outputs, and when they differ, see whether a known wrong implementation
// (no max shift, p instead of p − y, …) gives the same outputs: that names the mistake.

import { fmt } from '../format.ts';
import type { SandboxRunner, SandboxResult } from '../sandbox/types.ts';
import { within, type Tolerance } from '../tolerance.ts';
import type { CheckResult, CodeExercise } from '../types.ts';

/** Longest accepted code answer. */
export const MAX_CODE_LENGTH = 20_000;

/** Time limit of one check (all cases together). */
export const CODE_TIMEOUT_MS = 2000;

/** Equal within tolerance, entry by entry for arrays (and fields for objects). */
export function outputsMatch(got: unknown, want: unknown, tol: Tolerance, nanEqual = false): boolean {
  if (typeof want === 'number') {
    if (typeof got !== 'number') return false;
    if (nanEqual && !Number.isFinite(want)) return Object.is(got, want) || (Number.isNaN(got) && Number.isNaN(want));
    return within(got, want, tol);
  }
  if (Array.isArray(want)) {
    return Array.isArray(got) && got.length === want.length && want.every((w, i) => outputsMatch(got[i], w, tol, nanEqual));
  }
  if (typeof want === 'object' && want !== null) {
    if (typeof got !== 'object' || got === null || Array.isArray(got)) return false;
    const g = got as Record<string, unknown>;
    return Object.entries(want).every(([k, w]) => outputsMatch(g[k], w, tol, nanEqual));
  }
  return Object.is(got, want);
}

/** A value for a message: numbers to 4 figures, arrays in brackets, long ones cut. */
export function show(value: unknown, depth = 0): string {
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : fmt(value, 4);
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 39)}…` : value);
  if (Array.isArray(value)) {
    if (depth > 2) return '[…]';
    const items = value.slice(0, 8).map((x) => show(x, depth + 1));
    return `[${items.join(', ')}${value.length > 8 ? ', …' : ''}]`;
  }
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'object') return `{ ${Object.entries(value).slice(0, 6).map(([k, v]) => `${k}: ${show(v, depth + 1)}`).join(', ')} }`;
  return String(value);
}

const lineOf = (e: { line?: number }) => (e.line ? ` (line ${e.line})` : '');

export async function checkCode<V>(ex: CodeExercise<V>, v: V, response: unknown, run: SandboxRunner): Promise<CheckResult> {
  if (typeof response !== 'string') return { verdict: 'invalid', message: 'The answer should be JavaScript code.' };
  if (response.trim() === '') return { verdict: 'invalid', message: `Write a function named ${ex.fn}.` };
  if (response.length > MAX_CODE_LENGTH) return { verdict: 'invalid', message: `The code is too long (${response.length} characters; at most ${MAX_CODE_LENGTH}).` };
  const cases = ex.cases(v);
  const expected = cases.map((c) => (ex.expected as (...a: unknown[]) => unknown)(...c.args));
  const result: SandboxResult = await run(response, { calls: cases.map((c) => ({ fn: ex.fn, args: c.args })), timeoutMs: CODE_TIMEOUT_MS });

  if (result.status === 'timeout') return { verdict: 'wrong', message: `${result.error.message} Check your loops.`, mistake: 'timeout' };
  if (result.status === 'error') {
    if (result.phase === 'compile') return { verdict: 'invalid', message: `Your code does not parse: ${result.error.message}${lineOf(result.error)}.` };
    if (result.phase === 'run' && result.error.name !== 'SandboxError') {
      return { verdict: 'invalid', message: `Your code stopped with ${result.error.name}: ${result.error.message}${lineOf(result.error)} before ${ex.fn} could be tested.` };
    }
    return { verdict: 'wrong', message: result.error.message };
  }
  const first = result.calls[0];
  if (!first || (!first.ok && first.error.name === 'MissingFunction')) {
    return { verdict: 'invalid', message: `Define a function named ${ex.fn} (for example: function ${ex.fn}(…) { … }).` };
  }
  const outputs = result.calls.map((c) => (c.ok ? c.value : undefined));
  const failing = cases.findIndex((_, i) => !result.calls[i]?.ok || !outputsMatch(outputs[i], expected[i], ex.tolerance));
  if (failing < 0) return { verdict: 'correct', message: `Your ${ex.fn} passes all ${cases.length} tests.` };

  if (result.calls.every((c) => c.ok)) {
    for (const m of ex.mistakes ?? []) {
      const alt = cases.map((c) => safely(() => (m.impl as (...a: unknown[]) => unknown)(...c.args)));
      if (alt.every((a, i) => a.ok && outputsMatch(outputs[i], a.value, ex.tolerance, true))) {
        return { verdict: 'wrong', message: m.message, mistake: m.id };
      }
    }
  }
  const c = cases[failing]!;
  const call = result.calls[failing]!;
  const input = `${ex.fn}(${c.args.map((a) => show(a)).join(', ')})${c.label ? ` (${c.label})` : ''}`;
  if (!call.ok) return { verdict: 'wrong', message: `For ${input} your function threw ${call.error.name}: ${call.error.message}${lineOf(call.error)}.` };
  const got = outputs[failing];
  const hint = got === undefined ? ' Did you forget to return the result?' : '';
  return { verdict: 'wrong', message: `For ${input} your function returned ${show(got)}; expected ${show(expected[failing])}.${hint}` };
}

function safely(f: () => unknown): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: f() };
  } catch {
    return { ok: false };
  }
}
