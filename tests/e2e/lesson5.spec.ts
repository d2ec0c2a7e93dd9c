import { test, expect, type Locator, type Page } from '@playwright/test';
import { watchPage, expectNoSeriousAxeViolations } from './helpers';

// Lesson 5 driven as a person would: the regularization widget (overfitting, early stopping, L1
// sparsity against L2) on the default seed 1, and the L1/L2 geometry panel by keyboard. Waits are
// on conditions, never fixed sleeps. The five-seed averages are checked in Vitest (same configs).

const LESSON = '/lessons/05-regularization/';
const num = async (l: Locator) => Number(await l.textContent());

/** Opens the lesson (with widget settings in the URL) and waits for the widget's first numbers. */
async function openWidget(page: Page, query = ''): Promise<Locator> {
  await page.goto(`${LESSON}${query}`);
  const w = page.locator('[data-widget="regularization"]');
  await w.scrollIntoViewIfNeeded();
  await expect(w.getByRole('button', { name: 'Train' })).toBeEnabled();
  await expect.poll(() => num(w.getByTestId('loss'))).toBeGreaterThan(0);
  await w.getByLabel('Speed').selectOption('fastest');
  return w;
}

interface TrainerNumbers {
  epoch: number;
  loss: number;
  valLoss: number;
  readouts: Record<string, number>;
}

/** The widget's numbers once training has come to rest (the reply of the last tick is in). */
async function settled(w: Locator): Promise<TrainerNumbers> {
  let last = '';
  await expect
    .poll(async () => {
      const now = await w.evaluate((el) => JSON.stringify((el as unknown as { getState(): { trainers: unknown[] } }).getState().trainers[0]));
      const same = now === last;
      last = now;
      return same;
    }, { intervals: [400] })
    .toBe(true);
  return JSON.parse(last) as TrainerNumbers;
}

/** Trains until the epoch readout reaches `epochs`, then pauses. */
async function trainTo(w: Locator, epochs: number): Promise<void> {
  await w.getByRole('button', { name: 'Train' }).click();
  await expect.poll(() => num(w.getByTestId('epoch')), { timeout: 90_000 }).toBeGreaterThanOrEqual(epochs);
  await w.getByRole('button', { name: 'Pause' }).click();
  await expect(w.getByRole('button', { name: 'Train' })).toBeVisible();
}

test('without regularization the validation loss rises after its minimum while the training loss keeps falling', async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const watch = watchPage(page, baseURL!);
  const w = await openWidget(page);
  await trainTo(w, 1000);
  const t = await settled(w);
  const bestEpoch = t.readouts['best-epoch']!;
  const bestVal = t.readouts['best-val-loss']!;
  const val = t.valLoss;
  const train = t.loss;
  // The readouts show the same numbers (4 significant digits).
  await expect(w.getByTestId('val-loss')).toHaveText(String(Number(val.toPrecision(4))));
  expect(bestEpoch).toBeGreaterThan(100);
  expect(bestEpoch).toBeLessThan(t.epoch - 300);
  expect(val).toBeGreaterThan(bestVal + 0.01);
  // The training loss went below the noise floor σ² = 0.09, which no model reaches on new data.
  expect(train).toBeLessThan(0.09);
  expect(bestVal).toBeGreaterThan(0.09);
  watch.check();
});

test('early stopping stops by itself and returns the network of the best validation epoch', async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const watch = watchPage(page, baseURL!);
  const w = await openWidget(page, '?w.regularization.stop=true');
  await expect(w.getByRole('checkbox', { name: 'Early stopping' })).toBeChecked();
  await w.getByRole('button', { name: 'Train' }).click();
  // Scroll so that the fitted-function view is off screen (the kit stops drawing it): early
  // stopping must still watch the run. The widget itself stays on screen, so training goes on.
  await w.locator('[data-view="weight-histogram"]').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await expect(w.locator('[data-view="fit"]')).not.toBeInViewport();
  // Nobody presses Pause: early stopping does.
  await expect(w.getByRole('button', { name: 'Train' })).toBeVisible({ timeout: 90_000 });
  await expect(w.getByTestId('early-stopping')).toContainText('stopped training');
  // The returned network is rebuilt by replaying the run in a worker.
  await expect(w.getByTestId('returned-epoch')).toBeVisible({ timeout: 30_000 });
  const t = await settled(w);
  const returnedEpoch = await num(w.getByTestId('returned-epoch'));
  const returnedVal = await num(w.getByTestId('returned-val-loss'));
  expect(t.epoch - returnedEpoch).toBeGreaterThanOrEqual(100);
  // The returned network is the best epoch's: its validation loss, measured on the rebuilt network,
  // is the curve's minimum (to the 4 digits shown), and lower than the loss of the last network.
  expect(returnedEpoch).toBe(t.readouts['best-epoch']);
  expect(returnedVal).toBe(Number(t.readouts['best-val-loss']!.toPrecision(4)));
  expect(returnedVal).toBeLessThan(t.valLoss);
  await w.locator('[data-view="fit"]').scrollIntoViewIfNeeded();
  await expect(w.locator('[data-view="fit"] .tw-legend')).toContainText('returned by early stopping');
  watch.check();
});

test('strong L1 switches off most weights; L2 of the same strength does not', async ({ page, baseURL }) => {
  test.setTimeout(150_000);
  const watch = watchPage(page, baseURL!);
  const w = await openWidget(page, '?w.regularization.l1=0.003');
  await expect(w.getByLabel('L1 strength λ₁', { exact: true })).toHaveValue('0.003');
  await w.getByRole('button', { name: 'Train' }).click();
  await expect.poll(() => num(w.getByTestId('small-weights')), { timeout: 90_000 }).toBeGreaterThanOrEqual(50);
  await w.getByRole('button', { name: 'Pause' }).click();
  const l1Epoch = await num(w.getByTestId('epoch'));

  // The same strength as L2, typed into the settings as a person would.
  await w.getByLabel('L1 strength λ₁', { exact: true }).fill('0');
  await w.getByLabel('L1 strength λ₁', { exact: true }).press('Enter');
  await w.getByLabel('L2 strength λ₂', { exact: true }).fill('0.003');
  await w.getByLabel('L2 strength λ₂', { exact: true }).press('Enter');
  await w.getByRole('button', { name: 'Reset' }).click();
  await expect(w.getByTestId('epoch')).toHaveText('0');
  await trainTo(w, Math.max(l1Epoch, 1000));
  expect((await settled(w)).readouts['small-weights']).toBeLessThan(50);
  watch.check();
});

test('the geometry panel: L1 lands on an axis, L2 does not; keyboard-operable', async ({ page, baseURL }) => {
  const watch = watchPage(page, baseURL!);
  await page.goto(LESSON);
  const panel = page.locator('[data-widget="norm-geometry"]');
  await panel.scrollIntoViewIfNeeded();
  await expect(panel).toHaveAttribute('data-ready', '');
  const lambda = panel.getByRole('slider', { name: 'Penalty weight λ' });
  await lambda.fill('1.2');
  await expect(panel.locator('[data-caption="l1"]')).toContainText('on the w₁ axis: w₂ is exactly zero');
  await expect(panel.locator('[data-caption="l2"]')).toContainText('both weights are nonzero');
  await expect(panel.locator('[data-chart="l1"] svg[role="img"]')).toHaveAttribute('aria-label', /w₂ is exactly zero/);
  await lambda.focus();
  await page.keyboard.press('End');
  await expect(panel.locator('[data-output="lambda"]')).toHaveText('3.00');
  await expect(panel.locator('[data-caption="l1"]')).toContainText('the origin');
  await page.keyboard.press('Home');
  await expect(panel.locator('[data-caption="l1"]')).toContainText('both weights are nonzero');
  watch.check();
});

test('the dropout panel draws a new sub-network per mini-batch and the whole network at inference', async ({ page, baseURL }) => {
  const watch = watchPage(page, baseURL!);
  await page.goto(LESSON);
  const panel = page.locator('[data-widget="dropout-panel"]');
  await panel.scrollIntoViewIfNeeded();
  await expect(panel).toHaveAttribute('data-ready', '');
  const caption = panel.locator('[data-caption]');
  await expect(caption).toContainText('Mini-batch 1:');
  const first = await caption.textContent();
  await panel.getByRole('button', { name: 'Next mini-batch' }).click();
  await expect(caption).toContainText('Mini-batch 2:');
  expect(await caption.textContent()).not.toBe(first);
  await panel.getByRole('button', { name: 'Inference' }).click();
  await expect(panel.getByRole('button', { name: 'Inference' })).toHaveAttribute('aria-pressed', 'true');
  await expect(caption).toContainText('all 12 input and hidden units take part');
  await panel.getByRole('slider', { name: 'Keep probability of the hidden units' }).fill('1');
  await panel.getByRole('button', { name: 'Next mini-batch' }).click();
  await expect(caption).toContainText('hidden layer 1: 5 of 5 kept; hidden layer 2: 5 of 5 kept');
  watch.check();
});

test('the lesson page has no serious accessibility violations and no console errors', async ({ page, baseURL }, testInfo) => {
  test.setTimeout(120_000);
  const watch = watchPage(page, baseURL!);
  await page.goto(LESSON);
  const w = page.locator('[data-widget="regularization"]');
  await w.scrollIntoViewIfNeeded();
  await expect(w.getByRole('button', { name: 'Train' })).toBeEnabled();
  await w.locator('[data-view="fit"]').scrollIntoViewIfNeeded();
  await expect(w.locator('[data-view="fit"] svg[role="img"]')).toBeVisible();
  for (const panel of ['norm-geometry', 'dropout-panel']) {
    await page.locator(`[data-widget="${panel}"]`).scrollIntoViewIfNeeded();
    await expect(page.locator(`[data-widget="${panel}"]`)).toHaveAttribute('data-ready', '');
  }
  await expectNoSeriousAxeViolations(page, testInfo);
  watch.check();
});

// ---------------------------------------------------------------- exercises, one of each kind

function exercise(page: Page, id: string): Locator {
  return page.locator(`[data-exercise="${id}"]`);
}

/** The prompt's text with Unicode minus signs made ASCII. */
async function promptOf(ex: Locator): Promise<string> {
  await expect(ex).toHaveAttribute('data-ready', 'true');
  return (await ex.locator('[data-part="prompt"]').innerText()).replace(/\u2212/g, '-');
}

/** The bracketed lists of a prompt, in order. */
function lists(text: string): number[][] {
  return [...text.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1]!.split(',').map(Number));
}

async function answer(ex: Locator, text: string, verdict: 'correct' | 'wrong') {
  await ex.getByRole('textbox').fill(text);
  await ex.getByRole('button', { name: 'Check' }).click();
  await expect(ex.getByTestId('verdict')).toHaveAttribute('data-verdict', verdict, { timeout: 15_000 });
}

test('exercises: numeric, vector, choice, formula and code answers are judged with feedback', async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const watch = watchPage(page, baseURL!);
  await page.goto(LESSON);

  const decay = exercise(page, 'l5-weight-decay-factor');
  await expect(decay).toHaveAttribute('data-kind', 'numeric');
  const dText = await promptOf(decay);
  const steps = Number(/runs (\d+) steps/.exec(dText)![1]);
  const [eta, lambda] = [...dText.matchAll(/=\s*(\d+\.\d+)/g)].map((m) => Number(m[1]));
  await answer(decay, String(1 - eta! * lambda! * steps), 'wrong');
  await expect(decay.getByTestId('verdict')).toContainText('the factors multiply');
  await answer(decay, ((1 - eta! * lambda!) ** steps).toPrecision(5), 'correct');

  const mask = exercise(page, 'l5-dropout-mask');
  await expect(mask).toHaveAttribute('data-kind', 'vector');
  const mText = await promptOf(mask);
  const [h, m] = lists(mText);
  const keep = Number(/=\s*(0\.\d+), and this mini-batch/.exec(mText)![1]);
  await answer(mask, `[${h!.map((x, j) => x * m![j]!).join(', ')}]`, 'wrong');
  await expect(mask.getByTestId('verdict')).toContainText('divided by p');
  await answer(mask, `[${h!.map((x, j) => (x * m![j]!) / keep).join(', ')}]`, 'correct');

  const what = exercise(page, 'l5-penalize-what');
  await expect(what).toHaveAttribute('data-kind', 'choice');
  await expect(what).toHaveAttribute('data-ready', 'true');
  await what.getByRole('checkbox', { name: /hidden weights/ }).check();
  await what.getByRole('checkbox', { name: /output bias/ }).check();
  await what.getByRole('button', { name: 'Check' }).click();
  await expect(what.getByTestId('verdict')).toHaveAttribute('data-verdict', 'wrong');
  await what.getByRole('checkbox', { name: /output bias/ }).uncheck();
  await what.getByRole('checkbox', { name: /output weights/ }).check();
  await what.getByRole('button', { name: 'Check' }).click();
  await expect(what.getByTestId('verdict')).toHaveAttribute('data-verdict', 'correct');

  const update = exercise(page, 'l5-penalty-update');
  await expect(update).toHaveAttribute('data-kind', 'formula');
  const grad = (await promptOf(update)).includes('subgradient') ? 'lambda*sign(w)' : 'lambda*w';
  await answer(update, `w - eta*g - ${grad}`, 'wrong');
  await expect(update.getByTestId('verdict')).toContainText('multiplied by η too');
  await answer(update, `w - eta*(g + ${grad})`, 'correct');

  const step = exercise(page, 'l5-code-l1-step');
  await expect(step).toHaveAttribute('data-kind', 'code');
  await expect(step).toHaveAttribute('data-ready', 'true');
  await answer(step, 'function l1Step(w, g, eta, lambda) { return w.map((x, j) => x - eta * (g[j] + lambda * x)); }', 'wrong');
  await expect(step.getByTestId('verdict')).toContainText('L2 step');
  await answer(step, 'function l1Step(w, g, eta, lambda) { return w.map((x, j) => x - eta * (g[j] + lambda * Math.sign(x))); }', 'correct');
  watch.check();
});

test('the sparse-network challenge reads the widget: wrong before training, correct after L1 training', async ({ page, baseURL }) => {
  test.setTimeout(150_000);
  const watch = watchPage(page, baseURL!);
  const w = await openWidget(page, '?w.regularization.l1=0.003');
  const ex = exercise(page, 'l5-challenge-sparse');
  await expect(ex).toHaveAttribute('data-kind', 'challenge');
  const share = Number(/at least (\d+) %/.exec(await promptOf(ex))![1]);
  await ex.getByRole('button', { name: 'Check' }).click();
  await expect(ex.getByTestId('verdict')).toHaveAttribute('data-verdict', 'wrong');
  await expect(ex.getByTestId('verdict')).toContainText('exactly zero');

  await w.getByRole('button', { name: 'Train' }).click();
  await expect.poll(async () => (await num(w.getByTestId('small-weights'))) >= share && (await num(w.getByTestId('val-loss'))) < 0.13, { timeout: 120_000 }).toBe(true);
  await w.getByRole('button', { name: 'Pause' }).click();
  await ex.getByRole('button', { name: 'Check' }).click();
  await expect(ex.getByTestId('verdict')).toHaveAttribute('data-verdict', 'correct');
  watch.check();
});
