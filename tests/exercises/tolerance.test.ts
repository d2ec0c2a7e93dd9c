import { describe, expect, test } from 'vitest';
import { allowedError, describeTolerance, toleranceProblem, within } from '@exercises/tolerance.ts';

describe('tolerance rules', () => {
  test('relative: |x − k| ≤ rel·|k|', () => {
    const t = { rule: 'relative', rel: 0.01 } as const;
    expect(within(101, 100, t)).toBe(true);
    expect(within(99, 100, t)).toBe(true);
    expect(within(101.01, 100, t)).toBe(false);
    expect(within(-0.0101, -0.01, t)).toBe(true);
    expect(within(0.001, 0, t)).toBe(false); // no floor: only 0 itself
    expect(within(0.001, 0, { ...t, floor: 0.01 })).toBe(true);
  });

  test('absolute: |x − k| ≤ abs', () => {
    const t = { rule: 'absolute', abs: 0.005 } as const;
    expect(within(0.105, 0.1, t)).toBe(true);
    expect(within(0.1051, 0.1, t)).toBe(false);
    // 0.1 + 0.2 is not exactly 0.3 in binary; the rule still accepts the boundary case.
    expect(within(0.1 + 0.2, 0.3, { rule: 'absolute', abs: 1e-17 })).toBe(true);
  });

  test('significant figures: within half a unit of the last required figure', () => {
    const t = { rule: 'sigfigs', digits: 3 } as const;
    // 0.26894: third significant figure is the 8 (thousandths), half a unit is 0.0005.
    expect(allowedError(0.26894, t)).toBeCloseTo(0.0005, 15);
    expect(within(0.269, 0.26894, t)).toBe(true);
    expect(within(0.2685, 0.26894, t)).toBe(true);
    expect(within(0.268, 0.26894, t)).toBe(false);
    expect(within(0.27, 0.26894, t)).toBe(false);
    // 1234.5 → 1230: half a unit of the tens, 5.
    expect(allowedError(1234.5, t)).toBeCloseTo(5, 12);
    expect(within(1230, 1234.5, t)).toBe(true);
    expect(within(1240, 1234.5, t)).toBe(false);
    expect(within(-0.0630, -0.06297, t)).toBe(true);
  });

  test('non-finite answers are never accepted', () => {
    expect(within(Number.NaN, 1, { rule: 'absolute', abs: 1 })).toBe(false);
    expect(within(Number.POSITIVE_INFINITY, 1, { rule: 'relative', rel: 0.5 })).toBe(false);
  });

  test('each rule describes what it accepts', () => {
    expect(describeTolerance({ rule: 'relative', rel: 0.01 })).toBe('Accepted within 1 % of the exact value (relative tolerance).');
    expect(describeTolerance({ rule: 'absolute', abs: 0.005 }, true)).toBe('Each entry is accepted within ±0.005 of the exact value (absolute tolerance).');
    expect(describeTolerance({ rule: 'sigfigs', digits: 3 })).toMatch(/3 significant figures .*3rd significant figure/);
    expect(describeTolerance({ rule: 'sigfigs', digits: 2 })).toMatch(/2nd/);
    expect(describeTolerance({ rule: 'sigfigs', digits: 11 })).toMatch(/11th/);
    expect(describeTolerance({ rule: 'sigfigs', digits: 1 })).toMatch(/1st/);
  });

  test('nonsense rules are reported', () => {
    expect(toleranceProblem({ rule: 'relative', rel: 2 })).toMatch(/rel/);
    expect(toleranceProblem({ rule: 'absolute', abs: 0 })).toMatch(/abs/);
    expect(toleranceProblem({ rule: 'sigfigs', digits: 2.5 })).toMatch(/digits/);
    expect(toleranceProblem({ rule: 'sigfigs', digits: 3 })).toBeNull();
  });
});
