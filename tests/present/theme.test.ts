import { describe, expect, it } from 'vitest';
import { contrast, projectorTheme } from '../../src/present/theme';

describe('projector theme', () => {
  it('computes WCAG contrast like the reference values', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 10);
    // #777777 on white is the classic 4.48:1 example.
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
  for (const mode of ['light', 'dark'] as const) {
    it(`${mode}: every text colour has at least 7:1 against the slide background`, () => {
      const t = projectorTheme[mode];
      for (const c of [t.fg, t.fgSoft, t.accent]) expect(contrast(c, t.bg)).toBeGreaterThanOrEqual(7);
    });
  }
});
