// Values crossing the sandbox boundary as plain JSON-safe data: NaN, ±Infinity and undefined
// survive (JSON would turn them into null), typed arrays become arrays, functions and cycles
// become descriptions. Each function is self-contained: the Node runner sends its source text
// into the vm context, where nothing from this module is in scope.

/** Encodes a value as JSON-safe data (specials as { $special: … }). */
export function encodeValue(value: unknown): unknown {
  let budget = 200000;
  const seen = new Set<object>();
  const walk = (v: unknown, depth: number): unknown => {
    if (--budget < 0) return { $special: 'truncated' };
    if (typeof v === 'number') return Number.isFinite(v) ? (Object.is(v, -0) ? 0 : v) : { $special: String(v) };
    if (typeof v === 'string') return v.length > 100000 ? `${v.slice(0, 100000)}…` : v;
    if (typeof v === 'boolean' || v === null) return v;
    if (v === undefined) return { $special: 'undefined' };
    if (typeof v === 'bigint') return { $special: 'text', text: `${String(v)}n` };
    if (typeof v === 'function') return { $special: 'text', text: `[function ${v.name || 'anonymous'}]` };
    if (typeof v === 'symbol') return { $special: 'text', text: String(v) };
    if (typeof v !== 'object') return { $special: 'text', text: String(v) };
    if (depth > 32) return { $special: 'text', text: '[nested too deeply]' };
    if (seen.has(v)) return { $special: 'text', text: '[circular]' };
    if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
      return Array.from(v as unknown as ArrayLike<number | bigint>, (x) => walk(typeof x === 'bigint' ? Number(x) : x, depth + 1));
    }
    seen.add(v);
    try {
      if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1));
      if (v instanceof Error) return { $special: 'text', text: `${v.name}: ${v.message}` };
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) {
        return { $special: 'text', text: `[${Object.prototype.toString.call(v).slice(8, -1)}]` };
      }
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(v)) {
        Object.defineProperty(out, key, { value: walk((v as Record<string, unknown>)[key], depth + 1), enumerable: true, writable: true, configurable: true });
      }
      return out;
    } finally {
      seen.delete(v);
    }
  };
  return walk(value, 0);
}

/** Inverse of encodeValue for numbers and undefined; other specials become their text. */
export function decodeValue(data: unknown): unknown {
  const walk = (v: unknown, depth: number): unknown => {
    if (depth > 40 || v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1));
    const rec = v as Record<string, unknown>;
    if (typeof rec['$special'] === 'string') {
      const s = rec['$special'];
      if (s === 'NaN') return Number.NaN;
      if (s === 'Infinity') return Number.POSITIVE_INFINITY;
      if (s === '-Infinity') return Number.NEGATIVE_INFINITY;
      if (s === 'undefined') return undefined;
      return typeof rec['text'] === 'string' ? rec['text'] : `[${s}]`;
    }
    const out: Record<string, unknown> = {};
    // defineProperty, so that a key named __proto__ stays a plain key.
    for (const key of Object.keys(rec)) {
      Object.defineProperty(out, key, { value: walk(rec[key], depth + 1), enumerable: true, writable: true, configurable: true });
    }
    return out;
  };
  return walk(data, 0);
}
