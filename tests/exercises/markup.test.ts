import { describe, expect, test } from 'vitest';
import { parseMarkup, plainText, texSources } from '@exercises/markup.ts';
import { fix, fmt, mat, pct, texNum, texVec, vec } from '@exercises/format.ts';

describe('markup', () => {
  test('paragraphs, inline TeX, code, line breaks and display math', () => {
    const blocks = parseMarkup('Compute $\\sigma(z)$ for `z` = 2.\nNext line.\n\n$$x^2$$\n\nCosts \\$5.');
    expect(blocks).toEqual([
      {
        type: 'paragraph',
        inlines: [
          { type: 'text', text: 'Compute ' },
          { type: 'tex', tex: '\\sigma(z)' },
          { type: 'text', text: ' for ' },
          { type: 'code', text: 'z' },
          { type: 'text', text: ' = 2.' },
          { type: 'break' },
          { type: 'text', text: 'Next line.' },
        ],
      },
      { type: 'display', tex: 'x^2' },
      { type: 'paragraph', inlines: [{ type: 'text', text: 'Costs $5.' }] },
    ]);
  });

  test('an unclosed $ or backtick stays text; HTML stays text', () => {
    expect(parseMarkup('a $b')).toEqual([{ type: 'paragraph', inlines: [{ type: 'text', text: 'a $b' }] }]);
    expect(parseMarkup('<img src=x onerror=alert(1)>')).toEqual([{ type: 'paragraph', inlines: [{ type: 'text', text: '<img src=x onerror=alert(1)>' }] }]);
  });

  test('texSources lists inline and display TeX; plainText keeps TeX as source', () => {
    expect(texSources(parseMarkup('$a$ and $$b$$'))).toEqual([{ tex: 'a', display: false }, { tex: 'b', display: true }]);
    expect(plainText('one $x$\ntwo')).toBe('one x\ntwo');
  });
});

describe('format', () => {
  test('numbers to significant figures without clutter', () => {
    expect(fmt(0.268941421, 4)).toBe('0.2689');
    expect(fmt(2, 4)).toBe('2');
    expect(fmt(-1234.5678, 4)).toBe('-1235');
    expect(fmt(1.5e-7, 3)).toBe('1.5e-7');
    expect(fmt(0)).toBe('0');
    expect(fix(-0.04, 1)).toBe('0.0');
    expect(fix(2, 1)).toBe('2.0');
    expect(vec([0.1, -2, 3.25])).toBe('[0.1, -2, 3.25]');
    expect(mat([[1, 2], [3, 4]])).toBe('[1, 2]\n[3, 4]');
    expect(pct(0.953)).toBe('95.3 %');
    expect(texNum(3.1e-5)).toBe('3.1 \\times 10^{-5}');
    expect(texVec([1, 2], 4, true)).toBe('\\begin{bmatrix} 1 \\\\ 2 \\end{bmatrix}');
  });
});

describe('code blocks', () => {
  test('keep the lines between two fences verbatim, markup characters included', () => {
    const source = 'Sum the squares:\n\n```\nfunction f(r) {\n  return `$${r}` + "$x$";\n}\n```\n\nThen $x^2$.';
    const blocks = parseMarkup(source);
    expect(blocks.map((b) => b.type)).toEqual(['paragraph', 'code', 'paragraph']);
    expect(blocks[1]).toEqual({ type: 'code', text: 'function f(r) {\n  return `$${r}` + "$x$";\n}' });
    expect(texSources(blocks)).toEqual([{ tex: 'x^2', display: false }]);
    expect(plainText(source)).toContain('return `$${r}`');
  });
  test('an unclosed fence is ordinary text', () => {
    expect(parseMarkup('```\nlet a = 1;').every((b) => b.type === 'paragraph')).toBe(true);
  });
});
