// The browser sandbox: a module Worker (no DOM by nature) that removes every door to the
// network, storage and other workers before the student's code runs, and closes eval-like
// doors right after compiling it. One worker per run; the page terminates it on time-out.

import * as engine from '@engine';
import { decodeValue, encodeValue } from './codec.ts';
import { harness } from './harness.ts';

const scope = self as unknown as Record<string, unknown> & { postMessage: (m: unknown) => void };
const reply = scope.postMessage.bind(scope);

/** Globals that reach the network, storage, other threads or the page. */
const BLOCKED = [
  'fetch', 'XMLHttpRequest', 'XMLHttpRequestEventTarget', 'XMLHttpRequestUpload', 'WebSocket', 'WebSocketStream',
  'WebTransport', 'EventSource', 'importScripts', 'indexedDB', 'IDBFactory', 'caches', 'CacheStorage', 'Cache',
  'localStorage', 'sessionStorage', 'cookieStore', 'CookieStore', 'BroadcastChannel', 'Worker', 'SharedWorker',
  'navigator', 'Navigator', 'WorkerNavigator', 'StorageManager', 'FileSystemHandle', 'FileSystemDirectoryHandle',
  'FileSystemFileHandle', 'FileSystemSyncAccessHandle', 'FontFace', 'fonts', 'Request', 'Response', 'Headers',
  'Notification', 'PushManager', 'ServiceWorker', 'ServiceWorkerRegistration', 'LockManager', 'ReportingObserver',
  'RTCPeerConnection', 'RTCDataChannel', 'postMessage', 'close', 'onmessage', 'MessageChannel', 'MessagePort',
  'webkitRequestFileSystem', 'webkitRequestFileSystemSync', 'webkitResolveLocalFileSystemURL',
  'webkitResolveLocalFileSystemSyncURL', 'WebAssembly',
] as const;

/** Removes each blocked global from the global object and its prototype chain. */
function harden(): void {
  for (const name of BLOCKED) {
    for (let o: object | null = scope; o !== null; o = Object.getPrototypeOf(o)) {
      try {
        if (Object.hasOwn(o, name)) delete (o as Record<string, unknown>)[name];
      } catch {
        /* non-configurable: shadowed below */
      }
    }
    try {
      Object.defineProperty(scope, name, { value: undefined, writable: false, configurable: false });
    } catch {
      /* already non-configurable and gone */
    }
  }
  // Timers accept a string of code; keep only the function form.
  for (const name of ['setTimeout', 'setInterval'] as const) {
    const original = scope[name] as (handler: unknown, ms?: number) => number;
    Object.defineProperty(scope, name, {
      value: (handler: unknown, ms?: number) => {
        if (typeof handler !== 'function') throw new TypeError(`${name} needs a function`);
        return original.call(scope, handler, ms);
      },
      writable: false,
      configurable: false,
    });
  }
}

/** After compiling: no more code from strings (Function, eval, and the constructors of every function kind). */
function lockdown(): void {
  const kinds = [function () {}, async function () {}, function* () {}, async function* () {}];
  for (const f of kinds) {
    Object.defineProperty(Object.getPrototypeOf(f), 'constructor', { value: undefined, writable: false, configurable: false });
  }
  for (const name of ['eval', 'Function']) {
    Object.defineProperty(scope, name, { value: undefined, writable: false, configurable: false });
  }
}

interface Job {
  code: string;
  calls: { fn: string; args: unknown }[] | null;
  engine: boolean;
}

addEventListener('message', async (event: MessageEvent<Job>) => {
  const job = event.data;
  harden();
  const out = await harness(job.code, job.calls, {
    encode: encodeValue,
    decode: decodeValue,
    ...(job.engine ? { engine: Object.freeze({ ...engine }) } : {}),
    lockdown,
  });
  reply(out);
}, { once: true });

reply({ ready: true });
