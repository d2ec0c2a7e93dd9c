import { describe, expect, it } from 'vitest';
import widget, { budgetRows, settingsFrom } from '@widgets/lesson4/parity.widget';
import { parityConfigs } from '@widgets/lesson4/parity';
import { newTrainerState, type WidgetState } from '@widgets/kit/state';

const values = { bits: 6, depth: 2, width: 5, act: 'relu', lr: 0.03 };

describe('the parity race declaration', () => {
  it('maps the widget’s settings to the race’s settings', () => {
    expect(settingsFrom(values, 4)).toEqual({ bits: 6, depth: 2, width: 5, activation: 'relu', eta: 0.03, seed: 4 });
    expect(settingsFrom({}, 1)).toEqual({ bits: 10, depth: 3, width: 10, activation: 'tanh', eta: 0.01, seed: 1 });
  });
  it('trains exactly the configs the measurement script uses', () => {
    const [deep, shallow] = widget.trainers;
    const expected = parityConfigs(settingsFrom(values, 9));
    expect(deep!.config(values, 9)).toEqual(expected.deep);
    expect(shallow!.config(values, 9)).toEqual(expected.shallow);
    // 6 inputs, [5, 5]: 7·5 + 6·5 + 6 = 71 against [9]: 9·8 + 1 = 73.
    expect(deep!.config(values, 9).network.hidden).toEqual([5, 5]);
    expect(shallow!.config(values, 9).network.hidden).toEqual([9]);
  });
  it('opens at n = 10 on seed 7 with the 3 × 10 deep shape', () => {
    const defaults = Object.fromEntries(widget.params.map((p) => [p.key, p.default]));
    expect(defaults).toMatchObject({ bits: 10, depth: 3, width: 10, act: 'tanh', lr: 0.01 });
    expect(widget.seed).toBe(7);
  });
  it('budget rows: parameters from the shapes, the first epoch at 100 % from the history', () => {
    const deep = newTrainerState('deep', 'Deep-narrow');
    deep.history.epoch.push(1, 2, 3);
    deep.history.accuracy.push(0.5, 1, 1);
    const shallow = newTrainerState('shallow', 'Shallow-wide');
    shallow.history.epoch.push(1, 2, 3);
    shallow.history.accuracy.push(0.5, 0.5, 0.75);
    const state = { params: values, seed: 1, trainers: [deep, shallow] } as unknown as WidgetState;
    expect(budgetRows(state)).toEqual([
      { label: 'Deep-narrow', hidden: [5, 5], params: 71, at100: 2 },
      { label: 'Shallow-wide', hidden: [9], params: 73, at100: null },
    ]);
    const readout = widget.readouts!.find((r) => r.id === 'params')!;
    expect(readout.value(deep, state)).toBe(71);
    expect(readout.value(shallow, state)).toBe(73);
    expect(Number.isNaN(widget.readouts!.find((r) => r.id === 'epoch-100')!.value(shallow, state))).toBe(true);
  });
});
