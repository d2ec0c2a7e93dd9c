// <training-widget>: the light custom element every widget shell renders. It costs almost nothing
// up front: near the viewport it imports the widget's declaration and the kit's controller (with
// Plot and the engine) and hands itself over. It holds training while off screen or in a hidden
// tab, cleans up on disconnect, and carries the public API present mode and exercises use.

import type { WidgetDefinition } from './define';
import type { WidgetController } from './controller';
import type { PublicState } from './state';
import { findDefinition, isValidWidgetName } from './names';

/**
 * Every widget declaration in the project: `src/widgets/<folder>/<kind>.widget.ts`, each loaded
 * only when a widget of that kind wakes (one chunk per file).
 */
const definitions = import.meta.glob<{ default: WidgetDefinition }>('/src/widgets/**/*.widget.ts');

/** How far below the fold a widget starts loading (so it is ready when it scrolls in). */
const WAKE_MARGIN = '400px 0px';

export class TrainingWidgetElement extends HTMLElement {
  static readonly observedAttributes = ['hide-controls', 'data-present'];

  private controller: WidgetController | null = null;
  private waking: Promise<WidgetController | null> | null = null;
  private wakeObserver: IntersectionObserver | null = null;
  private screenObserver: IntersectionObserver | null = null;
  private onScreen = false;
  private readonly onVisibility = () => this.updateHold();

  /** The name in `data-widget` (URL namespace). */
  get widgetName(): string {
    return this.dataset['widget'] ?? '';
  }

  connectedCallback(): void {
    this.querySelector(':scope > .tw-noscript')?.remove();
    if (!this.querySelector(':scope > .tw-placeholder')) {
      const p = this.ownerDocument.createElement('p');
      p.className = 'tw-placeholder';
      p.textContent = 'The live network starts when this part of the page is on screen.';
      this.append(p);
    }
    this.wakeObserver = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) void this.wake();
      },
      { rootMargin: WAKE_MARGIN },
    );
    this.wakeObserver.observe(this);
    this.screenObserver = new IntersectionObserver((entries) => {
      const last = entries[entries.length - 1];
      if (last) this.onScreen = last.isIntersecting;
      this.updateHold();
    });
    this.screenObserver.observe(this);
    this.ownerDocument.addEventListener('visibilitychange', this.onVisibility);
  }

  disconnectedCallback(): void {
    this.wakeObserver?.disconnect();
    this.screenObserver?.disconnect();
    this.ownerDocument.removeEventListener('visibilitychange', this.onVisibility);
    this.controller?.destroy();
    this.controller = null;
    this.waking = null;
  }

  attributeChangedCallback(name: string): void {
    if (name === 'hide-controls') this.controller?.setHideControls(this.hasAttribute('hide-controls'));
    if (name === 'data-present') this.controller?.setPresent(this.isPresent());
  }

  private isPresent(): boolean {
    return this.hasAttribute('data-present') || this.closest('[data-present]') !== null;
  }

  private updateHold(): void {
    this.controller?.setHold(this.ownerDocument.hidden ? 'hidden' : this.onScreen ? null : 'offscreen');
  }

  /** Loads and starts the widget (once); resolves with its controller, or null when it cannot start. */
  wake(): Promise<WidgetController | null> {
    if (this.waking) return this.waking;
    this.wakeObserver?.disconnect();
    this.waking = this.start();
    return this.waking;
  }

  private async start(): Promise<WidgetController | null> {
    const placeholder = this.querySelector<HTMLElement>(':scope > .tw-placeholder');
    const name = this.widgetName;
    const fail = (message: string) => {
      if (placeholder) {
        placeholder.textContent = message;
        placeholder.classList.add('tw-placeholder--error');
      }
      return null;
    };
    if (!isValidWidgetName(name)) return fail(`This widget's name “${name.slice(0, 40)}” is not usable (letters, digits, - and _).`);
    const kind = this.getAttribute('kind') || name;
    const found = findDefinition(kind, Object.keys(definitions));
    if ('error' in found) return fail(found.error);
    if (placeholder) placeholder.textContent = 'Loading the live network…';
    try {
      const [{ WidgetController: Controller }, module] = await Promise.all([import('./controller'), definitions[found.key]!()]);
      if (!this.isConnected) return null;
      placeholder?.remove();
      this.controller = new Controller(this, module.default, { name, hideControls: this.hasAttribute('hide-controls'), present: this.isPresent() });
      this.updateHold();
      return this.controller;
    } catch (error) {
      return fail(`The live network could not be loaded: ${(error as Error).message}`);
    }
  }

  /** Resolves once the widget is loaded (it loads now if it has not yet). */
  async ready(): Promise<void> {
    await this.wake();
  }

  // The public API (present mode, exercises, the teacher's tools). Calls before loading wake the widget.

  train(): void {
    void this.wake().then((c) => c?.train('api'));
  }

  pause(): void {
    void this.wake().then((c) => c?.pause('api'));
  }

  step(): void {
    void this.wake().then((c) => c?.step('api'));
  }

  reset(): void {
    void this.wake().then((c) => c?.reset('api'));
  }

  /** Changes settings; values are validated like typed ones. Resolves with the notes on anything refused. */
  async setParams(partial: Record<string, unknown>): Promise<{ ok: boolean; notes: string[] }> {
    const c = await this.wake();
    return c ? c.setParams(partial, 'api') : { ok: false, notes: ['The widget could not be loaded.'] };
  }

  async setSeed(seed: number): Promise<boolean> {
    const c = await this.wake();
    return c ? c.setSeed(seed, 'api') : false;
  }

  async setSpeed(key: string): Promise<boolean> {
    const c = await this.wake();
    return c ? c.setSpeed(key, 'api') : false;
  }

  /** The live state as plain data (null before the widget has loaded). */
  getState(): PublicState | null {
    return this.controller?.getState() ?? null;
  }
}

/** Defines <training-widget> once (called by the shell's script; the package is side-effect free, so a bare import would be dropped). */
export function defineTrainingWidget(): void {
  if (!customElements.get('training-widget')) customElements.define('training-widget', TrainingWidgetElement);
}

declare global {
  interface HTMLElementTagNameMap {
    'training-widget': TrainingWidgetElement;
  }
}
