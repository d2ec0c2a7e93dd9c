// Lesson 3 in a real browser: the panels' measurable behaviour on fixed inputs, checked against
// independent computations written here (closed forms, hand arithmetic), plus accessibility and
// a clean console.
import { expect, test, type Locator, type Page } from '@playwright/test';
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
  // The logic loads lazily (a worker too, for the widget): generous on a busy machine.
  await expect(control).toBeEnabled({ timeout: 60_000 });
}

test.describe('lesson 3 panels', () => {
  // The page carries ~20,000 KaTeX nodes; on a busy machine every locator round trip is slow.
  test.describe.configure({ timeout: 240_000 });

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
    expect(await value(panel.locator('[data-field="grad-0"]'))).toBeCloseTo(Math.exp(2) / s - 1, 12);

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
    await expect(panel.locator('[data-field="y-2"]')).toHaveText('1');
    expect(await value(loss)).toBeCloseTo(-Math.log(Math.exp(-1) / s2), 12);
    const grad = await values(panel.locator('[data-field^="grad-"]'));
    expect(grad).toHaveLength(3);
    expect(grad.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 12);

    await panel.getByRole('button', { name: 'Back to the example' }).click();
    await expect(loss).toHaveText('0.3490');

    // Dragging the middle bar of the logits chart up raises z₂ (the chart spans z from −8 to 8).
    const chart = panel.locator('[data-chart="logits"] svg');
    const box = (await chart.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.55, box.y + box.height * 0.5);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.55, box.y + box.height * 0.15, { steps: 4 });
    await page.mouse.up();
    await expect.poll(() => value(panel.locator('[data-field="z-1"]'))).toBeGreaterThan(3);
    expect(await value(panel.locator('[data-field="z-0"]'))).toBe(2);
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
    // The kit redraws only views on screen, so the table is scrolled into view before reading it.
    const table = widget.locator('[data-view="gradients"]');
    const read = async (prefix: string, withSums = true) => {
      await table.scrollIntoViewIfNeeded();
      return values(table.locator(`td[data-field^="${prefix}"]${withSums ? '' : ':not([data-field*="sum"])'}`));
    };
    // The table is current when the gradient norm computed from its cells equals the readout.
    const tableNorm = async () => {
      const g = [...(await read('gw-', false)), ...(await read('gb-', false))];
      expect(g).toHaveLength(9);
      return Math.hypot(...g);
    };
    await expect.poll(async () => (await read('w-sum-')).length).toBe(2);
    await expect.poll(() => number('loss')).toBeGreaterThan(0);
    const startLoss = await widget.getByTestId('loss').textContent();
    const startNorm = await number('grad-norm');
    await expect.poll(tableNorm).toBeCloseTo(startNorm, 3);
    const [meanX, meanY] = await read('w-sum-');

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
    const endNorm = await number('grad-norm');
    await expect.poll(tableNorm).toBeCloseTo(endNorm, 3);
    // The errors p − y of every point sum to zero, so the class gradients do, and the average
    // weight vector never moves (SGD without a penalty).
    const sums = [...(await read('gw-sum-')), ...(await read('gb-sum'))];
    expect(sums).toHaveLength(3);
    for (const s of sums) expect(Math.abs(s)).toBeLessThan(1e-9);
    const [afterX, afterY] = await read('w-sum-');
    expect(afterX).toBeCloseTo(meanX!, 9);
    expect(afterY).toBeCloseTo(meanY!, 9);
    const arrows = widget.locator('[data-view="arrows"]');
    await arrows.scrollIntoViewIfNeeded();
    await expect(arrows.locator('svg[role="img"]')).toHaveAttribute('aria-label', /class 3: w = /);

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
      ['logits', 'Back to the example'],
      ['stability', 'Logits z'],
      ['gradient-check', 'New random network'],
      ['backprop', 'Next stage'],
    ] as const) {
      const panel = page.locator(`[data-panel="${name}"]`);
      await ready(panel, panel.getByRole(name === 'stability' ? 'textbox' : 'button', { name: control }));
    }
    const widget = page.locator('[data-widget="softmax-regression"]');
    await ready(widget, widget.getByRole('button', { name: 'Train' }));
    const arrows = widget.locator('[data-view="arrows"]');
    await arrows.scrollIntoViewIfNeeded();
    await expect(arrows.locator('svg[role="img"]')).toHaveCount(1);
    await expectNoSeriousAxeViolations(page, testInfo);
    watch.check();
  });
});

test.describe('lesson 3 exercises, one of each kind', () => {
  test.describe.configure({ timeout: 240_000 });

  const exercise = (page: Page, id: string) => page.locator(`[data-exercise="${id}"]`);
  async function prompt(ex: Locator): Promise<string> {
    await expect(ex).toHaveAttribute('data-ready', 'true');
    return (await ex.locator('[data-part="prompt"]').innerText()).replaceAll('\u2212', '-');
  }
  async function answer(ex: Locator, text: string): Promise<Locator> {
    await ex.getByRole('textbox').fill(text);
    await ex.getByRole('button', { name: 'Check' }).click();
    return ex.getByTestId('verdict');
  }

  test('numeric, vector, choice and formula exercises judge the lesson’s computations', async ({ page, baseURL }) => {
    const watch = watchPage(page, baseURL!);
    await page.goto(PAGE);

    // Numeric: the loss for huge logits [a, a − d, −a], class 2, is d + log(1 + e^{−d}).
    const stable = exercise(page, 'l3-stable-loss');
    await stable.scrollIntoViewIfNeeded();
    const m = /\[(\d+), ([\d.]+), -(\d+)\]/.exec(await prompt(stable));
    expect(m).not.toBeNull();
    const a = Number(m![1]);
    const d = a - Number(m![2]);
    let verdict = await answer(stable, (a + Math.log1p(Math.exp(-d))).toPrecision(8));
    await expect(verdict).toHaveAttribute('data-verdict', 'wrong');
    await expect(verdict).toContainText('subtract the true class');
    verdict = await answer(stable, (d + Math.log1p(Math.exp(-d))).toPrecision(6));
    await expect(verdict).toHaveAttribute('data-verdict', 'correct');

    // Vector: ∂L/∂h = Σ p_l w_l − w_y, from the rows of W_S and h in the prompt.
    const hidden = exercise(page, 'l3-hidden-gradient');
    await hidden.scrollIntoViewIfNeeded();
    const text = await prompt(hidden);
    const WS = [...text.matchAll(/row \d of[\s\S]*?: \[(-?[\d.]+), (-?[\d.]+)\]/g)].map((r) => [Number(r[1]), Number(r[2])]);
    const h = /For .*?= \[(-?[\d.]+), (-?[\d.]+)\] and true class (\d)/s.exec(text);
    expect(WS).toHaveLength(3);
    expect(h).not.toBeNull();
    const x = [Number(h![1]), Number(h![2])];
    const y = Number(h![3]) - 1;
    const z = WS.map((r) => r[0]! * x[0]! + r[1]! * x[1]!);
    const e = z.map(Math.exp);
    const s = e.reduce((p, q) => p + q, 0);
    const grad = [0, 1].map((k) => WS.reduce((acc, r, l) => acc + (e[l]! / s) * r[k]!, 0) - WS[y]![k]!);
    verdict = await answer(hidden, `[${grad.map((g) => (-g).toFixed(4)).join(', ')}]`);
    await expect(verdict).toHaveAttribute('data-verdict', 'wrong');
    await expect(verdict).toContainText('flipped');
    verdict = await answer(hidden, `[${grad.map((g) => g.toFixed(4)).join(', ')}]`);
    await expect(verdict).toHaveAttribute('data-verdict', 'correct');

    // Choice: the parameters whose relative error is at least 1e-6.
    const verdictEx = exercise(page, 'l3-gradient-check-verdict');
    await verdictEx.scrollIntoViewIfNeeded();
    const lines = [...(await prompt(verdictEx)).matchAll(/(\S+\[[\d,]+\]): analytic (-?[\d.e+-]+), numeric (-?[\d.e+-]+)/g)];
    expect(lines).toHaveLength(6);
    for (const [, name, an, nu] of lines) {
      const rel = Math.abs(Number(an) - Number(nu)) / Math.max(Math.abs(Number(an)), Math.abs(Number(nu)), 1e-4);
      const box = verdictEx.getByRole('checkbox', { name: name! });
      if (rel >= 1e-6) await box.check();
    }
    await verdictEx.getByRole('button', { name: 'Check' }).click();
    await expect(verdictEx.getByTestId('verdict')).toHaveAttribute('data-verdict', 'correct');

    // Formula: ∂L/∂b_r is p_r − 1 for the true class and p_r otherwise.
    const bias = exercise(page, 'l3-bias-gradient');
    await bias.scrollIntoViewIfNeeded();
    const same = !(await prompt(bias)).includes('≠');
    verdict = await answer(bias, same ? '1 - p_r' : '-p_r');
    await expect(verdict).toHaveAttribute('data-verdict', 'wrong');
    await expect(verdict).toContainText('flip the sign');
    verdict = await answer(bias, same ? 'p_r - 1' : 'p_r');
    await expect(verdict).toHaveAttribute('data-verdict', 'correct');
    watch.check();
  });

  test('code: a naive cross-entropy is caught on large logits, a log-sum-exp one passes', async ({ page, baseURL }) => {
    const watch = watchPage(page, baseURL!);
    await page.goto(PAGE);
    const ex = exercise(page, 'l3-code-stable-ce');
    await ex.scrollIntoViewIfNeeded();
    await expect(ex).toHaveAttribute('data-ready', 'true');
    let verdict = await answer(ex, 'function crossEntropy(z, y) { const e = z.map(Math.exp); const s = e.reduce((a, b) => a + b, 0); return -Math.log(e[y] / s); }');
    await expect(verdict).toHaveAttribute('data-verdict', 'wrong', { timeout: 20_000 });
    await expect(verdict).toContainText('overflows');
    verdict = await answer(ex, 'function crossEntropy(z, y) { const m = Math.max(...z); let s = 0; for (const v of z) s += Math.exp(v - m); return m + Math.log(s) - z[y]; }');
    await expect(verdict).toHaveAttribute('data-verdict', 'correct', { timeout: 20_000 });
    watch.check();
  });

  test('challenge: overlapping classes, trained until the gradient norm is small', async ({ page, baseURL }) => {
    const watch = watchPage(page, baseURL!);
    await page.goto(PAGE);
    const ex = exercise(page, 'l3-challenge-settle');
    const text = await prompt(ex);
    const goal = /at least ([\d.]+),.*?below ([\d.]+)/s.exec(text);
    expect(goal).not.toBeNull();
    const widget = page.locator('[data-widget="softmax-regression"]');
    await ready(widget, widget.getByRole('button', { name: 'Train' }));

    await ex.getByRole('button', { name: 'Check' }).click();
    await expect(ex.getByTestId('verdict')).not.toHaveAttribute('data-verdict', 'correct');
    await expect(ex.getByTestId('verdict')).toContainText('spread');

    const spread = widget.getByRole('textbox', { name: /Spread of each class/ });
    await spread.fill(goal![1]!);
    await spread.press('Enter');
    await widget.getByRole('combobox', { name: 'Speed' }).selectOption('fastest');
    await widget.getByRole('button', { name: 'Train' }).click();
    const norm = async () => Number(await widget.getByTestId('grad-norm').textContent());
    await expect.poll(norm, { timeout: 90_000 }).toBeLessThan(Number(goal![2]));
    await widget.getByRole('button', { name: 'Pause' }).click();
    await ex.getByRole('button', { name: 'Check' }).click();
    await expect(ex.getByTestId('verdict')).toHaveAttribute('data-verdict', 'correct');
    watch.check();
  });
});

