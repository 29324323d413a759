/**
 * Map files, format `map/1` (corpus/config/README.md, shared with jobqmd):
 *
 * ```
 * # comment
 * [paths]                 # the default section: literal absolute path prefixes
 * SPOOL = /srv/htcondor/spool
 * [knobs]                 # values for the knobs marshal removed (config text)
 * SCHEDD_NAME = ap2.hep.example.edu
 * ```
 *
 * One `NAME = value` per line, the value trimmed; names case-insensitive and
 * unique within the file; no two `[paths]` values equal. A removed knob's
 * value is looked up in `[knobs]`, then in `[paths]`.
 */
import { configError, ConfigError, type ConfigDiagnostic } from './diagnostics.js';
import { isAbsoluteHostPath, isWindowsPath } from './hostPaths.js';
import { readMapLines } from '../io/mapLines.js';

/** One `NAME = value` line. */
export interface MapEntry {
  name: string;
  value: string;
  line: number;
}

/** A parsed map. */
export interface PathMap {
  file: string;
  /** `[paths]`: rewrite prefixes, in file order. */
  paths: MapEntry[];
  /** `[knobs]`: values for removed knobs, in file order. */
  knobs: MapEntry[];
}

/** Parses a `map/1` file; throws ConfigError listing every bad line. */
export function parseMapFile(text: string, file = '<map>'): PathMap {
  const map: PathMap = { file, paths: [], knobs: [] };
  const errors: ConfigDiagnostic[] = [];
  const names = new Map<string, number>();
  const values = new Map<string, MapEntry>();
  const fail = (line: number, column: number, message: string) =>
    errors.push(configError(file, line, column, message));
  for (const item of readMapLines(text)) {
    const lineNo = item.line;
    if (item.kind === 'section') {
      if (item.name !== 'paths' && item.name !== 'knobs')
        fail(lineNo, item.column, `unknown section [${item.name}] (expected [paths] or [knobs])`);
      continue;
    }
    if (item.kind === 'bad') {
      fail(lineNo, item.column, `expected NAME = value`);
      continue;
    }
    const { name, value, section } = item;
    if (section !== 'paths' && section !== 'knobs') continue; // reported at its section line
    if (!/^[A-Za-z0-9_./]+$/.test(name)) {
      fail(lineNo, item.column, `'${name}' is not a knob name`);
      continue;
    }
    const key = name.toUpperCase();
    const before = names.get(key);
    if (before !== undefined) {
      fail(lineNo, item.column, `${name} is already defined on line ${before}`);
      continue;
    }
    names.set(key, lineNo);
    const valueCol = item.valueColumn;
    if (value.endsWith('\\') && !(section === 'paths' && /^[A-Za-z]:\\$/.test(value))) {
      fail(
        lineNo,
        valueCol,
        `${name}: a value ending in '\\' would continue onto the next configuration line`,
      );
      continue;
    }
    if (section === 'knobs') {
      map.knobs.push({ name, value, line: lineNo });
      continue;
    }
    if (!isAbsoluteHostPath(value)) {
      fail(lineNo, valueCol, `${name}: [paths] values are absolute paths, not '${value}'`);
      continue;
    }
    if (value === '/' || /[\\/]$/.test(value)) {
      fail(lineNo, valueCol, `${name}: a path prefix may not end with a separator`);
      continue;
    }
    if (value.includes('$(')) {
      fail(lineNo, valueCol, `${name}: [paths] values are literal paths, not macros`);
      continue;
    }
    const valueKey = isWindowsPath(value) ? value.toLowerCase() : value;
    const same = values.get(valueKey);
    if (same) {
      fail(lineNo, valueCol, `${name} has the same path as ${same.name} (line ${same.line})`);
      continue;
    }
    const entry = { name, value, line: lineNo };
    values.set(valueKey, entry);
    map.paths.push(entry);
  }
  if (errors.length > 0) throw new ConfigError(errors);
  return map;
}

/** The value a map gives a removed knob (by its name as written): `[knobs]`, then `[paths]`. */
export function mapValue(map: PathMap, name: string): string | undefined {
  const key = name.toUpperCase();
  return (
    map.knobs.find((e) => e.name.toUpperCase() === key)?.value ??
    map.paths.find((e) => e.name.toUpperCase() === key)?.value
  );
}

/** The `[paths]` value of a macro, or undefined. */
export function mapPath(map: PathMap, macro: string): string | undefined {
  const key = macro.toUpperCase();
  return map.paths.find((e) => e.name.toUpperCase() === key)?.value;
}

/** Writes a map file (`[paths]` and, when there are any, `[knobs]`). */
export function formatMapFile(
  paths: { name: string; value: string }[],
  knobs: { name: string; value: string }[] = [],
  header: string[] = [],
): string {
  let out = header.map((h) => `# ${h}\n`).join('');
  out += '[paths]\n';
  for (const p of paths) out += `${p.name} = ${p.value}\n`;
  if (knobs.length > 0) {
    out += '[knobs]\n';
    for (const k of knobs) out += `${k.name} = ${k.value}\n`;
  }
  return out;
}
