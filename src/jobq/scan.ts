/**
 * The residual scan: every remaining occurrence of host path prefixes and
 * host names anywhere in a log (every line, every attribute, candidates or
 * not), to prove that a moved log no longer refers to the old host.
 *
 * A prefix counts where it is a path by the boundary rule of prefixes.ts
 * (the rule marshal applies): `/scratch/condor/spool2` is not
 * `/scratch/condor/spool`. A host name counts case-insensitively where it is
 * not part of a longer name (`a.example.org` is found in `slot1@a.example.org`
 * but not in `data.example.org`). Occurrences that fail the boundary rule
 * (inside a `file://` URL, after `^` in a regular expression, a different
 * letter case of a Windows path) are counted apart as near misses, and
 * reported as occurrences with `loose`.
 */
import { feedLog, toSource, type LogSource } from './logSource.js';
import { isWindowsPath, stripTrailingSeparators } from './mapFile.js';
import { isPathEnd, isPathStart } from './prefixes.js';
import type { ProgressCallback } from './progress.js';
import { RecordReader } from './recordReader.js';

/** What to look for. */
export interface ScanOptions {
  /** Host path prefixes (trailing separators are ignored). */
  prefixes?: string[];
  /** Host names. */
  hosts?: string[];
  /** Count every occurrence, at a boundary or not, in any letter case. */
  loose?: boolean;
  /** Receives each occurrence as it is found (then the report keeps none). */
  onHit?: (hit: ScanHit) => void;
  progress?: ProgressCallback;
}

/** One occurrence. */
export interface ScanHit {
  line: number;
  /** 1-based byte column in the line. */
  column: number;
  kind: 'prefix' | 'host';
  /** The prefix or host name looked for, as given. */
  pattern: string;
  /** The bytes found (they differ from `pattern` in letter case only). */
  found: string;
  /** False for a near miss (only reported with `loose`). */
  boundary: boolean;
  /** The record's key and attribute, where the line has them. */
  key?: string;
  attr?: string;
  /** Some of the line around the occurrence. */
  context: string;
}

/** The result of a scan. */
export interface ScanReport {
  file: string;
  lines: number;
  bytes: number;
  /** Occurrences reported (at a boundary; every one with `loose`). */
  count: number;
  /** Near misses not counted in `count` (0 with `loose`). */
  nearMisses: number;
  /** The occurrences, when no `onHit` was given (at most 10,000). */
  hits: ScanHit[];
  timeMs: number;
}

interface Pattern {
  kind: 'prefix' | 'host';
  given: string;
  /** What to search for (lower-cased when the search ignores case). */
  needle: string;
  ignoreCase: boolean;
  windows: boolean;
}

const hostChar = /[A-Za-z0-9_-]/;

function hostBoundary(line: string, i: number, j: number): boolean {
  if (i > 0 && (hostChar.test(line[i - 1]!) || line[i - 1] === '.')) return false;
  return j >= line.length || !hostChar.test(line[j]!);
}

const MAX_KEPT = 10_000;

/** Scans a log (a path, `-` for stdin, or a LogSource). */
export async function scanLog(
  input: string | LogSource,
  options: ScanOptions,
): Promise<ScanReport> {
  const started = performance.now();
  const source = toSource(input);
  const patterns: Pattern[] = [];
  for (const p of options.prefixes ?? []) {
    const windows = isWindowsPath(p);
    const path = stripTrailingSeparators(p, windows);
    if (path === '') continue;
    // Searched in any letter case: an exact, boundary-valid match counts; the rest are near misses.
    patterns.push({
      kind: 'prefix',
      given: p,
      needle: path.toLowerCase(),
      ignoreCase: true,
      windows,
    });
  }
  for (const h of options.hosts ?? []) {
    if (h === '') continue;
    patterns.push({
      kind: 'host',
      given: h,
      needle: h.toLowerCase(),
      ignoreCase: true,
      windows: false,
    });
  }
  const anyIgnoreCase = patterns.some((p) => p.ignoreCase);
  const report: ScanReport = {
    file: source.name,
    lines: 0,
    bytes: 0,
    count: 0,
    nearMisses: 0,
    hits: [],
    timeMs: 0,
  };
  let text = '';
  let lower = '';
  let base = 0;
  let found: { pos: number; p: Pattern }[] = [];
  let next = 0;
  const reader = new RecordReader(
    {
      region(buf, start, end) {
        base = start;
        text = buf.toString('latin1', start, end);
        lower = anyIgnoreCase ? text.toLowerCase() : text;
        found = [];
        next = 0;
        for (const p of patterns) {
          const hay = p.ignoreCase ? lower : text;
          for (let i = hay.indexOf(p.needle); i >= 0; i = hay.indexOf(p.needle, i + 1))
            found.push({ pos: i, p });
        }
        found.sort((a, b) => a.pos - b.pos || b.p.needle.length - a.p.needle.length);
      },
      record(v) {
        const ls = v.start - base;
        const le = v.end - base;
        if (next >= found.length || found[next]!.pos >= v.next - base) return;
        const line = text.slice(ls, le);
        let key: string | undefined;
        let attr: string | undefined;
        if (v.op >= 101 && v.op <= 104) {
          key = v.buf.toString('latin1', v.w0s, v.w0e);
          if (v.op === 103 || v.op === 104) attr = v.buf.toString('latin1', v.w1s, v.w1e);
        }
        while (next < found.length && found[next]!.pos < v.next - base) {
          // Prefix matches at one place: the longest at a boundary wins (as in marshal).
          const pos = found[next]!.pos;
          const group: { p: Pattern; boundary: boolean }[] = [];
          for (; next < found.length && found[next]!.pos === pos; next++) {
            const p = found[next]!.p;
            const i = pos - ls;
            const j = i + p.needle.length;
            if (j > line.length) continue; // runs into the line end
            const boundary =
              p.kind === 'host'
                ? hostBoundary(line, i, j)
                : isPathStart(line, i) &&
                  isPathEnd(line, j, p.windows) &&
                  line.slice(i, j) === stripTrailingSeparators(p.given, p.windows);
            group.push({ p, boundary });
          }
          const picks: { p: Pattern; boundary: boolean }[] = [];
          for (const kind of ['prefix', 'host'] as const) {
            const of = group.filter((g) => g.p.kind === kind);
            if (of.length === 0) continue;
            const best = of.find((g) => g.boundary) ?? of[0]!;
            if (!best.boundary && !options.loose) report.nearMisses++;
            else picks.push(best);
          }
          for (const { p, boundary } of picks) {
            const i = pos - ls;
            const j = i + p.needle.length;
            report.count++;
            const hit: ScanHit = {
              line: v.lineNo,
              column: i + 1,
              kind: p.kind,
              pattern: p.given,
              found: line.slice(i, j),
              boundary,
              key,
              attr,
              context: line.slice(Math.max(0, i - 30), j + 50),
            };
            if (options.onHit) options.onHit(hit);
            else if (report.hits.length < MAX_KEPT) report.hits.push(hit);
          }
        }
      },
    },
    { issue: () => {} },
  );
  await feedLog(source, reader, options.progress);
  reader.finish();
  report.lines = reader.lines;
  report.bytes = reader.bytes;
  report.timeMs = performance.now() - started;
  return report;
}
