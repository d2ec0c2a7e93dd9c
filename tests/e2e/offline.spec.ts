import { test, expect } from '@playwright/test';

test('after one visit the course works offline: lessons, math, search', async ({ page, context }) => {
  await page.goto('/');
  await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    return reg.active?.state;
  });
  // the worker has installed (precached everything) and controls the page after a reload
  await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

  await context.setOffline(true);
  // a lesson never visited before comes from the precache
  await page.goto('/lessons/01-regression-vs-classification/');
  await expect(page.locator('h1')).toBeVisible();
  await expect(page.locator('.katex').first()).toBeVisible();
  await page.reload();
  await expect(page.locator('h1')).toBeVisible();

  await page.goto('/search/');
  await page.locator('.pagefind-ui__search-input').fill('softmax');
  await expect(page.locator('.pagefind-ui__result').first()).toBeVisible();
  await context.setOffline(false);
});
