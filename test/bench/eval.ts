/**
 * Evaluation benchmark: a typical 8-clause job Requirements evaluated against
 * 100,000 machine ads (job on the left, machine on the right, as HTCondor
 * matches), single thread, HTCondor's default semantics. Baseline: a
 * hand-written JavaScript function computing the same predicate on plain
 * objects, in the same run. Prints evaluations per second and the ratio.
 * Run with `npm run bench` (BENCH_MACHINES=n to change the pool size).
 */
import { compile } from '../../src/eval/compile.js';
import { boolEquiv } from '../../src/eval/convert.js';
import '../../src/eval/functions/index.js';
import { MatchContext } from '../../src/eval/matchContext.js';
import { AdScope } from '../../src/eval/scope.js';
import { parseExpression } from '../../src/language/parser.js';
import { parseOldValue } from '../../src/language/oldAd.js';

const MACHINES = Number(process.env.BENCH_MACHINES ?? 100_000);

function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Machine {
  OpSys: string;
  Arch: string;
  Memory: number;
  Cpus: number;
  Disk: number;
  HasFileTransfer: boolean;
  KeyboardIdle: number;
  LoadAvg: number;
}

function machines(n: number): Machine[] {
  const r = rng(42);
  const out: Machine[] = [];
  for (let i = 0; i < n; i++) {
    out.push({
      OpSys: r() < 0.9 ? 'LINUX' : 'WINDOWS',
      Arch: r() < 0.85 ? 'X86_64' : 'aarch64',
      Memory: [2048, 4096, 8192, 16384, 65536][Math.floor(r() * 5)]!,
      Cpus: [1, 2, 4, 8, 16][Math.floor(r() * 5)]!,
      Disk: Math.floor(r() * 1e8),
      HasFileTransfer: r() < 0.95,
      KeyboardIdle: Math.floor(r() * 3600),
      LoadAvg: Math.round(r() * 200) / 100,
    });
  }
  return out;
}

/** A machine ad as the long-form reader builds it: every value parsed from old-syntax text. */
function machineAd(m: Machine): AdScope {
  const ad = new AdScope();
  const text: [string, string][] = [
    ['OpSys', `"${m.OpSys}"`],
    ['Arch', `"${m.Arch}"`],
    ['Memory', String(m.Memory)],
    ['Cpus', String(m.Cpus)],
    ['Disk', String(m.Disk)],
    ['HasFileTransfer', String(m.HasFileTransfer)],
    ['KeyboardIdle', String(m.KeyboardIdle)],
    ['LoadAvg', m.LoadAvg.toFixed(2)],
    ['Requirements', 'START'],
    ['START', 'true'],
  ];
  for (const [name, value] of text) ad.bind(name, parseOldValue(value)!);
  return ad;
}

const requirements =
  'TARGET.OpSys == "LINUX" && TARGET.Arch == "X86_64" && TARGET.Memory >= MY.RequestMemory && ' +
  'TARGET.Cpus >= MY.RequestCpus && TARGET.Disk >= MY.RequestDisk && TARGET.HasFileTransfer =?= true && ' +
  'TARGET.KeyboardIdle > 15 * 60 && TARGET.LoadAvg < 0.3';

function handWritten(
  job: { RequestMemory: number; RequestCpus: number; RequestDisk: number },
  m: Machine,
): boolean {
  return (
    m.OpSys.toLowerCase() === 'linux' &&
    m.Arch.toLowerCase() === 'x86_64' &&
    m.Memory >= job.RequestMemory &&
    m.Cpus >= job.RequestCpus &&
    m.Disk >= job.RequestDisk &&
    m.HasFileTransfer === true &&
    m.KeyboardIdle > 15 * 60 &&
    m.LoadAvg < 0.3
  );
}

function best(runs: number, f: () => number): { seconds: number; result: number } {
  let seconds = Infinity;
  let result = 0;
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    result = f();
    seconds = Math.min(seconds, Number(process.hrtime.bigint() - t) / 1e9);
  }
  return { seconds, result };
}

/** Runs the benchmark and prints its lines. */
export function runEvalBench(): void {
  const pool = machines(MACHINES);
  const ads = pool.map(machineAd);
  const jobValues = { RequestMemory: 4096, RequestCpus: 2, RequestDisk: 1000000 };
  const job = new AdScope();
  job.bind('RequestMemory', parseExpression('4096'));
  job.bind('RequestCpus', parseExpression('2'));
  job.bind('RequestDisk', parseExpression('1000000'));
  const reqExpr = parseExpression(requirements);
  job.bind('Requirements', reqExpr);
  const req = compile(reqExpr);

  const ours = best(5, () => {
    const match = new MatchContext(job, ads[0]!, { strict: false });
    let n = 0;
    for (const ad of ads) {
      match.setRight(ad);
      if (boolEquiv(match.evaluate(req)) === true) n++;
    }
    match.release();
    return n;
  });
  const baseline = best(5, () => {
    let n = 0;
    for (const m of pool) if (handWritten(jobValues, m)) n++;
    return n;
  });
  if (ours.result !== baseline.result)
    throw new Error(`mismatch: ${ours.result} vs ${baseline.result} matches`);
  const rate = MACHINES / ours.seconds;
  const baseRate = MACHINES / baseline.seconds;
  console.log(`eval: 8-clause Requirements vs ${MACHINES} machine ads, ${ours.result} match`);
  console.log(`  classad-ts:        ${(rate / 1e6).toFixed(2)} M evaluations/s`);
  console.log(`  hand-written JS:   ${(baseRate / 1e6).toFixed(2)} M evaluations/s`);
  console.log(`  ratio to hand-written JS: ${(rate / baseRate).toFixed(3)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) runEvalBench();
