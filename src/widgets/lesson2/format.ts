// Number formatting for lesson 2's readouts: a fixed number of decimals for everyday sizes, and
// scientific notation for tiny or huge values, so a tail probability of 6e-7 never shows as 0.000.

const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻', '+': '', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
};

/**
 * `x` with `decimals` decimals when 1e-3 ≤ |x| < 1e5 (or x = 0), else as m × 10ⁿ with
 * `decimals − 1` digits after the point. Minus is U+2212; ∞ and NaN are spelled out.
 */
export function formatNumber(x: number, decimals = 3): string {
  if (Number.isNaN(x)) return 'not a number';
  if (x === Infinity) return '∞';
  if (x === -Infinity) return '−∞';
  const a = Math.abs(x);
  let s: string;
  if (a === 0 || (a >= 1e-3 && a < 1e5)) {
    s = a.toFixed(decimals);
    if (Number(s) === 0) return s;
  } else {
    const [mantissa, exponent = '0'] = a.toExponential(Math.max(0, decimals - 1)).split('e');
    s = `${mantissa} × 10${[...exponent].map((c) => SUPERSCRIPT[c] ?? c).join('')}`;
  }
  return x < 0 ? `−${s}` : s;
}

/** A value typed or slid into a control: finite and inside [min, max], or a sentence saying why not. */
export function readNumber(raw: string, min: number, max: number, name: string): { value: number } | { error: string } {
  const text = raw.trim();
  if (text === '') return { error: `${name} is empty: enter a number from ${min} to ${max}.` };
  const v = Number(text);
  if (!Number.isFinite(v)) return { error: `${name} must be a number from ${min} to ${max}, not “${text}”.` };
  if (v < min || v > max) return { error: `${name} must be between ${min} and ${max}; ${v} is outside.` };
  return { value: v };
}
