/**
 * Present mode's pure state: which slide is shown, zoom, black screen, hidden widget controls,
 * and how keys map to actions. The DOM wiring lives in deck.ts; this file is unit-tested alone.
 */

/** What a key press asks present mode to do. */
export type DeckAction =
  | { kind: 'next' }
  | { kind: 'prev' }
  | { kind: 'first' }
  | { kind: 'last' }
  | { kind: 'digit'; digit: number }
  | { kind: 'jump' }
  | { kind: 'fullscreen' }
  | { kind: 'black' }
  | { kind: 'zoom'; by: 1 | -1 }
  | { kind: 'exit' }
  | { kind: 'overview' }
  | { kind: 'laser' }
  | { kind: 'pen' }
  | { kind: 'clear-ink' }
  | { kind: 'help' };

/**
 * Maps a keyboard event's `key` to an action, or undefined for keys present mode leaves alone.
 * Clickers send PageDown/PageUp (sometimes arrows); `.` is the "blank" key on many clickers.
 */
export function keyToAction(key: string): DeckAction | undefined {
  switch (key) {
    case 'ArrowRight': case 'ArrowDown': case ' ': case 'PageDown': case 'Spacebar':
      return { kind: 'next' };
    case 'ArrowLeft': case 'ArrowUp': case 'PageUp':
      return { kind: 'prev' };
    case 'Home': return { kind: 'first' };
    case 'End': return { kind: 'last' };
    case 'Enter': return { kind: 'jump' };
    case 'f': case 'F': return { kind: 'fullscreen' };
    case 'b': case 'B': case '.': return { kind: 'black' };
    case '+': case '=': return { kind: 'zoom', by: 1 };
    case '-': case '_': return { kind: 'zoom', by: -1 };
    case 'Escape': return { kind: 'exit' };
    case 'o': case 'O': return { kind: 'overview' };
    case 'l': case 'L': return { kind: 'laser' };
    case 'p': case 'P': return { kind: 'pen' };
    case 'c': case 'C': return { kind: 'clear-ink' };
    case '?': return { kind: 'help' };
    default:
      return /^[0-9]$/.test(key) ? { kind: 'digit', digit: Number(key) } : undefined;
  }
}

/** Zoom steps the +/− keys walk through; 1 is the fitted size. */
export const ZOOM_STEPS = [0.6, 0.7, 0.8, 0.9, 1, 1.1, 1.25, 1.4, 1.6, 1.8, 2] as const;

/** The next zoom step from `current` in direction `by`, clamped to the ends. */
export function stepZoom(current: number, by: 1 | -1): number {
  let i = ZOOM_STEPS.findIndex((z) => z >= current - 1e-9);
  if (i < 0) i = ZOOM_STEPS.length - 1;
  if (ZOOM_STEPS[i]! > current + 1e-9 && by === 1) return ZOOM_STEPS[i]!;
  const j = Math.min(ZOOM_STEPS.length - 1, Math.max(0, i + by));
  return ZOOM_STEPS[j]!;
}

/** Clamps a slide number to 1..count. */
export const clampSlide = (n: number, count: number): number => Math.min(Math.max(1, Math.round(n)), Math.max(1, count));

/** What a present-mode URL carries: the slide, the presenter flag, zoom and widgets with hidden controls. */
export interface DeckLocation {
  slide: number;
  presenter: boolean;
  zoom: number;
  hidden: string[];
}

const WIDGET_NAME = /^[a-z0-9][a-z0-9-]{0,40}$/;

/**
 * Reads a present-mode URL. The slide is the hash `#3`; the query holds `presenter`, `zoom` and
 * `hide` (comma-separated widget names). Anything malformed falls back to the default and is
 * reported in `notes`, so a hand-edited link never breaks the deck.
 */
export function parseDeckLocation(search: string, hash: string, slideCount: number): DeckLocation & { notes: string[] } {
  const notes: string[] = [];
  const q = new URLSearchParams(search);
  let slide = 1;
  const h = hash.replace(/^#\/?/, '');
  if (h !== '') {
    if (/^\d{1,4}$/.test(h) && Number(h) >= 1 && Number(h) <= slideCount) slide = Number(h);
    else notes.push(`The link asks for slide "${h.slice(0, 20)}", which does not exist; showing slide 1.`);
  }
  let zoom = 1;
  const z = q.get('zoom');
  if (z !== null) {
    const v = Number(z);
    if (Number.isFinite(v) && v >= ZOOM_STEPS[0] && v <= ZOOM_STEPS[ZOOM_STEPS.length - 1]!) zoom = v;
    else notes.push(`Ignored zoom "${z.slice(0, 20)}": it must be a number from ${ZOOM_STEPS[0]} to ${ZOOM_STEPS[ZOOM_STEPS.length - 1]}.`);
  }
  const hidden: string[] = [];
  for (const name of (q.get('hide') ?? '').split(',').filter(Boolean)) {
    if (WIDGET_NAME.test(name)) hidden.push(name);
    else notes.push('Ignored a malformed widget name in "hide".');
  }
  return { slide, presenter: q.has('presenter'), zoom, hidden, notes };
}

/** Writes the query and hash for a deck location (the inverse of parseDeckLocation). */
export function formatDeckLocation(loc: DeckLocation): { search: string; hash: string } {
  const q = new URLSearchParams();
  if (loc.presenter) q.set('presenter', '');
  if (loc.zoom !== 1) q.set('zoom', String(loc.zoom));
  if (loc.hidden.length) q.set('hide', [...new Set(loc.hidden)].sort().join(','));
  const s = q.toString().replace(/presenter=(&|$)/, 'presenter$1');
  return { search: s ? `?${s}` : '', hash: `#${loc.slide}` };
}

/**
 * The zoom that makes content of natural size (w, h) fit a box (boxW, boxH): never above 1
 * (short content keeps its size), so long content shrinks instead of being clipped.
 */
export function fitScale(w: number, h: number, boxW: number, boxH: number): number {
  if (!(w > 0 && h > 0 && boxW > 0 && boxH > 0)) return 1;
  return Math.min(1, boxW / w, boxH / h);
}

/** "mm:ss" (or "h:mm:ss") for the presenter's timer. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** A message between the presenter window and the audience window(s). */
export type SyncMessage =
  | { type: 'slide'; n: number }
  | { type: 'black'; on: boolean }
  | { type: 'hello' }
  | { type: 'widget'; widget: string; index: number; action: string; params?: Record<string, unknown> }
  | { type: 'hide'; hidden: string[] }
  | { type: 'ink'; strokes: number[][] }
  | { type: 'laser'; x: number; y: number; on: boolean };

/** Accepts only well-formed sync messages (another tab could post anything on the channel). */
export function isSyncMessage(m: unknown): m is SyncMessage & { from: string } {
  if (typeof m !== 'object' || m === null) return false;
  const o = m as Record<string, unknown>;
  if (typeof o['from'] !== 'string') return false;
  switch (o['type']) {
    case 'slide': return Number.isInteger(o['n']) && (o['n'] as number) >= 1;
    case 'black': return typeof o['on'] === 'boolean';
    case 'hello': return true;
    case 'widget':
      return typeof o['widget'] === 'string' && Number.isInteger(o['index']) && typeof o['action'] === 'string' &&
        (o['params'] === undefined || (typeof o['params'] === 'object' && o['params'] !== null && !Array.isArray(o['params'])));
    case 'hide': return Array.isArray(o['hidden']) && (o['hidden'] as unknown[]).every((x) => typeof x === 'string');
    case 'ink': return Array.isArray(o['strokes']) && (o['strokes'] as unknown[]).every((s) => Array.isArray(s) && (s as unknown[]).every((v) => typeof v === 'number' && Number.isFinite(v)));
    case 'laser': return typeof o['x'] === 'number' && typeof o['y'] === 'number' && typeof o['on'] === 'boolean' && Number.isFinite(o['x']) && Number.isFinite(o['y']);
    default: return false;
  }
}

/**
 * What one top-level node of a lesson is, for cutting the lesson into slides:
 * - `title`: the title slide (its own slide);
 * - `section`: an `h2` (or the sources section): starts a slide titled by it;
 * - `break`: a <SlideBreak/> marker: starts a "(continued)" slide, is itself dropped;
 * - `notes`: presenter notes: go to the notes of the slide being built;
 * - `subsection`: an `h3`: starts a "(continued)" slide unless it follows its section heading;
 * - `live`: a widget, exercise, code cell or panel: always a slide of its own;
 * - `inert`: a script, a style or blank text: stays with the slide before it;
 * - `content`: prose, maths, tables, figures.
 */
export type DeckBlockKind = 'title' | 'section' | 'subsection' | 'break' | 'notes' | 'live' | 'inert' | 'content';

export interface DeckBlock {
  kind: DeckBlockKind;
  /** For `title` and `section`: the heading's text and (for sections) its id. */
  title?: string;
  anchor?: string;
}

/** One planned slide: its title and anchor, and the indexes of the blocks it shows and of its notes. */
export interface SlidePlan {
  title: string;
  anchor: string;
  blocks: number[];
  notes: number[];
  /** True when the slide holds a live block (widget, exercise, code cell, panel). */
  live: boolean;
}

/** The selector for live blocks: anything a class interacts with gets a slide of its own. */
export const LIVE_SELECTOR = '[data-widget], [data-exercise], [data-cell], [data-panel], [data-heads-experiments]';

/**
 * Cuts a lesson's top-level blocks into slides. A slide starts at the title, at each section
 * heading and at each slide break; on top of that a live block (widget, exercise, code cell,
 * panel) always gets a slide of its own, so a projected widget is never shrunk to share the
 * screen with prose: the prose before it ends a slide and the prose after it starts the next
 * ("<section> (continued)"). A live block right after its section heading keeps the heading.
 * A subsection heading (`h3`) also starts a slide, so a long section is cut where its author
 * cut it rather than shrunk.
 * Slides left with nothing to show (only scripts, notes or blank text) are dropped; their notes
 * go to the slide before.
 */
export function planSlides(blocks: readonly DeckBlock[]): SlidePlan[] {
  const slides: SlidePlan[] = [];
  let section = { title: '', anchor: '' };
  let cur: SlidePlan | undefined;
  /** What the current slide shows so far: nothing, only its section heading, or more. */
  let state: 'empty' | 'heading' | 'full' = 'empty';
  /** Set after a live block: the next shown block starts a new slide. */
  let closed = false;
  const continued = () => (section.title ? `${section.title} (continued)` : '');
  const start = (title: string, anchor: string): SlidePlan => {
    cur = { title, anchor, blocks: [], notes: [], live: false };
    slides.push(cur);
    state = 'empty';
    closed = false;
    return cur;
  };
  blocks.forEach((b, i) => {
    switch (b.kind) {
      case 'title':
        start(b.title ?? 'Title', '').blocks.push(i);
        state = 'full';
        return;
      case 'section':
        section = { title: (b.title ?? '').trim(), anchor: b.anchor ?? '' };
        start(section.title, section.anchor).blocks.push(i);
        state = 'heading';
        return;
      case 'break':
        if (cur && state !== 'empty') closed = true;
        return;
      case 'notes':
        (cur ?? start('', '')).notes.push(i);
        return;
      case 'inert':
        (cur ?? start('', '')).blocks.push(i);
        return;
      case 'live': {
        const s = !cur || closed || state === 'full' ? start(cur ? continued() : '', section.anchor) : cur;
        s.blocks.push(i);
        s.live = true;
        state = 'full';
        closed = true;
        return;
      }
      case 'subsection':
      case 'content': {
        if (b.kind === 'subsection' && state === 'full') closed = true;
        const s = !cur || closed ? start(cur ? continued() : '', section.anchor) : cur;
        s.blocks.push(i);
        state = 'full';
        return;
      }
    }
  });
  // A slide that shows nothing (a break at a section's end, a script after a widget) is merged
  // into the slide before it, or the one after it when it comes first.
  const shows = (s: SlidePlan) => s.blocks.some((i) => blocks[i]!.kind !== 'inert');
  const kept: SlidePlan[] = [];
  let pending: SlidePlan | undefined;
  for (const s of slides) {
    const prev = kept[kept.length - 1];
    if (shows(s)) {
      if (pending) { s.blocks.unshift(...pending.blocks); s.notes.unshift(...pending.notes); pending = undefined; }
      kept.push(s);
    } else if (prev) {
      prev.blocks.push(...s.blocks);
      prev.notes.push(...s.notes);
    } else if (pending) {
      pending.blocks.push(...s.blocks);
      pending.notes.push(...s.notes);
    } else pending = s;
  }
  return kept.length || !pending ? kept : [pending];
}
