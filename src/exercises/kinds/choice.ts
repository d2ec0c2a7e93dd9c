// Checker for single and multiple choice: the response is the list of chosen option ids; the
// options' `correct` flags come from the exercise (computed per variant); a wrongly chosen or
// missed option brings its own feedback.

import { plainText } from '../markup.ts';
import type { CheckResult, ChoiceExercise, ChoiceOption } from '../types.ts';

export function checkChoice<V>(ex: ChoiceExercise<V>, v: V, response: unknown): CheckResult {
  if (!Array.isArray(response) || !response.every((r) => typeof r === 'string')) {
    return { verdict: 'invalid', message: 'The answer should be a list of chosen options.' };
  }
  const options = ex.options(v);
  const byId = new Map(options.map((o) => [o.id, o]));
  const chosen = [...new Set(response as string[])];
  if (chosen.length === 0) {
    return { verdict: 'invalid', message: ex.multiple ? 'Choose at least one option.' : 'Choose one option.' };
  }
  const unknown = chosen.find((id) => !byId.has(id));
  if (unknown !== undefined) return { verdict: 'invalid', message: 'One of the chosen options is not part of this exercise.' };
  if (!ex.multiple && chosen.length > 1) return { verdict: 'invalid', message: 'Choose only one option.' };

  const picked = chosen.map((id) => byId.get(id)!);
  const wrongPicks = picked.filter((o) => !o.correct);
  const missed = options.filter((o) => o.correct && !chosen.includes(o.id));
  if (wrongPicks.length === 0 && missed.length === 0) {
    return { verdict: 'correct', message: ex.multiple ? 'You chose exactly the right options.' : 'That is the right option.' };
  }

  if (!ex.multiple) {
    const o = wrongPicks[0]!;
    return { verdict: 'wrong', message: o.feedback ?? 'That option is not right. Read the question again and try another.', mistake: o.id };
  }
  // A chosen option that is wrong is explained; a right option left out is only counted, so one
  // wrong try never gives the whole answer away (the worked solution explains every option).
  const parts: string[] = [];
  for (const o of wrongPicks) parts.push(`${quote(o)}: ${o.feedback ?? 'this one does not belong.'}`);
  if (missed.length > 0) parts.push(`${missed.length === 1 ? 'One right option is' : `${missed.length} right options are`} still missing.`);
  const first = wrongPicks[0] ?? missed[0];
  return { verdict: 'wrong', message: parts.join(' '), ...(first ? { mistake: first.id } : {}) };
}

/**
 * An option's label in quotes, kept as markup (its `$…$` formulas are typeset with the message);
 * a long label without formulas is shortened.
 */
function quote(o: ChoiceOption): string {
  if (o.label.includes('$')) return `“${o.label}”`;
  const text = plainText(o.label);
  return `“${text.length > 60 ? `${text.slice(0, 59)}…` : text}”`;
}
