// Rebuilding the network early stopping returns: the engine is deterministic (same config and
// seed, same run, bit for bit, however the epochs were grouped into ticks), so training a fresh
// trainer for exactly `epoch` epochs gives the weights the run had at that epoch.

import { modelFromJSON, predictCurve, type HostReply, type HostRequest, type ModelJSON, type TrainerConfig } from '@engine';

/** The requests that replay `config` for `epochs` epochs and return the weights: init, then one run. */
export function replayRequests(config: TrainerConfig, epochs: number, trainPoints: number): HostRequest[] {
  const batches = Math.round(epochs * Math.ceil(trainPoints / config.batchSize));
  const init: HostRequest = { type: 'init', config };
  return batches > 0 ? [init, { type: 'run', batchesPerTick: batches, ticks: 1, weights: true }] : [init];
}

/** The network early stopping returns, as the page draws it. */
export interface ReturnedNetwork {
  epoch: number;
  /** Validation loss of the replayed network, measured by the engine. */
  valLoss: number;
  model: ModelJSON;
}

/** Folds the replies of replayRequests into the returned network (null if the engine refused). */
export function returnedFromReplies(epoch: number, replies: readonly HostReply[]): ReturnedNetwork | null {
  const ready = replies.find((r): r is Extract<HostReply, { type: 'ready' }> => r.type === 'ready');
  if (!ready) return null;
  const run = replies.find((r): r is Extract<HostReply, { type: 'metrics' }> => r.type === 'metrics');
  if (!run) return { epoch, valLoss: ready.metrics.valLoss ?? Number.NaN, model: ready.model };
  if (run.metrics.status !== 'ok' || !run.weights) return null;
  const model: ModelJSON = {
    ...ready.model,
    layers: ready.model.layers.map((layer, l) => {
      const { W, b } = run.weights![l]!;
      const d = W.length / b.length;
      return { ...layer, weights: Array.from({ length: b.length }, (_, j) => Array.from(W.subarray(j * d, (j + 1) * d))), biases: Array.from(b) };
    }),
  };
  return { epoch, valLoss: run.metrics.valLoss ?? Number.NaN, model };
}

/** The returned network's curve on [a, b]. */
export function curveOf(net: ReturnedNetwork, a: number, b: number, n: number): { x: number; y: number }[] {
  const ys = predictCurve(modelFromJSON(net.model), a, b, n);
  return Array.from(ys, (y, i) => ({ x: a + (i * (b - a)) / (n - 1), y }));
}

/** Runs replays in one worker, one at a time; a newer request makes older answers irrelevant. */
export class Replayer {
  private worker: Worker | null = null;
  private queue: ((r: HostReply) => void)[] = [];

  private port(): Worker {
    if (!this.worker) {
      this.worker = new Worker(new URL('./replay.worker.ts', import.meta.url), { type: 'module', name: 'replay' });
      this.worker.onmessage = (e: MessageEvent<HostReply>) => this.queue.shift()?.(e.data);
      this.worker.onerror = (e) => {
        e.preventDefault();
        for (const resolve of this.queue.splice(0)) resolve({ type: 'error', request: 'unknown', message: e.message || 'the replay worker stopped' });
      };
    }
    return this.worker;
  }

  private request(message: HostRequest): Promise<HostReply> {
    return new Promise((resolve) => {
      this.queue.push(resolve);
      this.port().postMessage(message);
    });
  }

  /** The network of `config` after `epochs` epochs. */
  async replay(config: TrainerConfig, epochs: number, trainPoints: number): Promise<ReturnedNetwork | null> {
    const replies: HostReply[] = [];
    for (const r of replayRequests(config, epochs, trainPoints)) replies.push(await this.request(r));
    return returnedFromReplies(epochs, replies);
  }

  close(): void {
    this.worker?.terminate();
    this.worker = null;
    this.queue = [];
  }
}
