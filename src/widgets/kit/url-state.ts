// A widget's configuration in the page URL, so a link reproduces it exactly. Keys are namespaced
// per widget (`w.<name>.<key>`) so several widgets share one URL. Reading is defensive: keys of
// other widgets are left alone, unknown keys of this widget are ignored with a note, and bad
// values are refused with a note that quotes them (as text, cut short), keeping the default.

import { echo, formatParam, parseDecimal, parseParam, type ParamSpec, type ParamValue, type ParamValues } from './params';

/** The URL key prefix of a widget: `w.<name>.`. */
export function urlPrefix(name: string): string {
  return `w.${name}.`;
}

/** The key under which the seed travels (not a hyperparameter, but part of "the same run"). */
export const SEED_KEY = 'seed';

/** Largest seed: seeds are unsigned 32-bit integers. */
export const MAX_SEED = 0xffffffff;

export { isValidWidgetName } from './names';

/** Validates a seed typed by a person or read from a URL. */
export function parseSeed(raw: string): { ok: true; value: number } | { ok: false; message: string } {
  const x = parseDecimal(raw);
  if (x === null || !Number.isInteger(x) || x < 0 || x > MAX_SEED)
    return { ok: false, message: `Seed: ${echo(raw)} is not a whole number from 0 to ${MAX_SEED}.` };
  return { ok: true, value: x };
}

/** What a URL says about one widget: the values it sets (all valid), the seed, and notes on what was refused. */
export interface DecodedState {
  values: Record<string, ParamValue>;
  seed: number | null;
  notes: string[];
}

/** Reads this widget's keys from a query string; never throws, whatever the URL holds. */
export function decodeWidgetState(name: string, specs: readonly ParamSpec[], search: URLSearchParams): DecodedState {
  const prefix = urlPrefix(name);
  const byKey = new Map(specs.map((s) => [s.key, s]));
  const out: DecodedState = { values: {}, seed: null, notes: [] };
  for (const [fullKey, raw] of search) {
    if (!fullKey.startsWith(prefix)) continue;
    const key = fullKey.slice(prefix.length);
    if (key === SEED_KEY) {
      const seed = parseSeed(raw);
      if (seed.ok) out.seed = seed.value;
      else out.notes.push(`Link ignored — ${seed.message}`);
      continue;
    }
    const spec = byKey.get(key);
    if (!spec) {
      out.notes.push(`Link ignored an unknown setting ${echo(key)}.`);
      continue;
    }
    const parsed = parseParam(spec, raw);
    if (parsed.ok) out.values[key] = parsed.value;
    else out.notes.push(`Link ignored — ${parsed.message} Kept ${formatParam(spec, spec.default)}.`);
  }
  return out;
}

/**
 * A copy of `search` with this widget's keys replaced by the given values and seed (all of them,
 * so the link still means the same run if defaults change later). Other widgets' keys are kept.
 */
export function encodeWidgetState(
  name: string,
  specs: readonly ParamSpec[],
  values: ParamValues,
  seed: number,
  search: URLSearchParams,
): URLSearchParams {
  const prefix = urlPrefix(name);
  const next = new URLSearchParams();
  for (const [k, v] of search) if (!k.startsWith(prefix)) next.append(k, v);
  for (const s of specs) {
    const v = values[s.key];
    if (v !== undefined) next.set(prefix + s.key, formatParam(s, v));
  }
  next.set(prefix + SEED_KEY, String(seed));
  return next;
}

/** The query string for a URL: `?a=1&b=2` or '' when empty. Commas stay readable in layer lists. */
export function queryString(search: URLSearchParams): string {
  const s = search.toString().replace(/%2C/gi, ',');
  return s ? `?${s}` : '';
}
