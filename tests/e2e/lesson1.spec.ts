// Lesson 1 end to end: the panels (linear classifier, activations, ReLU merge) respond to the
// keyboard as a person would drive them, the page is accessible and quiet in the console.
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousAxeViolations, watchPage } from './helpers';

const URL = '/lessons/01-regression-vs-classification/';

/** Presses a key n times on a focused control. */
async function press(page: Page, key: string, n: number) {
  for (let i = 0; i < n; i++) await page.keyboard.press(key);
}

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
  const w = watchPage(page, baseURL!);
  await page.goto(URL);
  for (const tag of ['l1-activations', 'l1-linear-classifier', 'l1-relu-merge']) {
    const panel = page.locator(tag);
    await panel.scrollIntoViewIfNeeded();
    await expect(panel.getByRole('img').first()).toBeVisible();
  }
  await expectNoSeriousAxeViolations(page, testInfo);
  w.check();
});
