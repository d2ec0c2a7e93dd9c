// Page budgets measured in Chromium, a tool rather than a test: opens every lesson of the built
// site, records what it fetches at the top of the page and then while scrolling to the end (so
// every lazily loaded widget comes in), and sizes each file as a static host would serve it (gzip
// -9 of the file in dist/; fonts as they are). Then records frame times for ten seconds on a page
// with two widgets training, through scripts/frame-times.mjs.
//
//   npm run build && npm run bench:page [-- --port 4333] [--seconds 10] [--no-frames] [--files]
//
// Budgets (issue 12): JavaScript before any widget ≤ 30 KB per lesson, everything ≤ 150 KB.

import { spawn, spawnSync, execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('../', import.meta.url));
const dist = join(root, 'dist');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
};
const port = Number(arg('port', process.env.E2E_PORT ?? '4333'));
const seconds = arg('seconds', '10');
const base = `http://127.0.0.1:${port}`;
const BUDGET = { eagerJs: 30 * 1024, total: 150 * 1024 };

function chromiumPath() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execSync('command -v chromium', { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    throw new Error('No Chromium found: set CHROMIUM_PATH or install chromium.');
  }
}

async function reachable(url) {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

/** Serves dist/ with `astro preview` unless something already answers; returns a stop function. */
async function ensureServer() {
  if (await reachable(`${base}/`)) return () => {};
  if (!existsSync(join(dist, 'index.html'))) throw new Error('dist/ is not built: run `npm run build` first.');
  const child = spawn('npm', ['run', 'preview', '--', '--host', '127.0.0.1', '--port', String(port)], { cwd: root, stdio: 'ignore', detached: true });
  for (let i = 0; i < 150 && !(await reachable(`${base}/`)); i++) await new Promise((r) => setTimeout(r, 200));
  if (!(await reachable(`${base}/`))) throw new Error(`astro preview did not answer at ${base}`);
  return () => process.kill(-child.pid);
}

/** Bytes a static host would send for a path of the site: gzip -9 of text files, fonts and images as they are. */
function servedBytes(pathname) {
  let file = join(dist, decodeURIComponent(pathname));
  if (pathname.endsWith('/')) file = join(file, 'index.html');
  if (!existsSync(file)) return null;
  const bytes = readFileSync(file);
  return ['.woff2', '.woff', '.png', '.jpg', '.webp'].includes(extname(file)) ? bytes.length : gzipSync(bytes, { level: 9 }).length;
}

const kind = (url, type) => (type === 'script' || url.endsWith('.js') ? 'js' : type === 'font' ? 'font' : type === 'stylesheet' ? 'css' : type === 'document' ? 'html' : 'other');
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

async function weighLesson(browser, path) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const fetched = new Map();
  let phase = 'top';
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (url.origin !== base || fetched.has(url.pathname)) return;
    if (url.pathname.startsWith('/sw.js')) return;
    fetched.set(url.pathname, { kind: kind(url.pathname, response.request().resourceType()), phase, bytes: servedBytes(url.pathname) ?? 0 });
  });
  await page.goto(`${base}${path}`, { waitUntil: 'networkidle' });
  phase = 'scrolled';
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0; y <= height; y += 600) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.waitForTimeout(150);
  }
  await page.waitForLoadState('networkidle');
  const widgets = await page.$$eval('training-widget', (list) => list.length);
  await page.close();
  const sum = (filter) => [...fetched.values()].filter(filter).reduce((total, f) => total + f.bytes, 0);
  return {
    path,
    widgets,
    topJs: sum((f) => f.kind === 'js' && f.phase === 'top'),
    js: sum((f) => f.kind === 'js'),
    css: sum((f) => f.kind === 'css'),
    fonts: sum((f) => f.kind === 'font'),
    html: sum((f) => f.kind === 'html'),
    other: sum((f) => f.kind === 'other'),
    total: sum(() => true),
    files: fetched.size,
    list: [...fetched].map(([pathname, f]) => ({ pathname, ...f })).sort((a, b) => b.bytes - a.bytes),
  };
}

const stop = await ensureServer();
const gallery = `${base}/gallery/`;
let lesson = '';
try {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--disable-dev-shm-usage', '--disable-gpu'] });
  const lessons = readdirSync(join(dist, 'lessons')).filter((id) => existsSync(join(dist, 'lessons', id, 'index.html')));
  const rows = [];
  try {
    for (const id of lessons) rows.push(await weighLesson(browser, `/lessons/${id}/`));
  } finally {
    await browser.close();
  }
  console.log('## Lessons in Chromium: what each fetches (gzip -9 sizes of the dist/ files; fonts as served)\n');
  console.log('| lesson | JS at the top of the page | all JS (after scrolling through) | CSS | fonts | HTML | other | total (≤ 150 KB) | files |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    const over = r.total > BUDGET.total ? ' **over**' : '';
    console.log(`| ${r.path} | ${kb(r.topJs)} | ${kb(r.js)} | ${kb(r.css)} | ${kb(r.fonts)} | ${kb(r.html)} | ${kb(r.other)} | ${kb(r.total)}${over} | ${r.files} |`);
  }
  if (process.argv.includes('--files')) {
    for (const r of rows) {
      console.log(`\n${r.path}: the files it fetches, largest first (gzip -9)\n`);
      for (const f of r.list) console.log(`  ${kb(f.bytes).padStart(9)}  ${f.phase.padEnd(8)} ${f.pathname}`);
    }
  }
  console.log('\nJS at the top of the page includes the widgets that are on the first screen; the JS that runs before any widget is in `npm run bench` (module scripts and their static imports, ≤ 30 KB).');
  const withOne = rows.find((r) => r.widgets >= 1);
  if (withOne) lesson = `${base}${withOne.path}`;
} catch (error) {
  stop();
  throw error;
}
if (!process.argv.includes('--no-frames')) {
  // Two widgets training side by side: the kit's gallery (a lesson's widgets are screens apart,
  // and the kit holds a widget that is off screen). Then a lesson with its first widget training.
  const runs = [[gallery, '2'], ...(lesson ? [[lesson, '1']] : [])];
  for (const [url, min] of runs) {
    console.log(`\n## Frame times (scripts/frame-times.mjs --url ${url})\n`);
    const result = spawnSync(process.execPath, [join(root, 'scripts/frame-times.mjs'), '--url', url, '--seconds', seconds, '--min-widgets', min], { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) console.log(`frame-times.mjs exited with ${result.status}`);
  }
}
stop();
