// runInSandbox for Node (the grading CLI): the code runs in a vm context with no require,
// process or I/O, inside a worker thread with memory limits, terminated after the time limit.
// Only strings cross into the context, so no host object can be reached from it.

import { Worker } from 'node:worker_threads';
import { Script } from 'node:vm';
import { decodeValue, encodeValue } from './codec.ts';
import { harness } from './harness.ts';
import { toResult } from './result.ts';
import { DEFAULT_TIMEOUT_MS, timeoutMessage, type SandboxOptions, type SandboxResult } from './types.ts';

/** The worker thread's program: build a bare context, run the harness in it, post its JSON. */
const THREAD_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const vm = require('node:vm');
// A null-prototype global: this.constructor inside the context must not lead to the thread's Function.
const sandbox = Object.create(null);
sandbox.__input = workerData.input;
const context = vm.createContext(sandbox, { codeGeneration: { strings: true, wasm: false } });
const program = '(' + workerData.harness + ')(JSON.parse(__input).code, JSON.parse(__input).calls, { encode: ' + workerData.encode + ', decode: ' + workerData.decode + ' }).then((r) => JSON.stringify(r))';
Promise.resolve()
  .then(() => vm.runInContext(program, context, { timeout: workerData.timeoutMs }))
  .then((json) => parentPort.postMessage({ json: String(json) }))
  .catch((e) => parentPort.postMessage({ fatal: String(e && e.message || e) }));
`;

/** Compiles without running, to report syntax errors (with their line) without a thread. */
function syntaxError(code: string): { message: string; line?: number } | null {
  try {
    new Script(`(async function (console, engine) {\n${code}\n})`, { filename: 'answer.js' });
    return null;
  } catch (e) {
    const err = e as Error;
    const m = /answer\.js:(\d+)/.exec(String(err.stack));
    // Line 1 is the wrapper; an error found at the closing wrapper line belongs to the code's end.
    const lines = code.split('\n').length;
    return m ? { message: err.message, line: Math.min(Math.max(Number(m[1]) - 1, 1), lines) } : { message: err.message };
  }
}

/** Same contract as the browser's runInSandbox; `engine` is not available in Node. */
export function runInNodeSandbox(code: string, options: SandboxOptions = {}): Promise<SandboxResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const syntax = syntaxError(code);
  if (syntax) {
    const error = { name: 'SyntaxError', message: syntax.message, ...(syntax.line !== undefined && syntax.line >= 1 ? { line: syntax.line } : {}) };
    return Promise.resolve({ status: 'error', phase: 'compile', error, logs: [], ms: 0 });
  }
  const calls = options.calls ? options.calls.map((c) => ({ fn: c.fn, args: encodeValue(c.args) })) : null;
  const started = performance.now();
  return new Promise((resolve) => {
    const worker = new Worker(THREAD_SOURCE, {
      eval: true,
      workerData: {
        input: JSON.stringify({ code, calls }),
        harness: harness.toString(),
        encode: encodeValue.toString(),
        decode: decodeValue.toString(),
        timeoutMs,
      },
      resourceLimits: { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 16, stackSizeMb: 4 },
      stdout: true,
      stderr: true,
    });
    let done = false;
    const finish = (result: SandboxResult) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    };
    const timer = setTimeout(() => finish({ status: 'timeout', error: { name: 'TimeoutError', message: timeoutMessage(timeoutMs) }, logs: [], ms: timeoutMs }), timeoutMs);
    worker.on('message', (msg: { json?: string; fatal?: string }) => {
      const ms = performance.now() - started;
      if (typeof msg.json === 'string') {
        let parsed: unknown = null;
        try {
          parsed = JSON.parse(msg.json);
        } catch {
          /* reported as a sandbox error by toResult */
        }
        finish(toResult(parsed, ms));
      } else if (/timed out/i.test(msg.fatal ?? '')) {
        finish({ status: 'timeout', error: { name: 'TimeoutError', message: timeoutMessage(timeoutMs) }, logs: [], ms });
      } else {
        finish({ status: 'error', phase: 'sandbox', error: { name: 'SandboxError', message: msg.fatal ?? 'unknown failure' }, logs: [], ms });
      }
    });
    worker.on('error', (e: Error & { code?: string }) => {
      const message = e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'Stopped: the code used too much memory.' : `The sandbox stopped: ${e.message}`;
      finish({ status: 'error', phase: 'run', error: { name: 'SandboxError', message }, logs: [], ms: performance.now() - started });
    });
    worker.on('exit', () => finish({ status: 'error', phase: 'sandbox', error: { name: 'SandboxError', message: 'The sandbox ended without an answer.' }, logs: [], ms: performance.now() - started }));
  });
}
