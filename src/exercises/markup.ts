// The small text format of prompts, options and solutions: paragraphs split by blank lines,
// `$…$` inline TeX, `$$…$$` display TeX, `code` in backticks, a block of code between lines of
// three backticks, single new lines as line breaks, `\$` for a dollar sign. Parsed into plain data; the page builds DOM nodes from it with
// textContent, so markup can never inject HTML.

/** An inline piece of a paragraph. */
export type Inline =
  | { type: 'text'; text: string }
  | { type: 'code'; text: string }
  | { type: 'tex'; tex: string }
  | { type: 'break' };

/** A block: a paragraph of inline pieces, a display formula, or a block of code (kept verbatim). */
export type Block = { type: 'paragraph'; inlines: Inline[] } | { type: 'display'; tex: string } | { type: 'code'; text: string };

/** Parses markup into blocks. Never throws: an unclosed `$` or backtick is kept as text. */
export function parseMarkup(source: string): Block[] {
  const blocks: Block[] = [];
  const text = source.replace(/\r\n?/g, '\n');
  // Code blocks first (nothing inside them is markup), then display math: $$…$$ may span lines
  // and stands as its own block.
  text.split(/^```[^\n]*\n([\s\S]*?)\n```[ \t]*$/m).forEach((chunk, c) => {
    if (c % 2 === 1) {
      blocks.push({ type: 'code', text: chunk });
      return;
    }
    chunk.split(/\$\$([\s\S]+?)\$\$/).forEach((part, i) => {
      if (i % 2 === 1) {
        blocks.push({ type: 'display', tex: part.trim() });
        return;
      }
      for (const para of part.split(/\n[ \t]*\n/)) {
        const trimmed = para.trim();
        if (trimmed !== '') blocks.push({ type: 'paragraph', inlines: parseInline(trimmed) });
      }
    });
  });
  return blocks;
}

function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let buffer = '';
  const flush = () => {
    if (buffer !== '') out.push({ type: 'text', text: buffer });
    buffer = '';
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '\\' && text[i + 1] === '$') {
      buffer += '$';
      i += 2;
    } else if (ch === '$' || ch === '`') {
      const end = findClose(text, i + 1, ch);
      if (end < 0) {
        buffer += ch;
        i++;
        continue;
      }
      flush();
      const body = text.slice(i + 1, end);
      out.push(ch === '$' ? { type: 'tex', tex: body.trim() } : { type: 'code', text: body });
      i = end + 1;
    } else if (ch === '\n') {
      flush();
      out.push({ type: 'break' });
      i++;
    } else {
      buffer += ch;
      i++;
    }
  }
  flush();
  return out;
}

/** Index of the closing delimiter (skipping `\$` inside TeX), or −1. */
function findClose(text: string, from: number, delim: string): number {
  for (let j = from; j < text.length; j++) {
    if (delim === '$' && text[j] === '\\') {
      j++;
      continue;
    }
    if (text[j] === delim) return j > from ? j : -1;
  }
  return -1;
}

/** Every TeX source in the blocks, with whether it is display math, in order. */
export function texSources(blocks: readonly Block[]): { tex: string; display: boolean }[] {
  const out: { tex: string; display: boolean }[] = [];
  for (const b of blocks) {
    if (b.type === 'display') out.push({ tex: b.tex, display: true });
    else if (b.type === 'paragraph') for (const inl of b.inlines) if (inl.type === 'tex') out.push({ tex: inl.tex, display: false });
  }
  return out;
}

/** The markup as plain text (TeX kept as source), e.g. for the grading table or a screen reader. */
export function plainText(source: string): string {
  return parseMarkup(source)
    .map((b) =>
      b.type === 'display'
        ? b.tex
        : b.type === 'code'
          ? b.text
          : b.inlines.map((inl) => (inl.type === 'break' ? '\n' : inl.type === 'tex' ? inl.tex : inl.text)).join(''),
    )
    .join('\n\n');
}

/** The lookup key of a pre-rendered formula (see validate.promptTex). */
export function texKey(tex: string, display: boolean): string {
  return `${display ? 'display' : 'inline'}:${tex}`;
}
