// Lesson 3 in a real browser: the panels' measurable behaviour on fixed inputs, checked against
// independent computations written here (closed forms, hand arithmetic), plus accessibility and
// a clean console.
import { expect, test, type Locator } from '@playwright/test';
import { expectNoSeriousAxeViolations, watchPage } from './helpers';

const PAGE = '/lessons/03-softmax-gradient/';

/** The number a cell or output carries in data-value (full precision, not the rounded text). */
async function value(locator: Locator, attribute = 'data-value'): Promise<number> {
  const raw = await locator.getAttribute(attribute);
  if (raw === null) throw new Error(`no ${attribute}`);
  return Number(raw);
}

/** Every data-value under a locator, in one round trip (the page is large; each call costs). */
async function values(locator: Locator): Promise<number[]> {
  return locator.evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-value'))));
}

/** Waits until a lazily loaded panel has wired its controls (they start disabled). */
async function ready(panel: Locator, control: Locator): Promise<void> {
  await panel.scrollIntoViewIfNeeded();
  await expect(control).toBeEnabled();
}

test.describe('lesson 3 panels', () => {
  // The page carries ~20,000 KaTeX nodes; on a busy machine every locator round trip is slow.
  test.describe.configure({ timeout: 150_000 });

  test('logits panel: p, p − y and the loss follow the logits', async ({ page, baseURL }) => {
    const watch = watchPage(page, baseURL!);
    await page.goto(PAGE);
    const panel = page.locator('[data-panel="logits"]');
    const z1 = panel.getByRole('slider', { name: /Logit z\s*1/ });
    await ready(panel, z1);
    const loss = panel.getByTestId('logits-loss');
    // −log softmax(2, 1, −1)₁ by hand.
    const s = Math.exp(2) + Math.exp(1) + Math.exp(-1);
    expect(await value(loss)).toBeCloseTo(-Math.log(Math.exp(2) / s), 12);
    expect(await value(panel.locator('[data-cell="grad-0"]'))).toBeCloseTo(Math.exp(2) / s - 1, 12);

    // One keyboard step raises z₁ by 0.1: the loss drops by 0.0284, (p − y)·Δz predicts 0.0295.
    await z1.focus();
    await z1.press('ArrowRight');
    await expect(panel.locator('output[data-logit-value="0"]')).toHaveText('2.1');
    const s2 = Math.exp(2.1) + Math.exp(1) + Math.exp(-1);
    await expect.poll(() => value(loss)).toBeCloseTo(-Math.log(Math.exp(2.1) / s2), 12);
    const change = panel.getByTestId('logits-change');
    expect(await value(change, 'data-actual')).toBeCloseTo(-0.0284, 4);
    expect(await value(change, 'data-predicted')).toBeCloseTo(-0.0295, 4);

    // A new true class: the one-hot moves and the gradient still sums to zero.
    await panel.getByRole('radio', { name: 'class 3' }).check();
    await expect(panel.locator('[data-cell="y-2"]')).toHaveText('1');
    expect(await value(loss)).toBeCloseTo(-Math.log(Math.exp(-1) / s2), 12);
    const grad = await values(panel.locator('[data-cell^="grad-"]'));
    expect(grad).toHaveLength(3);
    expect(grad.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 12);

    await panel.getByRole('button', { name: 'Back to the example' }).click();
    await expect(loss).toHaveText('0.3490');
    watch.check();
  });

  test('stability panel: naive fails on (1000, 999, −1000), stable matches the closed form', async ({ page, baseURL }) => {
    const watch = watchPage(page, baseURL!);
    await page.goto(PAGE);
    const panel = page.locator('[data-panel="stability"]');
    const field = panel.getByRole('textbox', { name: /Logits z/ });
    await ready(panel, field);
    const cell = (row: string, route: 'naive' | 'stable') => panel.locator(`tr[data-row="${row}"] td[data-route="${route}"]`);
    const l = Math.log1p(Math.exp(-1));

    await expect(cell('p-0', 'naive')).toHaveText('NaN');
    await expect(cell('loss', 'naive')).toHaveText('∞');
    expect(await value(cell('p-0', 'stable'))).toBeCloseTo(1 / (1 + Math.exp(-1)), 15);
    expect(await value(cell('p-1', 'stable'))).toBeCloseTo(Math.exp(-1) / (1 + Math.exp(-1)), 15);
    expect(await value(cell('p-2', 'stable'))).toBe(0);
    expect(await value(cell('loss', 'stable'))).toBeCloseTo(2000 + l, 9);
    await expect(panel.getByTestId('naive-verdict')).toContainText('overflows');

    await panel.getByRole('combobox', { name: 'True class' }).selectOption({ label: 'class 1' });
    await expect.poll(() => value(cell('loss', 'stable'))).toBeCloseTo(l, 12);

    // All logits very negative: naive divides 0 by 0, stable gives softmax(0, −1, −2).
    await panel.getByRole('button', { name: '−1000, −1001, −1002' }).click();
    await expect(cell('p-0', 'naive')).toHaveText('NaN');
    const z = 1 + Math.exp(-1) + Math.exp(-2);
    await expect.poll(() => value(cell('p-0', 'stable'))).toBeCloseTo(1 / z, 15);
    expect(await value(cell('loss', 'stable'))).toBeCloseTo(Math.log(z), 12);

    // Typed logits, then bad input: a message, and the last good table stays.
    await field.fill('3, 1, 0.5, -2');
    await field.press('Enter');
    await expect(panel.locator('tr[data-row="p-3"]')).toHaveCount(1);
    await field.fill('1, two, 3');
    await field.press('Enter');
    await expect(panel.getByTestId('stability-message')).toHaveText('"two" is not a number.');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(panel.locator('tr[data-row="p-3"]')).toHaveCount(1);
    watch.check();
  });

  test('gradient-check panel: every relative error below 1e-6; the factor-2 slip is caught', async ({ page, baseURL }) => {
    const watch = watchPage(page, baseURL!);
    await page.goto(PAGE);
    const panel = page.locator('[data-panel="gradient-check"]');
    const bug = panel.getByRole('checkbox', { name: /factor 2/ });
    await ready(panel, bug);
    const summary = panel.getByTestId('gradcheck-summary');
    const errors = panel.locator('td[data-col="rel-error"]');
    await expect(errors).toHaveCount(21);
    const all = () => values(errors);
    expect(Math.max(...(await all()))).toBeLessThan(1e-6);
    expect(await value(summary, 'data-max-rel-error')).toBeLessThan(1e-6);

    await bug.check();
    await expect(summary).toContainText('9 of 21 parameters disagree');
    await expect(panel.locator('tr[data-param^="W₂"] td.l3-fail')).toHaveCount(9);
    await expect(panel.locator('tr[data-param^="W₁"] td.l3-pass')).toHaveCount(6);
    await bug.uncheck();

    for (const activation of ['sigmoid', 'relu']) {
      await panel.getByRole('combobox', { name: 'Hidden activation' }).selectOption(activation);
      await expect(summary).toHaveAttribute('data-passed', 'true');
    }
    await panel.getByRole('button', { name: 'New random network' }).click();
    await expect(panel.getByTestId('gradcheck-seed')).toHaveText('2');
    await expect(summary).toHaveAttribute('data-passed', 'true');
    expect(Math.max(...(await all()))).toBeLessThan(1e-6);

    // A huge step: truncation error shows up as disagreement.
    await panel.getByRole('combobox', { name: 'Step ε' }).selectOption({ label: '10⁻¹' });
    await expect(summary).toHaveAttribute('data-passed', 'false');
    watch.check();
  });

  test('back-propagation walk-through: stage by stage with the lesson example', async ({ page, baseURL }) => {
    const watch = watchPage(page, baseURL!);
    await page.goto(PAGE);
    const panel = page.locator('[data-panel="backprop"]');
    const next = panel.getByRole('button', { name: 'Next stage' });
    await ready(panel, next);
    const stage = panel.getByTestId('backprop-stage');
    await expect(stage).toHaveText('Stage 1 of 5: Forward pass');
    await expect(panel.locator('[data-stage="dz2"]')).toBeHidden();

    await next.click();
    await expect(stage).toHaveAttribute('data-current', 'dz2');
    await expect(panel.locator('[data-stage="dz2"]')).toContainText('∂L/∂z₂ = p − y = (0.592, −0.641, 0.049)');
    await next.click();
    // 0.5·0.5922 − 1·(−0.6408) + 1·0.0486 = 0.9855 (lesson, by hand).
    await expect(panel.locator('[data-stage="dh1"]')).toContainText('= 0.986');
    await next.click();
    await expect(panel.locator('[data-stage="dz1"]')).toContainText('× u(−1.000) = (−0.913) × 0 = 0.000');
    await next.click();
    await expect(stage).toHaveText('Stage 5 of 5: Into the first layer: ∂L/∂W₁');
    await expect(panel.locator('[data-stage="dW1"]')).toContainText('(1.971, 0.986)');
    await expect(next).toBeDisabled();

    // Another example: x = (0, 0) turns the first two units off (z₁ = (0, 0, 0.5)); only unit 3 learns.
    await panel.getByRole('spinbutton', { name: 'Input x₁' }).fill('0');
    await panel.getByRole('spinbutton', { name: 'Input x₁' }).press('Enter');
    await panel.getByRole('spinbutton', { name: 'Input x₂' }).fill('0');
    await panel.getByRole('spinbutton', { name: 'Input x₂' }).press('Tab');
    await expect(panel.locator('[data-stage="forward"]')).toContainText('z₁ = W₁x + b₁ = (0.000, 0.000, 0.500)');
    await panel.getByRole('spinbutton', { name: 'Input x₁' }).fill('1000');
    await panel.getByRole('spinbutton', { name: 'Input x₁' }).press('Tab');
    await expect(panel.getByTestId('backprop-message')).toContainText('between −100 and 100');
    await panel.getByRole('button', { name: 'Start over' }).click();
    await expect(stage).toHaveAttribute('data-current', 'forward');
    watch.check();
  });

  test('softmax-regression widget: learns the blobs, gradients sum to zero, Reset replays', async ({ page, baseURL }) => {
    const watch = watchPage(page, baseURL!);
    await page.goto(PAGE);
    const widget = page.locator('[data-widget="softmax-regression"]');
    const train = widget.getByRole('button', { name: 'Train' });
    await ready(widget, train);
    const number = async (id: string) => Number(await widget.getByTestId(id).textContent());
    const cell = (key: string) => widget.locator(`[data-view="gradients"] td[data-cell="${key}"]`);
    await expect(cell('w-sum-0')).toHaveCount(1);
    await expect.poll(() => number('loss')).toBeGreaterThan(0);
    const startLoss = await widget.getByTestId('loss').textContent();
    const startNorm = await number('grad-norm');
    const [meanX, meanY] = await values(widget.locator('[data-view="gradients"] td[data-cell^="w-sum-"]'));

    await widget.getByRole('button', { name: 'Step' }).click();
    await expect.poll(() => number('epoch')).toBe(1);
    await expect.poll(() => number('loss')).toBeLessThan(Number(startLoss));

    await train.click();
    await expect.poll(() => number('epoch'), { timeout: 60_000 }).toBeGreaterThanOrEqual(15);
    await widget.getByRole('button', { name: 'Pause' }).click();
    await expect(train).toBeVisible();
    expect(await number('accuracy')).toBeGreaterThanOrEqual(95);
    expect(await number('val-accuracy')).toBeGreaterThanOrEqual(90);
    await expect.poll(() => number('grad-norm')).toBeLessThan(startNorm / 5);
    // The errors p − y of every point sum to zero, so the class gradients do, and the average
    // weight vector never moves (SGD without a penalty).
    const sums = await values(widget.locator('[data-view="gradients"] td[data-cell^="gw-sum-"], [data-view="gradients"] td[data-cell="gb-sum"]'));
    expect(sums).toHaveLength(3);
    for (const s of sums) expect(Math.abs(s)).toBeLessThan(1e-9);
    const [afterX, afterY] = await values(widget.locator('[data-view="gradients"] td[data-cell^="w-sum-"]'));
    expect(afterX).toBeCloseTo(meanX!, 9);
    expect(afterY).toBeCloseTo(meanY!, 9);
    await expect(widget.locator('[data-view="arrows"] svg[role="img"]')).toHaveAttribute('aria-label', /class 3: w = /);

    await widget.getByRole('button', { name: 'Reset' }).click();
    await expect.poll(() => number('epoch')).toBe(0);
    await expect(widget.getByTestId('loss')).toHaveText(startLoss!);
    watch.check();
  });

  test('the lesson page has no serious axe violations once every panel is awake', async ({ page, baseURL }, testInfo) => {
    const watch = watchPage(page, baseURL!);
    await page.goto(PAGE);
    // Each panel enables its controls once its logic has loaded; the charts are drawn by then.
    for (const [name, control] of [
      ['logits', 'button'],
      ['stability', 'textbox'],
      ['gradient-check', 'checkbox'],
      ['backprop', 'button'],
    ] as const) {
      const panel = page.locator(`[data-panel="${name}"]`);
      await ready(panel, panel.getByRole(control).first());
    }
    const widget = page.locator('[data-widget="softmax-regression"]');
    await ready(widget, widget.getByRole('button', { name: 'Train' }));
    await expect(widget.locator('[data-view="arrows"] svg[role="img"]')).toHaveCount(1);
    await expectNoSeriousAxeViolations(page, testInfo);
    watch.check();
  });
});
