// The characters a font file maps (its cmap), for woff2, woff, TrueType or OpenType bytes.
// Used by the KaTeX subsetting step to check its own work and by the tests that check it again.

import { Blob, Face } from 'harfbuzzjs';
import fontverter from 'fontverter';

/** @param {Uint8Array} bytes @returns {Promise<Set<number>>} code points the font has a glyph for */
export async function fontCharacters(bytes) {
  const sfnt = await fontverter.convert(Buffer.from(bytes), 'sfnt');
  return new Set(new Face(new Blob(sfnt)).collectUnicodes());
}
