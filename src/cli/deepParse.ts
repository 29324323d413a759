/**
 * Parses nesting deeper than the main thread's stack can hold (up to the
 * parser's 500 levels, as HTCondor allows) in a worker thread with a large
 * stack, synchronously: the caller waits on a shared flag and takes the
 * result from a message port. Installed by the CLI; the language core stays
 * free of Node modules.
 */
import {
  isMainThread,
  MessageChannel,
  receiveMessageOnPort,
  Worker,
  workerData,
  type MessagePort,
} from 'node:worker_threads';
import {
  runParse,
  setDeepParser,
  type EntryRule,
  type ParseOptions,
  type ParseResult,
} from '../language/parser.js';
import type { Expr } from '../language/ast.js';

interface DeepParseJob {
  kind: 'classad-deep-parse';
  port: MessagePort;
  done: Int32Array;
  source: string;
  options: ParseOptions;
  rule: EntryRule;
  recovery: boolean;
}

// Worker side: parse, post the result, raise the flag.
if (!isMainThread && (workerData as DeepParseJob | undefined)?.kind === 'classad-deep-parse') {
  const job = workerData as DeepParseJob;
  let result: ParseResult<Expr> | undefined;
  try {
    result = runParse(job.source, job.options, job.rule, job.recovery);
  } catch {
    result = undefined;
  }
  job.port.postMessage(result);
  Atomics.store(job.done, 0, 1);
  Atomics.notify(job.done, 0);
}

/** Installs the worker-thread deep parser (stack of `stackSizeMb`). */
export function installDeepParser(stackSizeMb = 256): void {
  setDeepParser((source, options, rule, recovery) => {
    const { port1, port2 } = new MessageChannel();
    const done = new Int32Array(new SharedArrayBuffer(4));
    const job: DeepParseJob = {
      kind: 'classad-deep-parse',
      port: port2,
      done,
      source,
      options,
      rule,
      recovery,
    };
    const worker = new Worker(new URL(import.meta.url), {
      workerData: job,
      transferList: [port2],
      resourceLimits: { stackSizeMb },
    });
    try {
      Atomics.wait(done, 0, 0, 60_000);
      const message = receiveMessageOnPort(port1);
      const result = message?.message as ParseResult<Expr> | undefined;
      // The deep parser must not recurse into itself: a result that still
      // reports "too deep for the parser" is passed on as it is.
      return result;
    } finally {
      port1.close();
      void worker.terminate();
    }
  });
}
