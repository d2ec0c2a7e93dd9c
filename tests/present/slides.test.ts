import { describe, expect, it } from 'vitest';
import { planSlides, type DeckBlock } from '../../src/present/model';

const title = (t: string): DeckBlock => ({ kind: 'title', title: t });
const section = (t: string, anchor = t.toLowerCase()): DeckBlock => ({ kind: 'section', title: t, anchor });
const p: DeckBlock = { kind: 'content' };
const live: DeckBlock = { kind: 'live' };
const script: DeckBlock = { kind: 'inert' };
const br: DeckBlock = { kind: 'break' };
const notes: DeckBlock = { kind: 'notes' };
const h3: DeckBlock = { kind: 'subsection' };

/** The plan as [title, block indexes] pairs, for short expectations. */
const cut = (blocks: DeckBlock[]) => planSlides(blocks).map((s) => [s.title, s.blocks]);

describe('planSlides', () => {
  it('cuts at the title, at sections and at slide breaks', () => {
    expect(cut([title('L'), section('A'), p, p, br, p, section('B'), p])).toEqual([
      ['L', [0]], ['A', [1, 2, 3]], ['A (continued)', [5]], ['B', [6, 7]],
    ]);
  });

  it('gives a widget, exercise or code cell a slide of its own: prose before ends a slide, prose after starts one', () => {
    const plan = planSlides([section('A'), p, live, script, p, p]);
    expect(plan.map((s) => [s.title, s.blocks, s.live])).toEqual([
      ['A', [0, 1], false],
      ['A (continued)', [2, 3], true],
      ['A (continued)', [4, 5], false],
    ]);
    expect(plan.every((s) => s.anchor === 'a')).toBe(true);
  });

  it('never puts two live blocks on one slide', () => {
    expect(cut([section('A'), live, live, live])).toEqual([
      ['A', [0, 1]], ['A (continued)', [2]], ['A (continued)', [3]],
    ]);
  });

  it('keeps a live block with the section heading right before it', () => {
    expect(cut([section('A'), live, p])).toEqual([['A', [0, 1]], ['A (continued)', [2]]]);
  });

  it('makes no empty slide for a break or a script next to a live block', () => {
    expect(cut([section('A'), p, br, live, br, script, p])).toEqual([
      ['A', [0, 1]], ['A (continued)', [3, 5]], ['A (continued)', [6]],
    ]);
    expect(cut([section('A'), p, live, br])).toEqual([['A', [0, 1]], ['A (continued)', [2]]]);
  });

  it('starts a slide at a subsection heading unless it follows its section heading', () => {
    expect(cut([section('A'), h3, p, h3, p])).toEqual([['A', [0, 1, 2]], ['A (continued)', [3, 4]]]);
  });

  it('puts notes on the slide being built', () => {
    const plan = planSlides([section('A'), p, notes, live, notes, p]);
    expect(plan.map((s) => s.notes)).toEqual([[2], [4], []]);
  });

  it('keeps every shown block exactly once, in order', () => {
    const blocks: DeckBlock[] = [script, title('L'), section('A'), p, live, live, br, p, h3, p, notes, section('B'), live, script, br];
    const shown = planSlides(blocks).flatMap((s) => s.blocks);
    const expected = blocks.map((b, i) => (b.kind === 'break' || b.kind === 'notes' ? -1 : i)).filter((i) => i >= 0);
    expect(shown).toEqual(expected);
  });
});
