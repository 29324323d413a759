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
import { readMapLines } from '../io/mapLines.js';
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
  for (const item of readMapLines(text)) {
    const { line } = item;
    if (item.kind === 'section') {
      if (!/^[a-z][a-z0-9_-]*$/.test(item.name))
        error(line, `expected a section line such as [paths], found "[${item.name}]"`, 1);
      continue;
    }
    if (item.kind === 'bad' || item.name.startsWith('[')) {
      const found = item.kind === 'bad' ? item.text : `${item.name} = ${item.value}`;
      if (found.startsWith('['))
        error(line, `expected a section line such as [paths], found ${JSON.stringify(found)}`, 1);
      else
        error(
          line,
          `expected NAME = /path (a macro name, "=", an absolute path), found ${JSON.stringify(found)}`,
          item.column,
        );
      continue;
    }
    if (item.section !== 'paths') continue;
    const { name, value } = item;
    if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name)) {
      error(
        line,
        `expected NAME = /path (a macro name, "=", an absolute path), found ${JSON.stringify(`${name} = ${value}`)}`,
        item.column,
      );
      continue;
    }
    const column = value === '' ? item.equalsColumn + 1 : item.valueColumn;
    const upper = name.toUpperCase();
    if (RESERVED_MACROS.has(upper)) {
      error(line, `${name} is reserved: a marshalled log writes a literal "$(" as "$(DOLLAR)("`, 1);
      continue;
    }
    if (value === '') {
      error(line, `${name} has an empty path: expected an absolute path after "="`, column);
      continue;
    }
    if (value.includes('$(')) {
      error(line, `${name}: map paths are literal; "$(" is not allowed in them`, column);
      continue;
    }
    if (value.includes('\0')) {
      error(line, `${name}: NUL byte in the path`, column);
      continue;
    }
    const windows = isWindowsPath(value);
    if (!windows && !value.startsWith('/')) {
      error(
        line,
        `${name} = ${value}: expected an absolute path (/... or, on Windows, C:\\... or \\\\server\\...)`,
        column,
      );
      continue;
    }
    const prior = byName.get(upper);
    if (prior) {
      error(line, `${name} is defined twice (first at line ${prior.line}; names ignore case)`, 1);
      continue;
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
      continue;
    }
    entries.push(entry);
    byName.set(upper, entry);
  }
  if (issues.length === 0 && entries.length === 0)
    error(0, 'the map defines no paths: expected NAME = /path lines (in the [paths] section)');
  if (issues.length > 0) throw new JobqInputError(file, issues);
  return { file, entries, byName };
}

/** Reads a map file (bytes, latin1). */
export function readMapFile(path: string): PathMap {
  return parseMapFile(readFileSync(path === '-' ? 0 : path).toString('latin1'), path);
}
