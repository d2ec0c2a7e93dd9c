import { describe, expect, it } from 'vitest';
import { clampSlide, fitScale, formatDeckLocation, formatElapsed, isSyncMessage, keyToAction, parseDeckLocation, stepZoom } from '../../src/present/model';

describe('keyToAction', () => {
  it('maps the clicker and keyboard keys of the issue', () => {
    for (const k of ['ArrowRight', ' ', 'PageDown']) expect(keyToAction(k)).toEqual({ kind: 'next' });
    for (const k of ['ArrowLeft', 'PageUp']) expect(keyToAction(k)).toEqual({ kind: 'prev' });
    expect(keyToAction('Home')).toEqual({ kind: 'first' });
    expect(keyToAction('End')).toEqual({ kind: 'last' });
    expect(keyToAction('7')).toEqual({ kind: 'digit', digit: 7 });
    expect(keyToAction('Enter')).toEqual({ kind: 'jump' });
    expect(keyToAction('f')).toEqual({ kind: 'fullscreen' });
    expect(keyToAction('B')).toEqual({ kind: 'black' });
    expect(keyToAction('+')).toEqual({ kind: 'zoom', by: 1 });
    expect(keyToAction('-')).toEqual({ kind: 'zoom', by: -1 });
    expect(keyToAction('Escape')).toEqual({ kind: 'exit' });
    expect(keyToAction('x')).toBeUndefined();
  });
});

describe('stepZoom', () => {
  it('walks the steps and stops at the ends', () => {
    expect(stepZoom(1, 1)).toBe(1.1);
    expect(stepZoom(1, -1)).toBe(0.9);
    expect(stepZoom(2, 1)).toBe(2);
    expect(stepZoom(0.6, -1)).toBe(0.6);
  });
  it('snaps an off-step zoom to the next step up', () => {
    expect(stepZoom(1.05, 1)).toBe(1.1);
  });
});

describe('deck locations', () => {
  it('reads slide, presenter, zoom and hidden widgets', () => {
    const loc = parseDeckLocation('?presenter&zoom=1.25&hide=heads,parity', '#4', 10);
    expect(loc).toEqual({ slide: 4, presenter: true, zoom: 1.25, hidden: ['heads', 'parity'], notes: [] });
  });
  it('round-trips through formatDeckLocation', () => {
    const loc = { slide: 3, presenter: false, zoom: 1.4, hidden: ['noise-models'] };
    const { search, hash } = formatDeckLocation(loc);
    const back = parseDeckLocation(search, hash, 5);
    expect({ slide: back.slide, presenter: back.presenter, zoom: back.zoom, hidden: back.hidden }).toEqual(loc);
  });
  it('rejects hostile values with a note and keeps defaults', () => {
    const loc = parseDeckLocation('?zoom=<script>&hide=<img src=x>,ok-name', '#999', 10);
    expect(loc.slide).toBe(1);
    expect(loc.zoom).toBe(1);
    expect(loc.hidden).toEqual(['ok-name']);
    expect(loc.notes).toHaveLength(3);
  });
  it('clamps slide numbers', () => {
    expect(clampSlide(0, 5)).toBe(1);
    expect(clampSlide(9, 5)).toBe(5);
  });
});

describe('fitScale', () => {
  it('never enlarges, shrinks to the tighter side', () => {
    expect(fitScale(100, 100, 200, 200)).toBe(1);
    expect(fitScale(400, 100, 200, 200)).toBe(0.5);
    expect(fitScale(100, 800, 200, 200)).toBe(0.25);
    expect(fitScale(0, 100, 200, 200)).toBe(1);
  });
});

describe('formatElapsed', () => {
  it('formats minutes and hours', () => {
    expect(formatElapsed(0)).toBe('00:00');
    expect(formatElapsed(61_500)).toBe('01:01');
    expect(formatElapsed(3_725_000)).toBe('1:02:05');
  });
});

describe('isSyncMessage', () => {
  it('accepts well-formed messages and refuses anything else', () => {
    expect(isSyncMessage({ from: 'a', type: 'slide', n: 2 })).toBe(true);
    expect(isSyncMessage({ from: 'a', type: 'widget', widget: 'heads', index: 0, action: 'train' })).toBe(true);
    expect(isSyncMessage({ type: 'slide', n: 2 })).toBe(false);
    expect(isSyncMessage({ from: 'a', type: 'slide', n: -1 })).toBe(false);
    expect(isSyncMessage({ from: 'a', type: 'eval', code: 'alert(1)' })).toBe(false);
    expect(isSyncMessage({ from: 'a', type: 'ink', strokes: [[1, Number.NaN]] })).toBe(false);
    expect(isSyncMessage(null)).toBe(false);
  });
});
