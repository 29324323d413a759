/** `classad match` and `classad analyze`: match a job against machine ads, and explain the result. */
import { type Command, InvalidArgumentError } from 'commander';
import { utf8Decode } from '../language/bytes.js';
import { printValue } from '../eval/convert.js';
import type { AdScope } from '../eval/scope.js';
import { openInput } from '../io/node.js';
import { readAds, type SourcedAd } from '../match/adSource.js';
import { formatAnalysis, JobAnalyzer } from '../match/analyze.js';
import { Matcher } from '../match/matcher.js';
import { BestN, compareCandidates } from '../match/select.js';
import { readAdFile } from './eval.js';
import { Progress } from './progress.js';
import { matchInParallel } from './parallelMatch.js';
import { readBytes, writeStdout } from './streams.js';

interface MatchCliOptions {
  workers?: number;
  strict?: boolean;
  tsv?: boolean;
  json?: boolean;
  best?: number;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive integer');
  return n;
}

/** One machine's line of output. */
interface Row {
  name: string;
  matches: boolean;
  rankText: string;
  rank: number;
  index: number;
}

/** The name a machine is known by in reports: its Name string, its printed value, or `#index`. */
export function machineName(matcher: Matcher, machine: AdScope, index: number): string {
  if (!machine.entry('Name')) return `#${index}`;
  const v = matcher.evaluate(
    { kind: 'AttributeRef', name: 'Name', start: -1, end: -1 },
    machine,
    true,
  );
  return v.type === 'string' ? v.value : printValue(v);
}

async function* machinesOf(
  path: string,
  strict: boolean | undefined,
  name: string,
): AsyncGenerator<SourcedAd> {
  for await (const item of readAds(openInput(path), { strict })) {
    if (item.errors.length > 0) {
      const e = item.errors[0]!;
      throw new Error(`${name}:${e.line}:${e.column}: ${e.message}`);
    }
    yield item;
  }
}

/** Registers `match` and `analyze`. */
export function registerMatch(program: Command): void {
  program
    .command('match')
    .description('match a job against machine ads (old long form, new syntax or JSON; - for stdin)')
    .argument('<job>', 'the job ad file')
    .argument('<machines>', 'machine ads, e.g. condor_status -long output, or -')
    .option('--strict', 'strict (pure library) semantics instead of HTCondor’s default')
    .option('--tsv', 'print Name<TAB>match<TAB>rank for every machine, in input order')
    .option('--json', 'print JSON: every machine (or the best N) with match and rank')
    .option('--best <n>', 'only the N best-ranked matching machines', positiveInt)
    .option(
      '--workers <n>',
      'match on N worker threads (old long form input; default: one thread)',
      positiveInt,
    )
    .action(async (jobPath: string, machinesPath: string, opts: MatchCliOptions) => {
      const job = readAdFile(jobPath, opts.strict);
      const matcher = new Matcher(job, { strict: opts.strict });
      const progress = new Progress('machines');
      // Only strings are kept (never the ads), and with --best only N of them.
      const best = opts.best === undefined ? undefined : new BestN<Row>(opts.best);
      const rows: Row[] = [];
      const streamTsv = opts.tsv && opts.best === undefined;
      let out = '';
      let index = 0;
      let matched = 0;
      const name = machinesPath === '-' ? '<stdin>' : machinesPath;
      const take = (row: Row) => {
        if (row.matches) matched++;
        if (streamTsv) {
          out += `${row.name}\t${row.matches}\t${row.rankText}\n`;
          if (out.length > 1 << 16) {
            writeStdout(out);
            out = '';
          }
        } else if (best) {
          if (row.matches) best.add(row);
        } else if (row.matches || opts.json) rows.push(row);
        index++;
        progress.tick(index);
      };
      try {
        if (opts.workers !== undefined && opts.workers > 1) {
          await matchInParallel(
            readBytes(jobPath),
            openInput(machinesPath),
            { strict: opts.strict === true, workers: opts.workers },
            (batch) => batch.forEach(take),
          ).catch((e: Error) => {
            throw new Error(`${name}:${e.message}`);
          });
        } else {
          for await (const { ad } of machinesOf(machinesPath, opts.strict, name)) {
            const r = matcher.match(ad);
            take({
              name: machineName(matcher, ad, index),
              matches: r.matches,
              rankText: printValue(r.rank),
              rank: r.rankNumber,
              index,
            });
          }
        }
      } finally {
        matcher.release();
        progress.done();
      }
      const shown = best ? best.sorted() : rows;
      if (opts.tsv) {
        for (const r of streamTsv ? [] : shown) out += `${r.name}\t${r.matches}\t${r.rankText}\n`;
      } else if (opts.json) {
        out += JSON.stringify(
          {
            machines: index,
            matches: matched,
            results: shown.map((r) => ({
              name: utf8Decode(r.name),
              match: r.matches,
              rank: utf8Decode(r.rankText),
            })),
          },
          null,
          2,
        );
        out += '\n';
      } else {
        const list = best ? shown : [...shown].sort(compareCandidates);
        out += `${matched} of ${index} machines match${best ? `; the best ${list.length} by rank` : ', best rank first'}:\n`;
        const width = Math.max(4, ...list.map((r) => r.rankText.length));
        out += `  ${'rank'.padStart(width)}  name\n`;
        for (const r of list) out += `  ${r.rankText.padStart(width)}  ${r.name}\n`;
      }
      writeStdout(out);
    });

  program
    .command('analyze')
    .description('explain which machines a job matches and why the others do not')
    .argument('<job>', 'the job ad file')
    .argument('<machines>', 'machine ads (old long form, new syntax or JSON), or -')
    .option('--strict', 'strict (pure library) semantics instead of HTCondor’s default')
    .option('--json', 'print the analysis as JSON')
    .action(
      async (jobPath: string, machinesPath: string, opts: { strict?: boolean; json?: boolean }) => {
        const job = readAdFile(jobPath, opts.strict);
        const analyzer = new JobAnalyzer(job, { strict: opts.strict });
        const name = machinesPath === '-' ? '<stdin>' : machinesPath;
        for await (const { ad } of machinesOf(machinesPath, opts.strict, name)) analyzer.add(ad);
        const analysis = analyzer.finish();
        writeStdout(
          opts.json ? JSON.stringify(analysis, null, 2) + '\n' : formatAnalysis(analysis),
        );
      },
    );
}
