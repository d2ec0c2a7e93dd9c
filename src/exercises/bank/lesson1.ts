// Lesson 1's exercises (01-regression-vs-classification). Format and a complete example: src/exercises/README.md.
// Place one in the lesson with <Exercise id="…" /> (import Exercise from '@components/Exercise.astro').

import { defineBank } from '../define.ts';

export default defineBank('01-regression-vs-classification', []);
