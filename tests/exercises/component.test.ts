// The Exercise component as the build renders it: the test contract in the markup, the default
// variant's prompt typeset, and a build-stopping error (naming the bank file) for a bad id or key.
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, test } from 'vitest';
import Exercise from '@components/Exercise.astro';
import { defineBank, numeric } from '@exercises/define.ts';
import { exerciseProblems } from '@exercises/validate.ts';

const container = await AstroContainer.create();
const render = (id: string) => container.renderToString(Exercise, { props: { id } });

describe('<Exercise id="…" />', () => {
  test('carries the contract: data-exercise, data-kind, a Check button, the verdict element', async () => {
    const html = await render('practice-mse');
    expect(html).toMatch(/<dl-exercise[^>]*data-exercise="practice-mse"/);
    expect(html).toMatch(/data-kind="numeric"/);
    expect(html).toMatch(/data-pagefind-ignore/);
    expect(html).toMatch(/<button type="submit"[^>]*>Check<\/button>/);
    expect(html).toMatch(/data-testid="verdict"/);
    expect(html).toContain('class="katex"');
    expect(html).toContain('Accepted within 1 % of the exact value');
  });

  test('renders choices, code and formula inputs for their kinds', async () => {
    expect(await render('practice-softmax-invariance')).toMatch(/type="checkbox"/);
    expect(await render('practice-linear-classifier')).toMatch(/type="radio"/);
    expect(await render('practice-code-sgd-step')).toMatch(/<textarea[^>]*class="exercise__code"[^>]*>function sgdStep/);
    expect(await render('practice-sigmoid-chain')).toMatch(/data-part="preview"/);
  });

  test('an unknown id stops the build with a message that says where to look', async () => {
    await expect(render('no-such-exercise')).rejects.toThrow(/<Exercise id="no-such-exercise">.*no exercise has this id in src\/exercises\/bank/);
  });

  test('a key that cannot be computed is reported with the exercise and the reason', () => {
    const bank = defineBank('practice', [
      numeric({
        id: 'broken-key',
        title: 'Broken',
        generate: () => ({ x: 0 }),
        prompt: () => 'Compute log 0.',
        answer: ({ x }) => Math.log(x),
        tolerance: { rule: 'relative', rel: 0.01 },
        solution: () => 'None.',
      }),
    ]);
    expect(exerciseProblems(bank.exercises[0]!)).toEqual(['for ID "default": the answer is -Infinity, not a finite number']);
  });
});
