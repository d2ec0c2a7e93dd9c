// Lesson 5's panels are custom elements that stay inert until they come near the viewport, then
// import their logic, swap the no-JavaScript fallback for the live markup, and clean up on removal.

type Mount = (root: HTMLElement) => () => void;

/** Defines `<tag>` (once) as a panel whose logic `load` imports when it nears the viewport. */
export function defineLazyPanel(tag: string, load: () => Promise<Mount>): void {
  if (customElements.get(tag)) return;
  customElements.define(
    tag,
    class extends HTMLElement {
      #cleanup: (() => void) | undefined;
      #observer: IntersectionObserver | undefined;
      connectedCallback() {
        this.#observer = new IntersectionObserver(
          (entries) => {
            if (!entries.some((e) => e.isIntersecting)) return;
            this.#observer?.disconnect();
            void this.#start();
          },
          { rootMargin: '300px' },
        );
        this.#observer.observe(this);
      }
      async #start() {
        const mount = await load();
        if (!this.isConnected || this.#cleanup) return;
        this.#cleanup = mount(this);
        this.querySelector<HTMLElement>('[data-fallback]')?.setAttribute('hidden', '');
        this.querySelector<HTMLElement>('[data-live]')?.removeAttribute('hidden');
        this.setAttribute('data-ready', '');
      }
      disconnectedCallback() {
        this.#observer?.disconnect();
        this.#cleanup?.();
        this.#cleanup = undefined;
      }
    },
  );
}
