/**
 * <present-deck>: turns a lesson's rendered content into slides (cut at `h2` and `h3` headings,
 * at <SlideBreak/> markers and around every widget, exercise, code cell and panel, which get a
 * slide of their own; notes pulled out of <Notes>), drives them from keys and clickers, fits
 * each slide to the screen, and keeps a presenter window and audience windows in step over a
 * BroadcastChannel, widgets included. The pure rules live in model.ts.
 */
import {
  clampSlide, fitScale, formatDeckLocation, formatElapsed, isSyncMessage, keyToAction, LIVE_SELECTOR, parseDeckLocation, planSlides, stepZoom,
  type DeckAction, type DeckBlock, type SyncMessage,
} from './model';

interface Slide {
  el: HTMLElement;
  content: HTMLElement;
  title: string;
  anchor: string;
  notes: HTMLElement;
}

/** The subset of a widget element's public API (from the widget kit) that present mode drives. */
interface WidgetApi extends HTMLElement {
  train?: () => void;
  pause?: () => void;
  step?: () => void;
  reset?: () => void;
  setParams?: (p: Record<string, unknown>) => void;
}

const EDITABLE = 'input, textarea, select, [contenteditable=""], [contenteditable="true"], [role="slider"], [role="spinbutton"], .cm-editor';
const INTERACTIVE = 'button, a[href], summary, [role="button"], [role="tab"], [role="radio"], [role="checkbox"], [role="switch"]';

class PresentDeck extends HTMLElement {
  private slides: Slide[] = [];
  private current = 1;
  private zoom = 1;
  private hiddenWidgets: string[] = [];
  private presenter = false;
  private black = false;
  private digits = '';
  private digitTimer = 0;
  private channel: BroadcastChannel | undefined;
  private readonly instanceId = crypto.randomUUID();
  private applyingRemote = false;
  private timerStart = 0;
  private timerPausedAt: number | undefined;
  private timerHandle = 0;
  private tool: 'none' | 'laser' | 'pen' = 'none';
  private ink = new Map<number, number[][]>();
  private drawing: number[] | undefined;
  private resizeObserver: ResizeObserver | undefined;
  private fitted = { w: 0, h: 0 };
  private fitFrame = 0;
  private readonly cleanup: (() => void)[] = [];

  connectedCallback(): void {
    this.buildSlides();
    const loc = parseDeckLocation(location.search, location.hash, this.slides.length);
    this.zoom = loc.zoom;
    this.hiddenWidgets = loc.hidden;
    this.presenter = loc.presenter;
    if (loc.notes.length) this.note(loc.notes.join(' '));
    document.body.classList.toggle('presenter-mode', this.presenter);
    this.q('[data-presenter-panel]').hidden = !this.presenter;
    const presenterButton = this.q('[data-act="presenter"]');
    presenterButton.textContent = this.presenter ? 'Audience view' : 'Presenter view';
    if (document.documentElement.dataset['presentTheme'] === 'dark') this.setTheme('dark');

    this.addWidgetToggles();
    this.applyHidden();
    // Refit when the slide's content changes size by itself (a widget drew, an exercise opened),
    // not when our own zoom changed it: that would refit every frame.
    this.resizeObserver = new ResizeObserver(() => {
      const s = this.slides[this.current - 1];
      if (!s) return;
      const r = s.content.getBoundingClientRect();
      if (Math.abs(r.width - this.fitted.w) < 1 && Math.abs(r.height - this.fitted.h) < 1) return;
      cancelAnimationFrame(this.fitFrame);
      this.fitFrame = requestAnimationFrame(() => this.fit());
    });
    // Coming from the lesson page's Present button or key: start at the section being read.
    const at = new URLSearchParams(location.search).get('at');
    const atSlide = at && !location.hash ? this.slides.findIndex((sl) => sl.anchor === at) + 1 : 0;
    this.show(atSlide > 0 ? atSlide : loc.slide, { broadcast: false });

    this.on(document, 'keydown', (e) => this.onKey(e as KeyboardEvent));
    this.on(window, 'hashchange', () => {
      const n = Number(location.hash.replace(/^#\/?/, ''));
      if (Number.isInteger(n) && n >= 1 && n <= this.slides.length && n !== this.current) this.show(n);
    });
    this.on(window, 'resize', () => { this.fit(); this.sizeInk(); });
    this.on(this, 'click', (e) => {
      const act = (e.target as Element).closest<HTMLElement>('[data-act]')?.dataset['act'];
      if (act) this.onButton(act);
    });
    this.on(this, 'widgetchange', (e) => this.onWidgetChange(e as CustomEvent));
    this.setUpInk();
    this.setUpChannel();
    if (this.presenter) this.startTimer();
  }

  disconnectedCallback(): void {
    for (const f of this.cleanup.splice(0)) f();
    this.resizeObserver?.disconnect();
    this.channel?.close();
    clearInterval(this.timerHandle);
  }

  private on(target: EventTarget, type: string, fn: (e: Event) => void): void {
    target.addEventListener(type, fn);
    this.cleanup.push(() => target.removeEventListener(type, fn));
  }

  private q<T extends HTMLElement = HTMLElement>(sel: string): T {
    const el = this.querySelector<T>(sel);
    if (!el) throw new Error(`present mode: missing ${sel}`);
    return el;
  }

  /**
   * Regroups the source's top-level nodes into <section data-slide> elements, cut by planSlides
   * (model.ts): at headings and slide breaks, and around every live block so that a widget,
   * exercise, code cell or panel has the screen to itself.
   */
  private buildSlides(): void {
    const source = this.q('[data-deck-source]');
    const nodes = [...source.childNodes];
    const blocks: DeckBlock[] = nodes.map((node) => {
      if (!(node instanceof HTMLElement)) return { kind: (node.textContent ?? '').trim() === '' || node.nodeType === Node.COMMENT_NODE ? 'inert' : 'content' };
      if (node.matches('script, style, template, link')) return { kind: 'inert' };
      if (node.matches('[data-title-slide]')) return { kind: 'title', title: node.querySelector('h1')?.textContent?.trim() ?? 'Title' };
      if (node.tagName === 'H2' || node.matches('[data-sources-slide]')) {
        const h = node.tagName === 'H2' ? node : node.querySelector('h2');
        return { kind: 'section', title: h?.textContent?.trim() ?? '', anchor: h?.id ?? '' };
      }
      if (node.tagName === 'H3') return { kind: 'subsection' };
      if (node.matches('[data-slide-break]')) return { kind: 'break' };
      if (node.matches('[data-notes]')) return { kind: 'notes' };
      if (node.matches(LIVE_SELECTOR) || node.querySelector(LIVE_SELECTOR)) return { kind: 'live' };
      const shows = (node.textContent ?? '').trim() !== '' || node.matches('svg, img, canvas, video') || node.querySelector('svg, img, canvas, video');
      return { kind: shows ? 'content' : 'inert' };
    });
    this.slides = planSlides(blocks).map((plan) => {
      const el = document.createElement('section');
      el.className = 'slide';
      el.setAttribute('aria-roledescription', 'slide');
      const content = document.createElement('div');
      content.className = 'slide__content';
      const notes = document.createElement('div');
      notes.className = 'slide__notes';
      notes.hidden = true;
      el.append(content, notes);
      // A slide that is one live block (and its heading) gets the projector layout.
      el.toggleAttribute('data-live', plan.live);
      for (const i of plan.blocks) {
        const node = nodes[i]!;
        if (blocks[i]!.kind !== 'break') content.append(node);
      }
      for (const i of plan.notes) {
        const node = nodes[i]!;
        const body = node instanceof Element ? node.querySelector('.presenter-notes__body') : null;
        notes.append(...(body ? [...body.childNodes] : [...node.childNodes]));
      }
      return { el, content, title: plan.title, anchor: plan.anchor, notes };
    });
    // Slide breaks and the notes' wrappers are not shown; whatever is left goes.
    for (const node of nodes) if (node.parentNode === source) node.remove();
    source.replaceChildren(...this.slides.map((s) => s.el));
    this.slides.forEach((s, i) => {
      s.el.dataset['slide'] = String(i + 1);
      s.el.setAttribute('aria-label', `Slide ${i + 1} of ${this.slides.length}${s.title ? `: ${s.title}` : ''}`);
      s.el.hidden = true;
    });
    const list = this.q('[data-overview-list]');
    list.replaceChildren(...this.slides.map((s, i) => {
      const li = document.createElement('li');
      const b = document.createElement('button');
      b.type = 'button';
      b.dataset['goto'] = String(i + 1);
      // One number per slide: the list's own markers are off (present.css), the number is part of
      // the button's name ("2. Title") and sits in a column of its own; the title wraps beside it.
      const num = document.createElement('span');
      num.className = 'deck-overview__num';
      num.textContent = `${i + 1}.`;
      const title = document.createElement('span');
      title.className = 'deck-overview__title';
      title.textContent = s.title || 'Untitled';
      b.append(num, ' ', title);
      b.addEventListener('click', () => { this.q<HTMLDialogElement>('[data-overview]').close(); this.show(i + 1); });
      li.append(b);
      return li;
    }));
  }

  /** Shows slide n; tells the other windows unless the change came from them. */
  show(n: number, { broadcast = true } = {}): void {
    const next = clampSlide(n, this.slides.length);
    const prev = this.slides[this.current - 1];
    if (prev) { prev.el.hidden = true; prev.el.removeAttribute('aria-current'); this.resizeObserver?.unobserve(prev.content); }
    this.current = next;
    const s = this.slides[next - 1];
    if (!s) return;
    s.el.hidden = false;
    s.el.setAttribute('aria-current', 'step');
    this.resizeObserver?.observe(s.content);
    this.q('[data-count]').textContent = `${next} / ${this.slides.length}`;
    this.updateUrl();
    this.fit();
    this.redrawInk();
    if (this.presenter) this.updatePresenter();
    if (broadcast) this.post({ type: 'slide', n: next });
  }

  /**
   * Scales the current slide so it fits: the user's zoom first, then, if the content would
   * overflow, the largest zoom at which it fits (narrower zoom means longer lines, so the height
   * is not proportional: a short bisection finds it).
   */
  private fit(): void {
    const s = this.slides[this.current - 1];
    if (!s) return;
    const style = getComputedStyle(s.el);
    const availH = s.el.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
    const availW = s.el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    // A chart's axis label may stick out of its box to the right; that is fine while it stays
    // inside the slide's margin (it is not clipped), so overflow is allowed up to that margin.
    const margin = parseFloat(style.paddingRight) * 0.8;
    const fits = (z: number) => {
      s.content.style.zoom = String(z);
      const r = s.content.getBoundingClientRect();
      return fitScale(r.width, r.height, availW + 1, availH + 1) >= 1 && s.content.scrollWidth * z <= availW + margin;
    };
    let z = this.zoom;
    if (!fits(z)) {
      let lo = 0.1;
      let hi = z;
      for (let i = 0; i < 10; i++) {
        const mid = (lo + hi) / 2;
        if (fits(mid)) lo = mid;
        else hi = mid;
      }
      z = lo;
      s.content.style.zoom = String(z);
    }
    s.el.dataset['fit'] = z.toFixed(3);
    const r = s.content.getBoundingClientRect();
    this.fitted = { w: r.width, h: r.height };
  }

  private updateUrl(): void {
    const { search, hash } = formatDeckLocation({ slide: this.current, presenter: this.presenter, zoom: this.zoom, hidden: this.hiddenWidgets });
    history.replaceState(null, '', `${location.pathname}${search}${hash}`);
  }

  private onKey(e: KeyboardEvent): void {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const t = e.target as Element | null;
    if (t?.closest?.(EDITABLE)) return;
    if (this.querySelector('dialog[open]') && e.key !== 'Escape') return;
    const action = keyToAction(e.key);
    if (!action) return;
    if ((e.key === ' ' || e.key === 'Enter') && t?.closest?.(INTERACTIVE) && !(action.kind === 'jump' && this.digits)) return;
    if (action.kind === 'exit' && this.querySelector('dialog[open]')) return; // Esc closes the dialog
    e.preventDefault();
    this.act(action);
  }

  private act(a: DeckAction): void {
    switch (a.kind) {
      case 'next': this.show(this.current + 1); break;
      case 'prev': this.show(this.current - 1); break;
      case 'first': this.show(1); break;
      case 'last': this.show(this.slides.length); break;
      case 'digit':
        this.digits = (this.digits + String(a.digit)).slice(-4);
        this.note(`Go to slide ${this.digits}… (Enter)`);
        clearTimeout(this.digitTimer);
        this.digitTimer = window.setTimeout(() => { this.digits = ''; this.note(''); }, 3000);
        break;
      case 'jump':
        if (this.digits) { this.show(Number(this.digits)); this.digits = ''; this.note(''); }
        break;
      case 'fullscreen':
        if (document.fullscreenElement) void document.exitFullscreen();
        else void document.documentElement.requestFullscreen?.().catch(() => this.note('Fullscreen is not allowed here.'));
        break;
      case 'black': this.setBlack(!this.black); break;
      case 'zoom': this.zoom = stepZoom(this.zoom, a.by); this.updateUrl(); this.fit(); this.note(`Zoom ${Math.round(this.zoom * 100)} %`); break;
      case 'exit': location.href = `${this.dataset['lessonHref'] ?? '/'}${this.slides[this.current - 1]?.anchor ? `#${this.slides[this.current - 1]!.anchor}` : ''}`; break;
      case 'overview': {
        const d = this.q<HTMLDialogElement>('[data-overview]');
        for (const b of d.querySelectorAll<HTMLButtonElement>('[data-goto]')) {
          if (b.dataset['goto'] === String(this.current)) b.setAttribute('aria-current', 'true');
          else b.removeAttribute('aria-current');
        }
        d.showModal();
        d.querySelector<HTMLButtonElement>(`[data-goto="${this.current}"]`)?.focus();
        break;
      }
      case 'laser': this.setTool(this.tool === 'laser' ? 'none' : 'laser'); break;
      case 'pen': this.setTool(this.tool === 'pen' ? 'none' : 'pen'); break;
      case 'clear-ink': this.ink.delete(this.current); this.redrawInk(); this.post({ type: 'ink', strokes: [] }); break;
      case 'help': this.q<HTMLDialogElement>('[data-help]').showModal(); break;
    }
  }

  private onButton(act: string): void {
    switch (act) {
      case 'prev': this.act({ kind: 'prev' }); break;
      case 'next': this.act({ kind: 'next' }); break;
      case 'overview': this.act({ kind: 'overview' }); break;
      case 'laser': this.act({ kind: 'laser' }); break;
      case 'pen': this.act({ kind: 'pen' }); break;
      case 'clear-ink': this.act({ kind: 'clear-ink' }); break;
      case 'help': this.act({ kind: 'help' }); break;
      case 'theme': this.setTheme(document.body.classList.contains('present-dark') ? 'light' : 'dark'); break;
      case 'presenter': {
        const { search, hash } = formatDeckLocation({ slide: this.current, presenter: !this.presenter, zoom: this.zoom, hidden: this.hiddenWidgets });
        if (this.presenter) location.href = `${location.pathname}${search}${hash}`;
        else window.open(`${location.pathname}${search}${hash}`, 'dl-presenter', 'popup,width=1280,height=800');
        break;
      }
      case 'audience': {
        const { search, hash } = formatDeckLocation({ slide: this.current, presenter: false, zoom: this.zoom, hidden: this.hiddenWidgets });
        window.open(`${location.pathname}${search}${hash}`, 'dl-audience');
        break;
      }
      case 'timer':
        if (this.timerPausedAt === undefined) this.timerPausedAt = Date.now();
        else { this.timerStart += Date.now() - this.timerPausedAt; this.timerPausedAt = undefined; }
        this.q('[data-act="timer"]').textContent = this.timerPausedAt === undefined ? 'Pause timer' : 'Resume timer';
        this.tickTimer();
        break;
      case 'timer-reset': this.timerStart = Date.now(); if (this.timerPausedAt !== undefined) this.timerPausedAt = this.timerStart; this.tickTimer(); break;
    }
  }

  private setTheme(mode: 'light' | 'dark'): void {
    document.body.classList.toggle('present-dark', mode === 'dark');
    document.body.classList.toggle('present-light', mode === 'light');
    document.documentElement.dataset['theme'] = mode;
    this.q('[data-act="theme"]').setAttribute('aria-pressed', String(mode === 'dark'));
    try { localStorage.setItem('dl-present-theme', mode); } catch { /* not remembered */ }
  }

  private setBlack(on: boolean, broadcast = true): void {
    this.black = on;
    this.q('[data-black]').hidden = !on;
    if (broadcast) this.post({ type: 'black', on });
  }

  private note(text: string): void {
    const el = this.q('[data-deck-note]');
    el.textContent = text;
    el.hidden = text === '';
  }

  // ---- widgets: controls can be hidden per widget (remembered in the link), actions mirrored

  private widgets(): HTMLElement[] {
    return [...this.querySelectorAll<HTMLElement>('[data-widget]')];
  }

  private addWidgetToggles(): void {
    for (const w of this.widgets()) {
      const name = w.dataset['widget'] ?? '';
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'deck-widget-toggle';
      b.dataset['noPrint'] = '';
      b.dataset['hideFor'] = name;
      b.setAttribute('aria-pressed', 'false');
      b.textContent = 'Hide controls';
      b.addEventListener('click', () => {
        this.hiddenWidgets = this.hiddenWidgets.includes(name) ? this.hiddenWidgets.filter((x) => x !== name) : [...this.hiddenWidgets, name];
        this.applyHidden();
        this.updateUrl();
        this.post({ type: 'hide', hidden: this.hiddenWidgets });
      });
      w.before(b);
    }
  }

  private applyHidden(): void {
    for (const w of this.widgets()) {
      const on = this.hiddenWidgets.includes(w.dataset['widget'] ?? '');
      w.toggleAttribute('data-hide-controls', on);
      w.toggleAttribute('hide-controls', on);
    }
    for (const b of this.querySelectorAll<HTMLButtonElement>('[data-hide-for]')) {
      const on = this.hiddenWidgets.includes(b.dataset['hideFor'] ?? '');
      b.setAttribute('aria-pressed', String(on));
      b.textContent = on ? 'Show controls' : 'Hide controls';
    }
    this.fit();
  }

  private widgetApi(root: HTMLElement): WidgetApi {
    const api = root as WidgetApi;
    if (typeof api.train === 'function') return api;
    const inner = [...root.querySelectorAll<HTMLElement>('*')].find((el) => typeof (el as WidgetApi).train === 'function');
    return (inner as WidgetApi | undefined) ?? api;
  }

  private onWidgetChange(e: CustomEvent): void {
    if (this.applyingRemote) return;
    const root = (e.target as Element).closest<HTMLElement>('[data-widget]');
    if (!root) return;
    const name = root.dataset['widget'] ?? '';
    const index = this.widgets().filter((w) => w.dataset['widget'] === name).indexOf(root);
    const d = (e.detail ?? {}) as { action?: unknown; params?: unknown };
    if (typeof d.action !== 'string') return;
    const params = typeof d.params === 'object' && d.params !== null ? (JSON.parse(JSON.stringify(d.params)) as Record<string, unknown>) : undefined;
    this.post(params ? { type: 'widget', widget: name, index, action: d.action, params } : { type: 'widget', widget: name, index, action: d.action });
  }

  private applyWidget(m: Extract<SyncMessage, { type: 'widget' }>): void {
    const root = this.widgets().filter((w) => w.dataset['widget'] === m.widget)[m.index];
    if (!root) return;
    const api = this.widgetApi(root);
    this.applyingRemote = true;
    try {
      switch (m.action) {
        case 'train': api.train?.(); break;
        case 'pause': api.pause?.(); break;
        case 'step': api.step?.(); break;
        case 'reset': api.reset?.(); break;
        case 'params': case 'setParams': if (m.params) api.setParams?.(m.params); break;
      }
    } finally {
      // widgets may dispatch their change event asynchronously; ignore echoes for a moment
      setTimeout(() => { this.applyingRemote = false; }, 50);
    }
  }

  // ---- presenter window ↔ audience windows

  private setUpChannel(): void {
    if (typeof BroadcastChannel === 'undefined') return;
    this.channel = new BroadcastChannel(`dl-present:${this.dataset['lesson'] ?? ''}`);
    this.channel.onmessage = (e: MessageEvent) => {
      if (!isSyncMessage(e.data) || e.data.from === this.instanceId) return;
      this.receive(e.data);
    };
    this.post({ type: 'hello' });
  }

  private post(m: SyncMessage): void {
    this.channel?.postMessage({ ...m, from: this.instanceId, presenter: this.presenter });
  }

  private receive(m: SyncMessage & { from: string }): void {
    const fromPresenter = (m as { presenter?: unknown }).presenter === true;
    if (!fromPresenter && this.presenter) this.markAudience();
    switch (m.type) {
      case 'slide': if (m.n !== this.current) this.show(m.n, { broadcast: false }); break;
      case 'black': this.setBlack(m.on, false); break;
      case 'hello':
        // a window just opened: bring it to where we are (the presenter's word wins)
        if (this.presenter || !fromPresenter) {
          this.post({ type: 'slide', n: this.current });
          this.post({ type: 'hide', hidden: this.hiddenWidgets });
        }
        break;
      case 'widget': this.applyWidget(m); break;
      case 'hide': this.hiddenWidgets = m.hidden.filter((n) => /^[a-z0-9-]{1,41}$/.test(n)); this.applyHidden(); this.updateUrl(); break;
      case 'ink': this.ink.set(this.current, m.strokes); this.redrawInk(); break;
      case 'laser': this.showLaser(m.x, m.y, m.on); break;
    }
  }

  private markAudience(): void {
    this.q('[data-audience-status]').firstChild!.textContent = 'Audience window: connected. ';
  }

  private updatePresenter(): void {
    const notes = this.q('[data-notes-panel]');
    const s = this.slides[this.current - 1];
    notes.replaceChildren(...(s && s.notes.childNodes.length ? [...s.notes.childNodes].map((n) => n.cloneNode(true)) : [Object.assign(document.createElement('p'), { textContent: 'No notes for this slide.' })]));
    const preview = this.q('[data-next-preview]');
    const next = this.slides[this.current];
    if (!next) { preview.textContent = 'End of the lesson.'; return; }
    const clone = next.content.cloneNode(true) as HTMLElement;
    // A preview must not start workers or steal focus: widgets and controls become labelled boxes.
    for (const w of clone.querySelectorAll('[data-widget], [data-exercise], [data-cell]')) {
      const box = document.createElement('p');
      box.className = 'deck-presenter__placeholder';
      box.textContent = `Live ${w.hasAttribute('data-widget') ? 'widget' : w.hasAttribute('data-cell') ? 'code cell' : 'exercise'}: ${(w as HTMLElement).dataset['widget'] ?? (w as HTMLElement).dataset['exercise'] ?? ''}`;
      w.replaceWith(box);
    }
    for (const el of clone.querySelectorAll('[id]')) el.removeAttribute('id');
    for (const el of clone.querySelectorAll('button, input, select, textarea, a, [tabindex]')) el.setAttribute('tabindex', '-1');
    clone.setAttribute('inert', '');
    preview.replaceChildren(clone);
  }

  private startTimer(): void {
    this.timerStart = Date.now();
    this.timerHandle = window.setInterval(() => this.tickTimer(), 1000);
  }

  private tickTimer(): void {
    const now = this.timerPausedAt ?? Date.now();
    this.q('[data-timer]').textContent = formatElapsed(now - this.timerStart);
  }

  // ---- laser pointer and pen

  private setTool(tool: 'none' | 'laser' | 'pen'): void {
    this.tool = tool;
    this.q('[data-act="laser"]').setAttribute('aria-pressed', String(tool === 'laser'));
    this.q('[data-act="pen"]').setAttribute('aria-pressed', String(tool === 'pen'));
    const ink = this.q<HTMLCanvasElement>('[data-ink]');
    ink.classList.toggle('is-drawing', tool === 'pen');
    if (tool !== 'laser') { this.showLaser(0, 0, false); this.post({ type: 'laser', x: 0, y: 0, on: false }); }
    this.sizeInk();
  }

  private setUpInk(): void {
    const stage = this.q('.deck-stage');
    const ink = this.q<HTMLCanvasElement>('[data-ink]');
    this.sizeInk();
    const rel = (e: PointerEvent): [number, number] => {
      const r = stage.getBoundingClientRect();
      return [(e.clientX - r.left) / r.width, (e.clientY - r.top) / r.height];
    };
    this.on(stage, 'pointermove', (ev) => {
      const e = ev as PointerEvent;
      if (this.tool === 'laser') {
        const [x, y] = rel(e);
        this.showLaser(x, y, true);
        this.post({ type: 'laser', x, y, on: true });
      } else if (this.tool === 'pen' && this.drawing) {
        this.drawing.push(...rel(e));
        this.redrawInk();
      }
    });
    this.on(ink, 'pointerdown', (ev) => {
      if (this.tool !== 'pen') return;
      const e = ev as PointerEvent;
      ink.setPointerCapture(e.pointerId);
      this.drawing = [...rel(e)];
      const strokes = this.ink.get(this.current) ?? [];
      strokes.push(this.drawing);
      this.ink.set(this.current, strokes);
    });
    this.on(ink, 'pointerup', () => {
      if (!this.drawing) return;
      this.drawing = undefined;
      this.post({ type: 'ink', strokes: this.ink.get(this.current) ?? [] });
    });
  }

  private sizeInk(): void {
    const ink = this.q<HTMLCanvasElement>('[data-ink]');
    const r = this.q('.deck-stage').getBoundingClientRect();
    ink.width = Math.max(1, Math.round(r.width));
    ink.height = Math.max(1, Math.round(r.height));
    this.redrawInk();
  }

  private redrawInk(): void {
    const ink = this.querySelector<HTMLCanvasElement>('[data-ink]');
    const ctx = ink?.getContext('2d');
    if (!ink || !ctx) return;
    ctx.clearRect(0, 0, ink.width, ink.height);
    ctx.lineWidth = Math.max(3, ink.width / 400);
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = '#D55E00';
    for (const s of this.ink.get(this.current) ?? []) {
      ctx.beginPath();
      for (let i = 0; i + 1 < s.length; i += 2) {
        const x = s[i]! * ink.width;
        const y = s[i + 1]! * ink.height;
        if (i === 0) ctx.moveTo(x, y);
        else ctx.lineTo(x, y);
      }
      ctx.stroke();
    }
  }

  private showLaser(x: number, y: number, on: boolean): void {
    const dot = this.q('[data-laser]');
    dot.hidden = !on;
    dot.style.left = `${x * 100}%`;
    dot.style.top = `${y * 100}%`;
  }
}

if (!customElements.get('present-deck')) customElements.define('present-deck', PresentDeck);
