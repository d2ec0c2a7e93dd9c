// Lesson 1 end to end: the heads widget reproduces the lesson's four experiments on seed 1, the
// panels (linear classifier, activations, ReLU merge) respond to the keyboard as a person would
// drive them, one exercise of each kind is answered, and the page is accessible and quiet.
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousAxeViolations, watchPage } from './helpers';

const URL = '/lessons/01-regression-vs-classification/';

/** Presses a key n times on a focused control. */
async function press(page: Page, key: string, n: number) {
  for (let i = 0; i < n; i++) await page.keyboard.press(key);
}

/** The heads widget, scrolled into view and loaded. */
async function headsWidget(page: Page) {
  const root = page.locator('[data-heads-experiments]');
  await root.scrollIntoViewIfNeeded();
  const widget = page.locator('[data-widget="heads"]');
  await expect(widget.getByRole('button', { name: 'Train' })).toBeVisible();
  return { root, widget };
}

/** A readout as a number (NaN while empty). */
async function readout(widget: ReturnType<Page['locator']>, id: string): Promise<number> {
  return Number((await widget.getByTestId(id).textContent()) || Number.NaN);
}

/** Loads experiment `label` with the experiment buttons, at the fastest speed. */
async function runExperiment(page: Page, label: RegExp) {
  const { root, widget } = await headsWidget(page);
  await widget.getByLabel('Speed').selectOption('fastest');
  await root.getByRole('button', { name: label }).click();
  await expect(root.locator('[data-experiment-status]')).toContainText('loaded and training');
  return widget;
}

test.describe('heads widget: the lesson\'s experiments on seed 1', () => {
  test.describe.configure({ timeout: 120_000 });

  test('1 · regression: the training MSE falls below 1.5 × the noise variance σ² = 0.09', async ({ page, baseURL }) => {
    const w = watchPage(page, baseURL!);
    await page.goto(URL);
    const widget = await runExperiment(page, /^1 · Regression/);
    await expect(widget.getByTestId('noise-var')).toHaveText('0.09');
    await expect(widget.locator('[data-view="fitted-curve"]')).toBeVisible();
    await expect.poll(() => readout(widget, 'loss'), { timeout: 90_000, intervals: [250] }).toBeLessThan(1.5 * 0.09);
    w.check();
  });

  test('2 · three blobs, no hidden layer: accuracy reaches 90 %', async ({ page, baseURL }) => {
    const w = watchPage(page, baseURL!);
    await page.goto(URL);
    const widget = await runExperiment(page, /^2 · Three blobs/);
    await expect(widget.locator('[data-view="decision-regions"]')).toBeVisible();
    await expect.poll(() => readout(widget, 'accuracy'), { timeout: 90_000, intervals: [250] }).toBeGreaterThanOrEqual(90);
    w.check();
  });

  test('3 · two spirals, no hidden layer: accuracy stays below 70 % for 100 epochs', async ({ page, baseURL }) => {
    const w = watchPage(page, baseURL!);
    await page.goto(URL);
    const widget = await runExperiment(page, /^3 · Two spirals, no hidden/);
    let best = 0;
    await expect
      .poll(
        async () => {
          const acc = await readout(widget, 'accuracy');
          if (Number.isFinite(acc)) best = Math.max(best, acc);
          return readout(widget, 'epoch');
        },
        { timeout: 100_000, intervals: [200] },
      )
      .toBeGreaterThanOrEqual(100);
    expect(best).toBeGreaterThan(0);
    expect(best).toBeLessThan(70);
    w.check();
  });

  test('4 · two spirals, 32 hidden units: accuracy passes 95 %', async ({ page, baseURL }) => {
    const w = watchPage(page, baseURL!);
    await page.goto(URL);
    const widget = await runExperiment(page, /^4 · Two spirals, 32/);
    await expect.poll(() => readout(widget, 'accuracy'), { timeout: 110_000, intervals: [250] }).toBeGreaterThan(95);
    w.check();
  });

  test('the head switch keeps the trunk and changes the output layer; Step trains one epoch', async ({ page, baseURL }) => {
    const w = watchPage(page, baseURL!);
    await page.goto(URL);
    const { widget } = await headsWidget(page);
    await expect(widget.locator('[data-view="fitted-curve"]')).toBeVisible();
    await widget.getByRole('button', { name: 'Step' }).click();
    await expect(widget.getByTestId('epoch')).toHaveText('1');
    await widget.getByLabel('Head', { exact: true }).selectOption('classification');
    await expect(widget.locator('[data-view="decision-regions"]')).toBeVisible();
    // The kit redraws (and hides) a view only while it is on screen: look at the views.
    await widget.locator('[data-view="decision-regions"]').scrollIntoViewIfNeeded();
    await expect(widget.locator('[data-view="fitted-curve"]')).toBeHidden();
    await expect(widget.getByTestId('epoch')).toHaveText('0');
    const state = await widget.evaluate((el) => (el as HTMLElement & { getState(): { trainers: { layerSizes: number[] }[] } }).getState().trainers[0]!.layerSizes);
    // the same 16-unit trunk, now on 2 inputs and with 3 softmax outputs (three blobs)
    expect(state).toEqual([2, 16, 3]);
    await widget.getByRole('button', { name: 'Reset' }).click();
    await expect(widget.getByTestId('epoch')).toHaveText('0');
    w.check();
  });
});

test('lesson 1 panels by keyboard, then the whole page with everything started passes axe', async ({ page, baseURL }, testInfo) => {
  // axe walks all ~16,000 nodes of the page (15,000 of them KaTeX); on a heavily loaded
  // two-core machine that alone took a minute.
  test.setTimeout(240_000);
  const w = watchPage(page, baseURL!);
  await page.goto(URL);

  await test.step('activations: moving z₀ to 2 reads σ′(2) ≈ 0.105 and tanh′(2) ≈ 0.0707', async () => {
    const panel = page.locator('l1-activations');
    await panel.scrollIntoViewIfNeeded();
    await expect(panel.getByRole('img')).toHaveCount(3);
    await panel.getByRole('slider', { name: 'z₀', exact: true }).focus();
    await press(page, 'ArrowRight', 10);
    const table = panel.getByTestId('act-values');
    await expect(table.locator('caption')).toHaveText('Values at z₀ = 2');
    await expect(table.getByRole('row', { name: /sigmoid/ })).toContainText('0.105');
    await expect(table.getByRole('row', { name: /tanh/ })).toContainText('0.0707');
    await expect(table.getByRole('row', { name: /ReLU/ }).getByRole('cell').last()).toHaveText('1');
  });

  await test.step('linear classifier: the decks’ example, a bias moves the boundary, a third class adds two more', async () => {
    const panel = page.locator('l1-linear-classifier');
    await panel.scrollIntoViewIfNeeded();
    const boundaries = panel.getByTestId('lc-boundaries');
    await expect(boundaries).toHaveText('Boundary between class 1 and class 2: −x₁ + x₂ = 0');
    await expect(panel.getByTestId('lc-probe')).toContainText('w₁ᵀx = 2.5, w₂ᵀx = 2; argmax gives class 1; softmax p = (0.622, 0.378)');
    await expect(panel.getByRole('img')).toHaveAttribute('aria-label', /−x₁ \+ x₂ = 0/);
    // b₂ from 0 to 1: the line shifts to −x₁ + x₂ + 1 = 0 without turning.
    await panel.getByRole('slider', { name: 'b₂', exact: true }).focus();
    await press(page, 'ArrowRight', 10);
    await expect(boundaries).toHaveText('Boundary between class 1 and class 2: −x₁ + x₂ + 1 = 0');
    // At (1, 0.5) the scores are now 2.5 and 3: class 2.
    await expect(panel.getByTestId('lc-probe')).toContainText('argmax gives class 2');
    await panel.getByRole('button', { name: "Reset to the decks' example" }).click();
    await expect(boundaries).toHaveText('Boundary between class 1 and class 2: −x₁ + x₂ = 0');
    await panel.getByLabel('Add a third class').check();
    await expect(boundaries.locator('li')).toHaveText([
      'Boundary between class 1 and class 2: −x₁ + x₂ = 0',
      'Boundary between class 1 and class 3: −3x₁ − 2x₂ = 0',
      'Boundary between class 2 and class 3: −2x₁ − 3x₂ = 0',
    ]);
    await expect(panel.getByText('3 classes × (2 inputs + 1 bias) = 9 parameters.')).toBeVisible();
  });

  await test.step('ReLU merge: boundaries 0.1, 0.3, 0.675, and they move with the bias', async () => {
    const panel = page.locator('l1-relu-merge');
    await panel.scrollIntoViewIfNeeded();
    const result = panel.getByTestId('rm-result');
    await expect(result).toHaveText('f(x) = 1 on (0.1, 0.3) and (0.675, ∞), and 0 elsewhere. Decision boundaries: x = 0.1, x = 0.3, x = 0.675.');
    // c from −0.1 to −0.15: the pieces become x − 0.15, 0.25 − x and 2x − 1.4.
    await panel.getByRole('slider', { name: 'c', exact: true }).focus();
    await page.keyboard.press('ArrowLeft');
    await expect(result).toContainText('Decision boundaries: x = 0.15, x = 0.25, x = 0.7.');
  });

  await test.step('axe on the page with the widget and every panel started', async () => {
    await headsWidget(page);
    await expectNoSeriousAxeViolations(page, testInfo);
  });
  w.check();
});

/** An exercise on the lesson page, scrolled into view and live. */
async function exercise(page: Page, id: string) {
  const ex = page.locator(`[data-exercise="${id}"]`);
  await ex.scrollIntoViewIfNeeded();
  await expect(ex).toHaveAttribute('data-ready', 'true');
  return ex;
}

/** The exercise's prompt text (its plain-text numbers are the variant's). */
async function promptText(ex: ReturnType<Page['locator']>): Promise<string> {
  return (await ex.innerText()).replace(/\s+/g, ' ');
}

test.describe('lesson 1 exercises, one of each kind', () => {
  test.describe.configure({ timeout: 120_000 });
  test('numeric, vector, choice and formula: right answers are accepted, a likely mistake is named', async ({ page, baseURL }) => {
    const w = watchPage(page, baseURL!);
    await page.goto(URL);

    // numeric: h(d + 2) + 1 from the variant's d and h; the count without the output bias is named
    const count = await exercise(page, 'l1-parameter-count');
    const [, d, h] = /d = (\d+) inputs and h = (\d+) hidden/.exec(await promptText(count))!.map(Number) as [number, number, number];
    await count.getByRole('textbox').fill(String(h * d + 2 * h));
    await count.getByRole('button', { name: 'Check' }).click();
    await expect(count.getByTestId('verdict')).toHaveAttribute('data-verdict', 'wrong');
    await expect(count.getByTestId('verdict')).toContainText('output has its own bias');
    await count.getByRole('textbox').fill(String(h * (d + 2) + 1));
    await count.getByRole('button', { name: 'Check' }).click();
    await expect(count.getByTestId('verdict')).toHaveAttribute('data-verdict', 'correct');

    // vector: softmax of the variant's logits, computed here
    const soft = await exercise(page, 'l1-softmax');
    const z = /logits .*?= \[([^\]]+)\]/.exec(await promptText(soft))![1]!.split(',').map(Number);
    const e = z.map(Math.exp);
    const sum = e.reduce((a, b) => a + b, 0);
    await soft.getByRole('textbox').fill(`[${e.map((v) => (v / sum).toFixed(4)).join(', ')}]`);
    await soft.getByRole('button', { name: 'Check' }).click();
    await expect(soft.getByTestId('verdict')).toHaveAttribute('data-verdict', 'correct');

    // choice: exactly one of the three classes is right
    const which = await exercise(page, 'l1-which-class');
    const verdicts: string[] = [];
    for (const k of [1, 2, 3]) {
      await which.getByRole('radio', { name: `class ${k}` }).check();
      await which.getByRole('button', { name: 'Check' }).click();
      await expect(which.getByTestId('verdict')).toHaveAttribute('data-verdict', /correct|wrong/);
      verdicts.push((await which.getByTestId('verdict').getAttribute('data-verdict'))!);
    }
    expect(verdicts.filter((v) => v === 'correct')).toHaveLength(1);

    // formula: the softmax written with exponentials is accepted; the decks' slip is the other class
    const two = await exercise(page, 'l1-two-class-sigmoid');
    const which2 = Number(/probability of class (\d)/.exec(await promptText(two))![1]);
    const [mine, other] = which2 === 1 ? ['s1', 's2'] : ['s2', 's1'];
    await two.getByRole('textbox').fill(`1/(exp(${mine} - ${other}) + 1)`);
    await two.getByRole('button', { name: 'Check' }).click();
    await expect(two.getByTestId('verdict')).toHaveAttribute('data-verdict', 'wrong');
    await expect(two.getByTestId('verdict')).toContainText('other class');
    await two.getByRole('textbox').fill(`exp(${mine})/(exp(s1) + exp(s2))`);
    await two.getByRole('button', { name: 'Check' }).click();
    await expect(two.getByTestId('verdict')).toHaveAttribute('data-verdict', 'correct');
    w.check();
  });

  test('code: a forward pass without ReLU is named, the right one passes every case', async ({ page, baseURL }) => {
    const w = watchPage(page, baseURL!);
    await page.goto(URL);
    const code = await exercise(page, 'l1-forward-code');
    const body = (activation: string) =>
      `function forward(x, W, b, w, c) {\n  let y = c;\n  for (let j = 0; j < W.length; j++) y += w[j] * ${activation};\n  return y;\n}`;
    await code.getByRole('textbox').fill(body('(W[j] * x + b[j])'));
    await code.getByRole('button', { name: 'Check' }).click();
    await expect(code.getByTestId('verdict')).toHaveAttribute('data-verdict', 'wrong');
    await expect(code.getByTestId('verdict')).toContainText('ReLU');
    await code.getByRole('textbox').fill(body('Math.max(0, W[j] * x + b[j])'));
    await code.getByRole('button', { name: 'Check' }).click();
    await expect(code.getByTestId('verdict')).toHaveAttribute('data-verdict', 'correct');
    w.check();
  });

  test('challenge: k blobs with no hidden layer past 90 % in the widget', async ({ page, baseURL }) => {
    const w = watchPage(page, baseURL!);
    await page.goto(URL);
    const challenge = await exercise(page, 'l1-linear-blobs');
    const k = Number(/classify (\d) Gaussian blobs/.exec(await promptText(challenge))![1]);
    // checked before training: it says what is missing
    const widget = await runExperiment(page, /^2 · Three blobs/);
    const classes = widget.getByRole('textbox', { name: 'Classes k (blobs)' });
    await classes.fill(String(k));
    await classes.press('Enter');
    await expect.poll(async () => (await widget.evaluate((el) => (el as HTMLElement & { getState(): { params: { classes: number } } }).getState().params.classes))).toBe(k);
    if (await widget.getByRole('button', { name: 'Train' }).isVisible()) await widget.getByRole('button', { name: 'Train' }).click();
    await expect.poll(() => readout(widget, 'accuracy'), { timeout: 90_000, intervals: [250] }).toBeGreaterThanOrEqual(90);
    await challenge.scrollIntoViewIfNeeded();
    await challenge.getByRole('button', { name: 'Check' }).click();
    await expect(challenge.getByTestId('verdict')).toHaveAttribute('data-verdict', 'correct');
    w.check();
  });
});
