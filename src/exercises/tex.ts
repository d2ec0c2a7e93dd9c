// Build-time TeX for exercises: KaTeX with the site's one macro table, throwing on an error so
// that a broken formula in an exercise fails the build like one in a lesson.

import katex from 'katex';
import { macros } from '../math/macros.mjs';

/** KaTeX HTML (with MathML) for a TeX source; throws a KaTeX ParseError naming the problem. */
export function renderTex(tex: string, display: boolean): string {
  return katex.renderToString(tex, { displayMode: display, throwOnError: true, macros: { ...macros }, strict: 'ignore' });
}
