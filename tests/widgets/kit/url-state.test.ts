import { describe, expect, it } from 'vitest';
import { activation, hiddenLayers, learningRate, toggle, type ParamSpec } from '@widgets/kit/params';
import { decodeWidgetState, encodeWidgetState, isValidWidgetName, queryString } from '@widgets/kit/url-state';

const specs: ParamSpec[] = [learningRate(), hiddenLayers(), activation(), toggle('stop', 'Early stopping')];

describe('widget state ↔ URL', () => {
  it('round-trips every kind of value and the seed', () => {
    const values = { lr: 0.0125, layers: [12, 3], act: 'relu', stop: true };
    const search = encodeWidgetState('heads', specs, values, 4242, new URLSearchParams());
    const decoded = decodeWidgetState('heads', specs, new URLSearchParams(search.toString()));
    expect(decoded).toEqual({ values, seed: 4242, notes: [] });
  });

  it('writes namespaced keys, e.g. w.heads.lr=0.03', () => {
    const search = encodeWidgetState('heads', specs, { lr: 0.03, layers: [], act: 'tanh', stop: false }, 1, new URLSearchParams());
    expect(queryString(search)).toBe('?w.heads.lr=0.03&w.heads.layers=none&w.heads.act=tanh&w.heads.stop=0&w.heads.seed=1');
  });

  it('keeps other widgets’ keys and unrelated parameters', () => {
    const before = new URLSearchParams('a=1&w.other.lr=0.5&w.heads.lr=9');
    const after = encodeWidgetState('heads', [learningRate()], { lr: 0.1 }, 7, before);
    expect(after.get('a')).toBe('1');
    expect(after.get('w.other.lr')).toBe('0.5');
    expect(after.get('w.heads.lr')).toBe('0.1');
    expect(decodeWidgetState('other', [learningRate()], after).values).toEqual({ lr: 0.5 });
  });

  it('shows layer lists with plain commas', () => {
    const s = encodeWidgetState('x', [hiddenLayers()], { layers: [8, 8] }, 0, new URLSearchParams());
    expect(queryString(s)).toContain('w.x.layers=8,8');
  });
});

describe('hostile URLs', () => {
  it('ignores unknown keys of the widget, with a note, and other widgets’ keys silently', () => {
    const d = decodeWidgetState('heads', specs, new URLSearchParams('w.heads.bogus=1&w.else.lr=3&lr=5'));
    expect(d.values).toEqual({});
    expect(d.notes).toHaveLength(1);
    expect(d.notes[0]).toMatch(/unknown setting “bogus”/);
  });

  it('rejects bad values with a note and keeps the rest', () => {
    const d = decodeWidgetState('heads', specs, new URLSearchParams('w.heads.lr=abc&w.heads.act=relu&w.heads.layers=9999&w.heads.seed=-4'));
    expect(d.values).toEqual({ act: 'relu' });
    expect(d.seed).toBeNull();
    expect(d.notes).toHaveLength(3);
    expect(d.notes.join(' ')).toMatch(/Learning rate/);
    expect(d.notes.join(' ')).toMatch(/Seed/);
  });

  it('treats script-like values as text: refused, quoted short, never a value', () => {
    const evil = '<script>alert(1)</script>';
    const d = decodeWidgetState('heads', specs, new URLSearchParams({ 'w.heads.act': evil, 'w.heads.lr': `1;${evil}` }));
    expect(d.values).toEqual({});
    for (const note of d.notes) expect(note.length).toBeLessThan(160);
    expect(d.notes.some((n) => n.includes('<script>alert'))).toBe(true);
  });

  it('refuses Infinity, hex and empty numbers that Number() would accept', () => {
    for (const raw of ['Infinity', '0x1', '', ' ']) {
      const d = decodeWidgetState('heads', [learningRate()], new URLSearchParams({ 'w.heads.lr': raw }));
      expect(d.values, raw).toEqual({});
      expect(d.notes, raw).toHaveLength(1);
    }
  });

  it('widget names are restricted to URL-safe words', () => {
    expect(isValidWidgetName('heads')).toBe(true);
    expect(isValidWidgetName('l2-mse_vs_mae')).toBe(true);
    expect(isValidWidgetName('a.b')).toBe(false);
    expect(isValidWidgetName('<x>')).toBe(false);
    expect(isValidWidgetName('')).toBe(false);
  });
});
