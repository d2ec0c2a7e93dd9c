import { test, expect, type Locator, type Page } from '@playwright/test';
import { watchPage, expectNoSeriousAxeViolations } from './helpers';

// The widget kit's gallery driven as a person would: buttons by their names, settings by their
// labels, readouts by their test ids. Every wait is on a condition, never a fixed sleep.

const num = async (l: Locator) => Number(await l.textContent());

/** Opens the gallery and waits until a widget has its first numbers. */
async function openWidget(page: Page, name: string, url = '/gallery/'): Promise<Locator> {
  await page.goto(url);
  const w = page.locator(`[data-widget="${name}"]`);
  await w.scrollIntoViewIfNeeded();
  await expect(w.getByRole('button', { name: 'Train' })).toBeEnabled();
  await expect.poll(() => num(w.getByTestId('loss').first())).toBeGreaterThan(0);
  return w;
}

/** Waits for `n` animation frames: long enough for a training widget to move its counters. */
async function frames(page: Page, n: number): Promise<void> {
  await page.evaluate(
    (count) =>
      new Promise<void>((resolve) => {
        let seen = 0;
        const next = () => (++seen >= count ? resolve() : requestAnimationFrame(next));
        requestAnimationFrame(next);
      }),
    n,
  );
}

/** Trains 16 mini-batches per frame instead of 4, so conditions are met in fewer frames. */
async function fast(w: Locator): Promise<void> {
  await w.getByLabel('Speed').selectOption('fast');
}

/** Types a value into a setting and commits it with Enter. */
async function setField(w: Locator, label: string, value: string): Promise<void> {
  const field = w.getByLabel(label, { exact: true });
  await field.fill(value);
  await field.press('Enter');
}

test('Train lowers the loss, Pause stops the epoch counter, Reset restores the first loss exactly, Step trains one epoch', async ({ page, baseURL }) => {
  const watch = watchPage(page, baseURL!);
  const w = await openWidget(page, 'classify');
  const loss = w.getByTestId('loss');
  const epoch = w.getByTestId('epoch');
  const first = await loss.textContent();
  expect(await num(epoch)).toBe(0);
  await expect(w.getByText('Turn on JavaScript')).toHaveCount(0);
  await fast(w);

  await w.getByRole('button', { name: 'Train' }).click();
  await expect(w.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect.poll(() => num(epoch)).toBeGreaterThanOrEqual(5);
  await expect.poll(() => num(loss)).toBeLessThan(Number(first) * 0.9);
  // Screen readers hear a calm summary (a polite live region, not every readout change).
  const announcer = w.locator('[data-announcer]');
  await expect(announcer).toHaveAttribute('aria-live', 'polite');
  await expect(announcer).toContainText(/epoch \d+: training loss [\d.]+, validation loss [\d.]+, accuracy [\d.]+ %/);

  await w.getByRole('button', { name: 'Pause' }).click();
  await expect(w.getByRole('button', { name: 'Train' })).toBeVisible();
  await frames(page, 5);
  const stopped = await epoch.textContent();
  await frames(page, 40);
  expect(await epoch.textContent()).toBe(stopped);

  await w.getByRole('button', { name: 'Reset' }).click();
  await expect(epoch).toHaveText('0');
  await expect(loss).toHaveText(first!);

  const step = w.getByRole('button', { name: 'Step' });
  await expect(step).toHaveAccessibleDescription('one epoch');
  await step.click();
  await expect(epoch).toHaveText('1');
  await step.click();
  await expect(epoch).toHaveText('2');
  watch.check();
});

test('a copied link reopens the same configuration and the same run', async ({ page, context, baseURL }) => {
  const watch = watchPage(page, baseURL!);
  const w = await openWidget(page, 'classify');
  await setField(w, 'Learning rate η', '0.25');
  await setField(w, 'Hidden layers (units each)', '6, 4');
  await w.getByLabel('Activation g').selectOption('relu');
  await setField(w, 'Seed', '42');
  await expect.poll(() => page.url()).toContain('w.classify.seed=42');
  await expect.poll(() => page.url()).toContain('w.classify.layers=6,4');
  const url = page.url();
  expect(url).toContain('w.classify.lr=0.25');
  expect(url).toContain('w.classify.act=relu');
  await expect(w.getByTestId('epoch')).toHaveText('0');
  const firstLoss = await w.getByTestId('loss').textContent();

  const other = await context.newPage();
  const watchOther = watchPage(other, baseURL!);
  const v = await openWidget(other, 'classify', url);
  await expect(v.getByLabel('Learning rate η', { exact: true })).toHaveValue('0.25');
  await expect(v.getByLabel('Hidden layers (units each)', { exact: true })).toHaveValue('6,4');
  await expect(v.getByLabel('Activation g')).toHaveValue('relu');
  await expect(v.getByLabel('Seed', { exact: true })).toHaveValue('42');
  await expect(v.getByTestId('loss')).toHaveText(firstLoss!);
  expect(await v.evaluate((el) => (el as HTMLElement & { getState(): { hiddenUnits: number } }).getState().hiddenUnits)).toBe(10);
  watch.check();
  watchOther.check();
});

test('works from the keyboard alone: Tab to Train, Enter trains, Space pauses', async ({ page, baseURL }) => {
  const watch = watchPage(page, baseURL!);
  const w = await openWidget(page, 'classify');
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.locator('h1').click();
  const train = w.getByRole('button', { name: 'Train' });
  for (let i = 0; i < 40 && !(await train.evaluate((b) => b === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(train).toBeFocused();
  await page.keyboard.press('Enter');
  const pause = w.getByRole('button', { name: 'Pause' });
  await expect(pause).toBeFocused();
  await expect.poll(() => num(w.getByTestId('epoch'))).toBeGreaterThan(0);
  await page.keyboard.press('Space');
  await expect(w.getByRole('button', { name: 'Train' })).toBeFocused();

  // The network diagram: focus it and step through the weights with the arrow keys.
  const diagram = w.getByRole('group', { name: /Network diagram/ });
  await diagram.focus();
  await expect(diagram.locator('svg')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  const live = w.locator('[data-view="network-diagram"] [aria-live="polite"]');
  await expect(live).toContainText(/x₁ → h₁ in layer 1: weight -?[\d.e-]+ \((positive, solid|negative, dashed)\)/);
  await page.keyboard.press('ArrowRight');
  await expect(live).toContainText('x₂ → h₁ in layer 1');
  watch.check();
});

test('two trainers train side by side; a learning rate of 10 diverges, pauses with the reason and offers a way back', async ({ page, baseURL }) => {
  const watch = watchPage(page, baseURL!);
  const w = await openWidget(page, 'regress');
  const mse = w.locator('[data-trainer="mse"]');
  const mae = w.locator('[data-trainer="mae"]');
  const before = [await num(mse.getByTestId('loss')), await num(mae.getByTestId('loss'))];
  await fast(w);
  await w.getByRole('button', { name: 'Train' }).click();
  await expect.poll(() => num(mse.getByTestId('epoch'))).toBeGreaterThanOrEqual(3);
  await expect.poll(() => num(mae.getByTestId('epoch'))).toBeGreaterThanOrEqual(3);
  await expect.poll(() => num(mse.getByTestId('loss'))).toBeLessThan(before[0]!);
  await expect.poll(() => num(mae.getByTestId('loss'))).toBeLessThan(before[1]!);
  await w.getByRole('button', { name: 'Pause' }).click();

  await setField(w, 'Learning rate η', '10');
  await expect(w.locator('.tw-notes')).toContainText('applied live');
  await w.getByRole('button', { name: 'Train' }).click();
  const alert = w.getByRole('alert');
  await expect(alert).toContainText('learning rate');
  await expect(alert).toContainText('too large');
  await expect(w.getByRole('button', { name: 'Train' })).toBeDisabled();
  await expect(alert).toBeFocused();
  for (const value of await w.getByTestId('loss').allTextContents()) expect(Number.isFinite(Number(value)), value).toBe(true);
  await expect(w.getByRole('button', { name: 'Reset' })).toBeEnabled();
  await alert.getByRole('button', { name: 'Lower η and start again' }).click();
  await expect(alert).toBeHidden();
  await expect(w.getByLabel('Learning rate η', { exact: true })).toHaveValue('0.05');
  await expect(w.getByRole('button', { name: 'Train' })).toBeEnabled();
  await expect(w.getByTestId('epoch').first()).toHaveText('0');
  watch.check();
});

test('a hostile link leaves the page working with a note; bad typed values are refused, not applied', async ({ page, baseURL }) => {
  const watch = watchPage(page, baseURL!);
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  const q = new URLSearchParams({
    'w.classify.lr': '<img src=x onerror=alert(1)>',
    'w.classify.bogus': '1',
    'w.classify.layers': '9999',
    'w.classify.seed': '-3',
    'w.classify.act': 'relu',
  });
  const w = await openWidget(page, 'classify', `/gallery/?${q}`);
  const notes = w.locator('.tw-notes');
  await expect(notes).toContainText('unknown setting “bogus”');
  await expect(notes).toContainText('Learning rate η');
  await expect(notes).toContainText('Seed');
  await expect(notes).toContainText('<img src=x');
  expect(await notes.locator('img').count()).toBe(0);
  await expect(w.getByLabel('Learning rate η', { exact: true })).toHaveValue('0.3');
  await expect(w.getByLabel('Activation g')).toHaveValue('relu');

  const lr = w.getByLabel('Learning rate η', { exact: true });
  for (const bad of ['', 'abc', '-1', '1e999']) {
    await lr.fill(bad);
    await lr.press('Enter');
    await expect(lr).toHaveAttribute('aria-invalid', 'true');
    await expect(w.locator('[data-param="lr"] .tw-field__error')).toContainText('Not applied');
  }
  await lr.press('Escape');
  await expect(lr).toHaveValue('0.3');
  await expect(lr).not.toHaveAttribute('aria-invalid');
  expect(await w.evaluate((el) => (el as HTMLElement & { getState(): { params: { lr: number } } }).getState().params.lr)).toBe(0.3);

  const first = await num(w.getByTestId('loss'));
  await fast(w);
  await w.getByRole('button', { name: 'Train' }).click();
  await expect.poll(() => num(w.getByTestId('loss'))).toBeLessThan(first);
  await w.getByRole('button', { name: 'Pause' }).click();
  expect(dialogs).toBe(0);
  watch.check();
});

test('export then import of the model round-trips; a bad file changes nothing', async ({ page, baseURL }, testInfo) => {
  const watch = watchPage(page, baseURL!);
  const w = await openWidget(page, 'classify');
  await w.getByRole('button', { name: 'Step' }).click();
  await expect(w.getByTestId('epoch')).toHaveText('1');
  await w.getByRole('button', { name: 'Step' }).click();
  await expect(w.getByTestId('epoch')).toHaveText('2');
  const trained = await w.getByTestId('loss').textContent();

  const [download] = await Promise.all([page.waitForEvent('download'), w.getByRole('button', { name: 'Export model' }).click()]);
  expect(download.suggestedFilename()).toBe('classify-net-model.json');
  const file = testInfo.outputPath('model.json');
  await download.saveAs(file);

  await w.getByRole('button', { name: 'Reset' }).click();
  await expect(w.getByTestId('loss')).not.toHaveText(trained!);
  const input = w.locator('input[type="file"]');
  await input.setInputFiles(file);
  await expect(w.locator('.tw-files__message')).toContainText('Loaded 2 → 8 → 8 → 2');
  await expect(w.getByTestId('loss')).toHaveText(trained!);

  await input.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"inputs": 2, "layers": [{"activation": "identity", "weights": [[1, "x"]], "biases": [0]}], "loss": "softmax-cross-entropy"}') });
  await expect(w.locator('.tw-files__message')).toContainText('not a model');
  await expect(w.locator('.tw-files__message')).toContainText('Nothing was changed');
  await input.setInputFiles({ name: 'three-inputs.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ inputs: 3, layers: [{ activation: 'identity', weights: [[1, 2, 3], [0, 0, 0]], biases: [0, 0] }], loss: 'softmax-cross-entropy' })) });
  await expect(w.locator('.tw-files__message')).toContainText('takes 3 inputs');
  await expect(w.getByTestId('loss')).toHaveText(trained!);
  watch.check();
});

test('the heavy code loads only near the viewport, training waits off screen, and axe finds no serious violations', async ({ page, baseURL }, testInfo) => {
  const watch = watchPage(page, baseURL!);
  const requested: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  await page.setViewportSize({ width: 1280, height: 500 });
  await page.goto('/gallery/');
  await page.waitForLoadState('networkidle');
  expect(requested.some((u) => u.includes('gallery-regress.widget'))).toBe(false);
  const w = await openWidget(page, 'classify');
  await w.getByRole('button', { name: 'Train' }).click();
  await expect.poll(() => num(w.getByTestId('epoch'))).toBeGreaterThan(0);
  await page.locator('[data-widget="regress"]').scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await expect.poll(() => requested.some((u) => u.includes('gallery-regress.widget'))).toBe(true);
  await expect(w.locator('.tw-status')).toHaveText('Waiting (off screen)');
  const held = await w.getByTestId('epoch').textContent();
  await frames(page, 40);
  expect(await w.getByTestId('epoch').textContent()).toBe(held);
  await w.scrollIntoViewIfNeeded();
  await expect(w.locator('.tw-status')).toHaveText('Training');
  await w.getByRole('button', { name: 'Pause' }).click();

  const r = page.locator('[data-widget="regress"]');
  await expect.poll(() => num(r.getByTestId('loss').first())).toBeGreaterThan(0);
  await r.locator('[data-view="fitted-curve"]').scrollIntoViewIfNeeded();
  await expect(r.locator('[data-view="fitted-curve"] svg')).toBeVisible();
  await expect(w.locator('[data-view="decision-regions"] svg')).toBeVisible();
  await expectNoSeriousAxeViolations(page, testInfo);
  watch.check();
});

test('the element API drives the widget and reports user actions as widgetchange events', async ({ page, baseURL }) => {
  const watch = watchPage(page, baseURL!);
  const w = await openWidget(page, 'classify');
  await page.evaluate(() => {
    const log: unknown[] = [];
    (window as unknown as { changes: unknown[] }).changes = log;
    document.addEventListener('widgetchange', (e) => log.push((e as CustomEvent).detail));
  });
  const result = await w.evaluate((el) =>
    (el as HTMLElement & { setParams(p: object): Promise<{ ok: boolean; notes: string[] }> }).setParams({ lr: 0.5, layers: [3], nope: 1, dropout: 'lots' }),
  );
  expect(result.ok).toBe(false);
  expect(result.notes).toHaveLength(2);
  await expect(w.getByLabel('Learning rate η', { exact: true })).toHaveValue('0.5');
  await expect.poll(() => w.evaluate((el) => (el as HTMLElement & { getState(): { hiddenUnits: number } }).getState().hiddenUnits)).toBe(3);
  await w.evaluate((el) => (el as HTMLElement & { train(): void }).train());
  await expect(w.getByRole('button', { name: 'Pause' })).toBeVisible();
  await w.evaluate((el) => (el as HTMLElement & { pause(): void }).pause());
  await expect(w.getByRole('button', { name: 'Train' })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { changes: unknown[] }).changes)).toEqual([]);

  await w.getByRole('button', { name: 'Train' }).click();
  await w.getByRole('button', { name: 'Pause' }).click();
  await setField(w, 'Batch size', '32');
  const changes = (await page.evaluate(() => (window as unknown as { changes: { widget: string; action: string; params?: Record<string, unknown> }[] }).changes));
  expect(changes.map((c) => c.action)).toEqual(['train', 'pause', 'params']);
  expect(changes[2]!.widget).toBe('classify');
  expect(changes[2]!.params).toMatchObject({ batch: 32, lr: 0.5, layers: [3], seed: 1 });

  // Present mode hides a widget's settings with an attribute.
  await w.evaluate((el) => el.setAttribute('hide-controls', ''));
  await expect(w.getByRole('group', { name: 'Settings' })).toBeHidden();
  await w.evaluate((el) => el.removeAttribute('hide-controls'));
  await expect(w.getByRole('group', { name: 'Settings' })).toBeVisible();

  const state = await w.evaluate((el) => (el as HTMLElement & { getState(): unknown }).getState());
  expect(state).toMatchObject({ name: 'classify', params: { batch: 32 }, seed: 1, training: false, trainers: [{ id: 'net', layerSizes: [2, 3, 2] }] });
  watch.check();
});

test('without JavaScript each widget shows what it would do', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/gallery/');
  const w = page.locator('[data-widget="classify"]');
  await expect(w.getByRole('heading', { name: 'A network separating classes of points' })).toBeVisible();
  await expect(w).toContainText('learns to tell classes of points apart');
  await expect(w).toContainText('Turn on JavaScript');
  await expect(w.getByRole('button')).toHaveCount(0);
  await context.close();
});
