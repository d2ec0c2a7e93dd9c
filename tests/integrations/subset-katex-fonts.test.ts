import { describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { characterSet, decodeEntities, rehashedName, subsetKatexFonts, visibleText } from '../../src/integrations/subset-katex-fonts.mjs';
import { fontCharacters } from '../../src/integrations/font-characters.mjs';

const KATEX_FONTS = new URL('../../node_modules/katex/dist/fonts/', import.meta.url);
const code = (ch: string) => ch.codePointAt(0)!;

describe('what a page shows', () => {
  it('drops tags, scripts, styles and comments, and decodes entities', () => {
    const html = '<p class="x">a &lt; b</p><script>var ℘ = 1</script><style>.y{content:"ℵ"}</style><!-- ℏ --><span>&#x3c3;&#961;&amp;&nbsp;</span>';
    const text = visibleText(html);
    expect(text).toContain('a < b');
    expect(text).toContain('σρ&\u00a0');
    for (const hidden of ['℘', 'ℵ', 'ℏ', 'class']) expect(text).not.toContain(hidden);
  });
  it('leaves unknown or out-of-range entities as they are', () => {
    expect(decodeEntities('&bogus; &#x110000; &#65;')).toBe('&bogus; &#x110000; A');
  });
  it('collects distinct characters in code-point order, astral ones whole, control characters out', () => {
    expect(characterSet(['ba\n', 'ab𝔽', 'c\t'])).toBe('abc𝔽');
  });
  it('renames name.HASH.ext by its content and leaves other names alone', () => {
    const a = rehashedName('KaTeX_Main-Regular.B22Nviop.woff2', 'one');
    const b = rehashedName('KaTeX_Main-Regular.B22Nviop.woff2', 'two');
    expect(a).toMatch(/^KaTeX_Main-Regular\.[A-Za-z0-9_-]{8}\.woff2$/);
    expect(a).not.toBe(b);
    expect(rehashedName('KaTeX_Main-Regular.B22Nviop.woff2', 'one')).toBe(a);
    expect(rehashedName('sw.js', 'one')).toBe('sw.js');
  });
});

describe('subsetKatexFonts on a small built site', () => {
  it('keeps the characters pages show, drops others, and renames font → CSS → page references', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'fonts-'));
    await mkdir(path.join(root, '_astro'));
    await mkdir(path.join(root, 'lessons/a'), { recursive: true });
    const whole = await readFile(new URL('KaTeX_Main-Regular.woff2', KATEX_FONTS));
    const size1 = await readFile(new URL('KaTeX_Size1-Regular.woff2', KATEX_FONTS));
    await writeFile(path.join(root, '_astro/KaTeX_Main-Regular.AAAAAAAA.woff2'), whole);
    await writeFile(path.join(root, '_astro/KaTeX_Size1-Regular.BBBBBBBB.woff2'), size1);
    await writeFile(
      path.join(root, '_astro/global.CCCCCCCC.css'),
      '@font-face{font-family:KaTeX_Main;src:url(/_astro/KaTeX_Main-Regular.AAAAAAAA.woff2) format("woff2")}' +
        '@font-face{font-family:KaTeX_Size1;src:url(/_astro/KaTeX_Size1-Regular.BBBBBBBB.woff2) format("woff2")}',
    );
    // ℏ is on the page; ℵ is in the whole font but on no page and not among the live characters
    await writeFile(path.join(root, 'lessons/a/index.html'), '<link rel="stylesheet" href="/_astro/global.CCCCCCCC.css"><p>&#x210f; x + y</p>');

    const report = await subsetKatexFonts(root);

    const assets = await readdir(path.join(root, '_astro'));
    const font = assets.find((f) => f.startsWith('KaTeX_Main-Regular.'))!;
    const css = assets.find((f) => f.startsWith('global.'))!;
    expect(font).not.toBe('KaTeX_Main-Regular.AAAAAAAA.woff2');
    expect(css).not.toBe('global.CCCCCCCC.css');
    expect(assets).toContain('KaTeX_Size1-Regular.BBBBBBBB.woff2'); // the delimiter fonts stay whole
    expect(assets).toHaveLength(3); // old names are gone
    expect(await readFile(path.join(root, '_astro', css), 'utf8')).toContain(`/_astro/${font}`);
    expect(await readFile(path.join(root, 'lessons/a/index.html'), 'utf8')).toContain(`/_astro/${css}`);

    const subset = await readFile(path.join(root, '_astro', font));
    const kept = await fontCharacters(subset);
    const had = await fontCharacters(whole);
    for (const ch of 'ℏxy+Σ−') {
      expect(had.has(code(ch)), ch).toBe(true);
      expect(kept.has(code(ch)), ch).toBe(true);
    }
    expect(had.has(code('ℵ'))).toBe(true);
    expect(kept.has(code('ℵ'))).toBe(false);
    expect(subset.length).toBeLessThan(whole.length);
    expect(report.fonts).toHaveLength(1);
    expect(report.after).toBe(subset.length);
  });
});
