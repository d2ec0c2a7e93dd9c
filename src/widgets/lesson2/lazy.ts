// Lesson 2's panels wake up lazily: the custom element is defined at once (tiny), its logic and
// Observable Plot are imported only when the element comes near the viewport, and whatever the
// logic set up (listeners, observers, animation) is torn down when the element leaves the page.

/** What a panel's logic module exports: mount into the element, return a cleanup. */
export interface PanelModule {
  mount(root: HTMLElement): () => void;
}

/** Defines `<tag>` so that it mounts `load()`'s module when within `margin` of the viewport. */
export function defineLazyPanel(tag: string, load: () => Promise<PanelModule>, margin = '300px'): void {
  if (customElements.get(tag)) return;
  customElements.define(
    tag,
    class extends HTMLElement {
      #observer: IntersectionObserver | null = null;
      #cleanup: (() => void) | null = null;
      #alive = false;

      connectedCallback(): void {
        this.#alive = true;
        this.#observer = new IntersectionObserver(
          (entries) => {
            if (!entries.some((e) => e.isIntersecting)) return;
            this.#observer?.disconnect();
            this.#observer = null;
            void this.#wake(load);
          },
          { rootMargin: margin },
        );
        this.#observer.observe(this);
      }

      async #wake(loader: () => Promise<PanelModule>): Promise<void> {
        try {
          const mod = await loader();
          if (!this.#alive || this.#cleanup) return;
          this.#cleanup = mod.mount(this);
          this.dataset['ready'] = 'true';
        } catch (error) {
          this.dataset['ready'] = 'error';
          const p = this.querySelector<HTMLElement>('[data-panel-error]');
          if (p) {
            p.hidden = false;
            p.textContent = `This panel could not start: ${error instanceof Error ? error.message : String(error)}. Reloading the page may help.`;
          }
        }
      }

      disconnectedCallback(): void {
        this.#alive = false;
        this.#observer?.disconnect();
        this.#observer = null;
        this.#cleanup?.();
        this.#cleanup = null;
        delete this.dataset['ready'];
      }
    },
  );
}
