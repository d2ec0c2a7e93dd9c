import { test, expect } from '@playwright/test';
import { expectNoSeriousAxeViolations, watchPage } from './helpers';

const cell = (page: import('@playwright/test').Page, id: string) => page.locator(`[data-cell="${id}"]`);

test('edit a cell, run it, see the new output; reload keeps the edit; reset restores it', async ({ page, baseURL }) => {
  const w = watchPage(page, baseURL!);
  await page.goto('/notebook/');
  const c = cell(page, 'scratch');
  await expect(c).toHaveAttribute('data-editor', 'ready');
  const out = c.getByTestId('cell-output');
  await c.getByRole('button', { name: 'Run' }).click();
  await expect(out).toHaveAttribute('data-status', 'ok');
  // softmax([2, 1, -1]) computed independently
  const e = [Math.exp(2), Math.exp(1), Math.exp(-1)];
  const p0 = e[0]! / (e[0]! + e[1]! + e[2]!);
  await expect(out).toContainText(`p: [${p0.toPrecision(6).replace(/0+$/, '')}`);
  await expect(out).toContainText('sum: 1');

  // edit: replace everything with new code, run with Ctrl+Enter
  const editor = c.locator('.cm-content');
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('return [[1, 2], [3, 4]].map((r) => r.map((v) => v * 10));');
  await page.keyboard.press('Control+Enter');
  await expect(out).toHaveAttribute('data-status', 'ok');
  await expect(out.locator('table td')).toHaveText(['10', '20', '30', '40']);

  await page.reload();
  await expect(cell(page, 'scratch')).toHaveAttribute('data-editor', 'ready');
  await expect(cell(page, 'scratch').locator('.cm-content')).toContainText('v * 10');
  await cell(page, 'scratch').getByRole('button', { name: 'Reset' }).click();
  await expect(cell(page, 'scratch').locator('.cm-content')).toContainText('engine.softmax(z)');
  await page.reload();
  await expect(cell(page, 'scratch').locator('.cm-content')).toContainText('engine.softmax(z)');
  w.check();
});

test('an endless loop is stopped with a message and the page stays responsive', async ({ page }) => {
  await page.goto('/notebook/');
  const c = cell(page, 'scratch');
  await expect(c).toHaveAttribute('data-editor', 'ready');
  await c.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('while (true) {}');
  const started = Date.now();
  await c.getByRole('button', { name: 'Run' }).click();
  // the page answers while the loop runs
  expect(await page.evaluate(() => 1 + 1)).toBe(2);
  await expect(c.getByTestId('cell-output')).toHaveAttribute('data-status', 'error', { timeout: 20_000 });
  await expect(c.getByTestId('cell-output')).toContainText(/ran too long|Stopped/);
  expect(Date.now() - started).toBeLessThan(15_000);
  await c.getByRole('button', { name: 'Reset' }).click();
});

test('an error shows its line', async ({ page }) => {
  await page.goto('/notebook/');
  const c = cell(page, 'scratch');
  await expect(c).toHaveAttribute('data-editor', 'ready');
  await c.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('const a = 1;\nconst b = 2;\nreturn a + c;');
  await page.keyboard.press('Control+Enter');
  const out = c.getByTestId('cell-output');
  await expect(out).toHaveAttribute('data-status', 'error');
  await expect(out).toContainText('Line 3: ReferenceError: c is not defined');
  await c.getByRole('button', { name: 'Reset' }).click();
});

test('a cell can draw a chart with Observable Plot, with a text alternative', async ({ page }) => {
  await page.goto('/notebook/');
  const c = cell(page, 'tent-plot');
  await c.scrollIntoViewIfNeeded();
  await c.getByRole('button', { name: 'Run' }).click();
  const out = c.getByTestId('cell-output');
  await expect(out).toHaveAttribute('data-status', 'ok');
  await expect(out.getByRole('img', { name: /composed 3 times has 8 linear pieces/ })).toBeVisible();
  await expect(out).toContainText('8 pieces');
});

test('the notebook page has no serious axe violations', async ({ page }, testInfo) => {
  await page.goto('/notebook/');
  await expect(cell(page, 'scratch')).toHaveAttribute('data-editor', 'ready');
  await expectNoSeriousAxeViolations(page, testInfo);
});

test('lesson 1: cells with one scope share variables, in the order they ran, and the network beats the line', async ({ page }) => {
  await page.goto('/lessons/01-regression-vs-classification/');
  const line = cell(page, 'fit-line');
  const network = cell(page, 'fit-network');
  await network.scrollIntoViewIfNeeded();
  // Run out of order: the network cell needs the line cell's data and says so.
  await network.getByRole('button', { name: 'Run' }).click();
  await expect(network.getByTestId('cell-output')).toHaveAttribute('data-status', 'error', { timeout: 30_000 });
  await expect(network.getByTestId('cell-output')).toContainText('xs is not defined');
  await line.scrollIntoViewIfNeeded();
  await line.getByRole('button', { name: 'Run' }).click();
  await expect(line.getByTestId('cell-output')).toHaveAttribute('data-status', 'ok', { timeout: 30_000 });
  await expect(line.locator('[data-run-order]')).toHaveText('(run 1 on this page)');
  const lineMse = Number(/MSE = ([0-9.]+)/.exec((await line.getByTestId('cell-output').textContent()) ?? '')?.[1]);
  await network.scrollIntoViewIfNeeded();
  await network.getByRole('button', { name: 'Run' }).click();
  await expect(network.getByTestId('cell-output')).toHaveAttribute('data-status', 'ok', { timeout: 30_000 });
  await expect(network.locator('[data-run-order]')).toHaveText('(run 2 on this page)');
  const netMse = Number(/network MSE after 300 epochs: ([0-9.]+)/.exec((await network.getByTestId('cell-output').textContent()) ?? '')?.[1]);
  // A straight line cannot follow a sine over [−π, π]; sixteen tanh units can, down towards the noise variance 0.04.
  expect(lineMse).toBeGreaterThan(0.1);
  expect(netMse).toBeLessThan(lineMse / 2);
});
