// Formulas inside lesson 3's panels, typeset at build time by KaTeX with the site's one macro
// table, so a symbol in a panel looks exactly like the same symbol in the prose.

import katex from 'katex';
import { macros } from '../../math/macros.mjs';

/** KaTeX HTML for a TeX expression; throws on a TeX error so a broken formula fails the build. */
export function tex(expression: string, display = false): string {
  return katex.renderToString(expression, { macros: { ...macros }, displayMode: display, throwOnError: true });
}
