import { describe, expect, test } from 'vitest';
import { decodeValue, encodeValue } from '@exercises/sandbox/codec.ts';
import { runInNodeSandbox } from '@exercises/sandbox/node.ts';

describe('codec', () => {
  test('NaN, ±Infinity and undefined survive a JSON round trip; typed arrays become arrays', () => {
    const value = { a: [1, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY], b: undefined, c: Float64Array.of(0.5, -0) };
    const back = decodeValue(JSON.parse(JSON.stringify(encodeValue(value)))) as Record<string, unknown>;
    expect(back['a']).toEqual([1, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]);
    expect('b' in back && back['b'] === undefined).toBe(true);
    expect(back['c']).toEqual([0.5, 0]);
  });

  test('functions, cycles and class instances become descriptions; __proto__ stays a plain key', () => {
    const cyc: Record<string, unknown> = { n: 1 };
    cyc['self'] = cyc;
    const back = decodeValue(encodeValue({ f: function named() {}, cyc, m: new Map() })) as Record<string, Record<string, unknown>>;
    expect(back['f']).toBe('[function named]');
    expect(back['cyc']!['self']).toBe('[circular]');
    expect(back['m']).toBe('[Map]');
    const evil = decodeValue(JSON.parse('{"__proto__": {"polluted": true}}')) as Record<string, unknown>;
    expect(Object.getPrototypeOf(evil)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('runInNodeSandbox', () => {
  test('returns the value of a code body and captures console output', async () => {
    const r = await runInNodeSandbox('console.log("x is", [1, 2]);\nconsole.warn("careful");\nreturn { sum: 1 + 2, bad: 0 / 0 };');
    expect(r.status).toBe('ok');
    if (r.status !== 'ok') return;
    expect(r.value).toEqual({ sum: 3, bad: Number.NaN });
    expect(r.logs.map((l) => [l.level, l.text])).toEqual([
      ['log', 'x is [1, 2]'],
      ['warn', 'careful'],
    ]);
    expect(r.logs[0]!.args).toEqual(['x is', [1, 2]]);
  });

  test('calls the defined functions with arguments, reporting each outcome', async () => {
    const r = await runInNodeSandbox('function twice(x) { return 2 * x; }\nfunction boom() {\n  throw new RangeError("no");\n}', {
      calls: [{ fn: 'twice', args: [21] }, { fn: 'boom', args: [] }, { fn: 'missing', args: [] }, { fn: 'twice', args: [Number.POSITIVE_INFINITY] }],
    });
    if (r.status !== 'ok') throw new Error(JSON.stringify(r));
    expect(r.calls[0]).toEqual({ ok: true, value: 42 });
    expect(r.calls[1]).toEqual({ ok: false, error: { name: 'RangeError', message: 'no', line: 3 } });
    expect(r.calls[2]).toMatchObject({ ok: false, error: { name: 'MissingFunction' } });
    expect(r.calls[3]).toEqual({ ok: true, value: Number.POSITIVE_INFINITY });
  });

  test('an endless loop is stopped at the time limit', async () => {
    const started = Date.now();
    const r = await runInNodeSandbox('for (;;) {}', { timeoutMs: 300 });
    expect(r.status).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(3000);
    const inCall = await runInNodeSandbox('function f() { while (true) {} }', { calls: [{ fn: 'f', args: [] }], timeoutMs: 300 });
    expect(inCall.status).toBe('timeout');
  });

  test('a memory blow-up is stopped without taking the grader down', async () => {
    const r = await runInNodeSandbox('const a = []; for (;;) a.push(new Array(1e6).fill(1.5));', { timeoutMs: 10_000 });
    expect(r.status).toBe('error');
    if (r.status === 'error') expect(r.error.message).toMatch(/too much memory|stopped/i);
  });

  test('no way out to Node: no require, process, or host Function through constructors', async () => {
    const probes = [
      'typeof require + typeof process + typeof module + typeof globalThis.process',
      'this.constructor.constructor("return typeof process")()',
      '(() => {}).constructor("return typeof process")()',
      'Object.getPrototypeOf(globalThis).constructor.constructor("return typeof process")()',
      'console.log.constructor("return typeof process")()',
      'arguments.callee.caller',
    ];
    for (const probe of probes) {
      const r = await runInNodeSandbox(`try { return String(${probe}); } catch (e) { return "blocked: " + e.message; }`);
      if (r.status !== 'ok') throw new Error(JSON.stringify(r));
      expect(String(r.value), probe).toMatch(/^(?:undefined)+$|^blocked: /);
    }
  });

  test('import is refused before compiling; words that merely start with "import" are fine', async () => {
    // A dynamic import() is valid syntax in a function body: the harness refuses it.
    expect(await runInNodeSandbox('return import("data:text/javascript,export default 1")')).toMatchObject({ status: 'error', phase: 'compile', error: { message: expect.stringMatching(/import is not available/) } });
    for (const code of ['return import.meta', 'import x from "y"']) {
      expect(await runInNodeSandbox(code), code).toMatchObject({ status: 'error', phase: 'compile' });
    }
    expect(await runInNodeSandbox('const important = 2; const importScripts = 3; return important + importScripts;')).toMatchObject({ status: 'ok', value: 5 });
  });

  test('syntax errors are reported with their line, without running anything', async () => {
    const r = await runInNodeSandbox('const a = 1;\nconst b = ;\n');
    expect(r).toMatchObject({ status: 'error', phase: 'compile', error: { name: 'SyntaxError', line: 2 } });
    const run = await runInNodeSandbox('const a = 1;\nnull.x;');
    expect(run).toMatchObject({ status: 'error', phase: 'run', error: { name: 'TypeError', line: 2 } });
  });
});
