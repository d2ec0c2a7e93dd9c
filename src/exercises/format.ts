// Number formatting for exercise text: plain-text forms for prompts (numbers in prompts are
// text, so that the prompt's TeX stays the same in every variant) and TeX forms for solutions.

/** x to `digits` significant figures, without trailing zeros or exponent for ordinary sizes. */
export function fmt(x: number, digits = 4): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const abs = Math.abs(x);
  if (abs >= 1e-4 && abs < 1e9) {
    const s = x.toPrecision(digits);
    return trimZeros(s.includes('e') ? String(Number(s)) : s);
  }
  const [mant = '', exp = ''] = x.toExponential(digits - 1).split('e');
  return `${trimZeros(mant)}e${exp.replace('+', '')}`;
}

/** x with exactly `decimals` decimals (for inputs drawn on a grid, e.g. logits to 0.1). */
export function fix(x: number, decimals: number): string {
  const s = (Object.is(x, -0) ? 0 : x).toFixed(decimals);
  return s === `-${(0).toFixed(decimals)}` ? (0).toFixed(decimals) : s;
}

function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/** A vector as text, `[2.1, -0.3, 0.5]`: the same form the answer box accepts. */
export function vec(xs: readonly number[], digits = 4): string {
  return `[${xs.map((x) => fmt(x, digits)).join(', ')}]`;
}

/** A matrix as text, one row per line (a line break in a prompt paragraph). */
export function mat(rows: readonly (readonly number[])[], digits = 4): string {
  return rows.map((r) => vec(r, digits)).join('\n');
}

/** A number in TeX (`-0.25`, `3.1 \times 10^{-5}`). */
export function texNum(x: number, digits = 4): string {
  const s = fmt(x, digits);
  const m = /^(-?[\d.]+)e(-?\d+)$/.exec(s);
  return m ? `${m[1]} \\times 10^{${m[2]}}` : s;
}

/**
 * A linear combination in TeX as a person writes it: `texLinear([0, -1, 2], ['', 'x_1', 'x_2'])`
 * is `-x_1 + 2\,x_2`: zero terms left out, no "+ -", no coefficient 1; an empty name is the
 * constant term; all zero is `0`.
 */
export function texLinear(coefficients: readonly number[], names: readonly string[], digits = 4): string {
  let out = '';
  coefficients.forEach((c, i) => {
    if (c === 0) return;
    const name = names[i] ?? '';
    const size = texNum(Math.abs(c), digits);
    const term = name === '' ? size : Math.abs(c) === 1 ? name : `${size}\\,${name}`;
    out += out === '' ? (c < 0 ? `-${term}` : term) : c < 0 ? ` - ${term}` : ` + ${term}`;
  });
  return out === '' ? '0' : out;
}

/** A row vector in TeX: `\begin{bmatrix} 1 & 2 \end{bmatrix}`; a column with `column`. */
export function texVec(xs: readonly number[], digits = 4, column = false): string {
  const sep = column ? ' \\\\ ' : ' & ';
  return `\\begin{bmatrix} ${xs.map((x) => texNum(x, digits)).join(sep)} \\end{bmatrix}`;
}

/** A matrix in TeX. */
export function texMat(rows: readonly (readonly number[])[], digits = 4): string {
  return `\\begin{bmatrix} ${rows.map((r) => r.map((x) => texNum(x, digits)).join(' & ')).join(' \\\\ ')} \\end{bmatrix}`;
}

/** A percentage for text, e.g. 0.953 → "95.3 %". */
export function pct(x: number, digits = 3): string {
  return `${fmt(x * 100, digits)} %`;
}
