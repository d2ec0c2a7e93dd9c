import { describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findBrokenLinks } from '../../src/integrations/link-check.mjs';

async function site(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'links-'));
  for (const [f, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, f)), { recursive: true });
    await writeFile(path.join(root, f), text);
  }
  return root;
}

describe('findBrokenLinks', () => {
  it('accepts pages, folder URLs, files and anchors that exist', async () => {
    const root = await site({
      'index.html': '<a href="/lessons/a/">a</a><a href="/lessons/a/#sec">s</a><img src="/x.svg"><a href="#top">t</a><p id="top"></p>',
      'lessons/a/index.html': '<h2 id="sec">S</h2><a href="../../">home</a>',
      'x.svg': '<svg/>',
    });
    expect(await findBrokenLinks(root)).toEqual([]);
  });
  it('names the page holding a broken link, a missing anchor, or a link to another host', async () => {
    const root = await site({
      'index.html': '<a href="/nope/">x</a><a href="/lessons/a/#missing">y</a><script src="https://cdn.example.com/k.js"></script>',
      'lessons/a/index.html': '<h2 id="sec">S</h2>',
    });
    const problems: string[] = await findBrokenLinks(root);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^index\.html: broken link \/nope\//);
    expect(problems.some((p) => p.includes('missing #missing'))).toBe(true);
    expect(problems.some((p) => p.includes('another host'))).toBe(true);
  });
});
