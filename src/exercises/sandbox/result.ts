// Turns the harness's JSON-safe output into a SandboxResult with decoded values; shared by
// the browser and the Node runner. Anything malformed (a worker that answers nonsense) becomes
// a sandbox error rather than an exception.

import { decodeValue } from './codec.ts';
import type { CallResult, LogEntry, SandboxError, SandboxResult } from './types.ts';

const LEVELS = new Set(['log', 'info', 'warn', 'error', 'debug']);

function asError(e: unknown): SandboxError {
  const r = (typeof e === 'object' && e !== null ? e : {}) as Record<string, unknown>;
  const out: SandboxError = { name: typeof r['name'] === 'string' ? r['name'] : 'Error', message: typeof r['message'] === 'string' ? r['message'] : 'unknown error' };
  if (typeof r['line'] === 'number' && Number.isInteger(r['line']) && r['line'] > 0) out.line = r['line'];
  return out;
}

function asLogs(logs: unknown): LogEntry[] {
  if (!Array.isArray(logs)) return [];
  return logs.map((l: Record<string, unknown>) => ({
    level: (LEVELS.has(l?.['level'] as string) ? l['level'] : 'log') as LogEntry['level'],
    text: typeof l?.['text'] === 'string' ? l['text'] : '',
    args: Array.isArray(l?.['args']) ? (l['args'] as unknown[]).map(decodeValue) : [],
  }));
}

export function toResult(output: unknown, ms: number): SandboxResult {
  const o = (typeof output === 'object' && output !== null ? output : {}) as Record<string, unknown>;
  const logs = asLogs(o['logs']);
  if (o['status'] === 'ok') {
    const calls: CallResult[] = Array.isArray(o['calls'])
      ? (o['calls'] as Record<string, unknown>[]).map((c) => (c?.['ok'] === true ? { ok: true, value: decodeValue(c['value']) } : { ok: false, error: asError(c?.['error']) }))
      : [];
    return { status: 'ok', value: decodeValue(o['value']), calls, logs, ms };
  }
  if (o['status'] === 'error' && (o['phase'] === 'compile' || o['phase'] === 'run')) {
    return { status: 'error', phase: o['phase'], error: asError(o['error']), logs, ms };
  }
  return { status: 'error', phase: 'sandbox', error: { name: 'SandboxError', message: 'The sandbox gave no usable answer.' }, logs, ms };
}
