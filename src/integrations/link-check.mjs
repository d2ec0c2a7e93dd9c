// @ts-check
// After the build, checks every internal link and asset reference in the generated pages:
// a link to a page, file or #anchor that does not exist fails the build with the page that
// holds it. External links are reported too: the course must not depend on another host.
import { readFile, readdir, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** @param {string} dir @returns {Promise<string[]>} */
async function htmlFiles(dir) {
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await htmlFiles(p)));
    else if (e.name.endsWith('.html')) out.push(p);
  }
  return out;
}

/** @param {string} html */
function idsOf(html) {
  const ids = new Set();
  for (const m of html.matchAll(/\sid="([^"]+)"/g)) ids.add(m[1]);
  return ids;
}

/**
 * Finds broken internal references in a built site. Pure over the file system; exported for tests.
 * @param {string} root
 * @returns {Promise<string[]>} one message per problem
 */
export async function findBrokenLinks(root) {
  const pages = await htmlFiles(root);
  /** @type {Map<string, Set<string>>} */
  const anchors = new Map();
  /** @type {Map<string, string>} */
  const texts = new Map();
  for (const p of pages) {
    const html = await readFile(p, 'utf8');
    texts.set(p, html);
    anchors.set(p, idsOf(html));
  }
  /** @param {string} urlPath @returns {Promise<string | undefined>} */
  const resolve = async (urlPath) => {
    const clean = decodeURIComponent(urlPath.split('?')[0] ?? '');
    const candidates = clean.endsWith('/') ? [path.join(root, clean, 'index.html')] : [path.join(root, clean), path.join(root, clean, 'index.html')];
    for (const c of candidates) {
      try {
        if ((await stat(c)).isFile()) return c;
      } catch { /* try the next */ }
    }
    return undefined;
  };
  const problems = [];
  for (const [file, html] of texts) {
    const rel = path.relative(root, file);
    const pageUrl = '/' + rel.replace(/index\.html$/, '').split(path.sep).join('/');
    for (const m of html.matchAll(/\s(href|src)="([^"]*)"/g)) {
      const value = (m[2] ?? '').replaceAll('&amp;', '&');
      if (value === '' || /^(mailto:|data:|blob:|javascript:)/.test(value)) continue;
      if (/^[a-z]+:\/\//i.test(value) || value.startsWith('//')) {
        problems.push(`${rel}: links to another host (${value})`);
        continue;
      }
      const [pathPart = '', hash = ''] = value.split('#');
      const target = pathPart === '' ? file : await resolve(new URL(pathPart, `http://x${pageUrl}`).pathname);
      if (!target) {
        problems.push(`${rel}: broken link ${value}`);
        continue;
      }
      if (hash && target.endsWith('.html') && !anchors.get(target)?.has(decodeURIComponent(hash))) {
        problems.push(`${rel}: link ${value} points to a missing #${hash}`);
      }
    }
  }
  return problems;
}

/** @returns {import('astro').AstroIntegration} */
export default function linkCheck() {
  return {
    name: 'course-link-check',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const problems = await findBrokenLinks(fileURLToPath(dir));
        if (problems.length) {
          throw new Error(`Broken links in the built site:\n  ${problems.join('\n  ')}`);
        }
        logger.info('every internal link resolves');
      },
    },
  };
}
