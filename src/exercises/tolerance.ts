// Tolerance rules for numeric answers: each says which numbers count as equal to the key, and
// describes itself in one sentence shown next to the input, so the student knows the rule.

/**
 * - `relative`: |x − k| ≤ rel·|k| (or ≤ `floor` when that is larger, for keys near 0);
 * - `absolute`: |x − k| ≤ abs;
 * - `sigfigs`: x agrees with k to `digits` significant figures: |x − k| ≤ ½ unit of the
 *   `digits`-th significant figure of k (0.2689 with 3 figures accepts 0.2685 … 0.2695).
 */
export type Tolerance =
  | { rule: 'relative'; rel: number; floor?: number }
  | { rule: 'absolute'; abs: number }
  | { rule: 'sigfigs'; digits: number };

/** Slack for binary floating point at the exact boundary (0.1 + 0.2 vs 0.3). */
const SLACK = 1e-12;

/** The largest |x − key| the rule accepts for this key. */
export function allowedError(key: number, tol: Tolerance): number {
  switch (tol.rule) {
    case 'relative':
      return Math.max(tol.rel * Math.abs(key), tol.floor ?? 0);
    case 'absolute':
      return tol.abs;
    case 'sigfigs': {
      if (key === 0) return 0.5 * 10 ** -tol.digits;
      const exponent = Math.floor(Math.log10(Math.abs(key)));
      return 0.5 * 10 ** (exponent - tol.digits + 1);
    }
  }
}

/** True when `x` counts as equal to `key` under the rule. Non-finite x is never accepted. */
export function within(x: number, key: number, tol: Tolerance): boolean {
  if (!Number.isFinite(x) || !Number.isFinite(key)) return false;
  const allowed = allowedError(key, tol);
  return Math.abs(x - key) <= allowed * (1 + 1e-9) + SLACK * Math.max(1, Math.abs(key));
}

/** The rule in one sentence for the student ("what it accepts"). */
export function describeTolerance(tol: Tolerance, entries = false): string {
  const each = entries ? 'Each entry is accepted' : 'Accepted';
  switch (tol.rule) {
    case 'relative': {
      const pct = formatPercent(tol.rel);
      const floor = tol.floor ? ` (for values near 0: within ±${tol.floor})` : '';
      return `${each} within ${pct} of the exact value (relative tolerance)${floor}.`;
    }
    case 'absolute':
      return `${each} within ±${tol.abs} of the exact value (absolute tolerance).`;
    case 'sigfigs':
      return `${each} when correct to ${tol.digits} significant figures (within half a unit of the ${ordinal(tol.digits)} significant figure), so give at least ${tol.digits}.`;
  }
}

/** Checks a rule written by an author; returns a message when it makes no sense. */
export function toleranceProblem(tol: Tolerance): string | null {
  switch (tol.rule) {
    case 'relative':
      if (!(tol.rel > 0 && tol.rel < 1)) return 'relative tolerance `rel` must be in (0, 1)';
      if (tol.floor !== undefined && !(tol.floor >= 0)) return '`floor` must be ≥ 0';
      return null;
    case 'absolute':
      return tol.abs > 0 && Number.isFinite(tol.abs) ? null : 'absolute tolerance `abs` must be > 0';
    case 'sigfigs':
      return Number.isInteger(tol.digits) && tol.digits >= 1 && tol.digits <= 12
        ? null
        : 'significant figures `digits` must be an integer from 1 to 12';
  }
}

function formatPercent(rel: number): string {
  const p = rel * 100;
  return `${Number(p.toPrecision(3))} %`;
}

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}
