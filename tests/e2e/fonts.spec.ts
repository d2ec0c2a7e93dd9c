import { test, expect } from '@playwright/test';
import { readdir, readFile } from 'node:fs/promises';
import { fontCharacters } from '../../src/integrations/font-characters.mjs';
import { LESSON_IDS, watchPage } from './helpers';

// The built site's KaTeX fonts are subsets. Whatever a lesson typesets — its formulas, and the
// worked solutions typeset in the browser — must still find every glyph the whole font has.

const KATEX_FONTS = new URL('../../node_modules/katex/dist/fonts/', import.meta.url);
const BUILT = new URL('../../dist/_astro/', import.meta.url);

let cached: ReturnType<typeof readFaces> | undefined;
const faces = () => (cached ??= readFaces());

/** For each KaTeX face: the characters of the whole font and of the built site's woff2. */
async function readFaces() {
  const built = (await readdir(BUILT)).filter((f) => /^KaTeX_.+\.woff2$/.test(f));
  const out: { face: string; whole: Set<number>; served: Set<number>; wholeBytes: number; servedBytes: number }[] = [];
  for (const file of built) {
    const face = file.split('.')[0]!;
    const whole = await readFile(new URL(`${face}.woff2`, KATEX_FONTS));
    const served = await readFile(new URL(file, BUILT));
    out.push({ face, whole: await fontCharacters(whole), served: await fontCharacters(served), wholeBytes: whole.length, servedBytes: served.length });
  }
  return out;
}

test('the built KaTeX fonts are subsets, and smaller', async () => {
  const all = await faces();
  const main = all.find((f) => f.face === 'KaTeX_Main-Regular');
  const ams = all.find((f) => f.face === 'KaTeX_AMS-Regular');
  expect(main && ams).toBeTruthy();
  for (const f of [main!, ams!]) {
    expect(f.served.size).toBeLessThan(f.whole.size);
    expect(f.servedBytes).toBeLessThan(f.wholeBytes);
  }
});

for (const id of LESSON_IDS) {
  test(`lesson ${id}: every character its math shows, solutions included, is in the served fonts`, async ({ page, baseURL }) => {
    test.setTimeout(90_000);
    const watch = watchPage(page, baseURL!);
    await page.goto(`/lessons/${id}/`);
    const show = page.getByRole('button', { name: 'Show solution' });
    const hide = page.getByRole('button', { name: 'Hide solution' });
    const count = await show.count();
    for (let opened = 0; opened < count; opened++) {
      await show.first().scrollIntoViewIfNeeded();
      await show.first().click();
      await expect(hide).toHaveCount(opened + 1, { timeout: 30_000 });
    }
    await page.evaluate(() => document.fonts.ready);
    const shown: string = await page.evaluate(() => [...document.querySelectorAll('.katex-html')].map((e) => e.textContent).join(''));
    const failed: string[] = await page.evaluate(() => [...document.fonts].filter((f) => f.status === 'error').map((f) => f.family));
    expect(failed, 'font faces that failed to load').toEqual([]);
    expect(shown.length).toBeGreaterThan(100);

    const missing: string[] = [];
    for (const { face, whole, served } of await faces()) {
      const lost = new Set([...shown].filter((ch) => whole.has(ch.codePointAt(0)!) && !served.has(ch.codePointAt(0)!)));
      if (lost.size > 0) missing.push(`${face}: ${[...lost].join(' ')}`);
    }
    expect(missing).toEqual([]);
    watch.check();
  });
}
