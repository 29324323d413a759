/**
 * Choosing where a schedd goes: the user's requirements and rank (or a whole
 * job ad) matched against machine ads (a file in any ad syntax, e.g.
 * `condor_status -long` output) with the matchmaking library's target
 * selection (selectTargets: symmetric match, best rank first, ties by input
 * order). On request it also says why the other machines were rejected:
 * per machine, the job's Requirements clauses that do not hold and the
 * machine-side clauses that reject the job, and the whole pool's analysis
 * (JobAnalyzer, the `condor_q -better-analyze` question).
 */
import { ClassAd } from '../classad.js';
import { boolEquiv, printValue } from '../eval/convert.js';
import type { AdScope } from '../eval/scope.js';
import { openInput } from '../io/node.js';
import type { Expr } from '../language/ast.js';
import { printExpr } from '../language/printer.js';
import { readAds } from '../match/adSource.js';
import { JobAnalyzer, splitClauses, formatAnalysis, type Analysis } from '../match/analyze.js';
import { Matcher } from '../match/matcher.js';
import { selectTargets } from '../match/select.js';
import { MigrateError } from './errors.js';

/** What the migration job asks of a machine. */
export interface MigrationJobOptions {
  /** A job ad file's text (any ad syntax): its attributes, Requirements and Rank. */
  jobAd?: string;
  /** Requirements (ClassAd expression; replaces the job ad's). */
  requirements?: string;
  /** Rank (ClassAd expression; replaces the job ad's). */
  rank?: string;
  /** RequestDisk in KiB (for a job built here). */
  requestDisk?: number;
  /** RequestMemory in MiB (default 512). */
  requestMemory?: number;
  owner?: string;
}

/** How to choose. */
export interface TargetChoiceOptions extends MigrationJobOptions {
  /** The machine ads file (`-` for stdin). */
  machines: string;
  strict?: boolean;
  /** How many candidates to keep (default 10). */
  best?: number;
  /** Also say why machines were rejected (a second pass over the ads). */
  explain?: boolean;
  /** How many rejected machines to list (default 10). */
  rejectedShown?: number;
}

/** A machine the job matches. */
export interface TargetCandidate {
  /** The slot's Name. */
  name: string;
  /** The host (Machine, or the part of Name after `@`). */
  machine: string;
  rank: number;
  rankText: string;
  /** 0-based position in the input. */
  index: number;
}

/** A rejected machine and why. */
export interface Rejection {
  name: string;
  reasons: string[];
}

/** The outcome of a choice. */
export interface TargetChoice {
  candidates: TargetCandidate[];
  chosen?: TargetCandidate;
  /** With `explain`: the pool's size, the rejected machines (the first few), the reasons by count, the analysis. */
  machines?: number;
  rejected?: Rejection[];
  reasonCounts?: { reason: string; machines: number }[];
  analysis?: Analysis;
  analysisText?: string;
}

/** The ad of the migration job: a given job ad, or one made of the requirements, the rank and requests. */
export function migrationJob(options: MigrationJobOptions): ClassAd {
  let job: ClassAd;
  try {
    if (options.jobAd !== undefined) job = ClassAd.parse(options.jobAd, { binary: true });
    else {
      job = new ClassAd();
      job.set('MyType', 'Job');
      job.set('TargetType', 'Machine');
      job.set('JobUniverse', 5);
      job.set('Owner', options.owner ?? 'condor');
      job.set('RequestCpus', 1);
      job.set('RequestMemory', options.requestMemory ?? 512);
      job.set('RequestDisk', options.requestDisk ?? 1024 * 1024);
      job.set('Rank', 0);
    }
    if (options.requirements !== undefined) job.setExpression('Requirements', options.requirements);
    if (options.rank !== undefined) job.setExpression('Rank', options.rank);
  } catch (e) {
    throw new MigrateError(`the migration job: ${(e as Error).message}`);
  }
  if (!job.has('Requirements')) job.setExpression('Requirements', 'true');
  return job;
}

async function* machineAds(path: string, strict: boolean | undefined): AsyncGenerator<AdScope> {
  const name = path === '-' ? '<stdin>' : path;
  let stream;
  try {
    stream = openInput(path, { chunkSize: 1 << 20 });
  } catch (e) {
    throw new MigrateError(`cannot read ${name}: ${(e as Error).message}`);
  }
  try {
    for await (const item of readAds(stream, { strict })) {
      if (item.errors.length > 0) {
        const e = item.errors[0]!;
        throw new MigrateError(`${name}:${e.line}:${e.column}: ${e.message}`);
      }
      yield item.ad;
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code)
      throw new MigrateError(`cannot read ${name}: ${(e as NodeJS.ErrnoException).code}`);
    throw e;
  }
}

const nameRef: Expr = { kind: 'AttributeRef', name: 'Name', start: -1, end: -1 };
const machineRef: Expr = { kind: 'AttributeRef', name: 'Machine', start: -1, end: -1 };

function describe(
  matcher: Matcher,
  machine: AdScope,
  index: number,
): { name: string; machine: string } {
  const n = machine.entry('Name') ? matcher.evaluate(nameRef, machine, true) : undefined;
  const name = n?.type === 'string' ? n.value : `#${index}`;
  const m = machine.entry('Machine') ? matcher.evaluate(machineRef, machine, true) : undefined;
  const host =
    m?.type === 'string' ? m.value : name.includes('@') ? name.slice(name.indexOf('@') + 1) : name;
  return { name, machine: host };
}

/** Chooses a target (and explains the rejections when asked). */
export async function chooseTarget(options: TargetChoiceOptions): Promise<TargetChoice> {
  const job = migrationJob(options);
  const best = options.best ?? 10;
  const found = await selectTargets(job, machineAds(options.machines, options.strict), {
    strict: options.strict,
    best: Math.max(1, best),
  });
  const namer = new Matcher(job, { strict: options.strict });
  const candidates = found.map((c) => ({
    ...describe(namer, c.machine, c.index),
    rank: c.rank,
    rankText: printValue(c.rankValue),
    index: c.index,
  }));
  namer.release();
  const choice: TargetChoice = { candidates, chosen: candidates[0] };
  if (!options.explain) return choice;

  const matcher = new Matcher(job, { strict: options.strict });
  const analyzer = new JobAnalyzer(job, { strict: options.strict });
  const req = job.get('Requirements');
  const clauses = req ? splitClauses(req) : [];
  const rejected: Rejection[] = [];
  const counts = new Map<string, number>();
  let machines = 0;
  try {
    for await (const m of machineAds(options.machines, options.strict)) {
      const index = machines++;
      analyzer.add(m);
      if (matcher.match(m).matches) continue;
      const reasons: string[] = [];
      for (const c of clauses) {
        const v = matcher.evaluate(c, m);
        if (boolEquiv(v) !== true)
          reasons.push(`the job requires ${printExpr(c)} (${printValue(v)} here)`);
      }
      if (!matcher.machineAccepts(m)) {
        const own = m.entry('Requirements')?.expr;
        const bad = own
          ? splitClauses(own).filter((c) => boolEquiv(matcher.evaluate(c, m, true)) !== true)
          : [];
        if (!own) reasons.push('the machine has no Requirements');
        else if (bad.length === 0) reasons.push("the machine's Requirements reject the job");
        for (const c of bad) reasons.push(`the machine requires ${printExpr(c)}`);
      }
      for (const r of reasons)
        counts.set(
          r.replace(/ \([^()]*here\)$/, ''),
          (counts.get(r.replace(/ \([^()]*here\)$/, '')) ?? 0) + 1,
        );
      if (rejected.length < (options.rejectedShown ?? 10))
        rejected.push({ name: describe(matcher, m, index).name, reasons });
    }
  } finally {
    matcher.release();
  }
  const analysis = analyzer.finish();
  return {
    ...choice,
    machines,
    rejected,
    reasonCounts: [...counts.entries()]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([reason, n]) => ({ reason, machines: n })),
    analysis,
    analysisText: formatAnalysis(analysis),
  };
}
