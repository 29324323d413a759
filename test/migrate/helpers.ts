// Helpers for the migration tests: running the paper's programs, temporary
// directories, and listing a tree's files.
import { runScript, type ScriptRun } from '../runNode.js';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The project root. */
export const root = join(import.meta.dirname, '../..');

/** What a run gave. */
export type Run = ScriptRun;

/** Runs `schedd SUB ARGS` of the built CLI (test/migrate/schedd-cli.mjs) in `cwd`. */
export function schedd(args: string[], cwd = root): Run {
  return runScript('test/migrate/schedd-cli.mjs', args, { cwd, encoding: 'utf8' });
}

/** A new temporary directory. */
export function tempDir(prefix = 'migrate-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Every regular file under a directory (paths relative to it, `/`-separated), sorted. */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, rel: string): void => {
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      return;
    }
    for (const n of names.sort()) {
      const p = join(d, n);
      const r = rel ? `${rel}/${n}` : n;
      const st = statSync(p);
      if (st.isDirectory()) walk(p, r);
      else out.push(r);
    }
  };
  walk(dir, '');
  return out;
}

/** Every entry (files and directories) under a directory. */
export function entriesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, rel: string): void => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      const r = rel ? `${rel}/${n}` : n;
      out.push(r);
      if (statSync(p).isDirectory()) walk(p, r);
    }
  };
  walk(dir, '');
  return out;
}

/** A file's bytes. */
export function bytes(path: string): Buffer {
  return readFileSync(path);
}
