// Lesson 3's panels wake up only near the viewport: the custom element is defined eagerly (it is
// tiny), the panel's logic is imported the first time the element comes within reach, and torn
// down when the element leaves the document.

/** A mounted panel: its state lives in this object, owned by the element. */
export interface Mounted {
  destroy(): void;
}

/** What a panel module exports: a function that wires a panel into its host element. */
export interface PanelModule {
  mount(host: HTMLElement): Mounted;
}

/** How far outside the viewport a panel starts loading. */
const WAKE_MARGIN = '400px';

/** Defines `<name>` so that it imports and mounts its panel when it first nears the viewport. */
export function defineLazyPanel(name: string, load: () => Promise<PanelModule>): void {
  if (customElements.get(name)) return;
  customElements.define(
    name,
    class extends HTMLElement {
      #mounted: Mounted | null = null;
      #observer: IntersectionObserver | null = null;

      connectedCallback(): void {
        if (this.#mounted || this.#observer) return;
        this.#observer = new IntersectionObserver(
          (entries) => {
            if (!entries.some((e) => e.isIntersecting)) return;
            this.#observer?.disconnect();
            this.#observer = null;
            load()
              .then((module) => {
                if (this.isConnected && !this.#mounted) this.#mounted = module.mount(this);
              })
              .catch((error: unknown) => {
                const message = this.querySelector<HTMLElement>('[data-panel-error]');
                if (message) {
                  message.hidden = false;
                  message.textContent = `This panel could not start: ${error instanceof Error ? error.message : String(error)}`;
                }
              });
          },
          { rootMargin: WAKE_MARGIN },
        );
        this.#observer.observe(this);
      }

      disconnectedCallback(): void {
        this.#observer?.disconnect();
        this.#observer = null;
        this.#mounted?.destroy();
        this.#mounted = null;
      }
    },
  );
}
