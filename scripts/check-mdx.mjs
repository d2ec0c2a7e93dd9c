// Compiles lesson MDX files through the site's own remark/rehype pipeline (remark-math +
// rehype-katex with the shared macro table, KaTeX errors fatal) without a full site build.
// Usage: npm run check:mdx [-- content/lessons/01-*.mdx]   (default: every lesson)
import { compile } from '@mdx-js/mdx';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { readFile, readdir } from 'node:fs/promises';
import { macros } from '../src/math/macros.mjs';
import rehypeFailOnKatexError from '../src/math/rehype-fail-on-katex-error.mjs';

const args = process.argv.slice(2);
const files = args.length
  ? args
  : (await readdir('content/lessons')).filter((f) => f.endsWith('.mdx')).map((f) => `content/lessons/${f}`);
let failed = 0;
for (const file of files) {
  const text = await readFile(file, 'utf8');
  try {
    await compile({ value: text, path: file }, {
      remarkPlugins: [remarkMath],
      rehypePlugins: [[rehypeKatex, { macros, strict: 'ignore' }], rehypeFailOnKatexError],
    });
    if (/(^|[^\\])\$\$/.test(text.replace(/\$\$[\s\S]*?\$\$/g, ''))) throw new Error('unbalanced $$');
    console.log(`ok   ${file}`);
  } catch (error) {
    failed++;
    const where = error.place?.start ?? error.place ?? error.position?.start;
    console.log(`FAIL ${file}${where ? `:${where.line}:${where.column}` : ''}\n     ${String(error.message ?? error).replace(/\n/g, '\n     ')}`);
  }
}
process.exitCode = failed ? 1 : 0;
