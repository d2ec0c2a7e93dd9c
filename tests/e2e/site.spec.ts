import { test, expect } from '@playwright/test';
import { watchPage, expectNoSeriousAxeViolations, LESSON_IDS } from './helpers';

const LESSON_COUNT = 5;

test('the home page lists the lessons in course order', async ({ page, baseURL }) => {
  const w = watchPage(page, baseURL!);
  await page.goto('/');
  const items = page.getByRole('list', { name: 'Lessons in course order' }).getByRole('listitem').filter({ has: page.locator('h2') });
  await expect(items).toHaveCount(LESSON_COUNT);
  const nums = await items.locator('.course-map__num').allTextContents();
  expect(nums.map(Number)).toEqual([1, 2, 3, 4, 5]);
  w.check();
});

test('following "next" from lesson 1 reaches lesson 5 in order', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('list', { name: 'Lessons in course order' }).getByRole('link').first().click();
  const kickers: string[] = [];
  for (let i = 1; i <= LESSON_COUNT; i++) {
    kickers.push((await page.locator('.lesson-kicker').textContent()) ?? '');
    if (i < LESSON_COUNT) await page.getByRole('navigation', { name: 'Lesson navigation' }).locator('a[rel="next"]').click();
  }
  expect(kickers.map((k) => Number(/Lesson (\d+)/.exec(k)?.[1]))).toEqual([1, 2, 3, 4, 5]);
  await expect(page.locator('a[rel="next"]')).toHaveCount(0);
});

test('every lesson shows typeset math and no raw TeX delimiters', async ({ page }) => {
  await page.goto('/');
  const hrefs = await page.getByRole('list', { name: 'Lessons in course order' }).locator('h2 a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')!));
  expect(hrefs).toHaveLength(LESSON_COUNT);
  for (const href of hrefs) {
    await page.goto(href);
    await expect(page.locator('.katex').first()).toBeVisible();
    expect(await page.locator('.katex-display').count(), `${href} display math`).toBeGreaterThan(0);
    expect(await page.locator('.katex-error').count(), `${href} KaTeX errors`).toBe(0);
    const text = await page.locator('article').evaluate((el) => {
      const clone = el.cloneNode(true) as HTMLElement;
      clone.querySelectorAll('.katex, pre, code, textarea, script, [data-cell]').forEach((n) => n.remove());
      return clone.textContent ?? '';
    });
    expect(text, `${href} raw $$`).not.toContain('$$');
    expect(text, `${href} raw \\frac`).not.toContain('\\frac');
  }
});

test('no KaTeX JavaScript ships and KaTeX fonts come from the site', async ({ page, baseURL }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto('/lessons/01-regression-vs-classification/');
  await page.waitForLoadState('networkidle');
  expect(requests.filter((u) => /katex[^/]*\.js/i.test(u))).toEqual([]);
  const fonts = requests.filter((u) => /KaTeX_.*\.woff2/.test(u));
  expect(fonts.length).toBeGreaterThan(0);
  for (const f of fonts) expect(new URL(f).origin).toBe(new URL(baseURL!).origin);
});

test('search finds "softmax"', async ({ page, baseURL }) => {
  const w = watchPage(page, baseURL!);
  await page.goto('/search/');
  await page.locator('.pagefind-ui__search-input').fill('softmax');
  const results = page.locator('.pagefind-ui__result');
  await expect(results.first()).toBeVisible();
  await expect(results.first().locator('a').first()).toHaveAttribute('href', /\/lessons\//);
  w.check();
});

test('the theme toggle switches theme and is remembered', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  const bgBefore = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  const bgAfter = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(bgAfter).not.toBe(bgBefore);
  await page.goto('/about/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(bgAfter);
});

test('an unknown address gives the 404 page with a way back', async ({ page }) => {
  const res = await page.goto('/no-such-page/');
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to the course map' })).toBeVisible();
});

for (const path of ['/', '/about/', '/search/', '/no-such-page/']) {
  test(`no serious axe violations, console errors or foreign requests on ${path}`, async ({ page, baseURL }, testInfo) => {
    const w = watchPage(page, baseURL!);
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    await expectNoSeriousAxeViolations(page, testInfo);
    if (path !== '/no-such-page/') w.check();
    else expect(w.foreign).toEqual([]);
  });
}

test('the course map links every published lesson', async ({ page }) => {
  await page.goto('/');
  const hrefs = await page.locator('[data-lesson-card] h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  expect(hrefs).toEqual(LESSON_IDS.map((id) => `/lessons/${id}/`));
});

for (const id of LESSON_IDS) {
  test(`lesson ${id}: no serious axe violations, console errors or foreign requests`, async ({ page, baseURL }, testInfo) => {
    test.setTimeout(120_000);
    const w = watchPage(page, baseURL!);
    await page.goto(`/lessons/${id}/`);
    // scroll through so lazily started widgets wake up and are checked too
    await page.evaluate(async () => {
      for (let y = 0; y < document.body.scrollHeight; y += window.innerHeight) {
        window.scrollTo(0, y);
        await new Promise((r) => setTimeout(r, 120));
      }
      window.scrollTo(0, 0);
    });
    await page.waitForLoadState('networkidle');
    await expectNoSeriousAxeViolations(page, testInfo);
    w.check();
  });
}

test('a lesson prints cleanly: no navigation, no controls chrome', async ({ page }) => {
  await page.goto('/lessons/01-regression-vs-classification/');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.locator('.lesson-toc')).toBeHidden();
  await expect(page.locator('.pager')).toBeHidden();
  await expect(page.locator('article h1')).toBeVisible();
});

test('on a phone the lesson starts on screen: contents folded above it, one tap away', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/lessons/03-softmax-gradient/');
  const toc = page.getByRole('navigation', { name: 'On this page' });
  const first = toc.getByRole('link').first();
  await expect(first).toBeHidden();
  const title = await page.locator('article h1').boundingBox();
  expect(title!.y + title!.height).toBeLessThan(844 / 2);
  await toc.getByText('Lesson 3').click();
  await expect(first).toBeVisible();
  await first.click();
  await expect(page).toHaveURL(/#the-loss-over-a-data-set$/);
  await expect(first).toBeHidden();
  // the theme toggle shares the first row with the site title
  const toggle = await page.getByRole('button', { name: 'Dark theme' }).boundingBox();
  const site = await page.getByRole('link', { name: 'Deep Learning, Live' }).boundingBox();
  expect(Math.abs(toggle!.y + toggle!.height / 2 - (site!.y + site!.height / 2))).toBeLessThan(12);
});

test('on a wide screen the contents stay open beside the lesson', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/lessons/03-softmax-gradient/');
  const links = page.getByRole('navigation', { name: 'On this page' }).getByRole('link');
  await expect(links.first()).toBeVisible();
  await expect(links.last()).toHaveText('Sources');
});

for (const id of LESSON_IDS) {
  test(`lesson ${id} on a phone: nothing scrolls the page sideways; wide formulas and tables scroll in their box, by keyboard too`, async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/lessons/${id}/`);
    await page.waitForLoadState('networkidle');
    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(pageWidth).toBeLessThanOrEqual(390);
    const boxes = await page.$$eval('.prose .katex-display, .prose table', (els) =>
      els.map((el) => ({
        overflows: el.scrollWidth - el.clientWidth > 1,
        marked: el.classList.contains('scrolls'),
        tabindex: el.getAttribute('tabindex'),
        label: el.getAttribute('aria-label'),
        more: (el as HTMLElement).dataset['more'] ?? '',
      })),
    );
    for (const b of boxes) {
      expect(b.marked).toBe(b.overflows);
      if (b.overflows) {
        expect(b.tabindex).toBe('0');
        expect(b.label).toMatch(/scrolls sideways/);
        expect(b.more).toBe('right');
      } else expect(b.tabindex).toBeNull();
    }
    const first = page.locator('.prose .scrolls').first();
    if ((await page.locator('.prose .scrolls').count()) > 0) {
      await first.focus();
      for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
      await expect.poll(() => first.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
      await expect(first).toHaveAttribute('data-more', /left|both/);
    }
  });
}
