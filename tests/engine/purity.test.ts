import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const dir = join(import.meta.dirname, '../../src/engine');
const files = readdirSync(dir).filter((name) => name.endsWith('.ts'));
/** Source without comments, so the rules below apply to code only. */
const code = (name: string): string =>
  readFileSync(join(dir, name), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '');

describe('the engine is pure', () => {
  test('there are engine files to check', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  test.each(files)('%s uses no Math.random, DOM, Node APIs or module-level mutable state', (name) => {
    const source = code(name);
    expect(source).not.toMatch(/Math\.random/);
    expect(source).not.toMatch(/\b(document|window|localStorage|navigator)\b/);
    expect(source).not.toMatch(/\bprocess\.|\brequire\(|from 'node:/);
    expect(source).not.toMatch(/^(export )?(let|var) /m);
  });

  test.each(files)('%s opens with a comment on its concept', (name) => {
    expect(readFileSync(join(dir, name), 'utf8')).toMatch(/^\/\/ \S/);
  });
});
