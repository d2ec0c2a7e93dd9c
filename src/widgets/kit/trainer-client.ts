// The page's side of one trainer worker. Every request to the engine's host gets exactly one
// reply, in order, so requests are promises matched to replies first-in first-out; the caller
// keeps at most one training tick in flight, which paces the worker to the display.

import type { HostReply, HostRequest } from '@engine';

/** Something that carries messages to a host and back: a Worker, or a fake in tests. */
export interface Port {
  postMessage(message: HostRequest): void;
  onmessage: ((e: MessageEvent<HostReply>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
  terminate(): void;
}

/** A worker running the engine's trainer host (src/widgets/kit/trainer.worker.ts). */
export function trainerWorker(): Port {
  return new Worker(new URL('./trainer.worker.ts', import.meta.url), { type: 'module', name: 'trainer' }) as unknown as Port;
}

type Pending = { type: HostRequest['type']; resolve: (reply: HostReply) => void };

/** One trainer worker with promise-based requests. */
export class TrainerClient {
  private readonly port: Port;
  private readonly pending: Pending[] = [];
  private closed = false;
  private ticks = 0;

  /** True while a 'run' request is waiting for its reply. */
  get ticking(): boolean {
    return this.ticks > 0;
  }

  /** `onFailure` hears about a worker that could not start or crashed (not about engine errors, which are replies). */
  constructor(port: Port, onFailure: (message: string) => void) {
    this.port = port;
    port.onmessage = (e) => {
      const head = this.pending.shift();
      head?.resolve(e.data);
    };
    port.onerror = (e) => {
      e.preventDefault?.();
      const message = `The training worker stopped: ${e.message || 'it could not be started'}.`;
      for (const p of this.pending.splice(0)) p.resolve({ type: 'error', request: p.type, message });
      onFailure(message);
    };
  }

  /** Sends a request; resolves with its reply (an 'error' reply when the engine refused it). */
  request(message: HostRequest): Promise<HostReply> {
    if (this.closed) return Promise.resolve({ type: 'error', request: message.type, message: 'the widget was closed' });
    return new Promise((resolve) => {
      this.pending.push({ type: message.type, resolve });
      this.port.postMessage(message);
    });
  }

  /** One training tick of `batches` mini-batches (with a copy of the weights when asked). */
  async tick(batches: number, weights: boolean): Promise<HostReply> {
    this.ticks++;
    try {
      return await this.request({ type: 'run', batchesPerTick: batches, ticks: 1, weights });
    } finally {
      this.ticks--;
    }
  }

  /** Stops the worker; later requests resolve at once with an error reply. */
  close(): void {
    this.closed = true;
    this.pending.length = 0;
    this.port.terminate();
  }
}
