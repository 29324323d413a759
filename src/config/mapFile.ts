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
  let section: 'paths' | 'knobs' = 'paths';
  text.split('\n').forEach((raw, i) => {
    const lineNo = i + 1;
    const line = raw.replace(/\r$/, '');
    const t = line.trim();
    if (t === '' || t.startsWith('#')) return;
    const col = line.indexOf(t) + 1;
    const sec = /^\[([^\]]*)\]\s*(#.*)?$/.exec(t);
    if (sec) {
      const name = sec[1]!.trim().toLowerCase();
      if (name !== 'paths' && name !== 'knobs') {
        errors.push(
          configError(
            file,
            lineNo,
            col,
            `unknown section [${sec[1]}] (expected [paths] or [knobs])`,
          ),
        );
      } else section = name;
      return;
    }
    const eq = t.indexOf('=');
    if (eq < 0) {
      errors.push(configError(file, lineNo, col, `expected NAME = value`));
      return;
    }
    const name = t.slice(0, eq).trim();
    const value = t.slice(eq + 1).trim();
    if (!/^[A-Za-z0-9_./]+$/.test(name)) {
      errors.push(configError(file, lineNo, col, `'${name}' is not a knob name`));
      return;
    }
    const key = name.toUpperCase();
    const before = names.get(key);
    if (before !== undefined) {
      errors.push(configError(file, lineNo, col, `${name} is already defined on line ${before}`));
      return;
    }
    names.set(key, lineNo);
    const afterEq = line.slice(line.indexOf('=') + 1);
    const valueCol = line.indexOf('=') + 2 + (afterEq.length - afterEq.trimStart().length);
    if (value.endsWith('\\') && !(section === 'paths' && /^[A-Za-z]:\\$/.test(value))) {
      errors.push(
        configError(
          file,
          lineNo,
          valueCol,
          `${name}: a value ending in '\\' would continue onto the next configuration line`,
        ),
      );
      return;
    }
    if (section === 'paths') {
      if (!isAbsoluteHostPath(value)) {
        errors.push(
          configError(
            file,
            lineNo,
            valueCol,
            `${name}: [paths] values are absolute paths, not '${value}'`,
          ),
        );
        return;
      }
      if (value === '/' || /[\\/]$/.test(value)) {
        errors.push(
          configError(
            file,
            lineNo,
            valueCol,
            `${name}: a path prefix may not end with a separator`,
          ),
        );
        return;
      }
      if (value.includes('$(')) {
        errors.push(
          configError(
            file,
            lineNo,
            valueCol,
            `${name}: [paths] values are literal paths, not macros`,
          ),
        );
        return;
      }
      const same = values.get(isWindowsPath(value) ? value.toLowerCase() : value);
      if (same) {
        errors.push(
          configError(
            file,
            lineNo,
            valueCol,
            `${name} has the same path as ${same.name} (line ${same.line})`,
          ),
        );
        return;
      }
      const entry = { name, value, line: lineNo };
      values.set(isWindowsPath(value) ? value.toLowerCase() : value, entry);
      map.paths.push(entry);
    } else {
      map.knobs.push({ name, value, line: lineNo });
    }
  });
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
