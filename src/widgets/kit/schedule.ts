// Timing helpers that keep training smooth: a rate limiter (heavy views, readouts and the screen
// reader's announcements each run at their own calm rate) and number formatting for readouts.
// Pure: the caller passes the clock, so tests need no timers.

/** Lets an action through at most once per `intervalMs`; the first call always passes. */
export class RateLimiter {
  private last = -Infinity;
  constructor(public intervalMs: number) {}

  /** True (and the time is recorded) when at least `intervalMs` passed since the last pass. */
  ready(now: number): boolean {
    if (now - this.last < this.intervalMs) return false;
    this.last = now;
    return true;
  }

  /** Forget the last pass, so the next call passes (after a reset, say). */
  clear(): void {
    this.last = -Infinity;
  }
}

/**
 * A metric as a readout's text: 4 significant digits, in a form `Number()` reads back (so tests
 * and tools can parse readouts). Non-finite values have no readout: the caller shows the last
 * finite one and explains the divergence next to it.
 */
export function formatMetric(x: number): string {
  if (!Number.isFinite(x)) return '';
  return String(Number(x.toPrecision(4)));
}

/** An accuracy in [0, 1] as a percentage with one decimal, e.g. 0.9125 → "91.3". */
export function formatPercent(fraction: number): string {
  if (!Number.isFinite(fraction)) return '';
  return (Math.round(fraction * 1000) / 10).toFixed(1);
}

/**
 * Indices that thin a long series down to at most `max` points for drawing: evenly strided,
 * always keeping the first and the last point so the curve's ends are exact.
 */
export function thinIndices(length: number, max: number): number[] {
  if (length <= max) return Array.from({ length }, (_, i) => i);
  const stride = Math.ceil((length - 1) / (max - 1));
  const out: number[] = [];
  for (let i = 0; i < length - 1; i += stride) out.push(i);
  out.push(length - 1);
  return out;
}
