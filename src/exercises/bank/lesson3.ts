// Lesson 3's exercises (03-softmax-gradient). Format and a complete example: src/exercises/README.md.
// Place one in the lesson with <Exercise id="…" /> (import Exercise from '@components/Exercise.astro').

import { defineBank } from '../define.ts';

export default defineBank('03-softmax-gradient', []);
