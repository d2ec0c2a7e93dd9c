import { test, expect, type Page } from '@playwright/test';
import { expectNoSeriousAxeViolations, LESSON_IDS, watchPage } from './helpers';

async function lessonIds(page: Page): Promise<string[]> {
  await page.goto('/');
  const hrefs = await page.locator('[data-lesson-card] h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.map((h) => h.split('/').filter(Boolean).at(-1) ?? '');
}

const current = (page: Page) => page.locator('[data-slide][aria-current="step"]');

test('the lesson page opens present mode with its Present link', async ({ page }) => {
  const [first] = await lessonIds(page);
  await page.goto(`/lessons/${first}/`);
  await page.getByRole('link', { name: 'Present' }).click();
  await expect(page).toHaveURL(new RegExp(`/present/${first}/`));
  await expect(current(page)).toHaveAttribute('data-slide', '1');
});

test('keys and clickers move through the slides; the URL names the slide', async ({ page, baseURL }) => {
  const w = watchPage(page, baseURL!);
  const [first] = await lessonIds(page);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(`/present/${first}/`);
  const count = await page.locator('[data-slide]').count();
  expect(count).toBeGreaterThan(4);
  await expect(current(page)).toHaveAttribute('data-slide', '1');
  await page.keyboard.press('ArrowRight');
  await expect(current(page)).toHaveAttribute('data-slide', '2');
  await expect(page).toHaveURL(/#2$/);
  await page.keyboard.press('Space');
  await page.keyboard.press('PageDown');
  await expect(current(page)).toHaveAttribute('data-slide', '4');
  await page.keyboard.press('PageUp');
  await page.keyboard.press('ArrowLeft');
  await expect(current(page)).toHaveAttribute('data-slide', '2');
  await page.keyboard.press('End');
  await expect(current(page)).toHaveAttribute('data-slide', String(count));
  await page.keyboard.press('Home');
  await expect(current(page)).toHaveAttribute('data-slide', '1');
  await page.keyboard.press('3');
  await page.keyboard.press('Enter');
  await expect(current(page)).toHaveAttribute('data-slide', '3');
  // only one slide is shown
  await expect(page.locator('[data-slide]:visible')).toHaveCount(1);
  // a URL per slide: reopening it lands on the same slide
  await page.goto(`/present/${first}/#3`);
  await expect(current(page)).toHaveAttribute('data-slide', '3');
  // B blacks the screen out and back
  await page.keyboard.press('b');
  await expect(page.locator('[data-black]')).toBeVisible();
  await page.keyboard.press('b');
  await expect(page.locator('[data-black]')).toBeHidden();
  // + zooms and is kept in the link
  await page.keyboard.press('+');
  await expect(page).toHaveURL(/zoom=1\.1/);
  // O opens the overview; choosing a slide jumps there
  await page.keyboard.press('o');
  await page.getByRole('dialog', { name: 'All slides' }).getByRole('button', { name: /^2\. / }).click();
  await expect(current(page)).toHaveAttribute('data-slide', '2');
  // Esc returns to the reading view at the same section
  const anchor = await current(page).evaluate((el) => el.querySelector('h2')?.id ?? '');
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(new RegExp(`/lessons/${first}/#${anchor}$`));
  w.check();
});

test('a hostile present-mode link is ignored with a note, never executed', async ({ page }) => {
  const [first] = await lessonIds(page);
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs++; void d.dismiss(); });
  await page.goto(`/present/${first}/?zoom=%3Cimg%20src=x%20onerror=alert(1)%3E&hide=%3Cscript%3E#<b>x</b>`);
  await expect(current(page)).toHaveAttribute('data-slide', '1');
  await expect(page.locator('[data-deck-note]')).toBeVisible();
  await expect(page.locator('[data-deck-note] img, [data-deck-note] b')).toHaveCount(0);
  expect(dialogs).toBe(0);
});

for (const size of [{ width: 1920, height: 1080 }, { width: 1024, height: 768 }]) {
  for (const id of LESSON_IDS) {
    test(`${id}: every slide fits ${size.width}×${size.height} without overflow`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.setViewportSize(size);
      await page.goto(`/present/${id}/`);
      const count = await page.locator('[data-slide]').count();
      expect(count).toBeGreaterThan(4);
      if (size.width === 1920) {
        const px = await page.locator('[data-slide="1"]').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
        expect(px, 'body text at 1080p').toBeGreaterThanOrEqual(28);
      }
      for (let n = 1; n <= count; n++) {
        await page.evaluate((k) => { location.hash = `#${k}`; }, n);
        const slide = page.locator(`[data-slide="${n}"]`);
        await expect(slide).toHaveAttribute('aria-current', 'step');
        // A widget that wakes up on its slide changes the slide's size; the deck refits on the
        // next frame, so the slide is measured once that has settled.
        const overflow = () =>
          slide.evaluate((el) => {
            const s = el.getBoundingClientRect();
            const c = el.querySelector('.slide__content')!.getBoundingClientRect();
            return { bottom: Math.max(0, c.bottom - s.bottom - 1), right: Math.max(0, c.right - s.right - 1) };
          });
        await expect.poll(overflow, { message: `${id} slide ${n} overflows`, timeout: 5_000 }).toEqual({ bottom: 0, right: 0 });
      }
    });
  }
}

test('the presenter window drives the audience window', async ({ context }) => {
  const probe = await context.newPage();
  const [first] = await lessonIds(probe);
  await probe.close();
  const audience = await context.newPage();
  await audience.goto(`/present/${first}/`);
  const presenter = await context.newPage();
  await presenter.goto(`/present/${first}/?presenter#1`);
  await expect(presenter.getByRole('complementary', { name: 'Presenter view' })).toBeVisible();
  await expect(presenter.locator('[data-timer]')).toHaveText(/\d\d:\d\d/);
  await presenter.keyboard.press('ArrowRight');
  await presenter.keyboard.press('ArrowRight');
  await expect(current(audience)).toHaveAttribute('data-slide', '3');
  await expect(audience).toHaveURL(/#3$/);
  await presenter.keyboard.press('b');
  await expect(audience.locator('[data-black]')).toBeVisible();
  await presenter.keyboard.press('b');
  // and the other way round: the audience window's clicker moves the presenter view
  await audience.keyboard.press('ArrowLeft');
  await expect(current(presenter)).toHaveAttribute('data-slide', '2');
});

test('present mode has no serious axe violations', async ({ page }, testInfo) => {
  const [first] = await lessonIds(page);
  await page.goto(`/present/${first}/#2`);
  await expectNoSeriousAxeViolations(page, testInfo);
  await page.goto(`/present/${first}/?presenter#2`);
  await expectNoSeriousAxeViolations(page, testInfo);
});

test('printing the present view gives one slide per page', async ({ page }) => {
  const [first] = await lessonIds(page);
  await page.goto(`/present/${first}/`);
  await page.emulateMedia({ media: 'print' });
  const shown = await page.locator('[data-slide]').evaluateAll((els) => els.filter((e) => getComputedStyle(e).display !== 'none' && getComputedStyle(e).breakAfter === 'page').length);
  expect(shown).toBe(await page.locator('[data-slide]').count());
  await expect(page.locator('.deck-bar')).toBeHidden();
});

/** The fit scale (the deck's zoom) of slide n once it has settled (a live widget draws late). */
async function settledFit(page: Page, n: number): Promise<number> {
  const slide = page.locator(`[data-slide="${n}"]`);
  await expect(slide).toHaveAttribute('aria-current', 'step');
  // only a live slide (widget, exercise, cell, panel) changes size after it is shown
  const live = (await slide.getAttribute('data-live')) !== null;
  let last = '';
  let same = live ? 0 : 2;
  for (let t = 0; t < 40 && same < 3; t++) {
    await page.waitForTimeout(150);
    const now = await slide.evaluate((el) => `${el.getAttribute('data-fit')}|${Math.round(el.querySelector('.slide__content')!.getBoundingClientRect().height)}`);
    same = now === last ? same + 1 : 0;
    last = now;
  }
  return Number(last.split('|')[0]);
}

/** Below this fit scale slide text (32 px at 1080p) and widget labels get too small for a room. */
const MIN_FIT_1080P = 0.6;

for (const id of LESSON_IDS) {
  test(`${id}: no slide is shrunk below ${MIN_FIT_1080P} at 1920×1080; widgets, exercises and cells have slides of their own`, async ({ page }) => {
    test.setTimeout(150_000);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`/present/${id}/`);
    const count = await page.locator('[data-slide]').count();
    // a live block never shares its slide with another live block or with prose beyond its heading
    const shared = await page.locator('[data-slide]').evaluateAll((slides) => slides.filter((s) => {
      const c = s.querySelector('.slide__content')!;
      const live = [...c.children].filter((e) => e.matches('[data-widget], [data-exercise], [data-cell], [data-panel]') || e.querySelector('[data-widget], [data-exercise], [data-cell], [data-panel]'));
      const other = [...c.children].filter((e) => !live.includes(e) && !e.matches('h2, script, style, .deck-widget-toggle'));
      return live.length > 1 || (live.length === 1 && other.length > 0);
    }).map((s) => s.getAttribute('aria-label')));
    expect(shared).toEqual([]);
    const small: string[] = [];
    for (let n = 1; n <= count; n++) {
      await page.evaluate((k) => { location.hash = `#${k}`; }, n);
      const fit = await settledFit(page, n);
      if (!(fit >= MIN_FIT_1080P)) small.push(`slide ${n}: ${fit}`);
    }
    expect(small, `${id}: slides scaled below ${MIN_FIT_1080P}`).toEqual([]);
  });
}

test('hiding a widget\'s controls never makes its slide smaller', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1920, height: 1080 });
  let checked = 0;
  for (const id of LESSON_IDS) {
    await page.goto(`/present/${id}/`);
    const slides = await page.locator('[data-slide]:has([data-hide-for])').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-slide'))));
    for (const n of slides) {
      await page.evaluate((k) => { location.hash = `#${k}`; }, n);
      const shown = await settledFit(page, n);
      const toggle = page.locator(`[data-slide="${n}"] [data-hide-for]`).first();
      await toggle.click();
      await expect(toggle).toHaveAttribute('aria-pressed', 'true');
      const hidden = await settledFit(page, n);
      expect(hidden, `${id} slide ${n}: ${shown} → ${hidden} after "Hide controls"`).toBeGreaterThanOrEqual(shown - 0.002);
      await toggle.click();
      await expect(toggle).toHaveAttribute('aria-pressed', 'false');
      checked++;
    }
  }
  expect(checked).toBeGreaterThan(0);
});

test('the overview numbers each slide once and keeps long titles inside their column', async ({ page }) => {
  const id = LESSON_IDS[0]!;
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(`/present/${id}/`);
  await page.keyboard.press('o');
  const dialog = page.getByRole('dialog', { name: 'All slides' });
  await expect(dialog).toBeVisible();
  const rows = await dialog.locator('[data-overview-list] > li').evaluateAll((lis) => lis.map((li) => {
    const b = li.querySelector('button')!;
    const marker = getComputedStyle(li).listStyleType;
    const title = b.querySelector('.deck-overview__title')!.getBoundingClientRect();
    const box = li.getBoundingClientRect();
    return { text: (b.textContent ?? '').replace(/\s+/g, ' ').trim(), marker, inside: title.right <= box.right + 1 && title.left >= box.left - 1 };
  }));
  expect(rows.length).toBe(await page.locator('[data-slide]').count());
  rows.forEach((r, i) => {
    expect(r.marker, 'the list draws no number of its own').toBe('none');
    expect(r.text).toMatch(new RegExp(`^${i + 1}\\. \\S`));
    expect(r.text, 'one number per slide').not.toMatch(/^\d+\.\s*\d+\./);
    expect(r.inside, `${r.text} stays inside its column`).toBe(true);
  });
  // a long "(continued)" title wraps inside its column rather than running into the next one
  await page.setViewportSize({ width: 1024, height: 768 });
  const spill = await dialog.locator('.deck-overview__title').evaluateAll((els) => els.filter((e) => e.getBoundingClientRect().right > e.closest('li')!.getBoundingClientRect().right + 1).length);
  expect(spill).toBe(0);
});
