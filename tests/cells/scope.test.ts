import { describe, expect, it } from 'vitest';
import { assembleCell, neutraliseReturns, recordRun } from '../../src/cells/scope';
import { findTopLevelReturns } from '../../src/cells/returns';

// Runs assembled code the way the sandbox does: as the body of an async function(console, engine).
async function run(code: string, logs: string[] = []) {
  const AsyncFunction = (async () => {}).constructor as new (...a: string[]) => (...x: unknown[]) => Promise<unknown>;
  const con = { log: (...a: unknown[]) => logs.push(a.join(' ')), info() {}, warn() {}, error() {}, debug() {} };
  return new AsyncFunction('console', 'engine', code)(con, {});
}

describe('findTopLevelReturns', () => {
  it('finds returns outside functions only', () => {
    const code = 'const f = () => { return 1; };\nfunction g() { return 2 }\nif (true) { return f() + g(); }\nreturn;';
    const found = findTopLevelReturns(code);
    expect(found.map((r) => code.slice(r.from, r.to).trim())).toEqual(['return f() + g();', 'return;']);
    expect(found.map((r) => r.hasValue)).toEqual([true, false]);
  });
});

describe('shared scope', () => {
  it('neutralised returns let the code run on past them', async () => {
    const code = 'let a = 1;\nreturn a;';
    expect(await run(`${neutraliseReturns(code, findTopLevelReturns)}\nreturn a + 1;`)).toBe(2);
  });
  it('a cell sees the variables of the cells run before it, whose output is muted', async () => {
    const logs: string[] = [];
    const first = 'const w = [1, 2];\nconsole.log("first");\nreturn w;';
    const second = 'const s = w[0] + w[1];\nconsole.log("second", s);\nreturn s * 10;';
    const { code, offset } = assembleCell(second, [first], findTopLevelReturns);
    expect(await run(code, logs)).toBe(30);
    expect(logs).toEqual(['second 3']);
    // the cell's own line 1 is at line offset + 1 of the assembled code
    expect(code.split('\n')[offset]).toBe('const s = w[0] + w[1];');
  });
  it('without a prefix the prelude keeps line numbers and gives plot() and table()', async () => {
    const { code, offset } = assembleCell('return plot({ marks: [] });', [], findTopLevelReturns);
    expect(offset).toBe(0);
    expect(code.split('\n')).toHaveLength(1);
    expect(await run(code)).toEqual({ $plot: { marks: [] } });
  });
  it('re-running a cell moves it to the end of the run order', () => {
    expect(recordRun(['a', 'b', 'c'], 'a')).toEqual(['b', 'c', 'a']);
    expect(recordRun([], 'x')).toEqual(['x']);
  });
});
