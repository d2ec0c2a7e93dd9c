// Number display for lesson 3's panels: fixed digits for ordinary sizes, scientific notation for
// very small or large ones, and the words a student should see for the float specials (∞, NaN).

/** The typographic minus, so negative numbers read like the lesson's math. */
const MINUS = '\u2212';

/**
 * Formats v with `digits` decimals (default 4). NaN → "NaN", ±Infinity → "∞" / "−∞",
 * |v| ≥ 1e6 or 0 < |v| < 1e-4 → scientific notation ("1.2e−9").
 */
export function formatNumber(v: number, digits = 4): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '∞';
  if (v === -Infinity) return `${MINUS}∞`;
  const abs = Math.abs(v);
  let text: string;
  if (abs !== 0 && (abs >= 1e6 || abs < 1e-4)) {
    const [mantissa, exponent] = v.toExponential(Math.max(1, digits - 2)).split('e');
    text = `${mantissa}e${exponent!.replace('+', '')}`;
  } else {
    text = v.toFixed(digits);
    // "-0.0000" is a rounding artefact, not information.
    if (/^-0\.0*$/.test(text)) text = text.slice(1);
  }
  return text.replaceAll('-', MINUS);
}

/** Formats a vector as "(a, b, c)". */
export function formatVector(values: readonly number[], digits = 4): string {
  return `(${values.map((v) => formatNumber(v, digits)).join(', ')})`;
}

/** Parses a number the way a person types it: accepts "−" for minus and surrounding spaces. */
export function parseNumber(text: string): number {
  const cleaned = text.trim().replaceAll(MINUS, '-');
  if (cleaned === '' || !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(cleaned)) return Number.NaN;
  return Number(cleaned);
}
