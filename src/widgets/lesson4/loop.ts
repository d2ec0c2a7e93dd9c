// An animation loop that runs only while it should: the reader pressed Train, the panel is near
// the viewport and the tab is visible. Off screen or in a hidden tab it waits, and it resumes by
// itself when the panel comes back (Distill's d-figure lifecycle).

export interface Loop {
  /** Whether the reader wants it running (Train pressed, not Pause). */
  readonly wanted: boolean;
  start(): void;
  stop(): void;
  destroy(): void;
}

/** Calls `tick` once per animation frame while wanted, visible and on screen; `tick` returns false to stop. */
export function createLoop(host: Element, tick: () => boolean, onChange: (running: boolean) => void): Loop {
  let wanted = false;
  let onScreen = true;
  let frame = 0;
  const schedule = () => {
    if (!frame && wanted && onScreen && !document.hidden) frame = requestAnimationFrame(run);
  };
  const run = () => {
    frame = 0;
    if (!wanted || !onScreen || document.hidden) return;
    if (tick()) schedule();
    else loop.stop();
  };
  const onVisibility = () => schedule();
  document.addEventListener('visibilitychange', onVisibility);
  const io =
    typeof IntersectionObserver === 'undefined'
      ? null
      : new IntersectionObserver((entries) => {
          onScreen = entries.some((e) => e.isIntersecting);
          schedule();
        });
  io?.observe(host);
  const loop: Loop = {
    get wanted() {
      return wanted;
    },
    start() {
      if (wanted) return;
      wanted = true;
      onChange(true);
      schedule();
    },
    stop() {
      if (!wanted) return;
      wanted = false;
      if (frame) cancelAnimationFrame(frame);
      frame = 0;
      onChange(false);
    },
    destroy() {
      wanted = false;
      if (frame) cancelAnimationFrame(frame);
      document.removeEventListener('visibilitychange', onVisibility);
      io?.disconnect();
    },
  };
  return loop;
}
