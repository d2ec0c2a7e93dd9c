// What runs inside the sandbox, in the browser Worker and in Node's vm context alike: compile
// the code as an async function body, lock the code-generation doors, run it with a captured
// console, call the requested functions, and return everything as JSON-safe data.
// `harness` must stay self-contained: the Node runner sends its source text into a vm context.

/** What the harness sends back (values encoded by codec.encodeValue). */
export type HarnessOutput =
  | { status: 'ok'; value: unknown; calls: HarnessCallResult[]; logs: HarnessLog[] }
  | { status: 'error'; phase: 'compile' | 'run'; error: HarnessError; logs: HarnessLog[] };

export type HarnessCallResult = { ok: true; value: unknown } | { ok: false; error: HarnessError };
export interface HarnessError {
  name: string;
  message: string;
  line?: number;
}
export interface HarnessLog {
  level: 'log' | 'info' | 'warn' | 'error' | 'debug';
  text: string;
  args: unknown[];
}

export interface HarnessEnv {
  encode: (v: unknown) => unknown;
  decode: (v: unknown) => unknown;
  /** Passed to the code as `engine`. */
  engine?: unknown;
  /** Called after compiling, before running: removes eval-like doors from the global scope. */
  lockdown?: () => void;
}

/** Runs `code` and, if given, calls[i].fn(...calls[i].args) (args encoded). */
export async function harness(
  code: string,
  calls: readonly { fn: string; args: unknown }[] | null,
  env: HarnessEnv,
): Promise<HarnessOutput> {
  const MAX_LOGS = 500;
  const MAX_TEXT = 10000;
  const logs: HarnessLog[] = [];
  const show = (v: unknown, depth: number): string => {
    if (typeof v === 'string') return depth === 0 ? v : JSON.stringify(v);
    if (typeof v === 'number') return Object.is(v, -0) ? '0' : String(v);
    if (typeof v !== 'object' || v === null) return String(v);
    if (depth > 3) return '…';
    if (Array.isArray(v) || ArrayBuffer.isView(v)) {
      const items = Array.from(v as ArrayLike<unknown>).slice(0, 100).map((x) => show(x, depth + 1));
      return `[${items.join(', ')}${(v as ArrayLike<unknown>).length > 100 ? ', …' : ''}]`;
    }
    if (v instanceof Error) return `${v.name}: ${v.message}`;
    const keys = Object.keys(v).slice(0, 30);
    return `{ ${keys.map((k) => `${k}: ${show((v as Record<string, unknown>)[k], depth + 1)}`).join(', ')} }`;
  };
  const record = (level: HarnessLog['level']) => (...args: unknown[]) => {
    if (logs.length >= MAX_LOGS) return;
    let text = args.map((a) => show(a, 0)).join(' ');
    if (text.length > MAX_TEXT) text = `${text.slice(0, MAX_TEXT)}…`;
    logs.push({ level, text, args: args.map((a) => env.encode(a)) });
    if (logs.length === MAX_LOGS) logs.push({ level: 'warn', text: `(only the first ${MAX_LOGS} lines are shown)`, args: [] });
  };
  const sandboxConsole = Object.freeze({
    log: record('log'),
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
    debug: record('debug'),
  });

  const AsyncFunction = (async () => {}).constructor as new (...src: string[]) => (...a: unknown[]) => Promise<unknown>;
  // Where line 1 of the body lands in the compiled function, to report the code's own lines.
  let offset = 0;
  try {
    await new AsyncFunction('console', 'engine', 'throw new Error("probe")')();
  } catch (e) {
    const m = /(\d+):\d+\)?\s*$/m.exec(String((e as Error).stack ?? '').split('\n').find((l) => /anonymous|Function|eval/.test(l) && /:\d+:\d+/.test(l)) ?? '');
    offset = m ? Number(m[1]) - 1 : 0;
  }
  const describe = (e: unknown): HarnessError => {
    if (e instanceof Error || (typeof e === 'object' && e !== null && 'message' in e)) {
      const err = e as Error;
      const out: HarnessError = { name: String(err.name ?? 'Error'), message: String(err.message ?? '') };
      const frame = String(err.stack ?? '')
        .split('\n')
        .find((l) => /anonymous|Function|eval/.test(l) && /:\d+:\d+/.test(l));
      const m = frame ? /(\d+):\d+\)?\s*$/.exec(frame) : null;
      if (m && offset > 0) {
        const line = Number(m[1]) - offset;
        if (line >= 1) out.line = line;
      }
      return out;
    }
    return { name: 'Error', message: `threw ${show(e, 1)}` };
  };

  const names = calls ? [...new Set(calls.map((c) => c.fn))] : [];
  const tail = names.length > 0 ? `\n;return [${names.map((n) => `typeof ${n} === "function" ? ${n} : undefined`).join(', ')}];` : '';
  // A dynamic import() would load code from anywhere; the keyword has no use in a sandboxed answer.
  if (/\bimport\b\s*(\(|\.|\{|\*|[A-Za-z_$])/.test(code)) {
    return { status: 'error', phase: 'compile', error: { name: 'SyntaxError', message: 'import is not available here: write everything in this code' }, logs };
  }
  let compiled: (...a: unknown[]) => Promise<unknown>;
  try {
    compiled = new AsyncFunction('console', 'engine', `${code}${tail}`);
  } catch (e) {
    return { status: 'error', phase: 'compile', error: describe(e), logs };
  }
  if (env.lockdown) env.lockdown();

  let value: unknown;
  try {
    value = await compiled(sandboxConsole, env.engine);
  } catch (e) {
    return { status: 'error', phase: 'run', error: describe(e), logs };
  }
  if (!calls) return { status: 'ok', value: env.encode(value), calls: [], logs };

  const fns = Array.isArray(value) ? value : [];
  const results: HarnessCallResult[] = [];
  for (const call of calls) {
    const fn = fns[names.indexOf(call.fn)] as ((...a: unknown[]) => unknown) | undefined;
    if (typeof fn !== 'function') {
      results.push({ ok: false, error: { name: 'MissingFunction', message: `no function named ${call.fn} is defined` } });
      continue;
    }
    try {
      const args = env.decode(call.args);
      let out = fn(...(Array.isArray(args) ? args : []));
      if (out && typeof (out as Promise<unknown>).then === 'function') out = await (out as Promise<unknown>);
      results.push({ ok: true, value: env.encode(out) });
    } catch (e) {
      results.push({ ok: false, error: describe(e) });
    }
  }
  return { status: 'ok', value: env.encode(undefined), calls: results, logs };
}
