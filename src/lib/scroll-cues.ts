// Wide formulas and tables scroll sideways inside their own box on a narrow screen. This marks the
// ones that really overflow: a shadow on the side that has more (CSS: .scrolls, [data-more]), and
// keyboard access (tabindex 0 and a label) so the hidden part can be reached without a mouse.
// Boxes that fit get none of it: no extra tab stops on a wide screen.

const SELECTOR = '.prose .katex-display, .prose table';

function label(el: Element): string {
  return el.matches('table') ? 'Table, scrolls sideways' : 'Formula, scrolls sideways';
}

interface Measure {
  el: HTMLElement;
  overflow: boolean;
  more: string;
}

/** Reads one box's geometry (no writes, so measuring many boxes costs one layout). */
function measure(el: HTMLElement): Measure {
  const overflow = el.scrollWidth - el.clientWidth > 1;
  const left = el.scrollLeft > 1;
  const right = el.scrollLeft + el.clientWidth < el.scrollWidth - 1;
  return { el, overflow, more: left && right ? 'both' : left ? 'left' : right ? 'right' : '' };
}

/** Writes what a measurement found, touching only what changed. */
function apply({ el, overflow, more }: Measure): void {
  if (el.classList.contains('scrolls') !== overflow) el.classList.toggle('scrolls', overflow);
  if (overflow) {
    if (!el.hasAttribute('tabindex')) el.tabIndex = 0;
    if (el.getAttribute('role') !== 'region') el.setAttribute('role', 'region');
    const name = label(el);
    if (el.getAttribute('aria-label') !== name) el.setAttribute('aria-label', name);
    if (el.dataset['more'] !== more) el.dataset['more'] = more;
  } else if (el.getAttribute('role') === 'region') {
    el.removeAttribute('tabindex');
    el.removeAttribute('role');
    el.removeAttribute('aria-label');
    delete el.dataset['more'];
  }
}

/** Marks or unmarks one box, and which sides have more to see. */
export function markScroller(el: HTMLElement): void {
  apply(measure(el));
}

/** Watches every wide-formula and table box of the page. */
export function initScrollCues(doc: Document): void {
  const boxes = [...doc.querySelectorAll<HTMLElement>(SELECTOR)];
  if (boxes.length === 0) return;
  const observer = new ResizeObserver((entries) => {
    // all reads first, then all writes: one layout for the whole page, not one per box
    const found = entries.map((e) => measure(e.target as HTMLElement));
    for (const m of found) apply(m);
  });
  for (const box of boxes) {
    observer.observe(box);
    box.addEventListener('scroll', () => markScroller(box), { passive: true });
  }
}
