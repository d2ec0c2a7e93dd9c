// runInSandbox for the browser: each run gets a fresh module Worker (see worker.ts), a time
// limit, and is terminated when it ends, times out or is aborted, so a runaway loop never
// freezes the page. Used by code exercises and notebook cells; see README.md.

import { encodeValue } from './codec.ts';
import { toResult } from './result.ts';
import { DEFAULT_TIMEOUT_MS, timeoutMessage, type SandboxOptions, type SandboxResult } from './types.ts';

export type * from './types.ts';

/** How long a worker may take to start (download and parse) before the run fails. */
const START_TIMEOUT_MS = 15_000;

/**
 * Runs `code` in a sandboxed Worker: no DOM, network, storage or other workers; stopped after
 * `timeoutMs` (default 2 s). Without `calls`, `code` is an async function body and the result's
 * `value` is what it returns; with `calls`, the code's functions are called and `calls` in the
 * result holds each outcome. Never rejects: problems come back as `status: 'error' | 'timeout'`.
 */
export function runInSandbox(code: string, options: SandboxOptions = {}): Promise<SandboxResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'sandbox' });
    } catch (e) {
      resolve({ status: 'error', phase: 'sandbox', error: { name: 'SandboxError', message: `The sandbox could not start: ${String(e)}` }, logs: [], ms: 0 });
      return;
    }
    let started = 0;
    let timer = setTimeout(() => finish({ status: 'error', phase: 'sandbox', error: { name: 'SandboxError', message: 'The sandbox did not start in time.' }, logs: [], ms: 0 }), START_TIMEOUT_MS);
    const onAbort = () => finish({ status: 'error', phase: 'run', error: { name: 'AbortError', message: 'Stopped.' }, logs: [], ms: performance.now() - started });
    function finish(result: SandboxResult) {
      clearTimeout(timer);
      worker.terminate();
      options.signal?.removeEventListener('abort', onAbort);
      resolve(result);
    }
    if (options.signal?.aborted) {
      onAbort();
      return;
    }
    options.signal?.addEventListener('abort', onAbort, { once: true });
    worker.addEventListener('message', (event: MessageEvent) => {
      const data = event.data as Record<string, unknown> | null;
      if (data && data['ready'] === true && started === 0) {
        started = performance.now();
        clearTimeout(timer);
        timer = setTimeout(() => finish({ status: 'timeout', error: { name: 'TimeoutError', message: timeoutMessage(timeoutMs) }, logs: [], ms: timeoutMs }), timeoutMs);
        const calls = options.calls ? options.calls.map((c) => ({ fn: c.fn, args: encodeValue(c.args) })) : null;
        worker.postMessage({ code, calls, engine: options.engine === true });
        return;
      }
      finish(toResult(data, performance.now() - started));
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      const message = event.message ? `The sandbox stopped: ${event.message}` : 'The sandbox stopped unexpectedly (out of memory?).';
      finish({ status: 'error', phase: 'sandbox', error: { name: 'SandboxError', message }, logs: [], ms: performance.now() - started });
    });
    worker.addEventListener('messageerror', () => {
      finish({ status: 'error', phase: 'sandbox', error: { name: 'SandboxError', message: 'The result could not be read.' }, logs: [], ms: performance.now() - started });
    });
  });
}
