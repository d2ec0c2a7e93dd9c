import { describe, expect, it } from 'vitest';
import {
  activation,
  changeEffect,
  checkValue,
  formatParam,
  hiddenLayers,
  learningRate,
  noise,
  parseDecimal,
  parseParam,
  toggle,
  type ParamSpec,
} from '@widgets/kit/params';

describe('parseDecimal accepts plain decimals only', () => {
  it.each([
    ['0.03', 0.03],
    [' 2 ', 2],
    ['-1.5e-3', -0.0015],
    ['.5', 0.5],
  ])('%s → %s', (raw, x) => expect(parseDecimal(raw)).toBe(x));

  it.each(['', '   ', '0x10', 'Infinity', 'NaN', '1,5', '1e999', '3 4', '<script>'])('refuses %j (which Number() would partly accept)', (raw) => {
    expect(parseDecimal(raw)).toBeNull();
  });
});

describe('parseParam validates a number setting', () => {
  const lr = learningRate({ min: 0.001, max: 10 });
  it('takes a value inside the range', () => expect(parseParam(lr, '0.5')).toEqual({ ok: true, value: 0.5 }));
  it('refuses empty with "enter a number"', () => {
    const r = parseParam(lr, '');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/enter a number/);
  });
  it('refuses a value outside the range and names the range', () => {
    const r = parseParam(lr, '11');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toBe('Learning rate η: must be between 0.001 and 10.');
  });
  it('refuses NaN', () => expect(parseParam(lr, 'NaN').ok).toBe(false));
  it('cuts a long hostile value short in the message', () => {
    const r = parseParam(lr, '<img src=x onerror=alert(1)>'.repeat(5));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message.length).toBeLessThan(80);
  });
});

describe('hidden layers are read as widths', () => {
  const spec = hiddenLayers({ maxLayers: 3, maxWidth: 16 });
  it('"8, 4" → [8, 4]', () => expect(parseParam(spec, '8, 4')).toEqual({ ok: true, value: [8, 4] }));
  it('empty and "none" mean no hidden layer', () => {
    expect(parseParam(spec, '')).toEqual({ ok: true, value: [] });
    expect(parseParam(spec, 'none')).toEqual({ ok: true, value: [] });
  });
  it.each(['8,0', '8,17', '2.5', '1,1,1,1', '-8', 'eight'])('refuses %j', (raw) => expect(parseParam(spec, raw).ok).toBe(false));
  it('formats back to a string the parser reads', () => {
    expect(formatParam(spec, [8, 4])).toBe('8,4');
    expect(formatParam(spec, [])).toBe('none');
  });
});

describe('select and toggle settings', () => {
  const act = activation();
  it('a select takes only its options', () => {
    expect(parseParam(act, 'relu')).toEqual({ ok: true, value: 'relu' });
    expect(parseParam(act, 'javascript:alert(1)').ok).toBe(false);
  });
  it('a toggle reads 1/0, true/false, on/off', () => {
    const t = toggle('stop', 'Early stopping');
    expect(parseParam(t, '1')).toEqual({ ok: true, value: true });
    expect(parseParam(t, 'off')).toEqual({ ok: true, value: false });
    expect(parseParam(t, 'yes please').ok).toBe(false);
  });
});

describe('checkValue checks values given in code (setParams)', () => {
  it('refuses a number of the wrong type or out of range', () => {
    expect(checkValue(learningRate(), 'abc').ok).toBe(false);
    expect(checkValue(learningRate(), Number.NaN).ok).toBe(false);
    expect(checkValue(learningRate(), 1e9).ok).toBe(false);
    expect(checkValue(learningRate(), 0.1)).toEqual({ ok: true, value: 0.1 });
  });
  it('takes a layer list as an array', () => expect(checkValue(hiddenLayers(), [4, 4])).toEqual({ ok: true, value: [4, 4] }));
});

describe('changeEffect says what a change costs', () => {
  const specs: ParamSpec[] = [learningRate(), hiddenLayers(), noise()];
  const base = { lr: 0.03, layers: [8], noise: 0.1 };
  it('nothing changed → null', () => expect(changeEffect(specs, base, { ...base, layers: [8] })).toBeNull());
  it('learning rate alone applies live', () => expect(changeEffect(specs, base, { ...base, lr: 0.1 })).toBe('live'));
  it('a new architecture needs new weights', () => expect(changeEffect(specs, base, { ...base, lr: 0.1, layers: [4] })).toBe('reset'));
  it('new noise needs new data', () => expect(changeEffect(specs, base, { ...base, layers: [4], noise: 0.2 })).toBe('data'));
});
