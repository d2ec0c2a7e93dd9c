// A custom element for a lesson-1 panel that loads its logic only when it comes near the
// viewport, and cleans up when it leaves the page (the Distill d-figure lifecycle).

/** Brings a panel to life inside its host element and returns the function that tears it down. */
export type Mount = (host: HTMLElement) => () => void;

/** Defines `tag` (once) as a lazily mounted panel; `load` imports the module holding `mount`. */
export function defineLazyPanel(tag: string, load: () => Promise<{ mount: Mount }>): void {
  if (customElements.get(tag)) return;
  customElements.define(
    tag,
    class extends HTMLElement {
      #observer: IntersectionObserver | undefined;
      #cleanup: (() => void) | undefined;
      #connected = false;

      connectedCallback(): void {
        this.#connected = true;
        const start = (): void => {
          load()
            .then(({ mount }) => {
              if (this.#connected && !this.#cleanup) this.#cleanup = mount(this);
            })
            .catch((error: unknown) => {
              // The fallback text stays; a short note says why nothing moves.
              const note = document.createElement('p');
              note.className = 'l1-error';
              note.textContent = `This interactive figure could not start: ${error instanceof Error ? error.message : String(error)}`;
              this.append(note);
            });
        };
        if (typeof IntersectionObserver === 'undefined') {
          start();
          return;
        }
        this.#observer = new IntersectionObserver(
          (entries) => {
            if (!entries.some((e) => e.isIntersecting)) return;
            this.#observer?.disconnect();
            start();
          },
          { rootMargin: '600px 0px' },
        );
        this.#observer.observe(this);
      }

      disconnectedCallback(): void {
        this.#connected = false;
        this.#observer?.disconnect();
        this.#cleanup?.();
        this.#cleanup = undefined;
      }
    },
  );
}
