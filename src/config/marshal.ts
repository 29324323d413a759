/**
 * Marshal: make a host's configuration host-independent. Every file the
 * configuration reads is written back with
 *
 * - each definition of a knob of the knob spec (wherever it is: main file,
 *   includes, `if` branches) replaced by one `#configmd:removed` line;
 * - each source path prefix (the map's `[paths]`) on a path boundary in
 *   configuration text (values, continuation lines, `@=` bodies, `include`
 *   targets) replaced by `$(MACRO)`;
 * - every other byte as it was: comments, `use` lines, blank lines, line
 *   ends (CRLF stays CRLF), layout.
 *
 * Files in a `LOCAL_CONFIG_DIR` that are not configuration are copied as they
 * are. See markers.ts for what demarshal needs and where it is kept.
 */
import { configError, configWarning, type ConfigDiagnostic } from './diagnostics.js';
import { matchKnob, type KnobSpec } from './knobSpec.js';
import { dominantEol, lineText } from './lines.js';
import { mapValue, type PathMap } from './mapFile.js';
import {
  definitionText,
  formatHeader,
  formatRemoved,
  MARK_PREFIX,
  MARSHAL_FORMAT,
  valueHash,
  type FileHeader,
  type ManifestFile,
  type RemovedDefinition,
} from './markers.js';
import { logicalToFile, statementSource, type Assignment, type ParsedConfig } from './parse.js';
import { findPrefixes, prefixesOf, replaceSpans, type Prefix } from './pathPrefix.js';
import type { ResolvedConfig } from './resolve.js';

/** One file to write. */
export interface OutputFile {
  /** Path relative to the output directory. */
  path: string;
  bytes: string;
  role: 'config' | 'copy';
}

/** A definition marshal removed. */
export interface RemovedReport {
  file: string;
  line: number;
  lastLine: number;
  name: string;
  class: 'required' | 'optional';
  value: string;
}

/** A line whose path prefixes marshal replaced. */
export interface RewriteReport {
  file: string;
  line: number;
  macros: string[];
}

/** What marshal produced. */
export interface MarshalResult {
  outputs: OutputFile[];
  removed: RemovedReport[];
  rewritten: RewriteReport[];
  warnings: ConfigDiagnostic[];
  /** When not empty, nothing may be written. */
  errors: ConfigDiagnostic[];
}

/** Path-prefix spans per line of a multi-line text (each line checked on its own). */
export function findPrefixesByLine(
  text: string,
  prefixes: Prefix[],
): { start: number; end: number; macro: string }[] {
  const spans: { start: number; end: number; macro: string }[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    const content = line.endsWith('\r') ? line.slice(0, -1) : line;
    for (const s of findPrefixes(content, prefixes))
      spans.push({ ...s, start: s.start + at, end: s.end + at });
    at += line.length + 1;
  }
  return spans;
}

/** Replaces prefixes by `$(MACRO)`; returns the text and where each macro now starts. */
export function macroise(
  text: string,
  prefixes: Prefix[],
): { text: string; at: [number, string][] } {
  const spans = findPrefixesByLine(text, prefixes);
  const at: [number, string][] = [];
  let shift = 0;
  const out = replaceSpans(text, spans, (s) => {
    const macro = `$(${s.macro})`;
    at.push([s.start + shift, s.macro]);
    shift += macro.length - (s.end - s.start);
    return macro;
  });
  return { text: out, at };
}

/** The text of a definition's first line before its value. */
function headOf(parsed: ParsedConfig, st: Assignment): string {
  const first = parsed.lines[st.firstLine - 1]!;
  const firstText = lineText(parsed.text, first);
  if (st.heredoc) return firstText;
  const ll = st.logical;
  if (st.valueAt < ll.text.length) {
    const valueFile = logicalToFile(ll, st.valueAt);
    if (valueFile >= first.start && valueFile <= first.end)
      return parsed.text.slice(first.start, valueFile);
  }
  const indent = /^[\t ]*/.exec(firstText)![0];
  return indent + ll.text.slice(0, st.valueAt);
}

/** Marshals one configuration file. */
export function marshalFile(
  parsed: ParsedConfig,
  path: string,
  spec: KnobSpec,
  map: PathMap,
  header: FileHeader = { format: MARSHAL_FORMAT },
): {
  bytes: string;
  removed: RemovedReport[];
  rewritten: RewriteReport[];
  warnings: ConfigDiagnostic[];
  errors: ConfigDiagnostic[];
} {
  const prefixes = prefixesOf(map);
  const removed: RemovedReport[] = [];
  const rewritten: RewriteReport[] = [];
  const warnings: ConfigDiagnostic[] = [];
  const errors: ConfigDiagnostic[] = [];
  const { text, lines, roles } = parsed;

  for (const line of lines) {
    const t = lineText(text, line).trimStart();
    if (t.startsWith(MARK_PREFIX)) {
      errors.push(
        configError(
          parsed.name,
          line.number,
          1,
          `this line is a configmd mark: the file is marshalled already`,
        ),
      );
    }
  }

  const removals = new Map<number, Assignment>();
  for (const st of parsed.statements) {
    if (st.kind === 'assign' && matchKnob(spec, st.name)) removals.set(st.firstLine, st);
  }

  const out: { text: string; eol: string }[] = [];
  const paths: [number, number, string][] = [];
  for (let n = 1; n <= lines.length; n++) {
    const line = lines[n - 1]!;
    const st = removals.get(n);
    if (st) {
      const entry = matchKnob(spec, st.name)!;
      const last = lines[st.lastLine - 1]!;
      const r: RemovedDefinition = {
        name: st.name,
        class: entry.class,
        line: st.firstLine,
        lastLine: st.lastLine,
        head: headOf(parsed, st),
      };
      if (st.heredoc)
        r.close = st.heredoc.close
          ? lineText(text, parsed.lines[st.heredoc.close.firstLine - 1]!)
          : '';
      const source = statementSource(parsed, st);
      const mapped = mapValue(map, st.name);
      const simple =
        mapped !== undefined &&
        !st.heredoc &&
        st.firstLine === st.lastLine &&
        definitionText(r, mapped, '') === source;
      if (!simple) {
        const kept = macroise(source, prefixes);
        r.keep = kept.text;
        if (kept.at.length > 0) r.keepPaths = kept.at;
        if (mapped !== undefined) r.if = valueHash(mapped);
      }
      if (mapped === undefined) {
        warnings.push(
          configWarning(
            parsed.name,
            st.firstLine,
            1,
            `${st.name} has no value in the map ${map.file}: demarshal with this map will ${entry.class === 'required' ? 'fail' : 'drop it'}`,
          ),
        );
      }
      out.push({ text: formatRemoved(r), eol: last.eol });
      removed.push({
        file: path,
        line: st.firstLine,
        lastLine: st.lastLine,
        name: st.name,
        class: entry.class,
        value: st.value,
      });
      n = st.lastLine;
      continue;
    }
    let content = lineText(text, line);
    if (roles[n - 1] === 'code') {
      const spans = findPrefixes(content, prefixes);
      if (spans.length > 0) {
        let shift = 0;
        const bodyLine = out.length + 1;
        content = replaceSpans(content, spans, (s) => {
          const macro = `$(${s.macro})`;
          paths.push([bodyLine, s.start + shift, s.macro]);
          shift += macro.length - (s.end - s.start);
          return macro;
        });
        rewritten.push({ file: path, line: n, macros: spans.map((s) => s.macro) });
      }
    }
    out.push({ text: content, eol: line.eol });
  }

  if (paths.length > 0) header.paths = paths;
  let bytes = '';
  if (header.main !== undefined || header.paths !== undefined) {
    bytes += formatHeader(header) + dominantEol(lines);
  }
  for (const o of out) bytes += o.text + o.eol;
  return { bytes, removed, rewritten, warnings, errors };
}

/** Marshals a resolved configuration: every file it read, and copies of the excluded ones. */
export function marshalConfig(
  config: ResolvedConfig,
  mainPath: string,
  spec: KnobSpec,
  map: PathMap,
  readCopy: (localPath: string) => string,
): MarshalResult {
  const result: MarshalResult = {
    outputs: [],
    removed: [],
    rewritten: [],
    warnings: [],
    errors: [],
  };
  result.errors.push(...config.errors);
  if (result.errors.length > 0) return result;

  const files: { path: string; parsed: ParsedConfig }[] = [];
  const seen = new Set<string>();
  for (const e of config.readOrder) {
    if (e.kind !== 'file' || e.localPath === undefined || seen.has(e.localPath)) continue;
    seen.add(e.localPath);
    if (e.treePath === undefined) {
      result.errors.push(
        configError(
          e.hostPath,
          1,
          1,
          `${e.hostPath} is outside the tree: it cannot be written under the output directory`,
        ),
      );
      continue;
    }
    files.push({ path: e.treePath, parsed: config.files.get(e.localPath)!.parsed });
  }
  const copies = config.excluded.filter((x) => !seen.has(x.localPath));
  const manifest: ManifestFile[] = [
    ...files.map((f) => ({ path: f.path, role: 'config' as const })),
    ...copies.map((c) => ({ path: c.treePath, role: 'copy' as const })),
  ];
  for (const f of files) {
    const header: FileHeader = { format: MARSHAL_FORMAT };
    if (f.path === mainPath) {
      header.main = mainPath;
      header.files = manifest;
    }
    const m = marshalFile(f.parsed, f.path, spec, map, header);
    result.outputs.push({ path: f.path, bytes: m.bytes, role: 'config' });
    result.removed.push(...m.removed);
    result.rewritten.push(...m.rewritten);
    result.warnings.push(...m.warnings);
    result.errors.push(...m.errors);
  }
  if (!files.some((f) => f.path === mainPath)) {
    result.errors.push(configError(mainPath, 1, 1, 'the main file was not read'));
  }
  for (const c of copies)
    result.outputs.push({ path: c.treePath, bytes: readCopy(c.localPath), role: 'copy' });
  return result;
}
