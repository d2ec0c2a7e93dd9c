/**
 * On a lesson page, the Present button and the "P" key open present mode at the section being
 * read (the last `h2` above the top third of the window), so a teacher can switch mid-lesson.
 */
export function initPresentShortcut(doc: Document): void {
  const link = doc.querySelector<HTMLAnchorElement>('[data-present-link]');
  if (!link) return;
  const target = () => {
    const headings = [...doc.querySelectorAll<HTMLElement>('article h2[id]')];
    const line = (doc.defaultView?.innerHeight ?? 800) / 3;
    const current = headings.filter((h) => h.getBoundingClientRect().top < line).at(-1);
    const url = new URL(link.href, doc.baseURI);
    if (current) url.searchParams.set('at', current.id);
    return url.pathname + url.search;
  };
  link.addEventListener('click', (e) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    doc.location.href = target();
  });
  doc.addEventListener('keydown', (e) => {
    if (e.key !== 'p' && e.key !== 'P') return;
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const t = e.target as Element | null;
    if (t?.closest('input, textarea, select, [contenteditable], .cm-editor, [data-widget], [data-exercise], [data-cell]')) return;
    doc.location.href = target();
  });
}
