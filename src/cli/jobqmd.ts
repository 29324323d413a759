/**
 * `jobqmd` (and `classad jobq`): marshal, demarshal, check and scan a
 * job_queue.log. Commander wiring only; the work is in src/jobq.
 */
import type { Command } from 'commander';
import { checkLog, type CheckReport } from '../jobq/check.js';
import { demarshalLog } from '../jobq/demarshal.js';
import { formatIssue, JobqInputError, JobqUsageError } from '../jobq/issues.js';
import { fileSource } from '../jobq/logSource.js';
import { parseMapFile, readMapFile, type PathMap } from '../jobq/mapFile.js';
import { formatMapFile } from '../config/mapFile.js';
import { readMacroMap } from '../config/macroMap.js';
import { marshalLog, type RewriteSummary } from '../jobq/marshal.js';
import { ProgressBar } from '../jobq/progress.js';
import { defaultRules, type Rules } from '../jobq/rules.js';
import { formatRules, readRulesFile } from '../jobq/rulesFile.js';
import { scanLog, type ScanHit } from '../jobq/scan.js';

/** Writes a byte string (latin1) to stdout or stderr. */
function emit(stream: NodeJS.WriteStream, text: string): void {
  stream.write(Buffer.from(text, 'latin1'));
}

function json(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

/** A reader that goes away (`jobqmd scan LOG ... | head`) is not an error. */
function ignoreBrokenPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    if (stream.listenerCount('error') > 0) continue;
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
    });
  }
}

/** Runs an action: bad input exits 1, bad usage 2, each with a message on stderr. */
async function guarded(action: () => Promise<number>): Promise<void> {
  ignoreBrokenPipe();
  try {
    const code = await action();
    if (code !== 0) process.exitCode = code;
  } catch (e) {
    if (e instanceof JobqUsageError) {
      emit(process.stderr, `jobqmd: ${e.message}\n`);
      process.exitCode = 2;
    } else if (e instanceof JobqInputError) {
      emit(process.stderr, e.message + '\n');
      process.exitCode = 1;
    } else if ((e as NodeJS.ErrnoException).code && (e as NodeJS.ErrnoException).syscall) {
      emit(process.stderr, `jobqmd: ${(e as Error).message}\n`);
      process.exitCode = 1;
    } else throw e;
  }
}

function progressFor(file: string, label: string): ProgressBar | undefined {
  const size = file === '-' ? undefined : fileSource(file).size;
  return ProgressBar.wanted(size) ? new ProgressBar(size!, label) : undefined;
}

interface RewriteCliOptions {
  map?: string;
  config?: string;
  root?: string;
  localName?: string;
  output?: string;
  rules?: string;
  json?: boolean;
  progress?: boolean;
  printRules?: boolean;
  verbose?: boolean;
}

/** The macro map of a condor_config (its SPOOL, LOCAL_DIR, ... paths), as a map/1 map. */
function mapFromConfig(opts: RewriteCliOptions): PathMap {
  const derived = readMacroMap(opts.config!, { root: opts.root, localName: opts.localName });
  return parseMapFile(formatMapFile(derived.paths), `${opts.config} (derived map)`);
}

function loadRules(path: string | undefined): Rules {
  return path ? readRulesFile(path) : defaultRules();
}

function describeSummary(s: RewriteSummary): string {
  const macros = Object.entries(s.macros)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  return (
    `${s.command === 'marshal' ? 'marshalled' : 'demarshalled'} ${s.input} -> ${s.output}: ` +
    `${s.lines} lines, ${s.attributesRewritten} attribute value(s) rewritten` +
    `${macros ? ` (${macros})` : ''}, ${s.dollars} "$(" ${s.command === 'marshal' ? 'escaped' : 'restored'}, ` +
    `${s.bytesIn} -> ${s.bytesOut} bytes, ${s.timeMs.toFixed(0)} ms\n`
  );
}

function registerRewrite(jobq: Command, name: 'marshal' | 'demarshal'): void {
  const marshal = name === 'marshal';
  jobq
    .command(name)
    .description(
      marshal
        ? 'replace host paths in a job_queue.log by macros ($(SPOOL)/...) using a map of this host'
        : 'replace the macros of a marshalled job_queue.log by the paths of the target host',
    )
    .argument('[log]', 'the job_queue.log, or - for stdin')
    .option(
      '--map <file>',
      `map/1 file: NAME = /path lines (${marshal ? 'this' : 'the target'} host)`,
    )
    .option(
      '--config <file>',
      `take the map from this condor_config instead (SPOOL, LOCAL_DIR, ... of ${marshal ? 'this' : 'the target'} host)`,
    )
    .option('--root <tree>', 'with --config: read the configuration as if <tree> were /')
    .option('--local-name <name>', 'with --config: the schedd’s -local-name')
    .option('-o, --output <file>', 'write here (atomically) instead of stdout')
    .option('--rules <file>', 'rules file (jobq-rules/1): which attributes to rewrite, and how')
    .option('--print-rules', 'print the rules in effect (as a rules file) and exit')
    .option('--json', 'print a JSON summary (on stdout with -o, else on stderr)')
    .option('--no-progress', 'no progress bar (shown only on a terminal, for large logs)')
    .option('-v, --verbose', 'print a one-line summary on stderr')
    .action((log: string | undefined, opts: RewriteCliOptions, command: Command) =>
      guarded(async () => {
        if (opts.printRules) {
          emit(process.stdout, formatRules(loadRules(opts.rules)));
          return 0;
        }
        if (log === undefined) command.error('missing the log argument', { exitCode: 2 });
        if ((opts.map === undefined) === (opts.config === undefined))
          command.error('give either --map <file> or --config <condor_config>', { exitCode: 2 });
        const summaryStream = opts.output && opts.output !== '-' ? process.stdout : process.stderr;
        const bar = opts.progress === false ? undefined : progressFor(log!, name);
        try {
          const options = {
            map: opts.map !== undefined ? readMapFile(opts.map) : mapFromConfig(opts),
            rules: loadRules(opts.rules),
            output: opts.output,
            progress: bar ? (n: number) => bar.update(n) : undefined,
          };
          const summary = await (marshal ? marshalLog : demarshalLog)(log!, options);
          bar?.done();
          for (const w of summary.warnings)
            emit(process.stderr, formatIssue(summary.input, w) + '\n');
          if (opts.json) emit(summaryStream, json({ ok: true, ...summary }));
          else if (opts.verbose) emit(process.stderr, describeSummary(summary));
          return 0;
        } catch (e) {
          bar?.done();
          if (opts.json && e instanceof JobqInputError) {
            emit(summaryStream, json({ ok: false, file: e.file, issues: e.issues }));
            return 1;
          }
          throw e;
        }
      }),
    );
}

function describeCheck(r: CheckReport): string {
  let out = '';
  for (const i of [...r.errors, ...r.warnings].sort((a, b) => a.line - b.line))
    out += formatIssue(r.file, i) + '\n';
  const omitted =
    r.errorCount - r.errors.length + (r.warningCount - r.warnings.length) > 0
      ? ` (only the first ${r.errors.length + r.warnings.length} shown)`
      : '';
  const counts = Object.entries(r.records)
    .map(([op, n]) => `${op}:${n}`)
    .join(' ');
  const facts =
    `${r.lines} lines, ${r.eol ?? 'no'} line ends, records ${counts}, ${r.transactions} transaction(s)` +
    (r.ads !== undefined ? `, ${r.ads} ads at the end` : '') +
    (r.nextClusterNum !== undefined
      ? `, NextClusterNum ${r.nextClusterNum} (highest cluster ${r.maxCluster})`
      : '') +
    (r.stoppedAt ? `; replay stopped at line ${r.stoppedAt}, where the schedd stops reading` : '');
  if (r.ok)
    out += `${r.file}: ok: the schedd reads it whole${r.warningCount ? ` (${r.warningCount} warning(s))` : ''}: ${facts}\n`;
  else
    out += `${r.file}: ${r.errorCount} error(s), ${r.warningCount} warning(s)${omitted}: the schedd would not read this log whole: ${facts}\n`;
  return out;
}

interface CheckCliOptions {
  json?: boolean;
  replay?: boolean;
  values?: boolean;
  progress?: boolean;
}

interface ScanCliOptions {
  prefix?: string[];
  host?: string[];
  map?: string;
  loose?: boolean;
  json?: boolean;
  progress?: boolean;
}

function describeHit(file: string, h: ScanHit): string {
  const where = h.key ? ` in ${h.key}${h.attr ? ` ${h.attr}` : ''}` : '';
  const near = h.boundary ? '' : ' (not at a path boundary)';
  return `${file}:${h.line}:${h.column}: ${h.kind} ${JSON.stringify(h.found)}${where}${near}: ${JSON.stringify(h.context)}\n`;
}

/** Registers `jobq` with its subcommands marshal, demarshal, check and scan. */
export function registerJobq(program: Command): void {
  const jobq = program
    .command('jobq')
    .description('job_queue.log tools: marshal, demarshal, check, scan (also installed as jobqmd)');
  registerRewrite(jobq, 'marshal');
  registerRewrite(jobq, 'demarshal');

  jobq
    .command('check')
    .description(
      'report every record the schedd would reject or misread (exit 1), and what it would do',
    )
    .argument('<log>', 'the job_queue.log, or - for stdin')
    .option('--json', 'print the report as JSON')
    .option('--no-replay', 'do not replay the ad table (no missing-ad or NextClusterNum checks)')
    .option('--no-values', 'do not parse the 103 values')
    .option('--no-progress', 'no progress bar')
    .action((log: string, opts: CheckCliOptions) =>
      guarded(async () => {
        const bar = opts.progress === false ? undefined : progressFor(log, 'check');
        const report = await checkLog(log, {
          replay: opts.replay,
          values: opts.values,
          progress: bar ? (n) => bar.update(n) : undefined,
        });
        bar?.done();
        emit(process.stdout, opts.json ? json(report) : describeCheck(report));
        return report.ok ? 0 : 1;
      }),
    );

  jobq
    .command('scan')
    .description(
      'print every remaining occurrence of host path prefixes and host names; exit 1 if there is any',
    )
    .argument('<log>', 'the job_queue.log, or - for stdin')
    .option('--prefix <paths...>', 'host path prefixes to look for')
    .option('--host <names...>', 'host names to look for (letter case ignored)')
    .option('--map <file>', 'look for the paths of this map/1 file too')
    .option('--loose', 'also count occurrences that are not at a path boundary, in any letter case')
    .option('--json', 'print the occurrences as JSON')
    .option('--no-progress', 'no progress bar')
    .action((log: string, opts: ScanCliOptions, command: Command) =>
      guarded(async () => {
        const prefixes = [...(opts.prefix ?? [])];
        if (opts.map) prefixes.push(...readMapFile(opts.map).entries.map((e) => e.path));
        const hosts = opts.host ?? [];
        if (prefixes.length === 0 && hosts.length === 0)
          command.error('nothing to look for: give --prefix, --host or --map', { exitCode: 2 });
        const bar = opts.progress === false ? undefined : progressFor(log, 'scan');
        const name = log === '-' ? '<stdin>' : log;
        const report = await scanLog(log, {
          prefixes,
          hosts,
          loose: opts.loose,
          onHit: opts.json ? undefined : (h) => emit(process.stdout, describeHit(name, h)),
          progress: bar ? (n) => bar.update(n) : undefined,
        });
        bar?.done();
        if (opts.json) emit(process.stdout, json(report));
        else {
          let note = `${name}: ${report.count} occurrence(s)`;
          if (report.nearMisses > 0)
            note += `; ${report.nearMisses} more not at a path boundary (inside URLs, longer names or in another letter case: --loose lists them)`;
          emit(process.stderr, note + '\n');
        }
        return report.count > 0 ? 1 : 0;
      }),
    );
}
