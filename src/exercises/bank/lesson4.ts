// Lesson 4's exercises (04-depth-and-parity). Format and a complete example: src/exercises/README.md.
// Place one in the lesson with <Exercise id="…" /> (import Exercise from '@components/Exercise.astro').

import { defineBank } from '../define.ts';

export default defineBank('04-depth-and-parity', []);
