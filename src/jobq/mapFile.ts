/**
 * Macro maps, format `map/1` (corpus/jobq/README.md): `NAME = /path` lines
 * that say which host directory each macro stands for.
 *
 * ```
 * # comment
 * [paths]
 * SPOOL = /scratch/condor/spool
 * LOCAL_DIR = /scratch/condor
 * ```
 *
 * Values are literal (no `$(...)` expansion, no quoting) with leading and
 * trailing blanks trimmed; Windows values keep their backslashes and may hold
 * spaces. Names are case-insensitive and may not repeat; no two paths may be
 * equal. Entries of other sections (`[knobs]` for configMD) are ignored here.
 */
import { readFileSync } from 'node:fs';
import { JobqInputError, type JobqIssue } from './issues.js';

/** One `NAME = path` entry of the `[paths]` section. */
export interface MacroEntry {
  /** The name as written. */
  name: string;
  /** The path (a byte string), without trailing separators. */
  path: string;
  /** A Windows path (`C:\...`, `\\server\...`): `\` is a separator too. */
  windows: boolean;
  /** 1-based line in the map file. */
  line: number;
}

/** A parsed map file. */
export interface PathMap {
  file: string;
  entries: MacroEntry[];
  /** Entries by upper-cased name. */
  byName: Map<string, MacroEntry>;
}

/** Names a map may not define: `$(DOLLAR)` is how a marshalled log writes a literal `$`. */
export const RESERVED_MACROS = new Set(['DOLLAR']);

const windowsPath = /^(?:[A-Za-z]:[\\/]|\\\\)/;

/** Whether a path is written the Windows way (drive letter or UNC). */
export function isWindowsPath(path: string): boolean {
  return windowsPath.test(path);
}

/** A path without its trailing separators (a root such as `/` or `C:\` is kept). */
export function stripTrailingSeparators(path: string, windows = isWindowsPath(path)): string {
  let end = path.length;
  const sep = (c: string) => c === '/' || (windows && c === '\\');
  const root = windows ? (/^[A-Za-z]:/.test(path) ? 3 : 2) : 1;
  while (end > root && sep(path[end - 1]!)) end--;
  return path.slice(0, end);
}

/** Parses the text (a byte string) of a map file. Throws JobqInputError naming file and line. */
export function parseMapFile(text: string, file = '<map>'): PathMap {
  const issues: JobqIssue[] = [];
  const error = (line: number, message: string, column?: number) =>
    issues.push({ severity: 'error', code: 'map', line, column, message });
  const entries: MacroEntry[] = [];
  const byName = new Map<string, MacroEntry>();
  let section = 'paths';
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  lines.forEach((raw, index) => {
    const line = index + 1;
    const l = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const t = l.trim();
    if (t === '' || t.startsWith('#')) return;
    const sec = /^\[([A-Za-z][A-Za-z0-9_-]*)\]$/.exec(t);
    if (sec) {
      section = sec[1]!.toLowerCase();
      return;
    }
    if (t.startsWith('[')) {
      error(line, `expected a section line such as [paths], found ${JSON.stringify(t)}`, 1);
      return;
    }
    if (section !== 'paths') return;
    const m = /^([A-Za-z_][A-Za-z0-9_.]*)[ \t]*=(.*)$/.exec(t);
    if (!m) {
      error(
        line,
        `expected NAME = /path (a macro name, "=", an absolute path), found ${JSON.stringify(t)}`,
        l.indexOf(t) + 1,
      );
      return;
    }
    const name = m[1]!;
    const value = m[2]!.trim();
    const eq = l.indexOf('=');
    const column = value === '' ? eq + 2 : l.indexOf(value, eq + 1) + 1;
    const upper = name.toUpperCase();
    if (RESERVED_MACROS.has(upper)) {
      error(line, `${name} is reserved: a marshalled log writes a literal "$(" as "$(DOLLAR)("`, 1);
      return;
    }
    if (value === '') {
      error(line, `${name} has an empty path: expected an absolute path after "="`, column);
      return;
    }
    if (value.includes('$(')) {
      error(line, `${name}: map paths are literal; "$(" is not allowed in them`, column);
      return;
    }
    if (value.includes('\0')) {
      error(line, `${name}: NUL byte in the path`, column);
      return;
    }
    const windows = isWindowsPath(value);
    if (!windows && !value.startsWith('/')) {
      error(
        line,
        `${name} = ${value}: expected an absolute path (/... or, on Windows, C:\\... or \\\\server\\...)`,
        column,
      );
      return;
    }
    const prior = byName.get(upper);
    if (prior) {
      error(line, `${name} is defined twice (first at line ${prior.line}; names ignore case)`, 1);
      return;
    }
    const entry: MacroEntry = {
      name,
      path: stripTrailingSeparators(value, windows),
      windows,
      line,
    };
    const same = entries.find((e) => e.path === entry.path);
    if (same) {
      error(
        line,
        `${name} has the same path as ${same.name} (line ${same.line}): the macro to use would be ambiguous`,
        column,
      );
      return;
    }
    entries.push(entry);
    byName.set(upper, entry);
  });
  if (issues.length === 0 && entries.length === 0)
    error(0, 'the map defines no paths: expected NAME = /path lines (in the [paths] section)');
  if (issues.length > 0) throw new JobqInputError(file, issues);
  return { file, entries, byName };
}

/** Reads a map file (bytes, latin1). */
export function readMapFile(path: string): PathMap {
  return parseMapFile(readFileSync(path === '-' ? 0 : path).toString('latin1'), path);
}
