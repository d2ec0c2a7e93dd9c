// The sandbox's public types: what runInSandbox takes and returns, in the browser (a Worker)
// and in Node (a worker thread with a vm context). See README.md in this folder.

/** A call of a function the code defines, with arguments (plain data: numbers, arrays, objects). */
export interface SandboxCall {
  fn: string;
  args: readonly unknown[];
}

export interface SandboxOptions {
  /** Wall-clock limit for the run; the worker is terminated after it. Default 2000 ms. */
  timeoutMs?: number;
  /**
   * Functions to call after the code has run (code exercises). Without `calls`, the code is the
   * body of an async function and its `return` value is the result (notebook cells).
   */
  calls?: readonly SandboxCall[];
  /** Pass the engine's public API to the code as `engine` (browser only). */
  engine?: boolean;
  /** Stops the run early (the worker is terminated), e.g. a Stop button. */
  signal?: AbortSignal;
}

/** An error from the code (or from the sandbox itself), with its line in the code when known. */
export interface SandboxError {
  name: string;
  message: string;
  /** 1-based line in the submitted code. */
  line?: number;
}

/** One console call made by the code. `args` are the decoded arguments. */
export interface LogEntry {
  level: 'log' | 'info' | 'warn' | 'error' | 'debug';
  text: string;
  args: unknown[];
}

export type CallResult = { ok: true; value: unknown } | { ok: false; error: SandboxError };

export type SandboxResult =
  | { status: 'ok'; value: unknown; calls: CallResult[]; logs: LogEntry[]; ms: number }
  | { status: 'error'; phase: 'compile' | 'run' | 'sandbox'; error: SandboxError; logs: LogEntry[]; ms: number }
  | { status: 'timeout'; error: SandboxError; logs: LogEntry[]; ms: number };

/** runInSandbox's signature, implemented for the browser (index.ts) and for Node (node.ts). */
export type SandboxRunner = (code: string, options?: SandboxOptions) => Promise<SandboxResult>;

/** Default time limit of a run. */
export const DEFAULT_TIMEOUT_MS = 2000;

/** The message of a run stopped by its time limit. */
export function timeoutMessage(ms: number): string {
  return `Stopped after ${ms / 1000} s: the code ran too long (an endless loop, or far too much work).`;
}
