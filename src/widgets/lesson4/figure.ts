// Puts a Plot chart into its slot as an image with a text alternative: the <svg> gets role="img"
// and an aria-label (the marks themselves are aria-hidden), so a screen reader hears one sentence.

/** Replaces the slot's content with the chart and labels it. */
export function placeFigure(slot: HTMLElement, chart: SVGSVGElement | HTMLElement, label: string): void {
  const svg = chart instanceof SVGSVGElement ? chart : chart.querySelector('svg');
  if (svg) {
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', label);
  }
  slot.replaceChildren(chart);
}

/** A number with a fixed count of decimals, with a proper minus sign. */
export function fmt(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return String(x);
  return x.toFixed(digits).replace('-', '−');
}
