// One entry point for every kind: checkAnswer(exercise, variant, response) → verdict and
// message. Used by the page, the import of answer sheets, the teacher page and the CLI. The
// formula checker (mathjs) is loaded only when a formula is checked.

import { checkChallenge } from './kinds/challenge.ts';
import { checkChoice } from './kinds/choice.ts';
import { checkCode } from './kinds/code.ts';
import { checkNumeric } from './kinds/numeric.ts';
import { checkVector } from './kinds/vector.ts';
import type { SandboxRunner } from './sandbox/types.ts';
import type { CheckResult, Exercise } from './types.ts';

/** What checking needs from its host: how to run code (browser Worker or Node thread). */
export interface CheckContext {
  runCode: SandboxRunner;
}

/**
 * Checks `response` for `exercise`'s variant `v`. Never throws: a malformed response is
 * "invalid" with a message; a bug in the exercise itself is reported the same way, named.
 */
export async function checkAnswer(exercise: Exercise, v: unknown, response: unknown, ctx: CheckContext): Promise<CheckResult> {
  try {
    switch (exercise.kind) {
      case 'numeric':
        return checkNumeric(exercise, v, response);
      case 'vector':
        return checkVector(exercise, v, response);
      case 'choice':
        return checkChoice(exercise, v, response);
      case 'formula': {
        const { checkFormula } = await import('./kinds/formula.ts');
        return checkFormula(exercise, v, response);
      }
      case 'code':
        return await checkCode(exercise, v, response, ctx.runCode);
      case 'challenge':
        return checkChallenge(exercise, v, response);
    }
  } catch (e) {
    return { verdict: 'invalid', message: `This exercise (${exercise.id}) could not be checked: ${e instanceof Error ? e.message : String(e)}` };
  }
}
