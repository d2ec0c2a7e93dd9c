import { test, expect, type Locator } from '@playwright/test';
import { watchPage } from './helpers';

// Reliability on the lessons themselves (the widget kit's gallery has its own versions of these):
// divergence explained, a hostile link and corrupted storage leave a lesson working.

const num = async (l: Locator) => Number(await l.textContent());

test('lesson 5: a learning rate of 10 diverges, pauses with the reason, and the widget recovers', async ({ page, baseURL }) => {
  test.setTimeout(90_000);
  const watch = watchPage(page, baseURL!);
  await page.goto('/lessons/05-regularization/');
  const w = page.locator('[data-widget="regularization"]');
  await w.scrollIntoViewIfNeeded();
  const train = w.getByRole('button', { name: 'Train' });
  await expect(train).toBeEnabled({ timeout: 30_000 });
  const lr = w.getByLabel('Learning rate η', { exact: true });
  await lr.fill('10');
  await lr.press('Enter');
  await expect(lr).not.toHaveAttribute('aria-invalid', 'true');
  await train.click();
  const alert = w.getByRole('alert');
  await expect(alert).toContainText('learning rate', { timeout: 30_000 });
  await expect(alert).toContainText('too large');
  await expect(train).toBeDisabled();
  // the readouts keep the last finite numbers: never a NaN on screen
  for (const value of await w.getByTestId('loss').allTextContents()) expect(Number.isFinite(Number(value)), value).toBe(true);
  await alert.getByRole('button', { name: /Lower η/ }).click();
  await expect(alert).toBeHidden();
  expect(Number(await lr.inputValue())).toBeLessThan(10);
  await expect(train).toBeEnabled();
  await expect(w.getByTestId('epoch').first()).toHaveText('0');
  watch.check();
});

test('lesson 1: a hostile link and corrupted stored progress leave the lesson working and say so', async ({ page, baseURL }) => {
  test.setTimeout(90_000);
  const watch = watchPage(page, baseURL!);
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('dl-progress', '{"schema": 2, "students": {"ada": [');
      sessionStorage.setItem('seeded', '1');
    }
  });
  const q = new URLSearchParams({ 'w.heads.lr': '<img src=x onerror=alert(1)>', 'w.heads.bogus': '1', 'w.heads.seed': '-3' });
  await page.goto(`/lessons/01-regression-vs-classification/?${q}#one-network-two-heads`);
  const w = page.locator('[data-widget="heads"]');
  await w.scrollIntoViewIfNeeded();
  const notes = w.locator('.tw-notes');
  await expect(notes).toContainText('unknown setting “bogus”', { timeout: 30_000 });
  await expect(notes).toContainText('Learning rate η');
  await expect(notes).toContainText('<img src=x');
  expect(await notes.locator('img').count()).toBe(0);
  // the widget still trains
  await w.getByRole('button', { name: 'Train' }).click();
  await expect.poll(() => num(w.getByTestId('epoch').first()), { timeout: 30_000 }).toBeGreaterThan(0);
  await w.getByRole('button', { name: 'Pause' }).click();
  // an exercise still checks, and says the stored progress could not be read
  const ex = page.locator('[data-exercise="l1-parameter-count"]');
  await ex.scrollIntoViewIfNeeded();
  await expect(ex.locator('[data-part="storage"]')).toContainText('could not be read');
  await ex.getByRole('textbox').first().fill('-1');
  await ex.getByRole('button', { name: 'Check' }).click();
  await expect(ex.getByTestId('verdict')).toHaveAttribute('data-verdict', 'wrong');
  expect(dialogs).toBe(0);
  watch.check();
});
