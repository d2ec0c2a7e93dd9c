import { describe, expect, it } from 'vitest';
import { checkPlotSpec, PlotSpecError } from '../../src/cells/plot-spec';

describe('checkPlotSpec', () => {
  it('accepts a line over points with labels and a log scale', () => {
    const plan = checkPlotSpec({
      marks: [
        { type: 'dot', data: [{ x: 0, y: 1 }, { x: 1, y: 2 }], x: 'x', y: 'y', fill: '#0072B2', r: 4 },
        { type: 'line', data: [{ x: 0, y: 1 }, { x: 1, y: 2 }], x: 'x', y: 'y' },
        { type: 'ruleY', values: [0] },
      ],
      y: { label: 'loss', type: 'log' },
      title: 'Fit',
    });
    expect(plan.marks.map((m) => m.type)).toEqual(['dot', 'line', 'ruleY']);
    expect(plan.marks[0]!.options).toEqual({ x: 'x', y: 'y', fill: '#0072B2', r: 4 });
    expect(plan.marks[2]!.data).toEqual([0]);
    expect(plan.y).toEqual({ label: 'loss', type: 'log' });
    expect(plan.caption).toBe('Fit');
  });
  it.each([
    [null, /needs an object/],
    [{ marks: [] }, /non-empty/],
    [{ marks: [{ type: 'image', data: [] }] }, /type must be one of/],
    [{ marks: [{ type: 'line', data: 'abc' }] }, /needs data/],
    [{ marks: [{ type: 'line', data: [[1, 2]] }] }, /flat objects/],
    [{ marks: [{ type: 'line', data: [], x: 'a b<script>' }] }, /neither a field name/],
    [{ marks: [{ type: 'line', data: [], stroke: 'url(javascript:x)' }] }, /neither a field name/],
    [{ marks: [{ type: 'dot', data: [], r: Infinity }] }, /number from 0 to 50/],
    [{ marks: [{ type: 'dot', data: [] }], y: { type: 'sqrt' } }, /linear/],
    [{ marks: [{ type: 'dot', data: Array.from({ length: 20_001 }, () => 1) }] }, /too many points/],
  ])('rejects %j with a message', (spec, msg) => {
    expect(() => checkPlotSpec(spec)).toThrow(PlotSpecError);
    expect(() => checkPlotSpec(spec)).toThrow(msg);
  });
});
