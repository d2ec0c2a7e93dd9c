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

test.describe('lesson 1 panels', () => {
  test('linear classifier: the deck example, then a bias moves the boundary and a third class adds two more', async ({ page, baseURL }) => {
    const w = watchPage(page, baseURL!);
    await page.goto(URL);
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
    w.check();
  });

  test('activations: moving z₀ to 2 reads σ′(2) ≈ 0.105 and tanh′(2) ≈ 0.0707', async ({ page, baseURL }) => {
    const w = watchPage(page, baseURL!);
    await page.goto(URL);
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
    w.check();
  });

  test('ReLU merge: boundaries 0.1, 0.3, 0.675, and they move when the bias does', async ({ page, baseURL }) => {
    const w = watchPage(page, baseURL!);
    await page.goto(URL);
    const panel = page.locator('l1-relu-merge');
    await panel.scrollIntoViewIfNeeded();
    const result = panel.getByTestId('rm-result');
    await expect(result).toHaveText('f(x) = 1 on (0.1, 0.3) and (0.675, ∞), and 0 elsewhere. Decision boundaries: x = 0.1, x = 0.3, x = 0.675.');
    // c from −0.1 to −0.15: the pieces become x − 0.15, 0.25 − x and 2x − 1.4.
    await panel.getByRole('slider', { name: 'c', exact: true }).focus();
    await page.keyboard.press('ArrowLeft');
    await expect(result).toContainText('Decision boundaries: x = 0.15, x = 0.25, x = 0.7.');
    w.check();
  });
});

test('lesson 1 page: no serious axe violations with every panel started', async ({ page, baseURL }, testInfo) => {
  test.setTimeout(150_000);
  const w = watchPage(page, baseURL!);
  await page.goto(URL);
  await headsWidget(page);
  for (const tag of ['l1-activations', 'l1-linear-classifier', 'l1-relu-merge']) {
    const panel = page.locator(tag);
    await panel.scrollIntoViewIfNeeded();
    await expect(panel.getByRole('img').first()).toBeVisible();
  }
  await expectNoSeriousAxeViolations(page, testInfo);
  w.check();
});
