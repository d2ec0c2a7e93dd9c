/**
 * The projector theme: colours chosen for at least 7:1 contrast (WCAG AAA) against the slide
 * background, because projectors wash colours out. One source for the CSS and its test.
 */
export const projectorTheme = {
  light: { bg: '#ffffff', fg: '#000000', fgSoft: '#1f1f1f', accent: '#00466e', border: '#3d3d3d' },
  dark: { bg: '#000000', fg: '#ffffff', fgSoft: '#e6e6e6', accent: '#9ad8ff', border: '#bdbdbd' },
} as const;

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  const lin = (c: string) => {
    const v = parseInt(c, 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(m[1]!) + 0.7152 * lin(m[2]!) + 0.0722 * lin(m[3]!);
}

/** WCAG contrast ratio between two colours, from 1 to 21. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The theme as CSS custom properties for a `style` attribute. */
export function projectorCss(mode: 'light' | 'dark'): string {
  const t = projectorTheme[mode];
  return `--bg:${t.bg};--bg-soft:${t.bg};--bg-raised:${t.bg};--fg:${t.fg};--fg-soft:${t.fgSoft};--accent:${t.accent};--border:${t.border};`;
}
