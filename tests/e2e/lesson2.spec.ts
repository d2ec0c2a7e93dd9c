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
  for (const name of ['noise-models', 'label-noise']) {
    const w = page.locator(`training-widget[data-widget="${name}"]`);
    await w.scrollIntoViewIfNeeded();
    await expect(w.getByRole('button', { name: 'Train' })).toBeEnabled({ timeout: 30_000 });
  }
  await page.locator('[data-exercise="l2-sigmoid-forms"]').scrollIntoViewIfNeeded();
  await expectNoSeriousAxeViolations(page, testInfo);
  w.check();
});

/** The widget by name, loaded and scrolled into view. */
async function openWidget(page: Page, name: string): Promise<Locator> {
  await page.goto(URL);
  const w = page.locator(`training-widget[data-widget="${name}"]`);
  await w.scrollIntoViewIfNeeded();
  await expect(w.getByRole('button', { name: 'Train' })).toBeEnabled({ timeout: 30_000 });
  return w;
}

async function setField(w: Locator, label: string, value: string): Promise<void> {
  const field = w.getByLabel(label, { exact: true });
  await field.fill(value);
  await field.press('Enter');
}

const readout = async (w: Locator, trainer: string, id: string) => Number(await w.locator(`[data-trainer="${trainer}"] [data-testid="${id}"]`).textContent());

/** Trains until every trainer has passed `epochs`, then pauses and waits for the paused state. */
async function trainTo(w: Locator, epochs: number): Promise<void> {
  await w.getByRole('button', { name: 'Train' }).click();
  await expect
    .poll(async () => Math.min(...(await w.getByTestId('epoch').allTextContents()).map(Number)), { timeout: 90_000, intervals: [250] })
    .toBeGreaterThanOrEqual(epochs);
  await w.getByRole('button', { name: 'Pause' }).click();
  await expect(w.getByRole('button', { name: 'Train' })).toBeVisible();
}

test.describe('noise-models widget', () => {
  test('with outliers the absolute-error fit ends closer to the clean sine, and each NLL equals the formula on the residuals', async ({ page, baseURL }) => {
    test.setTimeout(150_000);
    const watch = watchPage(page, baseURL!);
    const w = await openWidget(page, 'noise-models');
    await expect(w.getByLabel('Outliers', { exact: true })).toHaveValue('0.15');
    await trainTo(w, 300);
    // After a pause the final weights arrive; wait until the readouts stop changing.
    let last = '';
    await expect
      .poll(async () => {
        const now = (await w.locator('[data-testid="nll"], [data-testid="epoch"]').allTextContents()).join('|');
        const same = now === last;
        last = now;
        return same;
      }, { intervals: [400] })
      .toBe(true);
    const dGauss = await readout(w, 'gaussian', 'distance');
    const dLap = await readout(w, 'laplace', 'distance');
    expect(dLap).toBeLessThan(dGauss);

    // Recompute both NLLs from the table of residuals, with the lesson's formulas.
    await w.getByText('The numbers behind it').click();
    const table = w.locator('.l2-nll__table');
    await expect(table.locator('tbody tr')).toHaveCount(45);
    const col = async (name: string) => (await table.locator(`td[data-col="${name}"]`).evaluateAll((tds) => tds.map((td) => Number((td as HTMLElement).dataset['value'])))) as number[];
    const rg = await col('residual-gaussian');
    const rl = await col('residual-laplace');
    const sigma = 0.2;
    const b = sigma / Math.SQRT2;
    const nllG = (45 / 2) * Math.log(2 * Math.PI * sigma * sigma) + rg.reduce((s, r) => s + r * r, 0) / (2 * sigma * sigma);
    const nllL = 45 * Math.log(2 * b) + rl.reduce((s, r) => s + Math.abs(r), 0) / b;
    const shownG = await readout(w, 'gaussian', 'nll');
    const shownL = await readout(w, 'laplace', 'nll');
    expect(Math.abs(shownG - nllG) / Math.abs(nllG)).toBeLessThan(5e-4);
    expect(Math.abs(shownL - nllL) / Math.abs(nllL)).toBeLessThan(5e-4);
    const exact = await w.locator('.l2-nll [data-nll]').evaluateAll((ps) => ps.map((p) => Number((p as HTMLElement).dataset['nll'])));
    expect(exact[0]).toBeCloseTo(nllG, 8);
    expect(exact[1]).toBeCloseTo(nllL, 8);
    // The parts add up, and the constant is N/2·log(2πσ²).
    expect(await readout(w, 'gaussian', 'nll-constant')).toBeCloseTo(22.5 * Math.log(2 * Math.PI * sigma * sigma), 2);
    watch.check();
  });

  test('the challenge is checked against the live widget', async ({ page }) => {
    test.setTimeout(150_000);
    const w = await openWidget(page, 'noise-models');
    const ex = page.locator('[data-exercise="l2-outlier-challenge"]');
    const prompt = (await ex.locator('[data-part="prompt"]').textContent()) ?? '';
    const share = Number(/at least (\d+) %/.exec(prompt)![1]) / 100;
    const epochs = Number(/at least (\d+) epochs/.exec(prompt)![1]);
    await ex.getByRole('button', { name: 'Check' }).click();
    await expect(ex.getByTestId('verdict')).toHaveAttribute('data-verdict', /wrong|invalid/);
    await setField(w, 'Outliers', String(share));
    await expect(w.getByLabel('Outliers', { exact: true })).toHaveValue(String(share));
    await trainTo(w, epochs);
    await ex.getByRole('button', { name: 'Check' }).click();
    await expect(ex.getByTestId('verdict')).toHaveAttribute('data-verdict', 'correct');
  });
});

test('label-noise widget: with ε = 0.2 the probability at a centre settles near 1 − ε and flipped points cost more', async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const watch = watchPage(page, baseURL!);
  const w = await openWidget(page, 'label-noise');
  await setField(w, 'Flipped labels ε', '0.2');
  await expect(w.getByTestId('epoch')).toHaveText('0');
  await trainTo(w, 300);
  await expect.poll(async () => Math.abs(Number(await w.getByTestId('p-centre').textContent()) - 0.8), { intervals: [300] }).toBeLessThan(0.1);
  const flipped = Number(await w.getByTestId('loss-flipped').textContent());
  const other = Number(await w.getByTestId('loss-clean').textContent());
  expect(flipped).toBeGreaterThan(3 * other);
  const acc = Number(await w.getByTestId('accuracy').textContent());
  expect(acc).toBeGreaterThan(75);
  expect(acc).toBeLessThan(86);
  watch.check();
});

test.describe('lesson 2 exercises, one of each kind', () => {
  const promptText = async (ex: Locator) => (await ex.locator('[data-part="prompt"]').textContent()) ?? '';
  const numbersIn = (text: string, after: string): number[] => {
    const m = new RegExp(`${after}[^\\[]*\\[([^\\]]+)\\]`).exec(text);
    return m![1]!.split(',').map((s) => Number(s.trim().replace('−', '-')));
  };

  test('numeric: the Gaussian NLL, right and with the constant forgotten', async ({ page }) => {
    await page.goto(URL);
    const ex = page.locator('[data-exercise="l2-gaussian-nll"]');
    const text = await promptText(ex);
    const r = numbersIn(text, 'residuals');
    const sigma = Number(/standard deviation[^=]*= (\d+(?:\.\d+)?)/.exec(text)![1]);
    const sse = r.reduce((s, x) => s + x * x, 0);
    const box = ex.getByRole('textbox');
    await box.fill(String(sse / (2 * sigma * sigma)));
    await ex.getByRole('button', { name: 'Check' }).click();
    await expect(ex.getByTestId('verdict')).toHaveAttribute('data-verdict', 'wrong');
    await expect(ex.getByTestId('verdict')).toContainText('constant');
    await box.fill(String((r.length / 2) * Math.log(2 * Math.PI * sigma * sigma) + sse / (2 * sigma * sigma)));
    await ex.getByRole('button', { name: 'Check' }).click();
    await expect(ex.getByTestId('verdict')).toHaveAttribute('data-verdict', 'correct');
  });

  test('vector: mean and median of the targets', async ({ page }) => {
    await page.goto(URL);
    const ex = page.locator('[data-exercise="l2-mean-median"]');
    const d = numbersIn(await promptText(ex), 'targets').sort((a, b) => a - b);
    const mean = d.reduce((s, x) => s + x, 0) / d.length;
    await ex.getByRole('textbox').fill(`[${d[2]}, ${mean}]`);
    await ex.getByRole('button', { name: 'Check' }).click();
    await expect(ex.getByTestId('verdict')).toContainText('Swapped');
    await ex.getByRole('textbox').fill(`[${mean}, ${d[2]}]`);
    await ex.getByRole('button', { name: 'Check' }).click();
    await expect(ex.getByTestId('verdict')).toHaveAttribute('data-verdict', 'correct');
  });

  test('formula: the slope of the binary loss', async ({ page }) => {
    await page.goto(URL);
    const ex = page.locator('[data-exercise="l2-binary-gradient"]');
    await ex.getByRole('textbox').fill('y - sigma(f)');
    await ex.getByRole('button', { name: 'Check' }).click();
    await expect(ex.getByTestId('verdict')).toHaveAttribute('data-verdict', 'wrong');
    await ex.getByRole('textbox').fill('1/(1 + exp(-f)) - y');
    await ex.getByRole('button', { name: 'Check' }).click();
    await expect(ex.getByTestId('verdict')).toHaveAttribute('data-verdict', 'correct');
  });

  test('choice: which expressions give the probability (the deck’s slip included)', async ({ page }) => {
    await page.goto(URL);
    const ex = page.locator('[data-exercise="l2-sigmoid-forms"]');
    const tex = (await ex.locator('[data-part="prompt"] annotation').allTextContents()).join(' ');
    // The prompt names Pr(y = 1 | x) = σ(f) first, then asks about Pr(y = label | x).
    const label = [...tex.matchAll(/Pr\(y = ([01])/g)].at(-1)![1];
    // σ(f) = e^f/(1 + e^f) = 1/(1 + e^−f) = 1 − σ(−f); σ(−f) = 1/(e^f + 1) = e^−f/(1 + e^−f).
    const want = label === '1' ? ['exp-ratio', 'sigmoid', 'one-minus'] : ['deck-slip', 'minus-ratio'];
    for (const id of want) await ex.locator(`input[value="${id}"]`).check();
    await ex.getByRole('button', { name: 'Check' }).click();
    await expect(ex.getByTestId('verdict')).toHaveAttribute('data-verdict', 'correct');
  });

  test('code: a binary cross-entropy that survives f = ±800', async ({ page }) => {
    await page.goto(URL);
    const ex = page.locator('[data-exercise="l2-code-binary-loss"]');
    const box = ex.getByRole('textbox');
    await box.fill('function bce(f, y) { const p = 1 / (1 + Math.exp(-f)); return y === 1 ? -Math.log(p) : -Math.log(1 - p); }');
    await ex.getByRole('button', { name: 'Check' }).click();
    await expect(ex.getByTestId('verdict')).toHaveAttribute('data-verdict', 'wrong', { timeout: 15_000 });
    await box.fill('function bce(f, y) { const m = (1 - 2 * y) * f; return Math.max(m, 0) + Math.log1p(Math.exp(-Math.abs(m))); }');
    await ex.getByRole('button', { name: 'Check' }).click();
    await expect(ex.getByTestId('verdict')).toHaveAttribute('data-verdict', 'correct', { timeout: 15_000 });
  });
});
