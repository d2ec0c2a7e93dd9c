// A tiny helper for building SVG with the DOM (never from strings, so no text becomes markup).

const NS = 'http://www.w3.org/2000/svg';

/** Creates an SVG element with the given attributes and, optionally, text content. */
export function svgEl<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number> = {},
  text?: string,
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}
