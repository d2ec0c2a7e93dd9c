// `npm run grade -- sheets/*.json [--out grades.csv]`: re-checks every answer sheet with the
// course's own checkers (code answers in a contained Node sandbox), prints a table and writes
// CSV. Exit code 0 when every file was graded, 1 when a file was refused, 2 on a usage error.

import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadRegistry } from '../registry.ts';
import { runInNodeSandbox } from '../sandbox/node.ts';
import { gradeSheets, summary, type SheetGrade } from './grade.ts';
import { formatTable, toCsv } from './table.ts';

const USAGE = `Usage: npm run grade -- <sheet.json | folder>... [--out grades.csv]

Re-checks every answer in each sheet for that student's own variant and prints
student, lesson, exercise, verdict, attempts. Verdicts claimed by a sheet are ignored.
Writes all columns to grades.csv (or --out <file>).`;

export interface CliIO {
  out: (text: string) => void;
  err: (text: string) => void;
}

async function expand(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const p of paths) {
    const s = await stat(p).catch(() => null);
    if (s?.isDirectory()) {
      const names = (await readdir(p)).filter((n) => n.toLowerCase().endsWith('.json')).sort();
      files.push(...names.map((n) => join(p, n)));
    } else files.push(p);
  }
  return files;
}

/** Runs the grader; returns the exit code. */
export async function main(argv: readonly string[], io: CliIO = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) }): Promise<number> {
  let out = 'grades.csv';
  const paths: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') {
      io.out(`${USAGE}\n`);
      return 0;
    }
    if (a === '--out' || a === '-o') {
      const next = argv[++i];
      if (!next) {
        io.err(`--out needs a file name.\n\n${USAGE}\n`);
        return 2;
      }
      out = next;
    } else if (a.startsWith('--out=')) out = a.slice(6);
    else if (a.startsWith('-')) {
      io.err(`Unknown option ${a}.\n\n${USAGE}\n`);
      return 2;
    } else paths.push(a);
  }
  if (paths.length === 0) {
    io.err(`No answer sheets given.\n\n${USAGE}\n`);
    return 2;
  }
  const files = await expand(paths);
  const inputs: { name: string; content: unknown }[] = [];
  const refused: SheetGrade[] = [];
  for (const f of files) {
    try {
      inputs.push({ name: f, content: await readFile(f, 'utf8') });
    } catch (e) {
      refused.push({ file: f, ok: false, error: `cannot read the file (${(e as NodeJS.ErrnoException).code ?? String(e)})` });
    }
  }
  const { exercises } = await loadRegistry();
  const grades = [...(await gradeSheets(inputs, { exercises, runCode: runInNodeSandbox })), ...refused];
  const rows = grades.flatMap((g) => (g.ok ? g.rows : []));
  io.out(`${formatTable(rows)}\n\n`);
  for (const s of summary(grades)) io.out(`${s.student}: ${s.correct} of ${s.total} correct (${s.file})\n`);
  const bad = grades.filter((g): g is Extract<SheetGrade, { ok: false }> => !g.ok);
  for (const g of bad) io.err(`Refused ${g.file}: ${g.error}\n`);
  await writeFile(out, toCsv(rows), 'utf8');
  io.out(`\nWrote ${rows.length} rows to ${out}.\n`);
  return bad.length > 0 ? 1 : 0;
}
