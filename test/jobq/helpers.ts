// Shared helpers for the jobq tests: the project's copy of the jobQ corpus,
// its ground truth, in-memory marshalling, and the jobqmd command line.
import { spawn, type ChildProcess } from 'node:child_process';
import { runScript, type ScriptRun } from '../runNode.js';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bufferSource } from '../../src/jobq/logSource.js';
import { parseMapFile, type PathMap } from '../../src/jobq/mapFile.js';
import { marshalLog, type RewriteSummary } from '../../src/jobq/marshal.js';
import { demarshalLog } from '../../src/jobq/demarshal.js';
import { BufferSink } from '../../src/jobq/recordWriter.js';
import type { Rules } from '../../src/jobq/rules.js';

/** The project root. */
export const root = join(import.meta.dirname, '../..');
/** The project's copy of the jobQ corpus. */
export const corpus = join(root, 'corpus/jobq');
/** Its malformed cases. */
export const malformedDir = join(corpus, 'malformed');

/** Every corpus log, by base name (without `.log`). */
export const corpusLogs: string[] = readdirSync(corpus)
  .filter((f) => f.endsWith('.log'))
  .map((f) => f.slice(0, -4))
  .sort();

/** The bytes of a corpus file. */
export function corpusBytes(name: string): Buffer {
  return readFileSync(join(corpus, name));
}

/** A map file of the corpus, parsed. */
export function corpusMap(name: string): PathMap {
  return parseMapFile(corpusBytes(name).toString('latin1'), name);
}

/** A span of the ground truth. */
export interface TruthSpan {
  macro: string;
  start: number;
  end: number;
  reason?: string;
}

/** An entry of the ground truth (occurrences, ambiguous, literal_macros, decoys). */
export interface TruthEntry {
  line: number;
  key: string;
  attr: string;
  context?: string;
  value?: string;
  value_base64?: string;
  target_value?: string;
  target_value_base64?: string;
  paths?: TruthSpan[];
}

/** The ground truth of a corpus log (`jobq-ground-truth/1`). */
export interface Truth {
  lines: number;
  bytes: number;
  eol: 'lf' | 'crlf';
  path_style: 'unix' | 'windows';
  records: Record<string, number>;
  prefixes: { macro: string; source: string; target: string }[];
  summary: { path_spans: number; by_macro?: Record<string, number> };
  occurrences: TruthEntry[];
  ambiguous: TruthEntry[];
  literal_macros: TruthEntry[];
  decoys: TruthEntry[];
  host_name_lines: [number, string][];
  schedd?: { host: string };
}

/** The ground truth of a corpus log. */
export function truthOf(name: string): Truth {
  return JSON.parse(corpusBytes(`${name}.truth.json`).toString('utf8')) as Truth;
}

/** A truth value as a byte string. */
export function truthValue(e: TruthEntry, prefix = ''): string | undefined {
  const rec = e as unknown as Record<string, string | undefined>;
  const text = rec[`${prefix}value`];
  if (text !== undefined) return Buffer.from(text, 'utf8').toString('latin1');
  const b64 = rec[`${prefix}value_base64`];
  if (b64 !== undefined) return Buffer.from(b64, 'base64').toString('latin1');
  return undefined;
}

/** The lines of a log (byte strings, without their line ends). */
export function logLines(buf: Buffer): string[] {
  const text = buf.toString('latin1');
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

/** The value of a 103 line: everything after `103 key name `. */
export function valueOf(line: string): string {
  const a = line.indexOf(' ', 4);
  const b = line.indexOf(' ', a + 1);
  return line.slice(b + 1);
}

/**
 * What marshal with NAME.map then demarshal with NAME.target.map must give,
 * computed from the ground truth alone: every occurrence line's value becomes
 * its target_value, everything else stays.
 */
export function expectedTarget(name: string): Buffer {
  const truth = truthOf(name);
  const lines = logLines(corpusBytes(`${name}.log`));
  const eol = truth.eol === 'crlf' ? '\r\n' : '\n';
  const repl = new Map<number, string>();
  for (const e of truth.occurrences) repl.set(e.line, truthValue(e, 'target_')!);
  let out = '';
  lines.forEach((l, i) => {
    const v = repl.get(i + 1);
    out += (v === undefined ? l : l.slice(0, l.length - valueOf(l).length) + v) + eol;
  });
  return Buffer.from(out, 'latin1');
}

/** Marshals bytes in memory. */
export async function marshalBytes(
  input: Buffer | string,
  map: PathMap,
  options: { rules?: Rules; chunkSize?: number } = {},
): Promise<{ output: Buffer; summary: RewriteSummary }> {
  const sink = new BufferSink();
  const summary = await marshalLog(bufferSource(input, '<test>', options.chunkSize), {
    map,
    rules: options.rules,
    output: sink,
  });
  return { output: sink.result!, summary };
}

/** Demarshals bytes in memory. */
export async function demarshalBytes(
  input: Buffer | string,
  map: PathMap,
  options: { rules?: Rules; chunkSize?: number } = {},
): Promise<{ output: Buffer; summary: RewriteSummary }> {
  const sink = new BufferSink();
  const summary = await demarshalLog(bufferSource(input, '<test>', options.chunkSize), {
    map,
    rules: options.rules,
    output: sink,
  });
  return { output: sink.result!, summary };
}

/** The script that runs `jobqmd` from dist/ (built by `npm test`'s pretest). */
export const cliScript = join(root, 'test/jobq/cli.mjs');

/** What a run of jobqmd gave. */
export type CliRun = ScriptRun;

/** Runs `jobqmd ARGS` with INPUT (bytes) on stdin. */
export function jobqmd(args: string[], input: Buffer | string = ''): CliRun {
  return runScript('test/jobq/cli.mjs', args, { input });
}

/** Starts `jobqmd ARGS` without waiting. */
export function startJobqmd(args: string[]): ChildProcess {
  return spawn(process.execPath, [cliScript, ...args], { cwd: root, stdio: 'ignore' });
}

const LEFT = new Set([...'"\' \t,;=:(|{[<>']);
const RIGHT = new Set([...'"\' \t,;|)}]=<>']);

/**
 * The positions where a source prefix counts in a value, by the rule of
 * corpus/jobq/README.md ("Occurrence rule"), written here from the README's
 * words so that the tests do not check marshal with marshal's own matcher.
 */
export function truthRuleSpans(value: string, prefixes: string[], windows: boolean): number[] {
  const out: number[] = [];
  const sorted = [...prefixes].sort((a, b) => b.length - a.length);
  for (let i = 0; i < value.length; i++) {
    if (i > 0 && !LEFT.has(value[i - 1]!)) continue;
    for (const p of sorted) {
      if (!value.startsWith(p, i)) continue;
      const c = value[i + p.length];
      const sep = c === '/' || (windows && c === '\\');
      const trailingBackslash = c === '\\' && value[i + p.length + 1] === '"';
      if (c === undefined || sep || RIGHT.has(c) || (!windows && c === ':') || trailingBackslash) {
        out.push(i);
        break;
      }
    }
  }
  return out;
}

const made: string[] = [];

/** A new temporary directory, removed by removeTempDirs. */
export function tempDir(prefix = 'jobq-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Removes the directories tempDir made (call it from afterAll). */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}
