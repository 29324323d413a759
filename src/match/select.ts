/**
 * Target selection: the machines a job matches, best rank first. The
 * migration tools use it to choose where a schedd goes. Machines stream in;
 * with `best`, only the best N are kept (bounded memory for any pool size).
 */
import type { Expr } from '../language/ast.js';
import { AdScope } from '../eval/scope.js';
import type { Value } from '../eval/values.js';
import { Matcher, type MatchOptions } from './matcher.js';

/** A machine the job matches. */
export interface Candidate<M extends AdScope = AdScope> {
  /** 0-based position in the input. */
  index: number;
  machine: M;
  /** The job's Rank of it, as the negotiator reads it (non-numbers are 0). */
  rank: number;
  /** The Rank's value as evaluated. */
  rankValue: Value;
}

/** Options for selection. */
export interface SelectOptions extends MatchOptions {
  /** Keep only the best N candidates. */
  best?: number;
}

/** A job ad made of just a Requirements and an optional Rank expression. */
export function jobFromExpressions(requirements: Expr, rank?: Expr): AdScope {
  const job = new AdScope();
  job.bind('Requirements', requirements);
  if (rank) job.bind('Rank', rank);
  return job;
}

/** Orders candidates: higher rank first; ties by input order. */
export function compareCandidates(a: Candidate, b: Candidate): number {
  return b.rank - a.rank || a.index - b.index;
}

// A heap whose top (index 0) is the worst kept candidate.
function worse(a: Candidate, b: Candidate): boolean {
  return compareCandidates(a, b) > 0;
}
function heapPush<C extends Candidate>(heap: C[], c: C): void {
  heap.push(c);
  let i = heap.length - 1;
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (!worse(heap[i]!, heap[p]!)) break;
    [heap[i], heap[p]] = [heap[p]!, heap[i]!];
    i = p;
  }
}
function heapReplaceTop<C extends Candidate>(heap: C[], c: C): void {
  heap[0] = c;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let w = i;
    if (l < heap.length && worse(heap[l]!, heap[w]!)) w = l;
    if (r < heap.length && worse(heap[r]!, heap[w]!)) w = r;
    if (w === i) return;
    [heap[i], heap[w]] = [heap[w]!, heap[i]!];
    i = w;
  }
}

/** The machines the job matches, best first (at most `best` of them). */
export async function selectTargets<M extends AdScope>(
  job: AdScope,
  machines: AsyncIterable<M> | Iterable<M>,
  options: SelectOptions = {},
): Promise<Candidate<M>[]> {
  const matcher = new Matcher(job, options);
  const best = options.best ?? Infinity;
  const kept: Candidate<M>[] = [];
  let index = 0;
  try {
    for await (const machine of machines) {
      const r = matcher.match(machine);
      if (r.matches) {
        const c: Candidate<M> = { index, machine, rank: r.rankNumber, rankValue: r.rank };
        if (best === Infinity) kept.push(c);
        else if (kept.length < best) heapPush(kept, c);
        else if (best > 0 && compareCandidates(c, kept[0]!) < 0) heapReplaceTop(kept, c);
      }
      index++;
    }
  } finally {
    matcher.release();
  }
  return kept.sort(compareCandidates);
}
