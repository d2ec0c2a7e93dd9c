// Every exercise of the course, whatever bank it is in: unique ids, computable keys for many
// students, variant-free prompt TeX that typesets, deterministic variants that differ by ID.
import { describe, expect, test } from 'vitest';
import { BANK_FILES } from '@exercises/banks.ts';
import { loadRegistry } from '@exercises/registry.ts';
import { renderTex } from '@exercises/tex.ts';
import { exerciseProblems, formulaProblems, promptTex, VALIDATION_IDS } from '@exercises/validate.ts';
import { normalizeStudentId, variantOf, variantSeed } from '@exercises/variant.ts';

const registry = await loadRegistry();
const all = [...registry.exercises.values()];
const MORE_IDS = Array.from({ length: 24 }, (_, i) => `student-${i}`);

describe('the registry', () => {
  test('exercise ids are unique across the course', () => {
    const ids = registry.banks.flatMap((b) => b.exercises.map((e) => e.id));
    expect(registry.duplicates).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('every lesson has its bank file and every exercise carries its bank’s lesson', () => {
    expect(Object.keys(BANK_FILES)).toEqual(['practice', '01-regression-vs-classification', '02-likelihood', '03-softmax-gradient', '04-depth-and-parity', '05-regularization']);
    for (const b of registry.banks) for (const e of b.exercises) expect(e.lesson).toBe(b.lesson);
  });

  test('the practice set has at least two exercises of every kind', () => {
    const practice = registry.banks.find((b) => b.lesson === 'practice')!;
    for (const kind of ['numeric', 'vector', 'choice', 'formula', 'code', 'challenge']) {
      expect(practice.exercises.filter((e) => e.kind === kind).length, kind).toBeGreaterThanOrEqual(2);
    }
  });
});

describe.each(all.map((e) => [e.id, e] as const))('%s', (_id, ex) => {
  test('its key is computable and finite for many students', async () => {
    expect(exerciseProblems(ex, [...VALIDATION_IDS, ...MORE_IDS])).toEqual([]);
    expect(await formulaProblems(ex)).toEqual([]);
  });

  test('its prompt TeX is variant-free (200 more variants add no new TeX) and typesets', () => {
    const sampled = promptTex(ex);
    const more = promptTex(ex, Array.from({ length: 200 }, (_, i) => `extra-${i}`));
    expect([...more.keys()].filter((k) => !sampled.has(k))).toEqual([]);
    for (const t of sampled.values()) expect(() => renderTex(t.tex, t.display)).not.toThrow();
  });

  test('variants are deterministic per (ID, exercise)', () => {
    expect(JSON.stringify(variantOf(ex, 'ada'))).toBe(JSON.stringify(variantOf(ex, 'ada')));
    expect(JSON.stringify(variantOf(ex, '  ADA '))).toBe(JSON.stringify(variantOf(ex, 'ada')));
  });

  test('variants differ between IDs', () => {
    const prompts = new Set(['ada', 'bob', 'carol', 'dan', 'eve', 'fay', 'gus', 'hal', 'ivy', 'jo'].map((id) => JSON.stringify(variantOf(ex, id))));
    expect(prompts.size).toBeGreaterThan(1);
  });
});

describe('student IDs and seeds', () => {
  test('IDs are normalized: case, spaces, Unicode composition', () => {
    expect(normalizeStudentId('  Anna   Rossi ')).toBe('anna rossi');
    expect(normalizeStudentId('E\u0301mile')).toBe(normalizeStudentId('\u00C9mile'));
    expect(normalizeStudentId('')).toBe('default');
  });

  test('the seed is hashSeed(id + ":" + exercise): different exercises and IDs give different seeds', () => {
    expect(variantSeed('ada', 'x')).toBe(variantSeed('ADA', 'x'));
    expect(variantSeed('ada', 'x')).not.toBe(variantSeed('ada', 'y'));
    expect(variantSeed('ada', 'x')).not.toBe(variantSeed('bob', 'x'));
  });
});
