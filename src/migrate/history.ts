/**
 * historyMD: marshal and demarshal a schedd's history file (and its
 * rotations) the way jobqMD does the job queue. A history file is a
 * sequence of job ads in old long form (`Attr = value` lines), each closed
 * by a `*** ...` banner line. Every string literal of every value goes
 * through jobqMD's string rewrite with jobqMD's rules (path prefixes on a
 * path boundary <-> `$(MACRO)`, a literal `$(` <-> `$(DOLLAR)(`); banner
 * lines and everything else stay byte for byte. Streams: the file is read
 * in chunks and written through a sink (atomically, for a file).
 */
import { createReadStream } from 'node:fs';
import type { PathMap } from '../jobq/mapFile.js';
import { PrefixMatcher } from '../jobq/prefixes.js';
import type { ByteSink } from '../jobq/recordWriter.js';
import { defaultRules, type Rules } from '../jobq/rules.js';
import {
  demarshalString,
  MacroError,
  marshalString,
  newCounts,
  type RewriteCounts,
} from '../jobq/stringRewrite.js';
import { rewriteValueStrings, ValueRewriteError } from '../jobq/valueRewrite.js';
import { MigrateError } from './errors.js';

/** What a history rewrite did. */
export interface HistorySummary {
  lines: number;
  /** Attribute lines whose value changed. */
  rewritten: number;
  bytesIn: number;
  bytesOut: number;
  counts: RewriteCounts;
  timeMs: number;
}

type LineTransform = (
  name: string,
  line: string,
  valueStart: number,
  valueEnd: number,
) => string | undefined;

const ATTR = /^([A-Za-z_][A-Za-z0-9_.]*) = /;

async function rewriteHistory(
  input: string,
  sink: ByteSink,
  patterns: string[],
  transform: LineTransform,
  counts: RewriteCounts,
  onProgress?: (bytes: number) => void,
): Promise<HistorySummary> {
  const started = performance.now();
  let rest = '';
  let lineNo = 0;
  let rewritten = 0;
  let bytesIn = 0;
  const doLine = (line: string): string => {
    lineNo++;
    if (!patterns.some((p) => line.includes(p))) return line;
    const content = line.endsWith('\r') ? line.slice(0, -1) : line;
    const m = ATTR.exec(content);
    if (!m) return line;
    let text: string | undefined;
    try {
      text = transform(m[1]!, content, m[0].length, content.length);
    } catch (e) {
      if (e instanceof ValueRewriteError)
        throw new MigrateError(`${input}:${lineNo}:${e.offset + 1}: ${m[1]}: ${e.message}`);
      if (e instanceof MacroError)
        throw new MigrateError(
          `${input}:${lineNo}:${m[0].length + e.index + 2}: ${m[1]}: ${e.message}`,
        );
      throw e;
    }
    if (text === undefined || text === content) return line;
    rewritten++;
    return content === line ? text : text + '\r';
  };
  const stream = createReadStream(input, { highWaterMark: 1 << 20 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytesIn += chunk.length;
      const lines = (rest + chunk.toString('latin1')).split('\n');
      rest = lines.pop()!;
      let out = '';
      for (const line of lines) out += doLine(line) + '\n';
      sink.writeBytes(out);
      if (sink.ready) await sink.ready();
      onProgress?.(bytesIn);
    }
    if (rest !== '') sink.writeBytes(doLine(rest));
    await sink.commit();
  } catch (e) {
    sink.abort();
    if ((e as NodeJS.ErrnoException).code && (e as NodeJS.ErrnoException).syscall)
      throw new MigrateError(`cannot read ${input}: ${(e as NodeJS.ErrnoException).code}`);
    throw e;
  } finally {
    stream.destroy();
  }
  return {
    lines: lineNo,
    rewritten,
    bytesIn,
    bytesOut: sink.bytes,
    counts,
    timeMs: performance.now() - started,
  };
}

/** Marshals a history file: the map's paths become `$(MACRO)`. */
export function marshalHistory(
  input: string,
  sink: ByteSink,
  map: PathMap,
  options: { rules?: Rules; onProgress?: (bytes: number) => void } = {},
): Promise<HistorySummary> {
  const rules = options.rules ?? defaultRules();
  const matcher = new PrefixMatcher(
    map.entries.map((e) => ({ name: e.name, path: e.path, windows: e.windows })),
  );
  const counts = newCounts();
  const paths = [...new Set(map.entries.map((e) => e.path))];
  const patterns = [...paths.filter((p) => !paths.some((q) => q !== p && p.includes(q))), '$('];
  return rewriteHistory(
    input,
    sink,
    patterns,
    (name, line, vs, ve) =>
      rewriteValueStrings(line, vs, ve, (s) =>
        marshalString(s, rules.shapeOf(name), matcher, counts),
      )?.text,
    counts,
    options.onProgress,
  );
}

/** Demarshals a history file: `$(MACRO)` becomes the map's path; a macro the map lacks is an error. */
export function demarshalHistory(
  input: string,
  sink: ByteSink,
  map: PathMap,
  options: { rules?: Rules; onProgress?: (bytes: number) => void } = {},
): Promise<HistorySummary> {
  const rules = options.rules ?? defaultRules();
  const counts = newCounts();
  return rewriteHistory(
    input,
    sink,
    ['$('],
    (name, line, vs, ve) =>
      rules.shapeOf(name) === 'none'
        ? undefined
        : rewriteValueStrings(line, vs, ve, (s) => demarshalString(s, map, counts))?.text,
    counts,
    options.onProgress,
  );
}
