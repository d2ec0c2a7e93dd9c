// Names that tie a page to a widget: the widget's name (its `data-widget` and URL namespace) and
// its kind (which `*.widget.ts` declaration to load). Tiny on purpose: the light element uses it.

/** A widget name usable in a URL key and a `data-widget` attribute: letters, digits, `-` and `_`. */
export function isValidWidgetName(name: string): boolean {
  return /^[A-Za-z][A-Za-z0-9_-]{0,39}$/.test(name);
}

/** The declaration of a kind: "classify" (file name) or "kit/gallery/classify" (path under src/widgets). */
export function findDefinition(kind: string, keys: readonly string[]): { key: string } | { error: string } {
  const wanted = `/${kind}.widget.ts`;
  const hits = keys.filter((k) => k.endsWith(wanted));
  if (hits.length === 1) return { key: hits[0]! };
  if (hits.length === 0) return { error: `No widget of kind “${kind.slice(0, 40)}” exists (expected a file src/widgets/…/${kind.slice(0, 40)}.widget.ts).` };
  return { error: `Several widgets are of kind “${kind}”: write the folder too, e.g. ${hits.map((h) => `“${h.replace('/src/widgets/', '').replace('.widget.ts', '')}”`).join(' or ')}.` };
}
