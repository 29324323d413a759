/**
 * Matching across cores (`classad match --workers N`): the main thread cuts
 * old long-form input into batches of whole ads (at blank lines) and hands
 * them to worker threads, which read and match them; results come back in
 * input order. Node-only, so it lives with the CLI, not in src/match.
 */
import { cpus } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { printValue } from '../eval/convert.js';
import { adFromRecord } from '../eval/scope.js';
import { parseAdDocument } from '../language/document.js';
import { readAds } from '../match/adSource.js';
import { Matcher } from '../match/matcher.js';

/** One machine's result, as strings and numbers (cheap to pass between threads). */
export interface MatchRow {
  name: string;
  matches: boolean;
  rankText: string;
  rank: number;
  index: number;
}

interface Batch {
  seq: number;
  firstIndex: number;
  /** The input line number of the batch's first line. */
  firstLine: number;
  text: string;
}

interface BatchResult {
  seq: number;
  rows: MatchRow[];
  error?: string;
}

interface WorkerSetup {
  kind: 'classad-match-worker';
  jobText: string;
  strict: boolean;
}

/** Matches the ads of one batch of long-form text. */
async function matchBatch(matcher: Matcher, batch: Batch, strict: boolean): Promise<BatchResult> {
  const rows: MatchRow[] = [];
  let index = batch.firstIndex;
  for await (const { ad, errors } of readAds([batch.text], { strict, syntax: 'old' })) {
    if (errors.length > 0) {
      const e = errors[0]!;
      return {
        seq: batch.seq,
        rows,
        error: `${batch.firstLine + e.line - 1}:${e.column}: ${e.message}`,
      };
    }
    const r = matcher.match(ad);
    const nameEntry = ad.entry('Name');
    let name = `#${index}`;
    if (nameEntry) {
      const v = matcher.evaluate(
        { kind: 'AttributeRef', name: 'Name', start: -1, end: -1 },
        ad,
        true,
      );
      name = v.type === 'string' ? v.value : printValue(v);
    }
    rows.push({
      name,
      matches: r.matches,
      rankText: printValue(r.rank),
      rank: r.rankNumber,
      index,
    });
    index++;
  }
  return { seq: batch.seq, rows };
}

function jobFromText(text: string, strict: boolean) {
  const doc = parseAdDocument(text, { binary: true, strict });
  if (doc.errors.length > 0 || doc.ads.length !== 1) throw new Error('the job ad does not parse');
  return adFromRecord(doc.ads[0]!);
}

// Worker side: started by matchInParallel with this module's own URL.
if (!isMainThread && (workerData as WorkerSetup | undefined)?.kind === 'classad-match-worker') {
  const setup = workerData as WorkerSetup;
  const matcher = new Matcher(jobFromText(setup.jobText, setup.strict), { strict: setup.strict });
  parentPort!.on('message', (batch: Batch) => {
    void matchBatch(matcher, batch, setup.strict).then((r) => parentPort!.postMessage(r));
  });
}

/** Counts the ads (blank-line separated groups of non-comment lines) in a long-form text. */
function countAds(text: string): number {
  let n = 0;
  let inAd = false;
  let lineStart = 0;
  while (lineStart < text.length) {
    let end = text.indexOf('\n', lineStart);
    if (end < 0) end = text.length;
    const line = text.slice(lineStart, end).trim();
    if (line === '') inAd = false;
    else if (!line.startsWith('#') && !inAd) {
      inAd = true;
      n++;
    }
    lineStart = end + 1;
  }
  return n;
}

/** The default number of workers: the cores. */
export function defaultWorkers(): number {
  return Math.max(1, cpus().length);
}

/**
 * Matches a job (given as its ad text) against a long-form stream on
 * `workers` threads, calling `onRows` with each batch's rows in input order.
 */
export async function matchInParallel(
  jobText: string,
  source: AsyncIterable<Uint8Array>,
  options: { strict: boolean; workers: number; batchBytes?: number },
  onRows: (rows: MatchRow[]) => void,
): Promise<void> {
  const batchBytes = options.batchBytes ?? 1 << 20;
  const setup: WorkerSetup = { kind: 'classad-match-worker', jobText, strict: options.strict };
  const workers = Array.from(
    { length: options.workers },
    () => new Worker(new URL(import.meta.url), { workerData: setup }),
  );
  const pending = new Map<number, BatchResult>();
  const idle: Worker[] = [...workers];
  const waiting: ((w: Worker) => void)[] = [];
  let nextToEmit = 0;
  let failure: Error | undefined;
  let inFlight = 0;
  let allDone: (() => void) | undefined;

  const release = (w: Worker) => {
    const next = waiting.shift();
    if (next) next(w);
    else idle.push(w);
  };
  const acquire = () =>
    new Promise<Worker>((resolve) => {
      const w = idle.pop();
      if (w) resolve(w);
      else waiting.push(resolve);
    });
  for (const w of workers) {
    w.on('message', (r: BatchResult) => {
      inFlight--;
      if (r.error) failure ??= new Error(r.error);
      pending.set(r.seq, r);
      while (pending.has(nextToEmit)) {
        onRows(pending.get(nextToEmit)!.rows);
        pending.delete(nextToEmit);
        nextToEmit++;
      }
      release(w);
      if (inFlight === 0) allDone?.();
    });
    w.on('error', (e) => {
      failure ??= e;
      inFlight = 0;
      allDone?.();
    });
  }

  let seq = 0;
  let firstIndex = 0;
  let firstLine = 1;
  let carry = '';
  const send = async (text: string) => {
    const w = await acquire();
    if (failure) throw failure;
    inFlight++;
    w.postMessage({ seq: seq++, firstIndex, firstLine, text } satisfies Batch);
    firstIndex += countAds(text);
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) firstLine++;
  };
  try {
    for await (const chunk of source) {
      carry += Buffer.from(chunk).toString('latin1');
      if (carry.length < batchBytes) continue;
      // Cut after the last blank line: the batch holds whole ads only.
      const cut = carry.lastIndexOf('\n\n');
      if (cut < 0) continue;
      const text = carry.slice(0, cut + 2);
      carry = carry.slice(cut + 2);
      await send(text);
    }
    if (carry.trim() !== '') await send(carry);
    if (inFlight > 0) await new Promise<void>((resolve) => (allDone = resolve));
    if (failure) throw failure;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
