// Subsets KaTeX's woff2 fonts in the built site to the characters the course can show.
//
// KaTeX ships whole fonts (≈ 260 KB of woff2); a lesson uses a few hundred characters of them.
// After the build, every KaTeX woff2 under `_astro/` is cut down to
//   · every character in the text of every built page (a superset of the typeset math), and
//   · the characters math typeset in the browser can use: a student's formula as it is typed
//     and a worked solution with that student's numbers (ASCII, Greek, the usual operators).
// The tall-delimiter fonts (Size1–Size4) are left whole: they are small and their glyph pieces
// are picked by KaTeX at run time. A subset font gets a new content-hashed name, and every file
// that names it is rewritten; a hashed asset whose content changed that way is renamed in turn,
// so a long-lived HTTP cache never pairs a new page with an old font.
//
// Runs in `astro:build:done`, before the service worker integration lists the files.

import { createHash } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import subsetFont from 'subset-font';
import { fontCharacters } from './font-characters.mjs';

/** Characters math typeset in the browser may need beyond what the built pages contain. */
export const LIVE_CHARACTERS = (() => {
  let s = '';
  for (let c = 0x20; c <= 0x7e; c++) s += String.fromCharCode(c);
  for (let c = 0x391; c <= 0x3a9; c++) s += String.fromCharCode(c);
  for (let c = 0x3b1; c <= 0x3c9; c++) s += String.fromCharCode(c);
  return s + 'ϑϕϖϱϵ−∓±×÷⋅·∘√∑∏∫∞∂∇≤≥≠≈≡∈∉⊂⊆∀∃¬∧∨→←↦⇒⟨⟩‖∣⌊⌋⌈⌉…′″ˆ˜¯˙⃗ℓℝ';
})();

const TEXT_FILE = /\.(html|css|js|mjs|json|webmanifest|xml|txt|svg)$/;
const HASHED_ASSET = /^(.+)\.([A-Za-z0-9_-]{8})\.([a-z0-9]+)$/;
const WHOLE = /^KaTeX_Size[1-4]-/;

/** The text a browser shows for an HTML document: tags, scripts and styles removed, entities decoded. */
export function visibleText(html) {
  return decodeEntities(
    html
      .replace(/<script\b[\s\S]*?<\/script>/gi, ' ')
      .replace(/<style\b[\s\S]*?<\/style>/gi, ' ')
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/<[^>]*>/g, ' '),
  );
}

const NAMED = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes numeric entities and the few named ones HTML writers use. */
export function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

/** The distinct characters of some texts, sorted by code point, as one string. */
export function characterSet(texts) {
  const seen = new Set();
  for (const t of texts) for (const ch of t) if (ch.codePointAt(0) >= 0x20) seen.add(ch);
  return [...seen].sort((a, b) => a.codePointAt(0) - b.codePointAt(0)).join('');
}

/** `name.HASH.ext` with HASH recomputed from the content, in the style of the bundler's names. */
export function rehashedName(name, content) {
  const m = HASHED_ASSET.exec(name);
  if (!m) return name;
  const hash = createHash('sha256').update(content).digest('base64url').slice(0, 8);
  return `${m[1]}.${hash}.${m[3]}`;
}

async function walk(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(path)));
    else out.push(path);
  }
  return out;
}

/**
 * Subsets the KaTeX fonts of a built site in `root` (a directory path) and rewrites references.
 * Returns what it did, for the log and for tests.
 */
export async function subsetKatexFonts(root, { extra = LIVE_CHARACTERS } = {}) {
  let files = await walk(root);
  const pages = files.filter((f) => f.endsWith('.html'));
  const texts = [extra];
  for (const page of pages) texts.push(visibleText(await readFile(page, 'utf8')));
  const keep = characterSet(texts);

  const fonts = files.filter((f) => /\/_astro\/KaTeX_[^/]+\.woff2$/.test(f) && !WHOLE.test(basename(f)));
  const report = { characters: [...keep].length, fonts: [], before: 0, after: 0 };
  /** Old base name → new base name, for the files renamed in this round. */
  let renamed = new Map();
  for (const font of fonts) {
    const original = await readFile(font);
    const subset = await subsetFont(original, keep, { targetFormat: 'woff2' });
    // the subset must keep every character it was asked for that the whole font has
    const had = await fontCharacters(original);
    const has = await fontCharacters(subset);
    const lost = [...keep].filter((ch) => had.has(ch.codePointAt(0)) && !has.has(ch.codePointAt(0)));
    if (lost.length > 0) throw new Error(`subset-katex-fonts: ${basename(font)} lost ${lost.join(' ')}`);
    const name = rehashedName(basename(font), subset);
    await writeFile(join(font, '..', name), subset);
    if (name !== basename(font)) {
      await rm(font);
      renamed.set(basename(font), name);
    }
    report.fonts.push({ file: relative(root, font), name, before: original.length, after: subset.length });
    report.before += original.length;
    report.after += subset.length;
  }

  // Rewrite references until no hashed asset changes any more (fonts → CSS → whatever names the CSS).
  for (let round = 0; renamed.size > 0; round++) {
    if (round > 8) throw new Error('subset-katex-fonts: renaming did not settle after 8 rounds');
    files = await walk(root);
    const next = new Map();
    for (const file of files.filter((f) => TEXT_FILE.test(f))) {
      const before = await readFile(file, 'utf8');
      let after = before;
      for (const [from, to] of renamed) after = after.split(from).join(to);
      if (after === before) continue;
      const name = file.includes('/_astro/') ? rehashedName(basename(file), after) : basename(file);
      await writeFile(join(file, '..', name), after);
      if (name !== basename(file)) {
        await rm(file);
        next.set(basename(file), name);
      }
    }
    renamed = next;
  }
  return report;
}

/** @returns {import('astro').AstroIntegration} */
export default function subsetKatexFontsIntegration() {
  return {
    name: 'subset-katex-fonts',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const report = await subsetKatexFonts(fileURLToPath(dir));
        const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
        logger.info(
          `${report.fonts.length} KaTeX fonts subset to ${report.characters} characters: ${kb(report.before)} → ${kb(report.after)}`,
        );
      },
    },
  };
}
