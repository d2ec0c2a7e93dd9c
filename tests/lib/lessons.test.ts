import { describe, expect, it } from 'vitest';
import { inCourseOrder, lessonHref } from '../../src/lib/lessons';

const e = (id: string, order: number, draft = false) => ({ id, data: { order, draft } });

describe('inCourseOrder', () => {
  it('sorts by order, then id, and links each lesson to its neighbours', () => {
    const out = inCourseOrder([e('c', 3), e('a', 1), e('b2', 2), e('b1', 2)]);
    expect(out.map((x) => x.entry.id)).toEqual(['a', 'b1', 'b2', 'c']);
    expect(out.map((x) => x.prev?.id)).toEqual([undefined, 'a', 'b1', 'b2']);
    expect(out.map((x) => x.next?.id)).toEqual(['b1', 'b2', 'c', undefined]);
  });
  it('leaves drafts out unless asked', () => {
    expect(inCourseOrder([e('a', 1), e('d', 2, true)]).map((x) => x.entry.id)).toEqual(['a']);
    expect(inCourseOrder([e('a', 1), e('d', 2, true)], true).map((x) => x.entry.id)).toEqual(['a', 'd']);
  });
  it('builds lesson URLs with a trailing slash', () => {
    expect(lessonHref('01-x')).toBe('/lessons/01-x/');
  });
});
