// Where each lesson's exercises live: the bank file per lesson id, and loaders that let a page
// fetch only its own lesson's bank (the registry, for the grader, imports them all).

import type { Bank } from './types.ts';

/** Bank file (relative to the project root) per lesson id; 'practice' is the review set. */
export const BANK_FILES: Readonly<Record<string, string>> = {
  practice: 'src/exercises/bank/practice.ts',
  '01-regression-vs-classification': 'src/exercises/bank/lesson1.ts',
  '02-likelihood': 'src/exercises/bank/lesson2.ts',
  '03-softmax-gradient': 'src/exercises/bank/lesson3.ts',
  '04-depth-and-parity': 'src/exercises/bank/lesson4.ts',
  '05-regularization': 'src/exercises/bank/lesson5.ts',
};

/** Lazy imports, one chunk per lesson, for the page. */
export const BANK_LOADERS: Readonly<Record<string, () => Promise<{ default: Bank }>>> = {
  practice: () => import('./bank/practice.ts'),
  '01-regression-vs-classification': () => import('./bank/lesson1.ts'),
  '02-likelihood': () => import('./bank/lesson2.ts'),
  '03-softmax-gradient': () => import('./bank/lesson3.ts'),
  '04-depth-and-parity': () => import('./bank/lesson4.ts'),
  '05-regularization': () => import('./bank/lesson5.ts'),
};
