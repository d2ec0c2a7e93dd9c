// Frame times while widgets train: a measurement, not a test. Opens a page (the widget gallery
// by default) in Chromium with its widgets on screen and training — the first widget and any
// others within 3,200 px of it, at least --min-widgets of them (default 2) — records the time between animation
// frames for ten seconds (requestAnimationFrame), and prints the median and 95th percentile,
// with the same figures for the page at rest for comparison. Frame times depend on what else the
// machine runs, so it also traces 4 s of training and prints the CPU time each thread used per
// second (the page's main thread, the compositor, the trainer workers): the cost of the widgets
// themselves, whatever the load.
//
//   npm run build && npx node scripts/frame-times.mjs [--url http://127.0.0.1:4321/gallery/] [--seconds 10] [--min-widgets 2]
//
// Chromium: $CHROMIUM_PATH, else `command -v chromium`. If nothing answers at --url, the script
// starts `astro preview` on that port for the duration of the run (dist/ must be built).

import { chromium } from 'playwright-core';
import { execSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const url = arg('url', 'http://127.0.0.1:4321/gallery/');
const seconds = Number(arg('seconds', '10'));
const minWidgets = Number(arg('min-widgets', '2'));

function chromiumPath() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist`);
    return fromEnv;
  }
  try {
    return execSync('command -v chromium', { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    throw new Error('No Chromium found: set CHROMIUM_PATH or install chromium.');
  }
}

async function reachable(target) {
  try {
    const res = await fetch(target);
    return res.ok;
  } catch {
    return false;
  }
}

/** Starts `astro preview` for the URL's port when nothing serves it yet; returns a stop function. */
async function ensureServer(target) {
  if (await reachable(target)) return () => {};
  if (!existsSync('dist/index.html')) throw new Error('dist/ is not built: run `npm run build` first.');
  const { hostname, port } = new URL(target);
  const child = spawn('npm', ['run', 'preview', '--', '--host', hostname, '--port', port], { stdio: 'ignore', detached: true });
  for (let i = 0; i < 100 && !(await reachable(target)); i++) await new Promise((r) => setTimeout(r, 200));
  if (!(await reachable(target))) throw new Error(`astro preview did not answer at ${target}`);
  return () => process.kill(-child.pid);
}

/** Median and 95th percentile (nearest rank) of a list of numbers. */
function stats(values) {
  const s = [...values].sort((a, b) => a - b);
  const rank = (p) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
  return { frames: s.length, median: rank(0.5), p95: rank(0.95), max: s[s.length - 1], over20: s.filter((x) => x > 20).length };
}

/**
 * Records rAF intervals in the page for `ms` milliseconds. With `paint`, each frame also changes
 * a small text on screen: a control for how fast this machine draws ANY changing page (an idle
 * page draws nothing, so its frames cost nothing and say little about the machine).
 */
function recordFrames(page, ms, paint = false) {
  return page.evaluate(
    ([duration, withPaint]) =>
      new Promise((resolve) => {
        const deltas = [];
        let last = 0;
        let start = 0;
        const probe = withPaint ? document.body.appendChild(document.createElement('output')) : null;
        if (probe) probe.style.cssText = 'position:fixed;top:0;left:0;z-index:9;background:#fff';
        const frame = (t) => {
          if (!start) start = t;
          else deltas.push(t - last);
          last = t;
          if (probe) probe.textContent = String(deltas.length);
          if (t - start < duration) requestAnimationFrame(frame);
          else {
            probe?.remove();
            resolve(deltas);
          }
        };
        requestAnimationFrame(frame);
      }),
    [ms, paint],
  );
}

const fmt = (x) => x.toFixed(1);
const report = (label, s) =>
  console.log(`${label.padEnd(28)} frames ${String(s.frames).padStart(4)}  median ${fmt(s.median)} ms  p95 ${fmt(s.p95)} ms  max ${fmt(s.max)} ms  >20 ms: ${s.over20}`);

const stop = await ensureServer(url);
const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--disable-dev-shm-usage', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 3200 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  // Widgets hold while off screen, and a lesson's widgets can be screens apart: take the first
  // widget and those within one tall screen (3,200 px) after it, mark them, show them all at once.
  const SCREEN = 3200;
  const span = await page.$$eval(
    'training-widget',
    (ws, screen) => {
      const top = ws.length ? ws[0].getBoundingClientRect().top + scrollY : 0;
      let bottom = top;
      for (const w of ws) {
        const r = w.getBoundingClientRect();
        if (r.bottom + scrollY - top > screen - 200) break;
        w.setAttribute('data-frame-probe', '');
        bottom = r.bottom + scrollY;
      }
      return { top, bottom, all: ws.length };
    },
    SCREEN,
  );
  const widgets = page.locator('training-widget[data-frame-probe]');
  const count = await widgets.count();
  if (count < minWidgets) throw new Error(`expected at least ${minWidgets} widgets on one screen at ${url}, found ${count} (of ${span.all} on the page)`);
  await page.evaluate((y) => scrollTo(0, y), Math.max(0, span.top - 100));
  for (let i = 0; i < count; i++) await widgets.nth(i).getByRole('button', { name: 'Train' }).waitFor();
  await page.waitForFunction(() => [...document.querySelectorAll('training-widget[data-frame-probe]')].every((w) => Number(w.querySelector('[data-testid="loss"]')?.textContent) > 0));

  const rest = stats(await recordFrames(page, 3000));
  const control = stats(await recordFrames(page, 3000, true));
  const epochsBefore = await page.$$eval('training-widget[data-frame-probe]', (ws) => ws.map((w) => Number(w.querySelector('[data-testid="epoch"]')?.textContent)));
  for (let i = 0; i < count; i++) await widgets.nth(i).getByRole('button', { name: 'Train' }).click();
  await page.waitForFunction(() => [...document.querySelectorAll('training-widget[data-frame-probe]')].every((w) => w.getAttribute('data-state') === 'training'));
  await recordFrames(page, 1000);
  const training = stats(await recordFrames(page, seconds * 1000));
  const epochsAfter = await page.$$eval('training-widget[data-frame-probe]', (ws) => ws.map((w) => Number(w.querySelector('[data-testid="epoch"]')?.textContent)));
  const names = await page.$$eval('training-widget[data-frame-probe]', (ws) => ws.map((w) => w.getAttribute('data-widget')));
  const cpu = await threadCpu(browser, page, 4000);

  console.log(`Frame times at ${url} (${seconds} s while ${count} widget${count === 1 ? "" : "s"} train${count === 1 ? "s" : ""})`);
  report('at rest (3 s)', rest);
  report('control: a counter (3 s)', control);
  report(`${count} widget${count === 1 ? "" : "s"} training`, training);
  names.forEach((n, i) => console.log(`  ${n}: epoch ${epochsBefore[i]} → ${epochsAfter[i]}`));
  console.log('CPU time per second of training, by thread (ms/s):');
  for (const [thread, ms] of cpu) console.log(`  ${thread.padEnd(26)} ${ms.toFixed(1)}`);
  console.log(`Machine load average (1 min): ${loadavg()[0].toFixed(2)} on ${cpus().length} cores`);
  if (errors.length) console.log('page errors:', errors);
} finally {
  await browser.close();
  stop();
}

/** CPU time (ms per second of wall time) of each busy browser thread over `ms`, from a Chromium trace. */
async function threadCpu(browserInstance, target, ms) {
  await browserInstance.startTracing(target, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  await new Promise((r) => setTimeout(r, ms));
  const raw = JSON.parse((await browserInstance.stopTracing()).toString());
  const events = raw.traceEvents ?? raw;
  const names = new Map(events.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args.name]));
  const busy = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || e.name !== 'RunTask') continue;
    const name = names.get(`${e.pid}:${e.tid}`) ?? 'other';
    const label = name === 'DedicatedWorker thread' ? 'trainer workers (all)' : name;
    busy.set(label, (busy.get(label) ?? 0) + (e.tdur ?? e.dur ?? 0) / 1000);
  }
  return [...busy].map(([k, v]) => [k, v / (ms / 1000)]).filter(([, v]) => v >= 1).sort((a, b) => b[1] - a[1]);
}
