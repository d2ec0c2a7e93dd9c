// Lesson 2 in a real browser: its panels and widgets behave as the lesson says, on fixed seeds,
// with expected values computed here from the formulas (not read back from the page's code).
import { test, expect, type Locator, type Page } from '@playwright/test';
import { watchPage, expectNoSeriousAxeViolations } from './helpers';

const URL = '/lessons/02-likelihood/';

/** A number as the panels print it: U+2212 minus, "a × 10ⁿ" for tiny values. */
function parseShown(text: string): number {
  const sup: Record<string, string> = { '⁻': '-', '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9' };
  const t = text.trim().replace(/−/g, '-');
  const m = /^(-?[\d.]+) × 10([⁻⁰-⁹¹²³]+)$/.exec(t);
  if (m) return Number(m[1]) * 10 ** Number([...m[2]!].map((c) => sup[c] ?? c).join(''));
  return Number(t.split(' ')[0]);
}

/** Every [data-out] of `root` at once (one round trip), parsed as numbers. */
async function allShown(root: Locator): Promise<Record<string, number>> {
  const texts = await root.evaluate((el) => Object.fromEntries([...el.querySelectorAll<HTMLElement>('[data-out]')].map((o) => [o.dataset['out']!, o.textContent ?? ''])));
  return Object.fromEntries(Object.entries(texts).map(([k, v]) => [k, parseShown(v)]));
}

/** Sets a range input to a value as a person would end up doing, and fires the input event. */
async function slide(input: Locator, value: number): Promise<void> {
  await input.focus();
  await input.evaluate((el, v) => {
    const i = el as HTMLInputElement;
    i.value = String(v);
    i.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
}

const softplus = (m: number) => Math.max(m, 0) + Math.log1p(Math.exp(-Math.abs(m)));

async function openPanel(page: Page, tag: string): Promise<Locator> {
  await page.goto(URL);
  const panel = page.locator(tag);
  await panel.scrollIntoViewIfNeeded();
  await expect(panel).toHaveAttribute('data-ready', 'true');
  return panel;
}

test.describe('binary-loss panel', () => {
  test('the two forms of the binary loss agree to 1e-12 and match softplus((1 − 2y) f)', async ({ page, baseURL }) => {
    test.setTimeout(120_000);
    const w = watchPage(page, baseURL!);
    const panel = await openPanel(page, 'l2-binary-loss');
    const f = panel.getByRole('slider', { name: 'logit f' });
    const cases = { 0: [-8, 0.3, 8], 1: [-3.7, 5.5] } as const;
    for (const y of [0, 1] as const) {
      await panel.getByRole('radio', { name: String(y), exact: true }).check();
      for (const value of cases[y]) {
        await slide(f, value);
        await expect(panel.locator('[data-out="f"]')).toHaveText(value.toFixed(1).replace('-', '−'));
        const out = await allShown(panel);
        const want = softplus((1 - 2 * y) * value);
        expect(Math.abs(out['softplus']! - out['log-form']!), `f = ${value}, y = ${y}`).toBeLessThanOrEqual(1e-12);
        expect(Math.abs(out['softplus']! - want)).toBeLessThanOrEqual(1e-12);
        expect(Math.abs(out['slope']! - (1 / (1 + Math.exp(-value)) - y))).toBeLessThan(1e-4);
      }
    }
    // The deck's slip: 1/(e^f + 1) at f = 2 is σ(−2) ≈ 0.119, not σ(2) ≈ 0.881.
    await slide(f, 2);
    await expect(panel.locator('[data-out="deck"]')).toHaveText('0.119203');
    await expect(panel.locator('[data-out="p"]')).toHaveText('0.880797');
    w.check();
  });

  test('the logit slider works from the keyboard', async ({ page }) => {
    const panel = await openPanel(page, 'l2-binary-loss');
    const f = panel.getByRole('slider', { name: 'logit f' });
    await f.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(panel.locator('[data-out="f"]')).toHaveText('−1.8');
    const chart = panel.locator('[data-chart="loss"] svg[role="img"]');
    await expect(chart).toHaveAttribute('aria-label', /At f = −1\.8 the prediction is wrong/);
  });
});

test.describe('noise-shapes panel', () => {
  test('its table follows the Gaussian and Laplace formulas as σ and r change', async ({ page, baseURL }) => {
    const w = watchPage(page, baseURL!);
    const panel = await openPanel(page, 'l2-noise-shapes');
    for (const [sigma, r] of [
      [1, 2.5],
      [0.5, -1.2],
      [2, 4],
    ] as const) {
      await slide(panel.getByRole('slider', { name: 'noise level σ' }), sigma);
      await slide(panel.getByRole('slider', { name: 'residual r' }), r);
      await expect(panel.locator('[data-out="sigma"]')).toHaveText(sigma.toFixed(2));
      await expect(panel.locator('[data-out="r"]')).toHaveText(r.toFixed(1).replace('-', '−'));
      const b = sigma / Math.SQRT2;
      const gauss = await allShown(panel.locator('tr[data-model="Gaussian"]'));
      const lap = await allShown(panel.locator('tr[data-model="Laplace"]'));
      expect(gauss['neg-log']).toBeCloseTo(0.5 * Math.log(2 * Math.PI * sigma * sigma) + (r * r) / (2 * sigma * sigma), 3);
      expect(lap['neg-log']).toBeCloseTo(Math.log(2 * b) + Math.abs(r) / b, 3);
      expect(gauss['pull']).toBeCloseTo(r / (sigma * sigma), 3);
      expect(lap['pull']).toBeCloseTo(Math.sign(r) / b, 3);
      expect(lap['tail']).toBeCloseTo(Math.exp(-Math.abs(r) / b), 3);
    }
    w.check();
  });
});

test('lesson 2 has no serious axe violations, console errors or foreign requests', async ({ page, baseURL }, testInfo) => {
  // axe walks every KaTeX span of a long lesson: allow for a busy machine.
  test.setTimeout(180_000);
  const w = watchPage(page, baseURL!);
  await page.goto(URL);
  for (const tag of ['l2-noise-shapes', 'l2-binary-loss']) {
    const panel = page.locator(tag);
    await panel.scrollIntoViewIfNeeded();
    await expect(panel).toHaveAttribute('data-ready', 'true');
  }
  await expectNoSeriousAxeViolations(page, testInfo);
  w.check();
});
