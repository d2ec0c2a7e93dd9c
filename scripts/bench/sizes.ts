// Page weight of every lesson, read from the built site (dist/): the JavaScript a lesson runs
// before any widget (module scripts and their static imports), what its widgets load lazily
// (dynamic imports), CSS and HTML, all compressed with gzip -9 as a static host would serve them.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const BUDGET = Object.freeze({ eagerJs: 30 * 1024, total: 150 * 1024 });

export interface PageWeight {
  page: string;
  /** gzip bytes of the HTML. */
  html: number;
  css: number;
  /** JS run before any widget: module scripts (inline and src) and everything they import statically. */
  eagerJs: number;
  /** JS loaded later by dynamic import (widgets, engine, Plot). */
  lazyJs: number;
  /** Fonts the CSS points at (woff2 only: what a current browser picks); an upper bound, the browser loads only used faces. */
  fontsReferenced: number;
  /** html + css + eager + lazy JS (fonts apart; see page-budget.mjs for what a browser really fetches). */
  total: number;
  files: { eager: string[]; lazy: string[] };
}

const gz = (bytes: Buffer): number => gzipSync(bytes, { level: 9 }).length;
export const br = (bytes: Buffer): number =>
  brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** Static and dynamic import specifiers of a built JS file (Vite/Rolldown output). */
function importsOf(code: string): { statics: string[]; dynamics: string[] } {
  const statics = new Set<string>();
  const dynamics = new Set<string>();
  for (const match of code.matchAll(/(?:^|[;}\s])import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g)) statics.add(match[1]!);
  for (const match of code.matchAll(/\bfrom\s*["']([^"']+\.js)["']/g)) statics.add(match[1]!);
  for (const match of code.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)) dynamics.add(match[1]!);
  // Vite's preload helper lists a dynamic import's dependencies as strings of asset paths.
  for (const match of code.matchAll(/["']((?:\.\.?\/|\/)?_astro\/[^"']+\.js)["']/g)) dynamics.add(match[1]!);
  for (const s of statics) dynamics.delete(s);
  return { statics: [...statics], dynamics: [...dynamics] };
}

function resolve(dist: string, from: string, spec: string): string | null {
  if (/^[a-z]+:/i.test(spec)) return null;
  const path = spec.startsWith('/') ? join(dist, spec) : spec.startsWith('_astro/') ? join(dist, spec) : join(from, '..', spec);
  return existsSync(path) && statSync(path).isFile() ? path : null;
}

/** The weight of one built page. */
export function pageWeight(dist: string, htmlFile: string): PageWeight {
  const html = readFileSync(htmlFile);
  const text = html.toString('utf8');
  const eager = new Set<string>();
  const lazy = new Set<string>();
  const queue: { file: string; lazy: boolean }[] = [];
  for (const match of text.matchAll(/<script[^>]*\bsrc="([^"]+)"[^>]*>/g)) {
    const file = resolve(dist, htmlFile, match[1]!);
    if (file) queue.push({ file, lazy: false });
  }
  for (const match of text.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)) {
    const { statics, dynamics } = importsOf(match[1]!);
    for (const spec of statics) {
      const file = resolve(dist, htmlFile, spec);
      if (file) queue.push({ file, lazy: false });
    }
    for (const spec of dynamics) {
      const file = resolve(dist, htmlFile, spec);
      if (file) queue.push({ file, lazy: true });
    }
  }
  while (queue.length) {
    const { file, lazy: isLazy } = queue.shift()!;
    if (eager.has(file) || (isLazy && lazy.has(file))) continue;
    if (isLazy) lazy.add(file);
    else {
      lazy.delete(file);
      eager.add(file);
    }
    const { statics, dynamics } = importsOf(readFileSync(file, 'utf8'));
    for (const spec of statics) {
      const next = resolve(dist, file, spec);
      if (next) queue.push({ file: next, lazy: isLazy });
    }
    for (const spec of dynamics) {
      const next = resolve(dist, file, spec);
      if (next) queue.push({ file: next, lazy: true });
    }
  }
  const cssFiles = [...text.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)]
    .map((match) => resolve(dist, htmlFile, match[1]!))
    .filter((file): file is string => file !== null);
  const inlineCss = [...text.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((match) => match[1]!).join('\n');
  const fonts = new Set<string>();
  for (const css of [...cssFiles.map((file) => readFileSync(file, 'utf8')), inlineCss]) {
    for (const match of css.matchAll(/url\(\s*["']?([^"')]+\.woff2)["']?\s*\)/g)) {
      const file = resolve(dist, cssFiles[0] ?? htmlFile, match[1]!);
      if (file) fonts.add(file);
    }
  }
  const sum = (files: Iterable<string>) => [...files].reduce((total, file) => total + gz(readFileSync(file)), 0);
  const weight = {
    page: htmlFile.slice(dist.length).replace(/index\.html$/, ''),
    html: gz(html),
    css: sum(cssFiles),
    eagerJs: sum(eager),
    lazyJs: sum([...lazy].filter((file) => !eager.has(file))),
    fontsReferenced: [...fonts].reduce((total, file) => total + statSync(file).size, 0),
    total: 0,
    files: { eager: [...eager].map((f) => f.slice(dist.length)), lazy: [...lazy].map((f) => f.slice(dist.length)) },
  };
  weight.total = weight.html + weight.css + weight.eagerJs + weight.lazyJs;
  return weight;
}

/** Every lesson page in a built site (empty when it has not been built). */
export function pageWeights(dist: string): PageWeight[] {
  const lessons = join(dist, 'lessons');
  if (!existsSync(lessons)) return [];
  return readdirSync(lessons)
    .map((id) => join(lessons, id, 'index.html'))
    .filter((file) => existsSync(file))
    .map((file) => pageWeight(dist, file));
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

export function weightTable(weights: readonly PageWeight[]): string[] {
  const lines = ['## Page weight (from dist/, gzip -9)', ''];
  if (weights.length === 0) return [...lines, 'dist/ has no lessons: run `npm run build` first.'];
  lines.push('| lesson | HTML | CSS | JS before widgets (≤ 30 KB) | widget JS (lazy) | total without fonts (≤ 150 KB) | fonts referenced (woff2, upper bound) |');
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const w of weights) {
    const eagerOk = w.eagerJs <= BUDGET.eagerJs ? '' : ' **over**';
    const totalOk = w.total <= BUDGET.total ? '' : ' **over**';
    lines.push(`| ${w.page} | ${kb(w.html)} | ${kb(w.css)} | ${kb(w.eagerJs)}${eagerOk} | ${kb(w.lazyJs)} | ${kb(w.total)}${totalOk} | ${kb(w.fontsReferenced)} |`);
  }
  lines.push('', 'Fonts and what a browser really fetches (after scrolling every widget into view): `npm run bench:page`.');
  return lines;
}
