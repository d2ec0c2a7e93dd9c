// The messages between a page and a Trainer running in a Web Worker, and a pure host that
// answers them. The worker file is a shell around createTrainerHost, so the protocol is tested
// without a Worker:  const host = createTrainerHost((m, t) => postMessage(m, t),
//   { schedule: (tick) => setTimeout(tick, 0) });  onmessage = (e) => host.handle(e.data);

import type { Dataset } from './data';
import { EngineError } from './errors';
import { createGridPredictor, type GridPredictor } from './grid-f32';
import { predictCurve } from './metrics';
import { modelToJSON, type ModelJSON } from './model-json';
import { Trainer, type Metrics, type TrainerChange, type TrainerConfig, type TrainerSnapshot } from './trainer';

/** Page → worker. */
export type HostRequest =
  /** Builds a Trainer; replies 'ready'. */
  | { type: 'init'; config: TrainerConfig }
  /**
   * Trains `batchesPerTick` mini-batches per tick and replies 'metrics' after each tick, for
   * `ticks` ticks (default: until paused or diverged when the host can schedule, else 1).
   * With `weights`, each reply carries a copy of W and b.
   */
  | { type: 'run'; batchesPerTick: number; ticks?: number; weights?: boolean }
  /** Stops a run after the current tick; replies 'metrics' with running: false. */
  | { type: 'pause' }
  /** Applies a change; live ones reply 'metrics', ones that need new weights reset and reply 'ready'. */
  | { type: 'setHyper'; change: TrainerChange }
  /** Back to the initial state (after applying `change`, if any); replies 'ready'. */
  | { type: 'reset'; change?: TrainerChange }
  /** Replies 'snapshot'. */
  | { type: 'snapshot' }
  /** Replaces the network by a model file; replies 'ready'. */
  | { type: 'loadModel'; model: unknown }
  /** Replies 'metrics' including the test set. */
  | { type: 'evaluate' }
  /** predictGrid on the current model, in float32 where it can (grid-f32.ts: within 1e-5); replies 'grid' with the same id. */
  | { type: 'predictGrid'; id: number; x0: number; x1: number; y0: number; y1: number; nx: number; ny: number }
  /** predictCurve on the current model; replies 'curve' with the same id. */
  | { type: 'predictCurve'; id: number; a: number; b: number; n: number };

/** A data set part as flat arrays: x is n×d, y is n×m values or n labels. */
export interface DataPart {
  n: number;
  x: Float64Array;
  y: Float64Array;
}

/** The data a trainer uses, for drawing. */
export interface DataPayload {
  task: Dataset['task'];
  inputs: number;
  outputs: number;
  classes: number;
  interval?: readonly [number, number];
  train: DataPart;
  validation: DataPart;
  test: DataPart;
}

/** Copies of every layer's W (h×d row-major) and b. */
export type WeightsPayload = { W: Float64Array; b: Float64Array }[];

/** Worker → page. */
export type HostReply =
  | { type: 'ready'; metrics: Metrics; model: ModelJSON; data: DataPayload }
  | { type: 'metrics'; metrics: Metrics; running: boolean; weights?: WeightsPayload }
  | { type: 'snapshot'; snapshot: TrainerSnapshot }
  | { type: 'grid'; id: number; nx: number; ny: number; outputs: number; values: Float64Array }
  | { type: 'curve'; id: number; n: number; outputs: number; values: Float64Array }
  | { type: 'error'; request: HostRequest['type'] | 'unknown'; message: string };

/** Sends a reply; `transfer` lists buffers that may be moved rather than copied. */
export type Post = (message: HostReply, transfer?: ArrayBuffer[]) => void;

/** Options of a host. */
export interface HostOptions {
  /** Runs `tick` later (e.g. setTimeout(tick, 0)) so a run yields to incoming messages; without it a run does its ticks at once. */
  schedule?: (tick: () => void) => void;
}

/** A trainer host: feed it every request; it posts replies. */
export interface TrainerHost {
  handle(message: HostRequest): void;
  /** The hosted trainer, once initialized (for tests and same-thread use). */
  readonly trainer: Trainer | null;
}

function part(data: Dataset): DataPart {
  return { n: data.n, x: data.x.slice(), y: data.y.slice() };
}

/** A host answering HostRequests with a Trainer, posting HostReplies through `post`. */
export function createTrainerHost(post: Post, options: HostOptions = {}): TrainerHost {
  let trainer: Trainer | null = null;
  // Each run gets a generation number; a scheduled tick of an older run does nothing.
  let generation = 0;
  let running = false;

  const need = (): Trainer => {
    if (!trainer) throw new EngineError('the trainer is not initialized: send init first');
    return trainer;
  };

  const ready = (t: Trainer, metrics: Metrics): void => {
    const { all, train, validation, test } = t.data;
    const data: DataPayload = {
      task: all.task,
      inputs: all.inputs,
      outputs: all.outputs,
      classes: all.classes,
      ...(all.interval ? { interval: all.interval } : {}),
      train: part(train),
      validation: part(validation),
      test: part(test),
    };
    post({ type: 'ready', metrics, model: modelToJSON(t.model), data });
  };

  const metricsReply = (t: Trainer, metrics: Metrics, weights: boolean): void => {
    if (!weights) {
      post({ type: 'metrics', metrics, running });
      return;
    }
    const payload = t.parameters();
    post({ type: 'metrics', metrics, running, weights: payload }, payload.flatMap(({ W, b }) => [W.buffer as ArrayBuffer, b.buffer as ArrayBuffer]));
  };

  const stop = (): void => {
    running = false;
    generation++;
  };

  /** Decision maps in float32 (grid-f32.ts), made on the first map request of this worker. */
  let maps: GridPredictor | null = null;

  const run = (batches: number, ticks: number, weights: boolean): void => {
    stop();
    const t = need();
    if (!Number.isInteger(batches) || batches < 1) throw new EngineError(`batchesPerTick must be a positive integer, got ${batches}`);
    const mine = generation;
    const schedule = options.schedule;
    running = true;
    let left = ticks;
    const tick = (): void => {
      if (mine !== generation || !running) return;
      const metrics = t.step(batches);
      left--;
      if (metrics.status !== 'ok' || left <= 0) running = false;
      metricsReply(t, metrics, weights);
      if (running && schedule) schedule(tick);
    };
    if (schedule) tick();
    else while (running) tick();
  };

  const handle = (message: HostRequest): void => {
    try {
      switch (message.type) {
        case 'init':
          stop();
          trainer = new Trainer(message.config);
          ready(trainer, trainer.metrics);
          break;
        case 'run':
          run(message.batchesPerTick, message.ticks ?? (options.schedule ? Infinity : 1), message.weights ?? false);
          break;
        case 'pause':
          stop();
          post({ type: 'metrics', metrics: need().metrics, running });
          break;
        case 'setHyper': {
          const t = need();
          if (t.needsReset(message.change)) {
            stop();
            ready(t, t.reset(message.change));
          } else {
            t.setHyper(message.change);
            post({ type: 'metrics', metrics: t.metrics, running });
          }
          break;
        }
        case 'reset': {
          stop();
          const t = need();
          ready(t, t.reset(message.change));
          break;
        }
        case 'snapshot':
          post({ type: 'snapshot', snapshot: need().snapshot() });
          break;
        case 'loadModel': {
          stop();
          const t = need();
          ready(t, t.loadModel(message.model));
          break;
        }
        case 'evaluate':
          post({ type: 'metrics', metrics: need().evaluate(), running });
          break;
        case 'predictGrid': {
          const { id, x0, x1, y0, y1, nx, ny } = message;
          const model = need().model;
          maps ??= createGridPredictor();
          const values = maps.predictGrid(model, x0, x1, y0, y1, nx, ny);
          post({ type: 'grid', id, nx, ny, outputs: model.outputs, values }, [values.buffer as ArrayBuffer]);
          break;
        }
        case 'predictCurve': {
          const { id, a, b, n } = message;
          const model = need().model;
          const values = predictCurve(model, a, b, n);
          post({ type: 'curve', id, n, outputs: model.outputs, values }, [values.buffer as ArrayBuffer]);
          break;
        }
        default:
          throw new EngineError(`unknown request type ${JSON.stringify((message as { type?: unknown }).type)}`);
      }
    } catch (error) {
      const known = ['init', 'run', 'pause', 'setHyper', 'reset', 'snapshot', 'loadModel', 'evaluate', 'predictGrid', 'predictCurve'];
      const type = (message as { type?: unknown } | null)?.type;
      post({
        type: 'error',
        request: typeof type === 'string' && known.includes(type) ? (type as HostRequest['type']) : 'unknown',
        message: error instanceof Error ? error.message : String(error),
      });
    }
  };

  return {
    handle,
    get trainer() {
      return trainer;
    },
  };
}
