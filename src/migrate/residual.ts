/**
 * The residual scan after a restart: every remaining reference to the
 * source host — its directory prefixes (on a path boundary, the rule of
 * marshal), its names (fully qualified and short, as whole names, any
 * letter case) and its address — in what was installed: the job queue
 * (jobqMD's scan), the configuration files (configMD's residue scan of
 * configuration lines), the history files and the install log (every
 * line). A source prefix that contains one of this host's own paths (a
 * `/usr` both hosts share) is not looked for, and the report says so.
 */
import { readFileSync } from 'node:fs';
import { parseConfig } from '../config/parse.js';
import { scanResidue } from '../config/residue.js';
import { PrefixMatcher } from '../jobq/prefixes.js';
import { scanLog } from '../jobq/scan.js';
import { isUnder, type PathEntry } from './locations.js';

/** The traces of the source host to look for. */
export interface ResidualTraces {
  prefixes: PathEntry[];
  hosts: string[];
  addresses: string[];
  /** Source prefixes not looked for, and why. */
  skipped: { name: string; value: string; reason: string }[];
}

/** What to scan (paths on this machine), and what for. */
export interface ResidualInput {
  traces: ResidualTraces;
  jobQueue?: string;
  configFiles?: string[];
  /** Other text files, scanned line by line (history, install log). */
  textFiles?: string[];
  /** How to show a local path in the report (default: as it is). */
  show?: (local: string) => string;
}

/** One remaining reference. */
export interface ResidualHit {
  file: string;
  line: number;
  column: number;
  kind: 'prefix' | 'host' | 'address';
  match: string;
}

/** The scan's result. */
export interface ResidualReport {
  hits: ResidualHit[];
  files: number;
  skipped: ResidualTraces['skipped'];
}

/** The traces to look for: the source's prefixes (except those holding a path of this host), names and address. */
export function residualTraces(
  source: { paths: PathEntry[]; hostName: string; address: string },
  target: PathEntry[],
): ResidualTraces {
  const prefixes: PathEntry[] = [];
  const skipped: ResidualTraces['skipped'] = [];
  for (const p of source.paths) {
    const here = target.find((t) => isUnder(t.value, p.value));
    if (here)
      skipped.push({ ...p, reason: `this host's ${here.name} (${here.value}) is there too` });
    else prefixes.push(p);
  }
  const hosts = source.hostName ? [source.hostName, source.hostName.split('.')[0]!] : [];
  return {
    prefixes,
    hosts: [...new Set(hosts.filter((h) => h !== ''))],
    addresses: source.address ? [source.address] : [],
    skipped,
  };
}

const NAME = /[A-Za-z0-9_-]/;

function findWhole(
  line: string,
  lower: string,
  needle: string,
  from: number,
  address: boolean,
): number {
  for (let i = lower.indexOf(needle, from); i >= 0; i = lower.indexOf(needle, i + 1)) {
    const before = i > 0 ? line[i - 1]! : '';
    const after = line[i + needle.length] ?? '';
    const bad = address
      ? /[0-9.:]/.test(before) ||
        /[0-9]/.test(after) ||
        (/[.:]/.test(after) && /[0-9A-Fa-f]/.test(line[i + needle.length + 1] ?? ''))
      : NAME.test(before) || before === '.' || NAME.test(after);
    if (!bad) return i;
  }
  return -1;
}

/** Scans text line by line for the traces. */
export function scanText(text: string, file: string, traces: ResidualTraces): ResidualHit[] {
  const hits: ResidualHit[] = [];
  const matcher = new PrefixMatcher(
    traces.prefixes.map((p) => ({ name: p.name, path: p.value, windows: false })),
  );
  const names = traces.hosts.map((h) => h.toLowerCase()).sort((a, b) => b.length - a.length);
  text.split('\n').forEach((raw, n) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    for (const m of matcher.findAll(line))
      hits.push({ file, line: n + 1, column: m.start + 1, kind: 'prefix', match: m.prefix.path });
    const lower = line.toLowerCase();
    const taken: [number, number][] = [];
    for (const h of names)
      for (
        let i = findWhole(line, lower, h, 0, false);
        i >= 0;
        i = findWhole(line, lower, h, i + 1, false)
      ) {
        if (taken.some(([a, b]) => i < b && i + h.length > a)) continue;
        taken.push([i, i + h.length]);
        hits.push({
          file,
          line: n + 1,
          column: i + 1,
          kind: 'host',
          match: line.slice(i, i + h.length),
        });
      }
    for (const a of traces.addresses)
      for (
        let i = findWhole(line, line, a, 0, true);
        i >= 0;
        i = findWhole(line, line, a, i + 1, true)
      )
        hits.push({ file, line: n + 1, column: i + 1, kind: 'address', match: a });
  });
  return hits;
}

/** Scans what was installed. */
export async function scanResidual(input: ResidualInput): Promise<ResidualReport> {
  const show = input.show ?? ((p: string) => p);
  const t = input.traces;
  const hits: ResidualHit[] = [];
  let files = 0;
  if (input.jobQueue !== undefined) {
    files++;
    const r = await scanLog(input.jobQueue, {
      prefixes: t.prefixes.map((p) => p.value),
      hosts: [...t.hosts, ...t.addresses],
    });
    for (const h of r.hits)
      hits.push({
        file: show(input.jobQueue),
        line: h.line,
        column: h.column,
        kind: h.kind === 'host' && t.addresses.includes(h.pattern) ? 'address' : h.kind,
        match: h.found,
      });
  }
  for (const f of input.configFiles ?? []) {
    files++;
    const parsed = parseConfig(readFileSync(f).toString('latin1'), show(f));
    for (const r of scanResidue(parsed, {
      prefixes: t.prefixes.map((p) => ({ macro: p.name, value: p.value, windows: false })),
      hostNames: t.hosts,
      addresses: t.addresses,
    }))
      hits.push({ file: show(f), line: r.line, column: r.column, kind: r.kind, match: r.match });
  }
  for (const f of input.textFiles ?? []) {
    files++;
    hits.push(...scanText(readFileSync(f).toString('latin1'), show(f), t));
  }
  return { hits, files, skipped: t.skipped };
}
