// @ts-check
// An Astro integration that writes dist/sw.js after the build: a service worker that precaches
// every page and asset of the built site (so the whole course works offline after the first
// visit) under a cache named after a hash of the files (so a new deployment is a new cache and
// is picked up cleanly). The worker's logic is src/integrations/sw-template.js.
import { createHash } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** Files a browser never fetches from this site (KaTeX's legacy font formats) stay out of the cache. */
const SKIP = [/\.ttf$/, /\.woff$/, /(^|\/)sw\.js$/, /\.map$/];

/** @param {string} dir @returns {Promise<string[]>} */
async function walk(dir) {
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else out.push(p);
  }
  return out;
}

/** @returns {import('astro').AstroIntegration} */
export default function serviceWorker() {
  return {
    name: 'course-service-worker',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const files = (await walk(root)).map((f) => path.relative(root, f).split(path.sep).join('/')).filter((f) => !SKIP.some((r) => r.test(f))).sort();
        const hash = createHash('sha256');
        const urls = [];
        for (const f of files) {
          hash.update(f);
          hash.update(await readFile(path.join(root, f)));
          // directory-format pages are served at their folder URL (trailingSlash: 'always')
          urls.push(f === 'index.html' ? '/' : f.endsWith('/index.html') ? `/${f.slice(0, -'index.html'.length)}` : `/${f}`);
        }
        const version = hash.digest('hex').slice(0, 16);
        const template = await readFile(new URL('./sw-template.js', import.meta.url), 'utf8');
        const sw = template.replace('__VERSION__', JSON.stringify(version)).replace('__PRECACHE__', JSON.stringify(urls));
        await writeFile(path.join(root, 'sw.js'), sw);
        logger.info(`sw.js: ${urls.length} files precached, version ${version}`);
      },
    },
  };
}
