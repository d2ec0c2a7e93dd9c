import { describe, expect, test } from 'vitest';
import { field, num, StateError, trainer } from '@exercises/kinds/challenge.ts';
import { NEURON_POINTS, NEURON_RANGE, NEURON_START, neuronMetrics, neuronState } from '@exercises/practice/neuron.ts';
import { check, variant } from './helpers.ts';

const state = (w: number, b: number, loss: number, accuracy: number) => ({ name: 'practice-neuron', params: { w, b }, metrics: { loss, accuracy }, points: 12 });

describe('the practice neuron', () => {
  test('its metrics are the mean binary cross-entropy and the accuracy', () => {
    // w = 1, b = 0: p = σ(x); by hand, mean of −log p for class 1 and −log(1 − p) for class 0.
    const sig = (t: number) => 1 / (1 + Math.exp(-t));
    const loss = NEURON_POINTS.reduce((s, p) => s - Math.log(p.y === 1 ? sig(p.x) : 1 - sig(p.x)), 0) / NEURON_POINTS.length;
    const m = neuronMetrics(1, 0);
    expect(m.loss).toBeCloseTo(loss, 12);
    expect(m.accuracy).toBe(1); // the boundary x = 0 lies in the gap between −0.2 and 1
    expect(neuronMetrics(1, 1).accuracy).toBeCloseTo(10 / 12, 12); // boundary x = −1: −0.8 and −0.2 misclassified
    expect(neuronMetrics(-1, 0).accuracy).toBe(0);
  });

  test('both goals can be reached with the sliders (searched on the slider grid)', () => {
    let separate = false;
    let confident = false;
    for (let w = NEURON_RANGE.w.min; w <= NEURON_RANGE.w.max; w += 0.5) {
      for (let b = NEURON_RANGE.b.min; b <= NEURON_RANGE.b.max; b += 0.5) {
        const m = neuronMetrics(w, b);
        if (m.accuracy === 1 && Math.abs(w) <= 1.5) separate = true;
        if (m.loss < 0.15) confident = true;
      }
    }
    expect(separate).toBe(true);
    expect(confident).toBe(true);
  });
});

describe('the practice neuron starts unsolved', () => {
  test('at the sliders’ starting point both challenges fail, for every student', async () => {
    const start = neuronState(NEURON_START.w, NEURON_START.b);
    expect(start.metrics.accuracy).toBeLessThan(1);
    for (const student of ['ada', 'bob', 'carol', 'dan', 'eve', 'frank', 'grace', 'heidi']) {
      expect((await check('practice-neuron-separate', student, start)).verdict).toBe('wrong');
      expect((await check('practice-neuron-confident', student, start)).verdict).toBe('wrong');
    }
  });
});

describe('challenge goals are pure predicates over plain state', () => {
  test('separate: accuracy 100 % with |w| at most the variant’s bound', async () => {
    const { maxW } = variant<{ maxW: number }>('practice-neuron-separate', 'ada');
    expect((await check('practice-neuron-separate', 'ada', state(maxW, -0.4 * maxW, 0.1, 1))).verdict).toBe('correct');
    const tooBig = await check('practice-neuron-separate', 'ada', state(maxW + 1, -0.4 * (maxW + 1), 0.05, 1));
    expect(tooBig.verdict).toBe('wrong');
    expect(tooBig.message).toMatch(/\|w\| = .* is more than/);
    const notAll = await check('practice-neuron-separate', 'ada', state(1, 1, 0.3, 10 / 12));
    expect(notAll.verdict).toBe('wrong');
    expect(notAll.message).toMatch(/Accuracy is 83.3 %/);
  });

  test('confident: the loss below the variant’s target', async () => {
    const { target } = variant<{ target: number }>('practice-neuron-confident', 'bob');
    expect((await check('practice-neuron-confident', 'bob', state(6, -2.4, target / 2, 1))).verdict).toBe('correct');
    expect((await check('practice-neuron-confident', 'bob', state(1, 0, target + 0.1, 1))).verdict).toBe('wrong');
  });

  test('the real widget state satisfies the goals it should', async () => {
    expect((await check('practice-neuron-separate', 'ada', neuronState(1, -0.4))).verdict).toBe('correct');
    expect((await check('practice-neuron-confident', 'ada', neuronState(8, -3.2))).verdict).toBe('correct');
  });

  test('missing, null or non-finite fields are invalid with a message, not a crash', async () => {
    for (const bad of [null, 'state', [1, 2], {}, { metrics: { accuracy: null } }, { metrics: { accuracy: 'high' }, params: { w: 1 } }, { metrics: { accuracy: 1 }, params: {} }]) {
      const r = await check('practice-neuron-separate', 'ada', bad);
      expect(r.verdict, JSON.stringify(bad)).toBe('invalid');
      expect(r.message.length).toBeGreaterThan(10);
    }
  });

  test('field paths reach into arrays (the widget kit’s trainers list)', () => {
    const s = { trainers: [{ id: 'a', valAccuracy: 0.97 }] };
    expect(field(s, 'trainers.0.valAccuracy')).toBe(0.97);
    expect(num(s, 'trainers.0.valAccuracy')).toBe(0.97);
    expect(() => num(s, 'trainers.1.valAccuracy', 'validation accuracy')).toThrow(StateError);
    expect(() => num({ x: Number.NaN }, 'x')).toThrow(/no x yet/);
  });

  test('trainer() picks a widget-kit trainer by id, or the first', () => {
    const s = { hiddenUnits: 16, trainers: [{ id: 'shallow', valAccuracy: 0.8 }, { id: 'deep', valAccuracy: null }] };
    expect(num(trainer(s), 'valAccuracy')).toBe(0.8);
    expect(() => num(trainer(s, 'deep'), 'valAccuracy', 'validation accuracy')).toThrow(/no validation accuracy yet/);
    expect(() => trainer(s, 'wide')).toThrow(/no network “wide”/);
    expect(() => trainer({}, undefined)).toThrow(StateError);
  });
});
