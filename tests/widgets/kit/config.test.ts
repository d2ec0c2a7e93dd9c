import { describe, expect, it } from 'vitest';
import { Trainer } from '@engine';
import { configChange, standardConfig } from '@widgets/kit/config';
import { sliderPosition, sliderValue } from '@widgets/kit/controls';
import { defineWidget } from '@widgets/kit/define';
import { findDefinition } from '@widgets/kit/names';
import { learningRate, batchSize } from '@widgets/kit/params';
import { formatMetric, formatPercent, RateLimiter, thinIndices } from '@widgets/kit/schedule';

const data = () => ({ name: 'sine' as const, n: 40 });

describe('standardConfig maps the standard settings to an engine config', () => {
  const cfg = standardConfig({ lr: 0.2, batch: 4, act: 'relu', layers: [5, 3], l2: 0.01, dropout: 0.25, split: 0.5, stop: true, opt: 'adam' }, 9, { data, test: 0.1 });

  it('η, batch, λ₂, dropout as keep = 1 − rate, split, early stopping, seed', () => {
    expect(cfg.optimizer).toEqual({ kind: 'adam', eta: 0.2 });
    expect(cfg.batchSize).toBe(4);
    expect(cfg.l2).toBe(0.01);
    expect(cfg.keep).toBe(0.75);
    expect(cfg.split).toEqual({ validation: 0.5, test: 0.1 });
    expect(cfg.earlyStopping).toBe(true);
    expect(cfg.seed).toBe(9);
    expect(cfg.network).toEqual({ hidden: [5, 3], activation: 'relu' });
  });

  it('falls back to the lesson’s defaults for settings the widget does not offer', () => {
    const c = standardConfig({}, 1, { data, network: { hidden: [4], loss: 'absolute' }, optimizer: { kind: 'momentum', eta: 0.01 }, batchSize: 8, validation: 0 });
    expect(c.network).toEqual({ hidden: [4], activation: 'tanh', loss: 'absolute' });
    expect(c.optimizer).toEqual({ kind: 'momentum', eta: 0.01 });
    expect(c.batchSize).toBe(8);
    expect(c.split).toEqual({ validation: 0 });
    expect(c.keep).toBe(1);
  });

  it('is accepted by the engine', () => {
    expect(() => new Trainer(cfg)).not.toThrow();
  });
});

describe('configChange sends only what changed', () => {
  const base = standardConfig({ lr: 0.1, layers: [8] }, 1, { data });
  it('nothing changed → null', () => expect(configChange(base, standardConfig({ lr: 0.1, layers: [8] }, 1, { data }))).toBeNull());
  it('η alone → only the optimizer, which the engine applies live', () => {
    const change = configChange(base, standardConfig({ lr: 0.3, layers: [8] }, 1, { data }))!;
    expect(change).toEqual({ optimizer: { kind: 'sgd', eta: 0.3 } });
    expect(new Trainer(base).needsReset(change)).toBe(false);
  });
  it('layers or seed → fields the engine resets for', () => {
    const change = configChange(base, standardConfig({ lr: 0.1, layers: [4, 4] }, 2, { data }))!;
    expect(Object.keys(change).sort()).toEqual(['network', 'seed']);
    expect(new Trainer(base).needsReset(change)).toBe(true);
  });
});

describe('sliders', () => {
  it('a log slider spaces decades evenly and reads back close to the value', () => {
    const lr = learningRate({ min: 0.001, max: 10 });
    expect(sliderPosition(lr, 0.001)).toBe(0);
    expect(sliderPosition(lr, 10)).toBe(1000);
    expect(sliderPosition(lr, 0.1)).toBe(500);
    expect(sliderValue(lr, 500)).toBe(0.1);
    expect(sliderValue(lr, 750)).toBe(1);
  });
  it('a linear integer slider lands on whole steps', () => {
    const b = { ...batchSize({ min: 1, max: 11 }), slider: 'linear' as const };
    expect(sliderValue(b, 500)).toBe(6);
    expect(sliderValue(b, 0)).toBe(1);
    expect(sliderValue(b, 1000)).toBe(11);
  });
});

describe('finding a declaration by kind', () => {
  const keys = ['/src/widgets/heads/heads.widget.ts', '/src/widgets/kit/gallery/gallery-classify.widget.ts', '/src/widgets/a/twin.widget.ts', '/src/widgets/b/twin.widget.ts'];
  it('by file name', () => expect(findDefinition('heads', keys)).toEqual({ key: keys[0] }));
  it('by folder and file name', () => expect(findDefinition('a/twin', keys)).toEqual({ key: keys[2] }));
  it('says when none or several match', () => {
    expect(findDefinition('nope', keys)).toHaveProperty('error');
    expect((findDefinition('twin', keys) as { error: string }).error).toMatch(/a\/twin.*b\/twin/);
  });
});

describe('defineWidget refuses mistakes early', () => {
  const trainer = { id: 'net', label: 'Net', config: () => standardConfig({}, 1, { data }) };
  it('duplicate setting keys', () => expect(() => defineWidget({ params: [learningRate(), learningRate()], trainers: [trainer], views: [] })).toThrow(/two settings/));
  it('no trainer', () => expect(() => defineWidget({ params: [], trainers: [], views: [] })).toThrow(/at least one trainer/));
  it('a default outside its range', () => expect(() => defineWidget({ params: [learningRate({ default: 500 })], trainers: [trainer], views: [] })).toThrow(/outside/));
  it('a setting called seed (built in)', () => expect(() => defineWidget({ params: [{ ...learningRate(), key: 'seed' }], trainers: [trainer], views: [] })).toThrow(/built in/));
});

describe('timing and number helpers', () => {
  it('a rate limiter lets one call through per interval', () => {
    const r = new RateLimiter(100);
    expect([r.ready(0), r.ready(50), r.ready(99), r.ready(100), r.ready(150), r.ready(250)]).toEqual([true, false, false, true, false, true]);
  });
  it('readout numbers read back with Number()', () => {
    // Four significant digits: relative error at most half a unit in the 4th digit, 5e-4.
    for (const x of [0.693147, 12345.678, 1.23456e-7, 3]) expect(Math.abs(Number(formatMetric(x)) - x) / x).toBeLessThanOrEqual(5e-4);
    expect(formatMetric(0)).toBe('0');
    expect(formatMetric(0.693147)).toBe('0.6931');
    expect(formatMetric(Number.NaN)).toBe('');
    expect(formatPercent(0.91249)).toBe('91.2');
    expect(formatPercent(1)).toBe('100.0');
  });
  it('thinning keeps the ends and at most max points', () => {
    expect(thinIndices(5, 10)).toEqual([0, 1, 2, 3, 4]);
    const idx = thinIndices(1001, 100);
    expect(idx.length).toBeLessThanOrEqual(100);
    expect(idx[0]).toBe(0);
    expect(idx[idx.length - 1]).toBe(1000);
  });
});
