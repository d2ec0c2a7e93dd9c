/**
 * Light / dark theme: the system's choice by default, a toggle that overrides it and is
 * remembered in localStorage. Storage failures (private mode, full quota) only lose the memory.
 */
export type Theme = 'light' | 'dark';
const KEY = 'dl-theme';

/** The theme in force: the stored choice, else the system preference. */
export function currentTheme(doc: Document): Theme {
  const set = doc.documentElement.dataset['theme'];
  if (set === 'light' || set === 'dark') return set;
  return doc.defaultView?.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function initThemeToggle(doc: Document): void {
  const button = doc.querySelector<HTMLButtonElement>('[data-theme-toggle]');
  if (!button) return;
  const show = () => button.setAttribute('aria-pressed', String(currentTheme(doc) === 'dark'));
  show();
  button.addEventListener('click', () => {
    const next: Theme = currentTheme(doc) === 'dark' ? 'light' : 'dark';
    doc.documentElement.dataset['theme'] = next;
    try {
      localStorage.setItem(KEY, next);
    } catch {
      /* storage unavailable: the choice lasts for this page only */
    }
    show();
    doc.dispatchEvent(new CustomEvent('themechange', { detail: next }));
  });
}
