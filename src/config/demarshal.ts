/**
 * Demarshal: put a marshalled configuration back on a host. Driven by the
 * manifest of the main file (markers.ts): each configuration file gets its
 * `$(MACRO)`s (only those marshal wrote) replaced by the map's `[paths]`
 * values, and each removed definition its value from the map (`[knobs]`,
 * then `[paths]`, by the name as written). A required knob without a value
 * is an error naming it; an optional one is dropped. Copies come back as
 * they are. Nothing is returned for writing when there is any error.
 */
import { configError, type ConfigDiagnostic } from './diagnostics.js';
import { matchKnob, type KnobSpec } from './knobSpec.js';
import { lineText, splitPhysicalLines } from './lines.js';
import { mapPath, mapValue, type PathMap } from './mapFile.js';
import {
  definitionText,
  parseHeader,
  parseRemoved,
  REMOVED_MARK,
  valueHash,
  type FileHeader,
  type RemovedDefinition,
} from './markers.js';
import type { OutputFile } from './marshal.js';

/** A definition demarshal put back (or dropped). */
export interface RestoredReport {
  file: string;
  /** Line in the original (marshalled from) file. */
  line: number;
  name: string;
  action: 'restored' | 'mapped' | 'dropped';
  value?: string;
}

/** What demarshal produced. */
export interface DemarshalResult {
  outputs: OutputFile[];
  restored: RestoredReport[];
  warnings: ConfigDiagnostic[];
  /** When not empty, nothing may be written. */
  errors: ConfigDiagnostic[];
}

/** The manifest of a marshalled main file; throws an Error when there is none. */
export function readManifest(mainBytes: string, name: string): FileHeader & { main: string } {
  const first = splitPhysicalLines(mainBytes)[0];
  let header: FileHeader | undefined;
  try {
    header = first ? parseHeader(lineText(mainBytes, first)) : undefined;
  } catch (e) {
    throw new Error(
      `${name}:1:1: the #configmd:marshalled line is damaged: ${(e as Error).message}`,
    );
  }
  if (!header || header.main === undefined || header.files === undefined) {
    throw new Error(
      `${name}:1:1: not a marshalled main file (its first line is not #configmd:marshalled with a manifest)`,
    );
  }
  return header as FileHeader & { main: string };
}

/** Demarshals one configuration file. */
export function demarshalFile(
  bytes: string,
  path: string,
  map: PathMap,
  spec: KnobSpec | undefined,
  display = path,
): { bytes: string; restored: RestoredReport[]; errors: ConfigDiagnostic[] } {
  const errors: ConfigDiagnostic[] = [];
  const restored: RestoredReport[] = [];
  let lines = splitPhysicalLines(bytes);
  let header: FileHeader | undefined;
  let lineBase = 0;
  try {
    header = lines[0] ? parseHeader(lineText(bytes, lines[0])) : undefined;
  } catch (e) {
    errors.push(
      configError(
        display,
        1,
        1,
        `the #configmd:marshalled line is damaged: ${(e as Error).message}`,
      ),
    );
    return { bytes: '', restored, errors };
  }
  if (header) {
    lines = lines.slice(1);
    lineBase = 1;
  }
  const target = (macro: string, line: number, column: number): string | undefined => {
    const value = mapPath(map, macro);
    if (value === undefined) {
      errors.push(
        configError(display, line, column, `the map ${map.file} has no [paths] entry for ${macro}`),
      );
    }
    return value;
  };
  const byLine = new Map<number, [number, string][]>();
  for (const [line, column, macro] of header?.paths ?? []) {
    const list = byLine.get(line) ?? [];
    list.push([column, macro]);
    byLine.set(line, list);
  }
  const replaceAt = (text: string, at: [number, string][], line: number, base: number): string => {
    let out = text;
    for (const [column, macro] of [...at].sort((a, b) => b[0] - a[0])) {
      const ref = `$(${macro})`;
      if (!out.startsWith(ref, column)) {
        errors.push(
          configError(
            display,
            line,
            base + column + 1,
            `expected ${ref} here (written by marshal): the file was changed after marshalling`,
          ),
        );
        continue;
      }
      const value = target(macro, line, base + column + 1);
      if (value !== undefined) out = out.slice(0, column) + value + out.slice(column + ref.length);
    }
    return out;
  };

  let out = '';
  lines.forEach((line, i) => {
    const k = i + 1;
    const fileLine = k + lineBase;
    const text = lineText(bytes, line);
    if (text.startsWith(REMOVED_MARK)) {
      let r: RemovedDefinition | undefined;
      try {
        r = parseRemoved(text);
      } catch (e) {
        errors.push(
          configError(
            display,
            fileLine,
            1,
            `damaged #configmd:removed line: ${(e as Error).message}`,
          ),
        );
        return;
      }
      if (!r) return;
      const value = mapValue(map, r.name);
      const cls = (spec && matchKnob(spec, r.name)?.class) ?? r.class;
      if (
        value !== undefined &&
        r.keep !== undefined &&
        r.if !== undefined &&
        valueHash(value) === r.if
      ) {
        out +=
          replaceAt(
            r.keep,
            (r.keepPaths ?? []).map(([o, m]) => [o, m]),
            fileLine,
            0,
          ) + line.eol;
        restored.push({ file: path, line: r.line, name: r.name, action: 'restored', value });
      } else if (value !== undefined) {
        out += definitionText(r, value, line.eol === '' ? '\n' : line.eol) + line.eol;
        restored.push({ file: path, line: r.line, name: r.name, action: 'mapped', value });
      } else if (cls === 'required') {
        errors.push(
          configError(
            display,
            fileLine,
            1,
            `required knob ${r.name} (line ${r.line} of ${path}) has no value in the map ${map.file}`,
          ),
        );
      } else {
        restored.push({ file: path, line: r.line, name: r.name, action: 'dropped' });
      }
      return;
    }
    const at = byLine.get(k);
    out += (at ? replaceAt(text, at, fileLine, 0) : text) + line.eol;
  });
  return { bytes: out, restored, errors };
}

/** Demarshals a marshalled tree, given its main file and a way to read the others. */
export function demarshalTree(
  mainPath: string,
  readFile: (path: string) => string | undefined,
  map: PathMap,
  spec: KnobSpec | undefined,
  display: (path: string) => string = (p) => p,
): DemarshalResult {
  const result: DemarshalResult = { outputs: [], restored: [], warnings: [], errors: [] };
  const mainBytes = readFile(mainPath);
  if (mainBytes === undefined) {
    result.errors.push(configError(display(mainPath), 1, 1, 'cannot read the main file'));
    return result;
  }
  let manifest: FileHeader & { main: string };
  try {
    manifest = readManifest(mainBytes, display(mainPath));
  } catch (e) {
    result.errors.push(
      configError(display(mainPath), 1, 1, (e as Error).message.replace(/^.*?:1:1: /, '')),
    );
    return result;
  }
  if (manifest.main !== mainPath) {
    result.errors.push(
      configError(
        display(mainPath),
        1,
        1,
        `this main file was marshalled as ${manifest.main}, not ${mainPath}`,
      ),
    );
    return result;
  }
  for (const f of manifest.files ?? []) {
    const bytes = f.path === mainPath ? mainBytes : readFile(f.path);
    if (bytes === undefined) {
      result.errors.push(
        configError(
          display(f.path),
          1,
          1,
          `missing from the marshalled tree (listed in ${mainPath})`,
        ),
      );
      continue;
    }
    if (f.role === 'copy') {
      result.outputs.push({ path: f.path, bytes, role: 'copy' });
      continue;
    }
    const d = demarshalFile(bytes, f.path, map, spec, display(f.path));
    result.outputs.push({ path: f.path, bytes: d.bytes, role: 'config' });
    result.restored.push(...d.restored);
    result.errors.push(...d.errors);
  }
  return result;
}
