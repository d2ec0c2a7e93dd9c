/**
 * Colour palettes safe for colour-blind readers (Okabe & Ito, 2008). Categorical colours are
 * always paired with a second cue (a shape, a dash, a label) so nothing is told by colour alone.
 */
export const okabeIto = [
  '#0072B2', // blue
  '#E69F00', // orange
  '#009E73', // bluish green
  '#CC79A7', // reddish purple
  '#56B4E9', // sky blue
  '#D55E00', // vermillion
  '#F0E442', // yellow
  '#000000', // black
] as const;

/** Class colours for up to five classes, in order 0..4. */
export const classColors = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00'] as const;

/** Symbols paired with the class colours, so classes differ in shape too. */
export const classSymbols = ['circle', 'triangle', 'square', 'diamond', 'star'] as const;

/** Sign colours for weights: blue for positive, vermillion for negative (distinct for all common CVD types). */
export const signColors = { positive: '#0072B2', negative: '#D55E00' } as const;
