// Wakes a panel only when it comes near the viewport, so a long lesson page loads its widgets'
// code one at a time as the reader scrolls (Distill's d-figure lifecycle).

/**
 * Calls `wake` once, when `el` comes within `margin` of the viewport, and returns a function that
 * cancels the wait. Without IntersectionObserver (old browsers, some test shells) it wakes at once.
 */
export function whenNear(el: Element, wake: () => void, margin = '300px'): () => void {
  if (typeof IntersectionObserver === 'undefined') {
    wake();
    return () => {};
  }
  const io = new IntersectionObserver(
    (entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        io.disconnect();
        wake();
      }
    },
    { rootMargin: margin },
  );
  io.observe(el);
  return () => io.disconnect();
}
