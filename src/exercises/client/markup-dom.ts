// Builds DOM from exercise markup (markup.ts) with text nodes only: TeX comes either from the
// build-time renderings in the page (<template data-tex>) or from KaTeX loaded on demand
// (solutions, formula preview). Nothing typed by a student is ever parsed as HTML.

import { parseMarkup, texKey, type Block } from '../markup.ts';

/** Renders one TeX source into a node. */
export type TexRenderer = (tex: string, display: boolean) => Node;

/** Replaces `container`'s content with the markup. */
export function renderMarkup(container: HTMLElement, source: string, tex: TexRenderer): void {
  container.replaceChildren(...parseMarkup(source).map((b) => block(b, tex)));
}

/** Appends the markup's inline content (text, code, inline formulas) to `parent`, blocks joined by spaces. */
export function appendInlineMarkup(parent: HTMLElement, source: string, tex: TexRenderer): void {
  parseMarkup(source).forEach((b, i) => {
    if (i > 0) parent.append(document.createTextNode(' '));
    if (b.type === 'display') parent.append(tex(b.tex, false));
    else if (b.type === 'code') {
      const code = document.createElement('code');
      code.textContent = b.text;
      parent.append(code);
    } else parent.append(...block(b, tex).childNodes);
  });
}

function block(b: Block, tex: TexRenderer): Node {
  if (b.type === 'code') {
    const pre = document.createElement('pre');
    pre.className = 'exercise__code-block';
    const code = document.createElement('code');
    code.textContent = b.text;
    pre.append(code);
    return pre;
  }
  if (b.type === 'display') {
    const div = document.createElement('div');
    div.className = 'exercise__display';
    div.append(tex(b.tex, true));
    return div;
  }
  const p = document.createElement('p');
  for (const inl of b.inlines) {
    if (inl.type === 'text') p.append(document.createTextNode(inl.text));
    else if (inl.type === 'break') p.append(document.createElement('br'));
    else if (inl.type === 'code') {
      const code = document.createElement('code');
      code.textContent = inl.text;
      p.append(code);
    } else p.append(tex(inl.tex, false));
  }
  return p;
}

/** TeX from the build-time renderings found under `root` (<template data-tex="…">). */
export function prerenderedTex(root: ParentNode): TexRenderer {
  const map = new Map<string, HTMLTemplateElement>();
  for (const t of root.querySelectorAll<HTMLTemplateElement>('template[data-tex]')) map.set(t.dataset['tex'] ?? '', t);
  return (source, display) => {
    const t = map.get(texKey(source, display));
    if (t) return t.content.cloneNode(true);
    // Not pre-rendered (should not happen: a unit test samples every prompt's TeX): show the source.
    const code = document.createElement('code');
    code.textContent = display ? `$$${source}$$` : `$${source}$`;
    return code;
  };
}

/** KaTeX, loaded the first time a solution or a formula preview needs it. */
export async function katexRenderer(): Promise<TexRenderer> {
  const [{ default: katex }, { macros }] = await Promise.all([import('katex'), import('../../math/macros.mjs')]);
  return (source, display) => {
    const span = document.createElement(display ? 'div' : 'span');
    katex.render(source, span, { displayMode: display, throwOnError: false, macros: { ...macros }, strict: 'ignore' });
    return span;
  };
}
