import { describe, expect, it } from 'vitest';
import type { HostReply, Metrics, ModelJSON } from '@engine';
import { applyGrid, applyReply, gridBounds, layersOfWeights } from '@widgets/kit/reduce';
import { hiddenUnitCount, newTrainerState, publicState, type WidgetState } from '@widgets/kit/state';
import { spokenSummary } from '@widgets/kit/readouts';

const model: ModelJSON = {
  inputs: 2,
  layers: [
    { activation: 'tanh', weights: [[1, 2], [3, 4], [5, 6]], biases: [0, 0, 0] },
    { activation: 'identity', weights: [[1, 1, 1], [2, 2, 2]], biases: [0, 0] },
  ],
  loss: 'softmax-cross-entropy',
};

const part = (n: number, xs: number[], ys: number[]) => ({ n, x: Float64Array.from(xs), y: Float64Array.from(ys) });

function ready(metrics: Partial<Metrics> = {}): HostReply {
  return {
    type: 'ready',
    metrics: { epoch: 0, steps: 0, trainLoss: 0.7, valLoss: 0.72, trainAccuracy: 0.5, penalty: 0, status: 'ok', ...metrics },
    model,
    data: {
      task: 'classification',
      inputs: 2,
      outputs: 2,
      classes: 2,
      train: part(2, [0, 0, 2, 1], [0, 1]),
      validation: part(1, [1, 1], [1]),
      test: part(0, [], []),
    },
  };
}

const metrics = (m: Partial<Metrics>): HostReply => ({ type: 'metrics', running: false, metrics: { epoch: 1, steps: 10, trainLoss: 0.5, penalty: 0, status: 'ok', ...m } });

describe('folding trainer replies into the state', () => {
  it('ready starts a fresh history at the first metrics and takes model and data', () => {
    const t = newTrainerState('net', 'Network');
    t.history.loss.push(9);
    expect(applyReply(t, ready())).toBeNull();
    expect(t.history.epoch).toEqual([0]);
    expect(t.history.loss).toEqual([0.7]);
    expect(t.history.valLoss).toEqual([0.72]);
    expect(t.loss).toBe(0.7);
    expect(t.status).toBe('ready');
    expect(t.layers?.map((l) => l.weights.length)).toEqual([3, 2]);
    expect(t.data?.train.n).toBe(2);
    expect(t.versions).toEqual({ history: 1, layers: 1, data: 1, grid: 1 });
    expect(hiddenUnitCount(t.layers)).toBe(3);
  });

  it('records a metrics report once per step count', () => {
    const t = newTrainerState('net', 'Network');
    applyReply(t, ready());
    applyReply(t, metrics({ steps: 10, trainLoss: 0.5 }));
    applyReply(t, metrics({ steps: 10, trainLoss: 0.5 }));
    applyReply(t, metrics({ steps: 20, epoch: 2, trainLoss: 0.4 }));
    expect(t.history.loss).toEqual([0.7, 0.5, 0.4]);
    expect(t.history.epoch).toEqual([0, 1, 2]);
    expect(t.history.valLoss[1]).toBeNaN();
    expect(t.epoch).toBe(2);
  });

  it('a divergence is reported once, keeps the last finite numbers and draws nothing new', () => {
    const t = newTrainerState('net', 'Network');
    applyReply(t, ready());
    applyReply(t, metrics({ steps: 10, trainLoss: 0.5 }));
    const diverged = metrics({ steps: 11, trainLoss: Number.NaN, status: 'diverged', message: 'the loss became NaN at epoch 2' });
    expect(applyReply(t, diverged)).toBe('diverged');
    expect(applyReply(t, diverged)).toBeNull();
    expect(t.status).toBe('diverged');
    expect(t.message).toBe('the loss became NaN at epoch 2');
    expect(t.loss).toBe(0.5);
    expect(t.history.loss).toEqual([0.7, 0.5]);
  });

  it('an engine error is kept as the message', () => {
    const t = newTrainerState('net', 'Network');
    expect(applyReply(t, { type: 'error', request: 'init', message: 'network.hidden must be an array' })).toBe('error');
    expect(t.status).toBe('error');
    expect(t.message).toBe('network.hidden must be an array');
  });

  it('weight copies (W row-major, h×d) become rows per unit', () => {
    const layers = layersOfWeights([{ W: Float64Array.from([1, 2, 3, 4, 5, 6]), b: Float64Array.from([7, 8]) }], [{ activation: 'relu', weights: [], biases: [] }]);
    expect(layers).toEqual([{ activation: 'relu', weights: [[1, 2, 3], [4, 5, 6]], biases: [7, 8] }]);
  });

  it('a decision map covers the data in a square padded by 10 % (hand computed)', () => {
    const t = newTrainerState('net', 'Network');
    applyReply(t, ready());
    // Points (0, 0), (2, 1), (1, 1): centre (1, 0.5), half side 1.1 → [−0.1, 2.1] × [−0.6, 1.6].
    const b = gridBounds(t.data!);
    expect(b.x0).toBeCloseTo(-0.1, 12);
    expect(b.x1).toBeCloseTo(2.1, 12);
    expect(b.y0).toBeCloseTo(-0.6, 12);
    expect(b.y1).toBeCloseTo(1.6, 12);
    applyGrid(t, { type: 'grid', id: 1, nx: 2, ny: 2, outputs: 2, values: new Float64Array(8) }, b);
    expect(t.grid).toMatchObject({ dims: 2, nx: 2, ny: 2, width: 2, x0: b.x0, y1: b.y1 });
    expect(t.versions.grid).toBe(2);
  });
});

describe('the public state is plain data', () => {
  const state = (): WidgetState => {
    const t = newTrainerState('net', 'Network');
    applyReply(t, ready());
    return { name: 'w', params: { lr: 0.1, layers: [3] }, seed: 7, wantsToRun: true, hold: 'offscreen', speed: 'normal', trainers: [t], notes: [], hiddenUnits: 3 };
  };

  it('survives structured cloning and JSON, with null for numbers not available', () => {
    const s = publicState(state(), () => ({ extra: 1.5 }));
    expect(structuredClone(s)).toEqual(s);
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
    expect(s.trainers[0]).toMatchObject({ loss: 0.7, valLoss: 0.72, accuracy: 0.5, valAccuracy: null, hiddenUnits: 3, layerSizes: [2, 3, 2], readouts: { extra: 1.5 } });
    expect(s.training).toBe(true);
  });

  it('is a copy: changing it does not change the widget', () => {
    const w = state();
    const s = publicState(w);
    (s.params['layers'] as number[]).push(99);
    expect(w.params['layers']).toEqual([3]);
  });

  it('the spoken summary names epoch, losses and accuracy', () => {
    expect(spokenSummary(state())).toBe('epoch 0: training loss 0.7, validation loss 0.72, accuracy 50.0 %.');
  });
});
