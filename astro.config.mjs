// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import pagefind from 'astro-pagefind';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { macros } from './src/math/macros.mjs';
import serviceWorker from './src/integrations/service-worker.mjs';
import linkCheck from './src/integrations/link-check.mjs';
import subsetKatexFonts from './src/integrations/subset-katex-fonts.mjs';
import rehypeFailOnKatexError from './src/math/rehype-fail-on-katex-error.mjs';

export default defineConfig({
  site: 'http://localhost:4321',
  trailingSlash: 'always',
  markdown: {
    // Astro 7's default processor (Sätteri) ignores remark/rehype plugins; the unified one runs
    // them, and @astrojs/mdx inherits it. A formula KaTeX cannot parse fails the build.
    processor: unified({
      remarkPlugins: [remarkMath],
      rehypePlugins: [[rehypeKatex, { macros, strict: 'ignore' }], rehypeFailOnKatexError],
    }),
  },
  // In this order after the build: the search index, then KaTeX's fonts cut down to the
  // characters the pages show (renaming fonts and CSS), then the service worker's list of every
  // file, then the check that every internal link resolves.
  integrations: [
    mdx(),
    pagefind({ indexConfig: { excludeSelectors: ['.katex', '[data-widget]', '[data-exercise]'] } }),
    subsetKatexFonts(),
    serviceWorker(),
    linkCheck(),
  ],
  vite: {
    worker: { format: 'es' },
    build: {
      rollupOptions: {
        onwarn(warning, warn) {
          // Every MDX file carries Astro's own "use astro:head-inject" directive, which the
          // bundler warns about once per lesson; harmless and known upstream (withastro/astro#18087).
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && String(warning.message).includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
