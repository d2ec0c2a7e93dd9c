/**
 * Registers the service worker (production builds only) so the course works offline after the
 * first visit, and tells the reader when a newly deployed version has taken over.
 */
export function registerServiceWorker(win: Window & typeof globalThis): void {
  if (!('serviceWorker' in win.navigator)) return;
  const hadController = !!win.navigator.serviceWorker.controller;
  win.navigator.serviceWorker.register('/sw.js').catch(() => {
    /* offline support is a bonus: the site works without it */
  });
  win.navigator.serviceWorker.addEventListener('message', (e: MessageEvent) => {
    const data = e.data as { type?: unknown } | null;
    if (data?.type !== 'sw-activated' || !hadController) return;
    const doc = win.document;
    if (doc.querySelector('[data-update-note]')) return;
    const note = doc.createElement('p');
    note.dataset['updateNote'] = '';
    note.className = 'update-note';
    note.setAttribute('role', 'status');
    note.textContent = 'A new version of the course is available offline. ';
    const b = doc.createElement('button');
    b.type = 'button';
    b.textContent = 'Reload';
    b.addEventListener('click', () => win.location.reload());
    note.append(b);
    doc.body.append(note);
  });
}
