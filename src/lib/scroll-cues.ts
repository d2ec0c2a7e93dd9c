// Wide formulas and tables scroll sideways inside their own box on a narrow screen. This marks the
// ones that really overflow: a shadow on the side that has more (CSS: .scrolls, [data-more]), and
// keyboard access (tabindex 0 and a label) so the hidden part can be reached without a mouse.
// Boxes that fit get none of it: no extra tab stops on a wide screen.

const SELECTOR = '.prose .katex-display, .prose table';

function label(el: Element): string {
  return el.matches('table') ? 'Table, scrolls sideways' : 'Formula, scrolls sideways';
}

/** Marks or unmarks one box, and which sides have more to see. */
export function markScroller(el: HTMLElement): void {
  const overflow = el.scrollWidth - el.clientWidth > 1;
  el.classList.toggle('scrolls', overflow);
  if (overflow) {
    if (!el.hasAttribute('tabindex')) el.tabIndex = 0;
    el.setAttribute('role', 'region');
    el.setAttribute('aria-label', label(el));
    const left = el.scrollLeft > 1;
    const right = el.scrollLeft + el.clientWidth < el.scrollWidth - 1;
    el.dataset['more'] = left && right ? 'both' : left ? 'left' : right ? 'right' : '';
  } else if (el.getAttribute('role') === 'region') {
    el.removeAttribute('tabindex');
    el.removeAttribute('role');
    el.removeAttribute('aria-label');
    delete el.dataset['more'];
  }
}

/** Watches every wide-formula and table box of the page. */
export function initScrollCues(doc: Document): void {
  const boxes = [...doc.querySelectorAll<HTMLElement>(SELECTOR)];
  if (boxes.length === 0) return;
  const observer = new ResizeObserver((entries) => {
    for (const e of entries) markScroller(e.target as HTMLElement);
  });
  for (const box of boxes) {
    observer.observe(box);
    box.addEventListener('scroll', () => markScroller(box), { passive: true });
  }
}
