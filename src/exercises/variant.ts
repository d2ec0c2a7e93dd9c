// Per-student variants: the seed of an exercise is hashSeed(studentId + ':' + exerciseId), so a
// student always gets the same numbers, different students get different ones, and the grader
// rebuilds exactly the variant a student saw from the ID written on the sheet.

import { createRng, hashSeed } from '@engine';
import type { Exercise } from './types.ts';

/** The ID used when the student has not entered one; the page is built with its variants. */
export const DEFAULT_STUDENT_ID = 'default';

/** Longest student ID kept. */
export const MAX_ID_LENGTH = 64;

/**
 * The canonical form of a student ID: Unicode NFC, trimmed, inner spaces collapsed, lower case
 * ("Anna  Rossi " and "anna rossi" are the same student). Empty means the default ID.
 */
export function normalizeStudentId(raw: string): string {
  const id = raw.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
  return id === '' ? DEFAULT_STUDENT_ID : id;
}

/** Why an ID cannot be used, or null when it can. */
export function studentIdProblem(raw: string): string | null {
  const id = raw.normalize('NFC').trim();
  if (id.length > MAX_ID_LENGTH) return `Use at most ${MAX_ID_LENGTH} characters for your ID.`;
  // Control characters would be invisible in the teacher's table.
  if (/[\u0000-\u001F\u007F]/.test(id)) return 'Your ID contains invisible control characters.';
  return null;
}

/** The seed of one exercise for one student. */
export function variantSeed(studentId: string, exerciseId: string): number {
  return hashSeed(`${normalizeStudentId(studentId)}:${exerciseId}`);
}

/** The variant parameters of `exercise` for `studentId`. */
export function variantOf(exercise: Exercise, studentId: string): unknown {
  return exercise.generate(createRng(variantSeed(studentId, exercise.id)));
}
