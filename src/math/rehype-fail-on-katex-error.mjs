// rehype-katex reports a formula KaTeX cannot parse as a file message and renders it in red.
// Run right after it, this plugin turns any such message into a build failure that names the
// file, the line and the formula, so a broken formula never reaches a reader.
/** @returns {(tree: unknown, file: import('vfile').VFile) => void} */
export default function rehypeFailOnKatexError() {
  return (_tree, file) => {
    const errors = file.messages.filter((m) => m.source === 'rehype-katex');
    if (errors.length === 0) return;
    const lines = errors.map((m) => {
      const where = m.place && 'start' in m.place ? `${m.place.start.line}:${m.place.start.column}` : `${m.line ?? '?'}:${m.column ?? '?'}`;
      const cause = m.cause instanceof Error ? m.cause.message : String(m.cause ?? m.reason);
      return `  ${file.path ?? '<unknown file>'}:${where} ${cause.split('\n')[0]}`;
    });
    throw new Error(`KaTeX could not typeset ${errors.length} formula(s):\n${lines.join('\n')}`);
  };
}
