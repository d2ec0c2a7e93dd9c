// The exercise system in Chromium, on /practice/ and /teacher/: feedback, progress across
// reloads, student IDs, the code sandbox's time limit, text-only rendering, answer sheets,
// the teacher page, accessibility and a clean console.
import { test, expect, type Locator, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { watchPage, expectNoSeriousAxeViolations } from './helpers';

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

function exercise(page: Page, id: string): Locator {
  return page.locator(`[data-exercise="${id}"]`);
}

/** The last number in an exercise's prompt, e.g. z in "Compute σ(z) for z = -2.7." */
async function lastNumberInPrompt(ex: Locator): Promise<number> {
  const text = (await ex.locator('[data-part="prompt"]').innerText()).replace(/\u2212/g, '-');
  const m = /(-?\d+(?:\.\d+)?)\.\s*$/.exec(text.trim());
  if (!m) throw new Error(`no number at the end of: ${text}`);
  return Number(m[1]);
}

async function checkAnswer(ex: Locator, answer: string) {
  await ex.getByRole('textbox').fill(answer);
  await ex.getByRole('button', { name: 'Check' }).click();
}

/** Presses Check and waits until that check is over (the verdict is busy while code runs). */
async function checkCode(ex: Locator, code: string) {
  await checkAnswer(ex, code);
  await expect(ex.getByTestId('verdict')).not.toHaveAttribute('aria-busy', 'true', { timeout: 10_000 });
}

test.beforeEach(async ({ page }) => {
  page.on('dialog', (d) => {
    throw new Error(`unexpected dialog: ${d.message()}`);
  });
});

test('a wrong answer gets specific feedback, a right one is accepted, and progress survives a reload', async ({ page, baseURL }) => {
  const w = watchPage(page, baseURL!);
  await page.goto('/practice/');
  const ex = exercise(page, 'practice-sigmoid-value');
  await expect(ex).toHaveAttribute('data-kind', 'numeric');
  const z = await lastNumberInPrompt(ex);
  const verdict = ex.getByTestId('verdict');

  await checkAnswer(ex, sigmoid(-z).toFixed(4)); // the dropped minus sign
  await expect(verdict).toHaveAttribute('data-verdict', 'wrong');
  await expect(verdict).toContainText('minus sign');

  await checkAnswer(ex, sigmoid(z).toPrecision(4));
  await expect(verdict).toHaveAttribute('data-verdict', 'correct');
  await expect(ex.getByText('Attempts: 2')).toBeVisible();
  await expect(page.locator('[data-lesson-progress="practice"]')).toHaveText(/^1 of \d+ exercises solved$/);

  await page.reload();
  const again = exercise(page, 'practice-sigmoid-value');
  await expect(again).toHaveAttribute('data-ready', 'true');
  await expect(again.getByTestId('verdict')).toHaveAttribute('data-verdict', 'correct');
  await expect(again.getByRole('textbox')).toHaveValue(sigmoid(z).toPrecision(4));
  await expect(again.getByText('Attempts: 2')).toBeVisible();
  await expect(page.locator('[data-lesson-progress="practice"]')).toHaveText(/^1 of \d+ exercises solved$/);
  w.check();
});

test('malformed input is "invalid" with a message; HTML in an answer shows as text', async ({ page, baseURL }) => {
  const w = watchPage(page, baseURL!);
  await page.goto('/practice/');
  const html = '<img src=x onerror=alert(1)>';

  const numeric = exercise(page, 'practice-mse');
  await checkAnswer(numeric, html);
  const verdict = numeric.getByTestId('verdict');
  await expect(verdict).toHaveAttribute('data-verdict', 'invalid');
  await expect(verdict).toContainText('"<img src=x');
  await expect(verdict.locator('img')).toHaveCount(0);

  const formula = exercise(page, 'practice-sigmoid-chain');
  await formula.getByRole('textbox').fill(html);
  await expect(formula.locator('[data-part="preview"]')).toHaveAttribute('data-state', 'invalid');
  await expect(formula.locator('[data-part="preview"] img')).toHaveCount(0);

  const code = exercise(page, 'practice-code-sgd-step');
  await checkAnswer(code, `function sgdStep() { return "${html}"; }`);
  await expect(code.getByTestId('verdict')).toHaveAttribute('data-verdict', 'wrong');
  await expect(code.getByTestId('verdict')).toContainText('returned "<img src=x onerror=alert(1)>"');
  await expect(page.locator('main img')).toHaveCount(0);
  w.check();
});

test('a formula is typeset as it is typed and judged by its values', async ({ page, baseURL }) => {
  const w = watchPage(page, baseURL!);
  await page.goto('/practice/');
  const ex = exercise(page, 'practice-sigmoid-chain');
  await expect(ex).toHaveAttribute('data-kind', 'formula');
  const a = Number(/a\s*=\s*(\d+)/.exec(await ex.locator('[data-part="prompt"]').innerText())![1]);
  await ex.getByRole('textbox').fill(`${a}*exp(-${a}*z)/(1+exp(-${a}*z))^2`);
  await expect(ex.locator('[data-part="preview"] .katex')).toBeVisible();
  await ex.getByRole('button', { name: 'Check' }).click();
  await expect(ex.getByTestId('verdict')).toHaveAttribute('data-verdict', 'correct');
  await checkAnswer(ex, `sigma(${a}*z)*(1-sigma(${a}*z))`);
  await expect(ex.getByTestId('verdict')).toHaveAttribute('data-verdict', 'wrong');
  await expect(ex.getByTestId('verdict')).toContainText('chain rule');
  w.check();
});

test('an endless loop in a code answer is stopped with a message while the page stays responsive', async ({ page, baseURL }) => {
  const w = watchPage(page, baseURL!);
  await page.goto('/practice/');
  const ex = exercise(page, 'practice-code-stable-softmax');
  await ex.getByRole('textbox').fill('function softmax(z) {\n  while (true) {}\n}');
  const started = Date.now();
  await ex.getByRole('button', { name: 'Check' }).click();
  // While the loop runs in its Worker, the page still answers and still takes input.
  const other = exercise(page, 'practice-mse').getByRole('textbox');
  await other.fill('0.5');
  await expect(other).toHaveValue('0.5');
  const roundTrip = Date.now();
  await page.evaluate(() => document.title);
  expect(Date.now() - roundTrip).toBeLessThan(1000);
  const verdict = ex.getByTestId('verdict');
  await expect(verdict).toHaveAttribute('data-verdict', 'wrong', { timeout: 8000 });
  await expect(verdict).toContainText('Stopped after 2 s');
  expect(Date.now() - started).toBeLessThan(6000);

  // A memory blow-up is stopped too, and the page lives on.
  await checkCode(ex, 'function softmax(z) {\n  const a = [];\n  for (;;) a.push(new Array(1e6).fill(1.5));\n}');
  await expect(verdict).toContainText(/Stopped after 2 s|allocation failed|memory/);
  await expect(verdict).toHaveAttribute('data-verdict', 'wrong');
  expect(await page.evaluate(() => document.title)).toMatch(/Practice/);

  // The sandbox has no network: fetch is gone.
  await checkCode(ex, 'function softmax(z) { return typeof fetch + typeof XMLHttpRequest + typeof indexedDB + typeof importScripts; }');
  await expect(verdict).toContainText('returned "undefinedundefinedundefinedundefined"');

  await checkCode(ex, 'function softmax(z) {\n  const m = Math.max(...z);\n  const e = z.map((x) => Math.exp(x - m));\n  const s = e.reduce((a, b) => a + b, 0);\n  return e.map((x) => x / s);\n}');
  await expect(verdict).toHaveAttribute('data-verdict', 'correct');
  w.check();
});

test('each student ID gets its own numbers and its own progress', async ({ page, baseURL }) => {
  const w = watchPage(page, baseURL!);
  await page.goto('/practice/');
  const ex = exercise(page, 'practice-sigmoid-value');
  await expect(ex).toHaveAttribute('data-ready', 'true');
  const defaultZ = await lastNumberInPrompt(ex);
  await checkAnswer(ex, sigmoid(defaultZ).toPrecision(4));
  await expect(ex.getByTestId('verdict')).toHaveAttribute('data-verdict', 'correct');

  const ids = ['e2e-student-1', 'e2e-student-2', 'e2e-student-3'];
  const zs = new Set<number>([defaultZ]);
  for (const id of ids) {
    await page.getByLabel('Your student ID').fill(id);
    await page.getByRole('button', { name: 'Save ID' }).click();
    await expect(ex.locator('[data-part="variant"]')).toHaveText(`Numbers for student ID “${id}”.`);
    await expect(ex.getByTestId('verdict')).not.toHaveAttribute('data-verdict', /./);
    zs.add(await lastNumberInPrompt(ex));
  }
  expect(zs.size).toBeGreaterThan(1);

  // The same ID again gives the same numbers, after a reload too.
  const lastZ = await lastNumberInPrompt(ex);
  await page.reload();
  await expect(exercise(page, 'practice-sigmoid-value')).toHaveAttribute('data-ready', 'true');
  expect(await lastNumberInPrompt(exercise(page, 'practice-sigmoid-value'))).toBe(lastZ);
  await expect(page.getByLabel('Your student ID')).toHaveValue(ids[2]!);

  // Back to no ID: the default numbers and the default ID's solved exercise return.
  await page.getByLabel('Your student ID').fill('');
  await page.getByRole('button', { name: 'Save ID' }).click();
  await expect(exercise(page, 'practice-sigmoid-value').getByTestId('verdict')).toHaveAttribute('data-verdict', 'correct');
  expect(await lastNumberInPrompt(exercise(page, 'practice-sigmoid-value'))).toBe(defaultZ);
  w.check();
});

test('a widget challenge reads the widget’s live state', async ({ page, baseURL }) => {
  const w = watchPage(page, baseURL!);
  await page.goto('/practice/');
  const widget = page.locator('[data-widget="practice-neuron"]');
  await expect(widget.locator('svg[role="img"]')).toBeVisible();
  const ex = exercise(page, 'practice-neuron-separate');
  await widget.getByLabel('Weight w').fill('6');
  await widget.getByLabel('Bias b').fill('-2.4');
  await expect(widget.getByTestId('accuracy')).toHaveText('100 %');
  await ex.getByRole('button', { name: 'Check' }).click();
  await expect(ex.getByTestId('verdict')).toHaveAttribute('data-verdict', 'wrong');
  await expect(ex.getByTestId('verdict')).toContainText('|w| = 6');
  await widget.getByLabel('Weight w').fill('1');
  await widget.getByLabel('Bias b').fill('-0.4');
  await ex.getByRole('button', { name: 'Check' }).click();
  await expect(ex.getByTestId('verdict')).toHaveAttribute('data-verdict', 'correct');
  w.check();
});

test('export and import of the answer sheet; a foreign file is refused and changes nothing', async ({ page, baseURL }, testInfo) => {
  const w = watchPage(page, baseURL!);
  await page.goto('/practice/');
  await page.getByLabel('Your student ID').fill('Export Tester');
  await page.getByRole('button', { name: 'Save ID' }).click();
  const ex = exercise(page, 'practice-linear-classifier');
  await expect(ex).toHaveAttribute('data-ready', 'true');
  await ex.getByRole('radio').first().check();
  await ex.getByRole('button', { name: 'Check' }).click();
  const first = await ex.getByTestId('verdict').getAttribute('data-verdict');
  expect(first === 'correct' || first === 'wrong').toBe(true);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export answer sheet' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^answers-export-tester-\d{4}-\d\d-\d\d\.json$/);
  const file = testInfo.outputPath('sheet.json');
  await download.saveAs(file);
  const sheet = JSON.parse(await readFile(file, 'utf8'));
  expect(sheet).toMatchObject({ format: 'dl-answer-sheet', version: 1, studentId: 'export tester' });
  expect(sheet.answers).toEqual([expect.objectContaining({ exercise: 'practice-linear-classifier', lesson: 'practice', attempts: 1, verdict: first })]);

  // A fresh browser: nothing saved; importing brings the answer, re-checked, and the ID back.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(exercise(page, 'practice-linear-classifier')).toHaveAttribute('data-ready', 'true');
  await expect(exercise(page, 'practice-linear-classifier').getByTestId('verdict')).not.toHaveAttribute('data-verdict', /./);
  // Same ID as on the sheet: the import must show up in the exercise without a reload.
  await page.getByLabel('Your student ID').fill('export tester');
  await page.getByRole('button', { name: 'Save ID' }).click();
  await page.getByLabel('Import an answer sheet (.json)').setInputFiles(file);
  await expect(page.locator('.answer-sheet [data-part="status"]')).toContainText('Imported 1 answer for ID “export tester”');
  await expect(exercise(page, 'practice-linear-classifier').getByTestId('verdict')).toHaveAttribute('data-verdict', first!);
  await expect(page.getByLabel('Your student ID')).toHaveValue('export tester');

  // A foreign file is refused; the progress stays.
  await page.getByLabel('Import an answer sheet (.json)').setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from('{"name": "something else"}') });
  await expect(page.locator('.answer-sheet [data-part="status"]')).toContainText('other.json was not imported: This is not an answer sheet of this course');
  await expect(exercise(page, 'practice-linear-classifier').getByTestId('verdict')).toHaveAttribute('data-verdict', first!);
  w.check();
});

test('corrupted stored progress: the page still works and says so', async ({ page, baseURL }) => {
  const w = watchPage(page, baseURL!);
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('dl-progress', '{"schema": 2, "students": {"ada": [');
      sessionStorage.setItem('seeded', '1');
    }
  });
  await page.goto('/practice/');
  const ex = exercise(page, 'practice-mse');
  await expect(ex.locator('[data-part="storage"]')).toContainText('could not be read');
  await checkAnswer(ex, '1e3');
  await expect(ex.getByTestId('verdict')).toHaveAttribute('data-verdict', 'wrong');
  expect(await page.evaluate(() => localStorage.getItem('dl-progress-unreadable'))).toBe('{"schema": 2, "students": {"ada": [');
  w.check();
});

test('the teacher page re-checks a chosen sheet and refuses a foreign one', async ({ page, baseURL }) => {
  const w = watchPage(page, baseURL!);
  await page.goto('/teacher/');
  await page.getByLabel('Choose answer sheets').setInputFiles(['tests/fixtures/sheets/bob-tampered.json', 'tests/fixtures/sheets/foreign.json']);
  const table = page.locator('table[data-testid="grades"]');
  await expect(table).toBeVisible({ timeout: 15_000 });
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(6);
  await expect(table.locator('tbody tr[data-verdict="correct"]')).toHaveCount(0);
  await expect(rows.filter({ hasText: 'practice-code-stable-softmax' })).toContainText('Subtract the largest logit');
  await expect(page.getByText(/Refused foreign\.json: This is not an answer sheet/)).toBeVisible();
  await expect(page.getByText('bob: 0 of 6 correct (bob-tampered.json)')).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
  const csv = await readFile(await download.path(), 'utf8');
  expect(csv.split('\r\n')[0]).toBe('student,lesson,exercise,verdict,attempts,time,claimed,solutionSeen,message,file');
  expect(csv).toContain('bob,practice,practice-mse,wrong,1,');

  // Dropping a file on the page grades it too.
  const ada = await readFile('tests/fixtures/sheets/ada.json', 'utf8');
  await page.locator('[data-part="drop"]').evaluate((zone, text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'ada.json', { type: 'application/json' }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, ada);
  await expect(rows).toHaveCount(6 + 12, { timeout: 15_000 });
  await expect(page.getByText('ada: 10 of 12 correct (ada.json)')).toBeVisible();
  // whether the student opened the worked solution shows in the table, not only in the CSV
  const grades = page.locator('table[data-testid="grades"]');
  await expect(grades.getByRole('columnheader', { name: 'Solution seen' })).toBeVisible();
  const seen = grades.locator('tbody tr', { hasText: 'practice-softmax-invariance' }).filter({ hasText: 'ada' });
  await expect(seen.locator('td[data-seen="true"]')).toHaveText('yes');
  await expect(grades.locator('td[data-seen="true"]')).toHaveCount(1);
  w.check();
});

test('no serious axe violations on the practice page in use, nor on the teacher page', async ({ page, baseURL }, testInfo) => {
  const w = watchPage(page, baseURL!);
  await page.goto('/practice/');
  const ex = exercise(page, 'practice-softmax-probs');
  await checkAnswer(ex, '0.1 0.2 0.7');
  await expect(ex.getByTestId('verdict')).toHaveAttribute('data-verdict', /wrong|correct/);
  await ex.getByRole('button', { name: 'Show solution' }).click();
  await expect(ex.locator('[data-part="solution"] .katex').first()).toBeVisible();
  await exercise(page, 'practice-sigmoid-chain').getByRole('textbox').fill('2*sigma(z)');
  await expect(exercise(page, 'practice-sigmoid-chain').locator('[data-part="preview"] .katex')).toBeVisible();
  await expect(page.locator('[data-widget="practice-neuron"] svg')).toBeVisible();
  await expectNoSeriousAxeViolations(page, testInfo);
  await page.goto('/teacher/');
  await page.getByLabel('Choose answer sheets').setInputFiles('tests/fixtures/sheets/carol-unknown-exercise.json');
  await expect(page.locator('table[data-testid="grades"]')).toBeVisible();
  await expectNoSeriousAxeViolations(page, testInfo);
  w.check();
});

test('KaTeX’s JavaScript loads only when a formula or a solution needs it', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto('/practice/');
  await expect(exercise(page, 'practice-mse')).toHaveAttribute('data-ready', 'true');
  await page.waitForLoadState('networkidle');
  expect(requests.filter((u) => /katex[^/]*\.js/i.test(u))).toEqual([]);
  await exercise(page, 'practice-sigmoid-chain').getByRole('textbox').fill('sigma(z)');
  await expect(exercise(page, 'practice-sigmoid-chain').locator('[data-part="preview"] .katex')).toBeVisible();
  expect(requests.filter((u) => /katex[^/]*\.js/i.test(u)).length).toBeGreaterThan(0);
});
