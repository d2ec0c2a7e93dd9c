import { describe, expect, test } from 'vitest';
import { createGridPredictor, createTrainerHost, predictGrid, type HostReply, type TrainerConfig } from '../../src/engine';

const config: TrainerConfig = {
  network: { hidden: [8], activation: 'tanh' },
  data: { name: 'blobs', n: 90, classes: 3 },
  split: { validation: 0.2 },
  optimizer: { kind: 'adam', eta: 0.02 },
  batchSize: 9,
  seed: 2,
};

function collect() {
  const replies: HostReply[] = [];
  return { replies, post: (message: HostReply) => replies.push(message) };
}

const metricsOf = (replies: HostReply[]) =>
  replies.flatMap((reply) => (reply.type === 'metrics' ? [reply.metrics] : []));

describe('trainer host', () => {
  test('init replies ready with the data; run posts metrics after each tick', () => {
    const { replies, post } = collect();
    const host = createTrainerHost(post);
    host.handle({ type: 'init', config });
    expect(replies[0]!.type).toBe('ready');
    const ready = replies[0] as Extract<HostReply, { type: 'ready' }>;
    expect(ready.data.train.n + ready.data.validation.n).toBe(90);
    expect(ready.data.train.x).toBeInstanceOf(Float64Array);
    host.handle({ type: 'run', batchesPerTick: 5, ticks: 3, weights: true });
    const metrics = metricsOf(replies);
    expect(metrics.map((m) => m.steps)).toEqual([5, 10, 15]);
    const last = replies[replies.length - 1] as Extract<HostReply, { type: 'metrics' }>;
    expect(last.running).toBe(false);
    expect(last.weights![0]!.W).toHaveLength(8 * 2);
  });

  test('reset gives the same first loss', () => {
    const { replies, post } = collect();
    const host = createTrainerHost(post);
    host.handle({ type: 'init', config });
    host.handle({ type: 'run', batchesPerTick: 4 });
    host.handle({ type: 'run', batchesPerTick: 4 });
    host.handle({ type: 'reset' });
    host.handle({ type: 'run', batchesPerTick: 4 });
    const ready = replies.filter((r) => r.type === 'ready') as Extract<HostReply, { type: 'ready' }>[];
    expect(ready).toHaveLength(2);
    expect(ready[1]!.metrics.trainLoss).toBe(ready[0]!.metrics.trainLoss);
    const [first, second, afterReset] = metricsOf(replies);
    expect(afterReset!.trainLoss).toBe(first!.trainLoss);
    expect(second!.trainLoss).not.toBe(first!.trainLoss);
  });

  test('with a scheduler, a run keeps ticking until paused', () => {
    const { replies, post } = collect();
    const queue: (() => void)[] = [];
    const host = createTrainerHost(post, { schedule: (tick) => queue.push(tick) });
    host.handle({ type: 'init', config });
    host.handle({ type: 'run', batchesPerTick: 2 });
    for (let i = 0; i < 3; i++) queue.shift()!();
    expect(metricsOf(replies).map((m) => m.steps)).toEqual([2, 4, 6, 8]);
    host.handle({ type: 'pause' });
    while (queue.length) queue.shift()!(); // a tick scheduled before the pause does nothing
    const metrics = metricsOf(replies);
    expect(metrics[metrics.length - 1]!.steps).toBe(8);
    expect((replies[replies.length - 1] as Extract<HostReply, { type: 'metrics' }>).running).toBe(false);
  });

  test('setHyper: live changes reply metrics, architecture changes reset and reply ready', () => {
    const { replies, post } = collect();
    const host = createTrainerHost(post);
    host.handle({ type: 'init', config });
    host.handle({ type: 'setHyper', change: { optimizer: { eta: 0.1 }, l2: 0.01 } });
    expect(replies[replies.length - 1]!.type).toBe('metrics');
    host.handle({ type: 'setHyper', change: { network: { hidden: [4, 4] } } });
    expect(replies[replies.length - 1]!.type).toBe('ready');
    expect(host.trainer!.model.layers.map((l) => l.units)).toEqual([4, 4, 3]);
  });

  test('predictGrid replies with the map of the model: float32, within 1e-5 of predictGrid', () => {
    const { replies, post } = collect();
    const host = createTrainerHost(post);
    host.handle({ type: 'init', config });
    host.handle({ type: 'predictGrid', id: 7, x0: -3, x1: 3, y0: -3, y1: 3, nx: 10, ny: 8 });
    const grid = replies[replies.length - 1] as Extract<HostReply, { type: 'grid' }>;
    expect(grid).toMatchObject({ type: 'grid', id: 7, nx: 10, ny: 8, outputs: 3 });
    const exact = predictGrid(host.trainer!.model, -3, 3, -3, 3, 10, 8);
    expect(grid.values.length).toBe(exact.length);
    for (let i = 0; i < exact.length; i++) expect(Math.abs(grid.values[i]! - exact[i]!)).toBeLessThan(1e-5);
    expect(grid.values).toEqual(createGridPredictor().predictGrid(host.trainer!.model, -3, 3, -3, 3, 10, 8));
  });

  test('snapshot and loadModel round-trip the model', () => {
    const { replies, post } = collect();
    const host = createTrainerHost(post);
    host.handle({ type: 'init', config });
    host.handle({ type: 'run', batchesPerTick: 3 });
    host.handle({ type: 'snapshot' });
    const snapshot = (replies[replies.length - 1] as Extract<HostReply, { type: 'snapshot' }>).snapshot;
    host.handle({ type: 'init', config });
    host.handle({ type: 'loadModel', model: snapshot.model });
    host.handle({ type: 'snapshot' });
    expect((replies[replies.length - 1] as Extract<HostReply, { type: 'snapshot' }>).snapshot.model).toEqual(snapshot.model);
  });

  test('errors are replies, not exceptions', () => {
    const { replies, post } = collect();
    const host = createTrainerHost(post);
    host.handle({ type: 'run', batchesPerTick: 1 });
    expect(replies[0]).toMatchObject({ type: 'error', request: 'run' });
    host.handle({ type: 'init', config: { ...config, batchSize: -1 } });
    expect(replies[1]).toMatchObject({ type: 'error', request: 'init' });
    expect((replies[1] as Extract<HostReply, { type: 'error' }>).message).toMatch(/batchSize/);
    host.handle({ type: 'bogus' } as never);
    expect(replies[2]).toMatchObject({ type: 'error', request: 'unknown' });
  });
});
