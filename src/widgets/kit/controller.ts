// The live part of a training widget: it owns the widget's one state object, the trainers'
// workers, the controls, readouts and views, and the animation loop. Each frame it sends at most
// one training tick per worker, asks for predictions and weights only as often as the views draw
// them, and redraws each view no more often than it asks. Loaded lazily with Plot and the engine.

import { cleanFunction, type HostReply, type RegressionSpec, type TrainerConfig } from '@engine';
import { configChange } from './config';
import { SettingsPanel } from './controls';
import { DEFAULT_SPEEDS, type SpeedChoice, type WidgetDefinition } from './define';
import { checkModelFile, download, MAX_MODEL_BYTES, modelFileText } from './model-file';
import { changeEffect, checkValue, defaultValues, echo, type ParamSpec, type ParamValue } from './params';
import { applyGrid, applyReply, gridBounds, layersOfModel, type Bounds } from './reduce';
import { Readouts, spokenSummary } from './readouts';
import { RateLimiter } from './schedule';
import { hiddenUnitCount, newTrainerState, publicState, type PublicState, type TrainerState, type WidgetState } from './state';
import { TrainerClient, trainerWorker, type Port } from './trainer-client';
import { decodeWidgetState, encodeWidgetState, MAX_SEED, parseSeed, queryString } from './url-state';
import type { ViewContext, ViewDefinition, ViewInstance } from './view';
import { readTheme, type Theme } from './views/chart';

/** What a person (or the presenter) did; `widgetchange` events carry it for the sync layer. */
export interface WidgetChange {
  widget: string;
  /** 'params' covers settings, seed and speed: `params` then holds all of them, ready for `setParams` in a mirror. */
  action: 'train' | 'pause' | 'step' | 'reset' | 'params' | 'import';
  params?: Record<string, unknown>;
}

/** Who asked: a person using the page (reported by `widgetchange`) or code through the element's API (not reported, so mirrors do not echo). */
export type Source = 'user' | 'api';

export interface ControllerOptions {
  name: string;
  hideControls: boolean;
  present: boolean;
  /** Makes a trainer's worker (tests pass a fake). */
  makePort?: () => Port;
  /** Read and write the page URL (default true). */
  url?: boolean;
}

interface MountedView {
  def: ViewDefinition;
  figure: HTMLElement;
  body: HTMLElement;
  instance: ViewInstance;
  lastDraw: number;
  pending: boolean;
  width: number;
  /** On screen (a tall widget may show only some of its views): views off screen wait. */
  visible: boolean;
}

interface Lane {
  client: TrainerClient;
  config: TrainerConfig;
  /** Requests that replace the network (init, reset, load) still unanswered: no ticks meanwhile. */
  rebuilding: number;
  lastTick: Promise<void>;
  gridPending: boolean;
  gridToken: string;
  bounds: Bounds | null;
  gridLimiter: RateLimiter;
  weightsLimiter: RateLimiter;
  weightsSteps: number;
}

/** Main-thread time views may take per frame while training (ms); the rest of the frame is the page's. */
const FRAME_BUDGET_MS = 6;

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A random seed for "New seed" (UI randomness; the engine itself never draws without a seed). */
function freshSeed(): number {
  const a = new Uint32Array(1);
  crypto.getRandomValues(a);
  return a[0]! % (MAX_SEED + 1);
}

export class WidgetController {
  readonly state: WidgetState;
  private readonly doc: Document;
  private readonly lanes: Lane[] = [];
  private readonly views: MountedView[] = [];
  private readonly speeds: readonly SpeedChoice[];
  private readonly needsGrid: boolean;
  private readonly needsWeights: boolean;
  private readonly readoutLimiter = new RateLimiter(250);
  private readonly announceLimiter = new RateLimiter(2500);
  private theme: Theme;
  private raf = 0;
  private urlTimer = 0;
  private resize: ResizeObserver | null = null;
  private onScreen: IntersectionObserver | null = null;
  private readonly cleanup: (() => void)[] = [];
  private present: boolean;
  private wasMoving = false;
  private destroyed = false;
  private readonly ui: {
    live: HTMLElement;
    train: HTMLButtonElement;
    step: HTMLButtonElement;
    reset: HTMLButtonElement;
    status: HTMLElement;
    speed: HTMLSelectElement;
    seed: HTMLInputElement;
    seedError: HTMLElement;
    alert: HTMLElement;
    alertText: HTMLElement;
    notes: HTMLElement;
    settings: SettingsPanel;
    readouts: Readouts;
    announcer: HTMLElement;
    fileInput: HTMLInputElement;
    fileTarget: HTMLSelectElement | null;
    fileMessage: HTMLElement;
  };

  constructor(
    private readonly host: HTMLElement,
    private readonly def: WidgetDefinition,
    private readonly options: ControllerOptions,
  ) {
    this.doc = host.ownerDocument;
    this.speeds = def.speeds ?? DEFAULT_SPEEDS;
    this.present = options.present;
    this.needsGrid = def.views.some((v) => v.needs?.includes('grid'));
    this.needsWeights = def.views.some((v) => v.needs?.includes('weights'));
    const params = defaultValues(def.params);
    let seed = def.seed ?? 1;
    const notes: string[] = [];
    if (options.url !== false) {
      const decoded = decodeWidgetState(options.name, def.params, new URLSearchParams(this.doc.defaultView?.location.search ?? ''));
      Object.assign(params, decoded.values);
      if (decoded.seed !== null) seed = decoded.seed;
      notes.push(...decoded.notes);
    }
    this.state = {
      name: options.name,
      params,
      seed,
      wantsToRun: false,
      hold: null,
      speed: def.defaultSpeed ?? this.speeds[Math.min(1, this.speeds.length - 1)]!.key,
      trainers: def.trainers.map((t) => newTrainerState(t.id, t.label)),
      notes,
      hiddenUnits: 0,
    };
    this.theme = readTheme(host);
    this.ui = this.buildDom();
    this.renderNotes();
    this.mountViews();
    this.watchTheme();
    this.startTrainers();
    this.refreshButtons();
  }

  // ---------------------------------------------------------------- public actions

  /** Starts (or resumes) training. */
  train(source: Source = 'api'): void {
    if (this.state.trainers.some((t) => t.status === 'diverged' || t.status === 'error')) {
      this.ui.alert.focus();
      return;
    }
    if (this.state.wantsToRun) return;
    this.state.wantsToRun = true;
    this.emit(source, { action: 'train' });
    this.changed();
  }

  /** Stops training after the tick in flight. */
  pause(source: Source = 'api'): void {
    if (!this.state.wantsToRun) return;
    this.state.wantsToRun = false;
    this.emit(source, { action: 'pause' });
    this.afterStop();
    this.changed();
  }

  /** Trains one epoch (or one mini-batch, per the widget's `step`), paused. */
  step(source: Source = 'api'): void {
    if (this.state.trainers.some((t) => t.status === 'diverged' || t.status === 'error' || t.status === 'loading')) return;
    if (this.state.wantsToRun) {
      this.state.wantsToRun = false;
      this.afterStop();
    }
    this.emit(source, { action: 'step' });
    this.lanes.forEach((lane, i) => {
      const t = this.state.trainers[i]!;
      lane.lastTick = lane.lastTick.catch(() => undefined).then(async () => {
        const batches = this.def.step === 'batch' ? 1 : this.batchesLeftInEpoch(t, lane.config);
        const reply = await lane.client.tick(batches, true);
        this.handle(i, reply);
      });
    });
    this.changed();
  }

  /** Back to the run's first state: same initial weights, same data. */
  reset(source: Source = 'api'): void {
    this.state.wantsToRun = false;
    this.emit(source, { action: 'reset' });
    this.lanes.forEach((_lane, i) => this.rebuild(i, { type: 'reset' }));
    this.changed();
  }

  /**
   * Changes settings (validated like typed values). Returns the notes on what was refused; a
   * change that needs new weights resets, others apply live.
   */
  setParams(partial: Record<string, unknown>, source: Source = 'api'): { ok: boolean; notes: string[] } {
    const notes: string[] = [];
    const next: Record<string, ParamValue> = { ...this.state.params };
    for (const [key, raw] of Object.entries(partial)) {
      if (key === 'seed') {
        const seed = parseSeed(String(raw));
        if (seed.ok) this.setSeed(seed.value, source);
        else notes.push(seed.message);
        continue;
      }
      if (key === 'speed') {
        if (!(typeof raw === 'string' && this.setSpeed(raw, source))) notes.push(`Speed: ${echo(String(raw))} is not one of ${this.speeds.map((s) => s.key).join(', ')}.`);
        continue;
      }
      const spec = this.def.params.find((p) => p.key === key);
      if (!spec) {
        notes.push(`Unknown setting ${echo(key)} ignored.`);
        continue;
      }
      const checked = checkValue(spec, raw);
      if (checked.ok) next[key] = checked.value;
      else notes.push(checked.message);
    }
    if (notes.length) {
      this.state.notes.push(...notes);
      this.renderNotes();
    }
    this.applyParams(next, source);
    return { ok: notes.length === 0, notes };
  }

  /** Sets the seed: new initial weights and new data, reproducibly. */
  setSeed(seed: number, source: Source = 'api'): boolean {
    const parsed = parseSeed(String(seed));
    if (!parsed.ok) {
      this.ui.seedError.textContent = parsed.message;
      return false;
    }
    this.ui.seedError.textContent = '';
    this.ui.seed.removeAttribute('aria-invalid');
    this.ui.seed.value = String(parsed.value);
    if (parsed.value === this.state.seed) return true;
    this.state.seed = parsed.value;
    this.emit(source, { action: 'params', params: this.mirrorParams() });
    this.pushConfigs(`Seed ${parsed.value}: new initial weights and new data.`);
    this.writeUrl();
    return true;
  }

  /** Draws a fresh seed. */
  newSeed(source: Source = 'api'): void {
    this.setSeed(freshSeed(), source);
  }

  /** Sets the training speed by key. */
  setSpeed(key: string, source: Source = 'api'): boolean {
    if (!this.speeds.some((s) => s.key === key)) return false;
    this.state.speed = key;
    this.ui.speed.value = key;
    this.emit(source, { action: 'params', params: this.mirrorParams() });
    return true;
  }

  /** Everything another window needs to mirror this widget's settings: the settings, the seed and the speed. */
  private mirrorParams(): Record<string, unknown> {
    return { ...structuredClone(this.state.params), seed: this.state.seed, speed: this.state.speed };
  }

  /** Plain data for challenges and the presenter sync. */
  getState(): PublicState {
    const extra = this.def.readouts ?? [];
    return publicState(this.state, (t) => {
      const out: Record<string, number | null> = {};
      for (const r of extra) {
        if (r.trainers && !r.trainers.includes(t.id)) continue;
        const v = r.value(t, this.state);
        out[r.id] = Number.isFinite(v) ? v : null;
      }
      return out;
    });
  }

  /** Holds training while off screen or in a hidden tab (null: free to move). */
  setHold(hold: WidgetState['hold']): void {
    if (this.state.hold === hold) return;
    this.state.hold = hold;
    this.changed();
  }

  /** Shows or hides the settings panel (present mode can hide it). */
  setHideControls(hide: boolean): void {
    this.ui.settings.root.hidden = hide;
  }

  setPresent(present: boolean): void {
    this.present = present;
    this.invalidateViews();
  }

  destroy(): void {
    this.destroyed = true;
    cancelAnimationFrame(this.raf);
    clearTimeout(this.urlTimer);
    for (const lane of this.lanes) lane.client.close();
    this.resize?.disconnect();
    this.onScreen?.disconnect();
    for (const f of this.cleanup) f();
    for (const v of this.views) v.instance.destroy?.();
    this.ui.live.remove();
  }

  // ---------------------------------------------------------------- trainers

  private startTrainers(): void {
    const make = this.options.makePort ?? trainerWorker;
    this.def.trainers.forEach((t, i) => {
      let config: TrainerConfig;
      try {
        config = t.config(this.state.params, this.state.seed);
      } catch (error) {
        this.fail(i, `This widget's settings do not make a network: ${(error as Error).message}`);
        return;
      }
      const lane: Lane = {
        client: new TrainerClient(make(), (message) => this.fail(i, message)),
        config,
        rebuilding: 0,
        lastTick: Promise.resolve(),
        gridPending: false,
        gridToken: '',
        bounds: null,
        gridLimiter: new RateLimiter(this.fastestView('grid')),
        weightsLimiter: new RateLimiter(this.fastestView('weights')),
        weightsSteps: -1,
      };
      this.lanes[i] = lane;
      this.rebuild(i, { type: 'init', config });
    });
  }

  /** The shortest redraw interval among views needing `what` (they never need it faster). */
  private fastestView(what: 'grid' | 'weights'): number {
    const intervals = this.def.views.filter((v) => v.needs?.includes(what)).map((v) => v.interval ?? 100);
    return intervals.length ? Math.min(...intervals) : 250;
  }

  /** Sends a request that replaces the network and folds in its reply; no ticks until it is answered. */
  private rebuild(i: number, request: Parameters<TrainerClient['request']>[0], onReply?: (reply: HostReply) => void): void {
    const lane = this.lanes[i];
    if (!lane) return;
    lane.rebuilding++;
    const done = lane.client.request(request).then((reply) => {
      lane.rebuilding--;
      this.handle(i, reply);
      onReply?.(reply);
    });
    lane.lastTick = lane.lastTick.catch(() => undefined).then(() => done);
  }

  private handle(i: number, reply: HostReply): void {
    if (this.destroyed) return;
    const t = this.state.trainers[i]!;
    const lane = this.lanes[i]!;
    if (reply.type === 'grid' || reply.type === 'curve') return;
    if (reply.type === 'snapshot') {
      t.layers = layersOfModel(reply.snapshot.model);
      t.versions.layers++;
      lane.weightsSteps = reply.snapshot.metrics.steps;
      this.changed();
      return;
    }
    // A refused change leaves the trainer as it was; pushConfigs explains and reverts.
    if (reply.type === 'error' && reply.request === 'setHyper') return;
    const clean = reply.type === 'ready' ? this.cleanCurve(lane.config, reply) : undefined;
    const outcome = applyReply(t, reply, clean);
    if (reply.type === 'ready') {
      lane.bounds = t.data ? (t.data.inputs === 2 ? gridBounds(t.data) : t.data.interval ? { x0: t.data.interval[0], x1: t.data.interval[1], y0: 0, y1: 0 } : null) : null;
      lane.gridToken = '';
      lane.weightsSteps = reply.metrics.steps;
      t.status = this.state.wantsToRun ? 'running' : 'ready';
      if (this.state.trainers.every((x) => x.status !== 'diverged' && x.status !== 'error')) this.hideAlert();
      this.state.hiddenUnits = this.state.trainers.reduce((s, x) => s + hiddenUnitCount(x.layers), 0);
    }
    if (reply.type === 'metrics' && reply.weights) lane.weightsSteps = reply.metrics.steps;
    if (outcome === 'diverged') this.onDiverged(t);
    if (outcome === 'error') this.onError(t);
    this.changed();
  }

  /** The clean function of a 1-D regression data set, sampled for the fitted-curve view. */
  private cleanCurve(config: TrainerConfig, reply: Extract<HostReply, { type: 'ready' }>): { x: Float64Array; y: Float64Array } | undefined {
    const data = config.data;
    const interval = reply.data.interval;
    if (reply.data.task !== 'regression' || reply.data.inputs !== 1 || !interval || !('name' in data)) return undefined;
    try {
      const f = cleanFunction(data as RegressionSpec, interval);
      const n = 200;
      const x = new Float64Array(n);
      const y = new Float64Array(n);
      for (let j = 0; j < n; j++) {
        x[j] = interval[0] + (j * (interval[1] - interval[0])) / (n - 1);
        y[j] = f(x[j]!);
      }
      return { x, y };
    } catch {
      return undefined;
    }
  }

  private batchesLeftInEpoch(t: TrainerState, config: TrainerConfig): number {
    const n = t.data?.train.n ?? 1;
    const progress = t.epoch - Math.floor(t.epoch + 1e-9);
    const left = (1 - Math.max(0, progress)) * n;
    return Math.max(1, Math.ceil(left / Math.max(1, config.batchSize) - 1e-9));
  }

  private onDiverged(t: TrainerState): void {
    this.state.wantsToRun = false;
    // Train is about to be disabled; if it had the focus, hand it to the message and its way out.
    const hadFocus = this.host.contains(this.doc.activeElement);
    this.showAlert(`${this.state.trainers.length > 1 ? `${t.label}: ` : ''}Training stopped: ${t.message ?? 'the loss is no longer a finite number'}.`, true);
    if (hadFocus) this.ui.alert.focus();
  }

  private onError(t: TrainerState): void {
    this.state.wantsToRun = false;
    this.showAlert(`${this.state.trainers.length > 1 ? `${t.label}: ` : ''}${t.message ?? 'The trainer reported an error.'}`, false);
  }

  private fail(i: number, message: string): void {
    const t = this.state.trainers[i];
    if (!t) return;
    t.status = 'error';
    t.message = message;
    this.onError(t);
    this.changed();
  }

  /** After a pause: fetch the final weights if the views need them and the last tick had none. */
  private afterStop(): void {
    this.ui.announcer.textContent = `Paused. ${spokenSummary(this.state)}`;
    if (!this.needsWeights) return;
    this.lanes.forEach((lane, i) => {
      lane.lastTick = lane.lastTick.catch(() => undefined).then(async () => {
        if (lane.weightsSteps === this.state.trainers[i]!.steps) return;
        const reply = await lane.client.request({ type: 'snapshot' });
        this.handle(i, reply);
      });
    });
  }

  // ---------------------------------------------------------------- settings

  private applyParams(next: Record<string, ParamValue>, source: Source): void {
    const effect = changeEffect(this.def.params, this.state.params, next);
    if (effect === null) {
      this.ui.settings.showAll(this.state.params);
      return;
    }
    const changed = this.def.params.filter((p) => this.state.params[p.key] !== undefined && next[p.key] !== undefined && !sameParam(p, this.state.params[p.key]!, next[p.key]!));
    const previous = this.state.params;
    this.state.params = next;
    this.ui.settings.showAll(next);
    this.emit(source, { action: 'params', params: this.mirrorParams() });
    const names = changed.map((p) => p.label).join(', ');
    const note =
      effect === 'live'
        ? `${names}: applied live, training continues from the current weights.`
        : effect === 'reset'
          ? `${names}: this needs new weights, so the network was reset.`
          : `${names}: this needs new data, so the data were redrawn and the network reset.`;
    this.pushConfigs(note, previous);
    this.writeUrl();
  }

  /** Sends each trainer the config change for the current settings and seed. */
  private pushConfigs(note: string, previousParams: Record<string, ParamValue> = this.state.params): void {
    let announced = false;
    this.def.trainers.forEach((def, i) => {
      const lane = this.lanes[i];
      if (!lane) return;
      let next: TrainerConfig;
      try {
        next = def.config(this.state.params, this.state.seed);
      } catch (error) {
        this.refuse(`These settings do not make a network: ${(error as Error).message}.`, previousParams);
        return;
      }
      const change = configChange(lane.config, next);
      if (!change) return;
      const previous = lane.config;
      lane.config = next;
      this.rebuild(i, { type: 'setHyper', change }, (reply) => {
        if (reply.type !== 'error') return;
        // The engine refused: put the trainer back on the last config that worked (a failed
        // rebuild may have left it half-built) and the settings back to what they were.
        lane.config = previous;
        const back = configChange(next, previous);
        if (back) this.rebuild(i, { type: 'reset', change: back });
        this.refuse(`The engine refused these settings: ${reply.message}.`, previousParams);
      });
      if (!announced) {
        this.status(note);
        announced = true;
      }
    });
    this.changed();
  }

  /** Shows why settings were refused and puts the previous ones back in the controls and the URL. */
  private refuse(message: string, previousParams: Record<string, ParamValue>): void {
    this.state.params = { ...previousParams };
    this.ui.settings.showAll(this.state.params);
    this.state.notes = this.state.notes.filter((n) => !n.startsWith('✓ '));
    this.state.notes.push(`${message} The previous settings are back.`);
    this.renderNotes();
    this.writeUrl();
  }

  // ---------------------------------------------------------------- model files

  private async exportModel(): Promise<void> {
    const i = this.fileTrainer();
    const lane = this.lanes[i];
    if (!lane) return;
    const reply = await lane.client.request({ type: 'snapshot' });
    if (reply.type !== 'snapshot') {
      this.fileNote(`Could not export: ${reply.type === 'error' ? reply.message : 'no model'}.`, true);
      return;
    }
    const t = this.state.trainers[i]!;
    download(this.doc, `${this.options.name}-${t.id}-model.json`, modelFileText(reply.snapshot.model));
    this.fileNote(`Exported the model of ${t.label} at epoch ${Math.floor(t.epoch + 1e-9)} (seed ${this.state.seed}).`, false);
  }

  private async importModel(file: File): Promise<void> {
    const i = this.fileTrainer();
    const t = this.state.trainers[i];
    if (!t) return;
    if (file.size > MAX_MODEL_BYTES) {
      this.fileNote(`“${file.name.slice(0, 60)}” is too large (${Math.round(file.size / 1000)} kB) to be a model file of this course. Nothing was changed.`, true);
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      this.fileNote('The file could not be read. Nothing was changed.', true);
      return;
    }
    const check = checkModelFile(text, t.data);
    if (!check.ok) {
      this.fileNote(`${check.message} Nothing was changed.`, true);
      return;
    }
    if (this.state.wantsToRun) this.pause('user');
    this.rebuild(i, { type: 'loadModel', model: check.model }, (reply) => {
      if (reply.type === 'ready') {
        this.syncParamsToModel(i);
        this.fileNote(`Loaded ${check.summary} from “${file.name.slice(0, 60)}”. Reset now returns to this model. (A link cannot carry a loaded model.)`, false);
        this.emit('user', { action: 'import' });
      } else if (reply.type === 'error') {
        this.fileNote(`The trainer refused this model: ${reply.message}.`, true);
      }
    });
  }

  /** After an import: show the model's architecture in the settings it corresponds to. */
  private syncParamsToModel(i: number): void {
    const t = this.state.trainers[i]!;
    if (!t.layers || this.lanes.length > 1) return;
    const next = { ...this.state.params };
    const widthsSpec = this.def.params.find((p) => p.key === 'layers');
    if (widthsSpec) {
      const ok = checkValue(widthsSpec, t.layers.slice(0, -1).map((l) => l.weights.length));
      if (ok.ok) next['layers'] = ok.value;
    }
    const actSpec = this.def.params.find((p) => p.key === 'act');
    const acts = new Set(t.layers.slice(0, -1).map((l) => l.activation));
    if (actSpec && acts.size === 1) {
      const ok = checkValue(actSpec, [...acts][0]);
      if (ok.ok) next['act'] = ok.value;
    }
    this.state.params = next;
    this.ui.settings.showAll(next);
    const lane = this.lanes[i]!;
    try {
      lane.config = this.def.trainers[i]!.config(next, this.state.seed);
    } catch {
      /* the settings cannot express this model; later changes will reset it */
    }
  }

  private fileTrainer(): number {
    const sel = this.ui.fileTarget;
    return sel ? Math.max(0, this.def.trainers.findIndex((t) => t.id === sel.value)) : 0;
  }

  // ---------------------------------------------------------------- DOM

  private buildDom(): WidgetController['ui'] {
    const doc = this.doc;
    const name = this.options.name;
    const id = (s: string) => `tw-${name}-${s}`;
    const live = el(doc, 'div', 'tw-live');

    const bar = el(doc, 'div', 'tw-toolbar');
    bar.setAttribute('role', 'group');
    bar.setAttribute('aria-label', 'Training');
    const train = el(doc, 'button', 'button tw-train', 'Train');
    train.type = 'button';
    train.addEventListener('click', () => (this.state.wantsToRun ? this.pause('user') : this.train('user')));
    const step = el(doc, 'button', 'button button--ghost', 'Step');
    step.type = 'button';
    const stepHint = el(doc, 'span', 'tw-hint', this.def.step === 'batch' ? 'one mini-batch' : 'one epoch');
    stepHint.id = id('step-hint');
    step.setAttribute('aria-describedby', stepHint.id);
    step.addEventListener('click', () => this.step('user'));
    const reset = el(doc, 'button', 'button button--ghost', 'Reset');
    reset.type = 'button';
    reset.addEventListener('click', () => this.reset('user'));

    const speedLabel = el(doc, 'label', 'tw-inline', 'Speed ');
    const speed = el(doc, 'select');
    for (const s of this.speeds) {
      const o = el(doc, 'option', undefined, s.label);
      o.value = s.key;
      speed.append(o);
    }
    speed.value = this.state.speed;
    speed.addEventListener('change', () => this.setSpeed(speed.value, 'user'));
    speedLabel.append(speed);

    const seedBox = el(doc, 'span', 'tw-seed');
    const seedLabel = el(doc, 'label', 'tw-inline', 'Seed ');
    const seed = el(doc, 'input');
    seed.type = 'text';
    seed.inputMode = 'numeric';
    seed.size = 10;
    seed.autocomplete = 'off';
    seed.value = String(this.state.seed);
    const seedError = el(doc, 'span', 'tw-field__error');
    seedError.id = id('seed-error');
    seedError.setAttribute('aria-live', 'polite');
    seed.setAttribute('aria-describedby', seedError.id);
    const commitSeed = () => {
      const parsed = parseSeed(seed.value);
      if (!parsed.ok) {
        seedError.textContent = `${parsed.message} Not applied.`;
        seed.setAttribute('aria-invalid', 'true');
        return;
      }
      this.setSeed(parsed.value, 'user');
    };
    seed.addEventListener('change', commitSeed);
    seed.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') commitSeed();
    });
    seedLabel.append(seed);
    const newSeed = el(doc, 'button', 'button button--ghost', 'New seed');
    newSeed.type = 'button';
    newSeed.addEventListener('click', () => this.newSeed('user'));
    seedBox.append(seedLabel, newSeed, seedError);

    const status = el(doc, 'span', 'tw-status', 'Loading…');
    bar.append(train, step, stepHint, reset, speedLabel, seedBox, status);

    const alert = el(doc, 'div', 'tw-alert');
    alert.setAttribute('role', 'alert');
    alert.tabIndex = -1;
    alert.hidden = true;
    const alertText = el(doc, 'p', 'tw-alert__text');
    const lower = el(doc, 'button', 'button', 'Lower η and start again');
    lower.type = 'button';
    lower.dataset['action'] = 'recover';
    lower.addEventListener('click', () => this.recover());
    alert.append(alertText, lower);

    const readouts = new Readouts(doc, this.state, this.def.readouts ?? []);
    const settings = new SettingsPanel(doc, id('p'), this.def.params, this.state.params, (key, value) => this.applyParams({ ...this.state.params, [key]: value }, 'user'), () => this.state.params);
    settings.root.hidden = this.options.hideControls;

    const views = el(doc, 'div', 'tw-views');

    const files = el(doc, 'div', 'tw-files');
    files.setAttribute('role', 'group');
    files.setAttribute('aria-label', 'Model file');
    let fileTarget: HTMLSelectElement | null = null;
    if (this.def.trainers.length > 1) {
      const label = el(doc, 'label', 'tw-inline', 'Network ');
      fileTarget = el(doc, 'select');
      for (const t of this.def.trainers) {
        const o = el(doc, 'option', undefined, t.label);
        o.value = t.id;
        fileTarget.append(o);
      }
      label.append(fileTarget);
      files.append(label);
    }
    const exportButton = el(doc, 'button', 'button button--ghost', 'Export model');
    exportButton.type = 'button';
    exportButton.addEventListener('click', () => void this.exportModel());
    const importButton = el(doc, 'button', 'button button--ghost', 'Import model…');
    importButton.type = 'button';
    const fileInput = el(doc, 'input');
    fileInput.type = 'file';
    fileInput.accept = 'application/json,.json';
    fileInput.hidden = true;
    fileInput.setAttribute('aria-label', 'Model file to import');
    importButton.addEventListener('click', () => fileInput.click());
    fileInput.addEventListener('change', () => {
      const file = fileInput.files?.[0];
      fileInput.value = '';
      if (file) void this.importModel(file);
    });
    const fileMessage = el(doc, 'p', 'tw-files__message');
    fileMessage.setAttribute('aria-live', 'polite');
    files.append(exportButton, importButton, fileInput, fileMessage);

    const notes = el(doc, 'div', 'tw-notes');
    notes.setAttribute('aria-live', 'polite');

    const announcer = el(doc, 'p', 'visually-hidden');
    announcer.setAttribute('aria-live', 'polite');
    announcer.dataset['announcer'] = '';

    live.append(bar, alert, notes, readouts.root, settings.root, views, files, announcer);
    this.host.append(live);
    return { live, train, step, reset, status, speed, seed, seedError, alert, alertText, notes, settings, readouts, announcer, fileInput, fileTarget, fileMessage };
  }

  private mountViews(): void {
    const container = this.ui.live.querySelector<HTMLElement>('.tw-views')!;
    this.resize = new ResizeObserver((entries) => {
      for (const entry of entries) {
        const v = this.views.find((x) => x.body === entry.target);
        const w = Math.floor(entry.contentRect.width);
        if (v && w > 0 && w !== v.width) {
          v.width = w;
          v.pending = true;
        }
      }
      this.schedule();
    });
    this.onScreen = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const v = this.views.find((x) => x.figure === entry.target);
          if (v) v.visible = entry.isIntersecting;
        }
        this.schedule();
      },
      { rootMargin: '100px 0px' },
    );
    for (const def of this.def.views) {
      const figure = el(this.doc, 'figure', `tw-view${def.wide ? ' tw-view--wide' : ''}`);
      figure.dataset['view'] = def.id;
      const caption = el(this.doc, 'figcaption', 'tw-view__title', def.title);
      const body = el(this.doc, 'div', 'tw-view__body');
      figure.append(caption, body);
      container.append(figure);
      const width = Math.max(200, Math.floor(body.clientWidth || 320));
      const instance = def.mount(body, this.context(width));
      this.views.push({ def, figure, body, instance, lastDraw: -Infinity, pending: true, width, visible: true });
      this.resize.observe(body);
      this.onScreen.observe(figure);
    }
  }

  private context(width: number): ViewContext {
    return { theme: this.theme, width, present: this.present, training: this.moving() };
  }

  private watchTheme(): void {
    const refresh = () => {
      this.theme = readTheme(this.host);
      this.invalidateViews();
    };
    this.doc.addEventListener('themechange', refresh);
    this.cleanup.push(() => this.doc.removeEventListener('themechange', refresh));
    const mq = this.doc.defaultView?.matchMedia('(prefers-color-scheme: dark)');
    mq?.addEventListener('change', refresh);
    this.cleanup.push(() => mq?.removeEventListener('change', refresh));
  }

  private invalidateViews(): void {
    for (const v of this.views) v.pending = true;
    this.schedule();
  }

  // ---------------------------------------------------------------- the loop

  private moving(): boolean {
    return this.state.wantsToRun && this.state.hold === null && this.state.trainers.every((t) => t.status !== 'diverged' && t.status !== 'error');
  }

  private changed(): void {
    for (const t of this.state.trainers) {
      if (t.status === 'ready' || t.status === 'running' || t.status === 'paused') t.status = this.state.wantsToRun ? 'running' : 'paused';
    }
    for (const v of this.views) v.pending = true;
    this.refreshButtons();
    this.schedule();
  }

  private schedule(): void {
    if (this.raf || this.destroyed) return;
    this.raf = requestAnimationFrame(this.frame);
  }

  private readonly frame = (now: number): void => {
    this.raf = 0;
    if (this.destroyed) return;
    const moving = this.moving();
    if (moving) this.tick(now);
    this.requestGrids(now, moving);
    const viewsPending = this.drawViews(now, moving);
    if (!moving || this.readoutLimiter.ready(now)) this.ui.readouts.update(this.state);
    if (moving && this.announceLimiter.ready(now)) this.ui.announcer.textContent = spokenSummary(this.state);
    if (this.wasMoving !== moving) {
      this.wasMoving = moving;
      this.refreshButtons();
    }
    if (moving || viewsPending || this.lanes.some((l) => l.gridPending)) this.schedule();
  };

  private tick(now: number): void {
    const batches = this.speeds.find((s) => s.key === this.state.speed)?.batchesPerFrame ?? 1;
    this.lanes.forEach((lane, i) => {
      if (lane.client.ticking || lane.rebuilding > 0) return;
      const weights = this.needsWeights && lane.weightsLimiter.ready(now);
      lane.lastTick = lane.client.tick(batches, weights).then((reply) => this.handle(i, reply));
    });
  }

  private requestGrids(now: number, moving: boolean): void {
    if (!this.needsGrid) return;
    this.lanes.forEach((lane, i) => {
      const t = this.state.trainers[i]!;
      const b = lane.bounds;
      if (!t.data || !b || lane.gridPending || lane.rebuilding > 0) return;
      const token = `${t.versions.data}:${t.steps}:${t.status}`;
      if (token === lane.gridToken) return;
      if (moving && !lane.gridLimiter.ready(now)) return;
      lane.gridToken = token;
      lane.gridPending = true;
      const n = this.def.gridResolution ?? 80;
      const request =
        t.data.inputs === 2
          ? ({ type: 'predictGrid', id: t.versions.data, ...b, nx: n, ny: n } as const)
          : ({ type: 'predictCurve', id: t.versions.data, a: b.x0, b: b.x1, n: this.def.curvePoints ?? 160 } as const);
      if (t.data.inputs > 2) {
        lane.gridPending = false;
        return;
      }
      void lane.client.request(request).then((reply) => {
        lane.gridPending = false;
        if (this.destroyed) return;
        if ((reply.type === 'grid' || reply.type === 'curve') && reply.id === t.versions.data) applyGrid(t, reply, b);
        for (const v of this.views) v.pending = true;
        this.schedule();
      });
    });
  }

  /**
   * Redraws the views whose interval has passed, longest-waiting first, within a small time budget
   * per frame (at least one view), so several charts falling due together are spread over frames
   * instead of making one long one. Returns whether some still wait.
   */
  private drawViews(now: number, moving: boolean): boolean {
    let waiting = false;
    const deadline = performance.now() + FRAME_BUDGET_MS;
    let drew = false;
    for (const v of [...this.views].sort((a, b) => a.lastDraw - b.lastDraw)) {
      if (!v.pending) continue;
      // A view scrolled out of sight keeps its pending change and draws when it comes back.
      if (!v.visible && !v.figure.hidden) continue;
      if (moving && (now - v.lastDraw < (v.def.interval ?? 0) || (drew && performance.now() > deadline))) {
        waiting = true;
        continue;
      }
      v.pending = false;
      v.lastDraw = now;
      const applies = v.def.applies ? v.def.applies(this.state) : true;
      if (v.figure.hidden === applies) v.figure.hidden = !applies;
      if (!applies) continue;
      try {
        v.instance.update(this.state, this.context(v.width));
      } catch (error) {
        v.body.textContent = `This view could not be drawn: ${(error as Error).message}`;
      }
      drew = true;
    }
    return waiting;
  }

  private refreshButtons(): void {
    const { train, step, status } = this.ui;
    const loading = this.state.trainers.some((t) => t.status === 'loading');
    const stuck = this.state.trainers.some((t) => t.status === 'diverged' || t.status === 'error');
    const held = this.state.hold === 'offscreen' ? 'Waiting (off screen)' : this.state.hold === 'hidden' ? 'Waiting (tab hidden)' : 'Training';
    // Writes only what changed: this runs on every worker reply, and an unchanged text or
    // attribute written again still costs a style recalculation.
    setText(train, this.state.wantsToRun ? 'Pause' : 'Train');
    if (train.disabled !== (loading || stuck)) train.disabled = loading || stuck;
    if (step.disabled !== (loading || stuck)) step.disabled = loading || stuck;
    const mode = loading ? 'loading' : stuck ? 'stopped' : this.state.wantsToRun ? 'training' : 'paused';
    if (this.host.dataset['state'] !== mode) this.host.dataset['state'] = mode;
    setText(status, loading ? 'Loading…' : stuck ? 'Stopped' : this.state.wantsToRun ? held : 'Paused');
  }

  // ---------------------------------------------------------------- messages

  private showAlert(text: string, offerRecover: boolean): void {
    this.ui.alertText.textContent = text;
    const recover = this.ui.alert.querySelector<HTMLButtonElement>('[data-action="recover"]')!;
    recover.hidden = !offerRecover || !this.def.params.some((p) => p.key === 'lr');
    this.ui.alert.hidden = false;
    this.refreshButtons();
  }

  private hideAlert(): void {
    this.ui.alert.hidden = true;
    this.ui.alertText.textContent = '';
  }

  /** After a divergence: η back to its default (or a tenth of it if that diverged) and a reset. */
  private recover(): void {
    const spec = this.def.params.find((p) => p.key === 'lr');
    if (spec && spec.kind === 'number') {
      const now = this.state.params['lr'] as number;
      const target = now > spec.default ? spec.default : Math.max(spec.min, now / 10);
      this.state.params = { ...this.state.params, lr: target };
      this.ui.settings.showAll(this.state.params);
      this.pushConfigs(`Learning rate η lowered to ${target}.`);
      this.writeUrl();
      this.emit('user', { action: 'params', params: this.mirrorParams() });
    }
    this.reset('user');
    this.ui.train.focus();
  }

  private status(text: string): void {
    this.state.notes = this.state.notes.filter((n) => !n.startsWith('✓ '));
    this.state.notes.push(`✓ ${text}`);
    this.renderNotes();
  }

  private renderNotes(): void {
    const box = this.ui.notes;
    box.replaceChildren();
    if (this.state.notes.length === 0) return;
    const list = el(this.doc, 'ul', 'tw-notes__list');
    for (const n of this.state.notes.slice(-5)) {
      const li = el(this.doc, 'li', n.startsWith('✓ ') ? 'tw-note tw-note--ok' : 'tw-note tw-note--warn', n.startsWith('✓ ') ? n.slice(2) : n);
      list.append(li);
    }
    const clear = el(this.doc, 'button', 'tw-notes__clear', 'Dismiss notes');
    clear.type = 'button';
    clear.addEventListener('click', () => {
      this.state.notes = [];
      this.renderNotes();
    });
    box.append(list, clear);
  }

  private fileNote(text: string, bad: boolean): void {
    this.ui.fileMessage.textContent = text;
    this.ui.fileMessage.classList.toggle('tw-files__message--bad', bad);
  }

  private emit(source: Source, change: Omit<WidgetChange, 'widget'>): void {
    if (source !== 'user') return;
    this.host.dispatchEvent(new CustomEvent<WidgetChange>('widgetchange', { bubbles: true, detail: { widget: this.options.name, ...change } }));
  }

  private writeUrl(): void {
    if (this.options.url === false) return;
    clearTimeout(this.urlTimer);
    this.urlTimer = window.setTimeout(() => {
      const loc = this.doc.defaultView?.location;
      if (!loc) return;
      const next = encodeWidgetState(this.options.name, this.def.params, this.state.params, this.state.seed, new URLSearchParams(loc.search));
      history.replaceState(history.state, '', `${loc.pathname}${queryString(next)}${loc.hash}`);
    }, 200);
  }
}

function setText(node: HTMLElement, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}

function sameParam(spec: ParamSpec, a: ParamValue, b: ParamValue): boolean {
  return changeEffect([spec], { [spec.key]: a }, { [spec.key]: b }) === null;
}
