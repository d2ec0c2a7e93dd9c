import { expect, type Page, type TestInfo } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * The published lessons' ids in course order, read from content/lessons/ when the tests are
 * collected (so each lesson can be its own test): file names sorted by their `order`, drafts out.
 */
export const LESSON_IDS: readonly string[] = (() => {
  const dir = new URL('../../content/lessons/', import.meta.url);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx') || f.endsWith('.md'))
    .map((f) => {
      const front = /^---\n([\s\S]*?)\n---/.exec(readFileSync(new URL(f, dir), 'utf8'))?.[1] ?? '';
      return { id: f.replace(/\.mdx?$/, ''), order: Number(/^order:\s*(\d+)/m.exec(front)?.[1] ?? Infinity), draft: /^draft:\s*true/m.test(front) };
    })
    .filter((l) => !l.draft)
    .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id))
    .map((l) => l.id);
})();

/**
 * Watches a page for console errors, uncaught exceptions and requests to any host but the
 * site's own. Call `check()` at the end of a test.
 */
export function watchPage(page: Page, baseURL: string) {
  const errors: string[] = [];
  const foreign: string[] = [];
  const origin = new URL(baseURL).origin;
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  page.on('request', (req) => {
    const url = req.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) foreign.push(url);
  });
  return {
    errors,
    foreign,
    check() {
      expect(errors, 'console errors').toEqual([]);
      expect(foreign, 'requests to other hosts').toEqual([]);
    },
  };
}

/** Runs axe (WCAG 2.1 AA) and fails on serious or critical violations, attaching the report. */
export async function expectNoSeriousAxeViolations(page: Page, testInfo: TestInfo, exclude: string[] = []) {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  for (const sel of exclude) builder = builder.exclude(sel);
  const results = await builder.analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  await testInfo.attach('axe-violations', { body: JSON.stringify(results.violations, null, 2), contentType: 'application/json' });
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`)).toEqual([]);
}
