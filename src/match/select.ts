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

/** Anything ranked: a rank and an input position. */
export interface Ranked {
  rank: number;
  index: number;
}

/** Orders candidates: higher rank first; ties by input order. */
export function compareCandidates(a: Ranked, b: Ranked): number {
  return b.rank - a.rank || a.index - b.index;
}

/** Keeps the best N of a stream of ranked items in a heap (bounded memory). */
export class BestN<T extends Ranked> {
  private readonly heap: T[] = [];
  constructor(readonly n: number) {}

  /** Offers an item; it is kept if it is among the best N so far. */
  add(item: T): void {
    if (this.heap.length < this.n) heapPush(this.heap, item);
    else if (this.n > 0 && compareCandidates(item, this.heap[0]!) < 0)
      heapReplaceTop(this.heap, item);
  }

  /** The kept items, best first. */
  sorted(): T[] {
    return [...this.heap].sort(compareCandidates);
  }
}

// A heap whose top (index 0) is the worst kept candidate.
function worse(a: Ranked, b: Ranked): boolean {
  return compareCandidates(a, b) > 0;
}
function heapPush<C extends Ranked>(heap: C[], c: C): void {
  heap.push(c);
  let i = heap.length - 1;
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (!worse(heap[i]!, heap[p]!)) break;
    [heap[i], heap[p]] = [heap[p]!, heap[i]!];
    i = p;
  }
}
function heapReplaceTop<C extends Ranked>(heap: C[], c: C): void {
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
  const all: Candidate<M>[] = [];
  const best = options.best === undefined ? undefined : new BestN<Candidate<M>>(options.best);
  let index = 0;
  try {
    for await (const machine of machines) {
      const r = matcher.match(machine);
      if (r.matches) {
        const c: Candidate<M> = { index, machine, rank: r.rankNumber, rankValue: r.rank };
        if (best) best.add(c);
        else all.push(c);
      }
      index++;
    }
  } finally {
    matcher.release();
  }
  return best ? best.sorted() : all.sort(compareCandidates);
}
