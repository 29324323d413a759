/**
 * "Why doesn't my job match?" — HTCondor's `condor_q -better-analyze`
 * question, answered with numbers. The job's Requirements are split into
 * their top-level `&&` clauses; for each clause we count the machines it
 * alone accepts and the machines that survive it and every clause before
 * it; we count machines whose own Requirements reject the job (and which of
 * their clauses do); and where a clause compares a machine attribute with a
 * job value, we say how the job's value sits against the machines that pass
 * everything else.
 */
import type * as A from '../language/ast.js';
import { printExpr } from '../language/printer.js';
import { boolEquiv, printValue } from '../eval/convert.js';
import type { AdScope } from '../eval/scope.js';
import type { Value } from '../eval/values.js';
import { Matcher, type MatchOptions } from './matcher.js';

/** One top-level clause of the job's Requirements. */
export interface ClauseReport {
  /** The clause as written (canonical new syntax). */
  text: string;
  /** Machines this clause alone accepts. */
  alone: number;
  /** Machines that pass this clause and every clause before it. */
  survivors: number;
}

/** A clause of machine Requirements that rejected the job, with how many machines. */
export interface MachineClauseReport {
  text: string;
  machines: number;
}

/** The analysis of a job against a pool. */
export interface Analysis {
  machines: number;
  /** Machines where both sides' Requirements hold. */
  matches: number;
  /** Machines the job's Requirements accept. */
  jobAccepts: number;
  /** Machines whose own Requirements reject the job. */
  machineRejects: number;
  clauses: ClauseReport[];
  /** The index of the clause that alone rejects the most machines (-1 if none rejects any). */
  worstClause: number;
  /** The machine-side clauses that rejected the job, most frequent first. */
  machineClauses: MachineClauseReport[];
  /** Concrete suggestions drawn from the numbers. */
  hints: string[];
}

/** Splits an expression into its top-level `&&` operands, looking through parentheses. */
export function splitClauses(e: A.Expr): A.Expr[] {
  const out: A.Expr[] = [];
  const work: A.Expr[] = [e];
  while (work.length > 0) {
    const x = work.pop()!;
    if (x.kind === 'Binary' && x.op === '&&') work.push(x.right, x.left);
    else if (x.kind === 'Paren') {
      const inner = unparen(x);
      if (inner.kind === 'Binary' && inner.op === '&&') work.push(inner);
      else out.push(x);
    } else out.push(x);
  }
  return out;
}

function unparen(e: A.Expr): A.Expr {
  while (e.kind === 'Paren') e = e.inner;
  return e;
}

/** A machine attribute referenced as `TARGET.X` (or bare `X` that the job lacks). */
function machineAttribute(e: A.Expr, job: AdScope): string | undefined {
  const x = unparen(e);
  if (x.kind !== 'AttributeRef' || x.absolute) return undefined;
  if (x.scope) {
    const s = unparen(x.scope);
    if (s.kind === 'AttributeRef' && !s.scope && /^(target|other)$/i.test(s.name)) return x.name;
    return undefined;
  }
  return job.entry(x.name) ? undefined : x.name;
}

/** What a comparison clause saw among machines that pass every other clause. */
interface ClauseStats {
  min: number;
  max: number;
  /** How many numeric values min and max cover. */
  numbers: number;
  /** Printed values (up to 20 distinct) of machines that only this clause rejects, with counts. */
  blockedBy: Map<string, number>;
}

interface Comparison {
  attribute: string;
  op: '<' | '<=' | '>' | '>=' | '==' | '!=';
  jobSide: A.Expr;
}

const flipped = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '==': '==', '!=': '!=' } as const;

function comparisonOf(clause: A.Expr, job: AdScope): Comparison | undefined {
  const c = unparen(clause);
  if (c.kind !== 'Binary') return undefined;
  if (!['<', '<=', '>', '>=', '==', '!='].includes(c.op)) return undefined;
  const op = c.op as Comparison['op'];
  const left = machineAttribute(c.left, job);
  if (left && !machineAttribute(c.right, job)) return { attribute: left, op, jobSide: c.right };
  const right = machineAttribute(c.right, job);
  if (right && !left) return { attribute: right, op: flipped[op], jobSide: c.left };
  return undefined;
}

function numeric(v: Value): number | undefined {
  if (v.type === 'integer') return Number(v.value);
  if (v.type === 'real') return v.value;
  return undefined;
}

function describeJobSide(e: A.Expr): string {
  const x = unparen(e);
  if (x.kind === 'AttributeRef' && x.scope) return x.name;
  return printExpr(x);
}

/** Analyzes a job against machines fed one at a time (bounded memory for any pool). */
export class JobAnalyzer {
  private readonly requirements: A.Expr | undefined;
  private readonly clauses: A.Expr[];
  private readonly comparisons: (Comparison | undefined)[];
  private readonly matcher: Matcher;
  private readonly alone: number[];
  private readonly survivors: number[];
  /** Per comparison clause: the machine values among machines that pass every other clause. */
  private readonly stats: ClauseStats[];
  private readonly machineClauses = new Map<string, number>();
  private jobValues: (Value | undefined)[] | undefined;
  private total = 0;
  private matches = 0;
  private jobAccepts = 0;
  private machineRejects = 0;

  constructor(job: AdScope, options: MatchOptions = {}) {
    this.requirements = job.entry('Requirements')?.expr;
    this.clauses = this.requirements ? splitClauses(this.requirements) : [];
    this.comparisons = this.clauses.map((c) => comparisonOf(c, job));
    this.matcher = new Matcher(job, options);
    this.alone = new Array<number>(this.clauses.length).fill(0);
    this.survivors = new Array<number>(this.clauses.length).fill(0);
    this.stats = this.clauses.map(() => ({
      min: Infinity,
      max: -Infinity,
      numbers: 0,
      blockedBy: new Map(),
    }));
  }

  /** Adds one machine to the analysis. */
  add(machine: AdScope): void {
    const { matcher, clauses, comparisons } = this;
    this.total++;
    if (matcher.match(machine).matches) this.matches++;
    const passes = clauses.map((c) => boolEquiv(matcher.evaluate(c, machine)) === true);
    let prefix = true;
    let failures = 0;
    for (let i = 0; i < passes.length; i++) {
      if (passes[i]) this.alone[i]!++;
      else failures++;
      prefix = prefix && passes[i]!;
      if (prefix) this.survivors[i]!++;
    }
    if (failures === 0) this.jobAccepts++;
    for (let i = 0; i < passes.length; i++) {
      const cmp = comparisons[i];
      if (!cmp || !(failures === 0 || (failures === 1 && !passes[i]))) continue;
      if (!machine.entry(cmp.attribute)) continue;
      const v = matcher.evaluate(attrRef(cmp.attribute), machine, true);
      const st = this.stats[i]!;
      const n = numeric(v);
      if (n !== undefined) {
        st.min = Math.min(st.min, n);
        st.max = Math.max(st.max, n);
        st.numbers++;
      }
      // The values of the machines this clause alone keeps out (a few distinct ones).
      if (!passes[i]) {
        const text = printValue(v);
        if (st.blockedBy.has(text) || st.blockedBy.size < 20)
          st.blockedBy.set(text, (st.blockedBy.get(text) ?? 0) + 1);
      }
    }
    this.jobValues ??= comparisons.map((cmp) =>
      cmp ? matcher.evaluate(cmp.jobSide, machine) : undefined,
    );
    if (!matcher.machineAccepts(machine)) {
      this.machineRejects++;
      const own = machine.entry('Requirements')?.expr;
      const rejecting = own
        ? splitClauses(own)
            .filter((c) => boolEquiv(matcher.evaluate(c, machine, true)) !== true)
            .map((c) => printExpr(c))
        : ['(no Requirements)'];
      for (const text of rejecting)
        this.machineClauses.set(text, (this.machineClauses.get(text) ?? 0) + 1);
    }
  }

  /** The analysis of every machine added so far. */
  finish(): Analysis {
    this.matcher.release();
    const { clauses, alone, total, comparisons } = this;
    let worstClause = -1;
    for (let i = 0; i < clauses.length; i++) {
      if (alone[i]! < total && (worstClause < 0 || alone[i]! < alone[worstClause]!))
        worstClause = i;
    }
    const hints: string[] = [];
    if (!this.requirements) hints.push('The job has no Requirements, so it matches no machine.');
    for (let i = 0; i < clauses.length; i++) {
      const text = printExpr(clauses[i]!);
      if (alone[i] === 0 && total > 0) hints.push(`No machine passes \`${text}\`.`);
      const cmp = comparisons[i];
      const jobValue = this.jobValues?.[i];
      const st = this.stats[i]!;
      if (!cmp || !jobValue) continue;
      const jv = numeric(jobValue);
      const who = describeJobSide(cmp.jobSide);
      if (jv !== undefined && st.numbers > 0) {
        if ((cmp.op === '>=' && jv > st.max) || (cmp.op === '>' && jv >= st.max))
          hints.push(
            `${who} ${printValue(jobValue)} exceeds the largest ${cmp.attribute}, ${st.max}, among machines that pass every other clause.`,
          );
        else if ((cmp.op === '<=' && jv < st.min) || (cmp.op === '<' && jv <= st.min))
          hints.push(
            `${who} ${printValue(jobValue)} is below the smallest ${cmp.attribute}, ${st.min}, among machines that pass every other clause.`,
          );
      } else if (cmp.op === '==' && jobValue.type === 'string' && st.blockedBy.size > 0) {
        const blocked = [...st.blockedBy.entries()].sort((a, b) => b[1] - a[1]);
        const count = blocked.reduce((n, [, c]) => n + c, 0);
        const shown = blocked.slice(0, 5).map(([v]) => v);
        hints.push(
          `${count} machine${count === 1 ? ' passes' : 's pass'} every other clause but ha${count === 1 ? 's' : 've'} ${cmp.attribute} ${shown.join(', ')}${blocked.length > 5 ? ', ...' : ''}; the job wants ${printValue(jobValue)}.`,
        );
      }
    }
    if (this.machineRejects === total && total > 0)
      hints.push("Every machine's own Requirements reject this job.");
    return {
      machines: total,
      matches: this.matches,
      jobAccepts: this.jobAccepts,
      machineRejects: this.machineRejects,
      clauses: clauses.map((c, i) => ({
        text: printExpr(c),
        alone: alone[i]!,
        survivors: this.survivors[i]!,
      })),
      worstClause,
      machineClauses: [...this.machineClauses.entries()]
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .map(([text, machines]) => ({ text, machines })),
      hints,
    };
  }
}

/** Analyzes a job against machines. */
export function analyzeJob(
  job: AdScope,
  machines: Iterable<AdScope>,
  options: MatchOptions = {},
): Analysis {
  const analyzer = new JobAnalyzer(job, options);
  for (const m of machines) analyzer.add(m);
  return analyzer.finish();
}

const refs = new Map<string, A.Expr>();
function attrRef(name: string): A.Expr {
  let e = refs.get(name);
  if (!e) {
    e = { kind: 'AttributeRef', name, start: -1, end: -1 };
    refs.set(name, e);
  }
  return e;
}

/** Formats an analysis as text for people. */
export function formatAnalysis(a: Analysis): string {
  const lines: string[] = [];
  lines.push(`${a.machines} machines; ${a.matches} match the job (both sides' Requirements).`);
  lines.push(
    `The job's Requirements accept ${a.jobAccepts}; the machines' own Requirements reject the job on ${a.machineRejects}.`,
  );
  if (a.clauses.length > 0) {
    lines.push('');
    lines.push('  #  alone  survivors  clause');
    a.clauses.forEach((c, i) => {
      const mark = i === a.worstClause ? '*' : ' ';
      lines.push(
        `${mark}${String(i + 1).padStart(2)}  ${String(c.alone).padStart(5)}  ${String(c.survivors).padStart(9)}  ${c.text}`,
      );
    });
    if (a.worstClause >= 0)
      lines.push(
        `(* rejects the most machines on its own: ${a.machines - a.clauses[a.worstClause]!.alone})`,
      );
  }
  if (a.machineClauses.length > 0) {
    lines.push('');
    lines.push('Machine-side clauses that reject the job:');
    for (const c of a.machineClauses.slice(0, 10))
      lines.push(`  ${String(c.machines).padStart(5)}  ${c.text}`);
  }
  if (a.hints.length > 0) {
    lines.push('');
    for (const h of a.hints) lines.push(`hint: ${h}`);
  }
  return lines.join('\n') + '\n';
}
