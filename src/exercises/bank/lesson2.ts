// Lesson 2's exercises (02-likelihood). Format and a complete example: src/exercises/README.md.
// Place one in the lesson with <Exercise id="…" /> (import Exercise from '@components/Exercise.astro').

import { defineBank } from '../define.ts';

export default defineBank('02-likelihood', []);
