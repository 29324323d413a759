/**
 * Benchmark: marshal a generated job_queue.log of 100,000 jobs (several
 * hundred MB) and compare it with a plain stream copy of the same file in the
 * same run. Prints MB/s, the ratio to the copy and the peak RSS; then the
 * whole-CLI time of marshalling a 100-job log, when bin/jobqmd.js exists.
 *
 *   node dist-bench/test/bench/jobq.js [JOBS]
 */
import { spawnSync } from 'node:child_process';
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdtempSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseMapFile } from '../../src/jobq/mapFile.js';
import { marshalLog } from '../../src/jobq/marshal.js';
import { syntheticMap, writeSyntheticLog } from './jobqLog.js';

const root = join(import.meta.dirname, '../../..');

function mb(bytes: number): string {
  return (bytes / 1e6).toFixed(1);
}

function peakRssMb(): number {
  // maxRSS is in KiB
  return process.resourceUsage().maxRSS / 1024;
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return (performance.now() - t0) / 1000;
}

/** One measured run in a fresh process, so that its peak RSS is its own. */
interface ChildResult {
  secs: number;
  rssMb: number;
  rewritten?: number;
}

async function child(kind: string, log: string, out: string): Promise<void> {
  let result: ChildResult;
  if (kind === 'copy') {
    const secs = await timed(() =>
      pipeline(createReadStream(log, { highWaterMark: 1 << 20 }), createWriteStream(out)),
    );
    result = { secs, rssMb: peakRssMb() };
  } else {
    const map = parseMapFile(syntheticMap({ jobs: 0 }), 'bench.map');
    let rewritten = 0;
    const secs = await timed(async () => {
      rewritten = (await marshalLog(log, { map, output: out })).attributesRewritten;
    });
    result = { secs, rssMb: peakRssMb(), rewritten };
  }
  process.stdout.write(JSON.stringify(result) + '\n');
}

function runChild(kind: string, log: string, out: string): ChildResult {
  rmSync(out, { force: true }); // each run writes a new file (no old one to truncate or replace)
  const r = spawnSync(process.execPath, [process.argv[1]!, '--child', kind, log, out], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`${kind} run failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as ChildResult;
}

async function main(): Promise<void> {
  if (process.argv[2] === '--child') {
    await child(process.argv[3]!, process.argv[4]!, process.argv[5]!);
    return;
  }
  const jobs = Number(process.argv[2] ?? 100_000);
  const dir = mkdtempSync(join(tmpdir(), 'jobq-bench-'));
  try {
    const log = join(dir, 'job_queue.log');
    const bytes = writeSyntheticLog(log, { jobs, seed: 7 });
    console.log(`jobq marshal: ${jobs} jobs, ${mb(bytes)} MB log (generated in ${dir})`);
    // Three rounds, alternating; the first warms the page cache and is not counted.
    let copy: ChildResult | undefined;
    let marshal: ChildResult | undefined;
    for (let round = 0; round < 3; round++) {
      const c = runChild('copy', log, join(dir, 'copy.log'));
      const m = runChild('marshal', log, join(dir, 'marshalled.log'));
      if (round === 0) continue;
      if (!copy || c.secs < copy.secs) copy = c;
      if (!marshal || m.secs < marshal.secs) marshal = m;
    }
    const outBytes = statSync(join(dir, 'marshalled.log')).size;
    console.log(
      `  stream copy : ${(bytes / 1e6 / copy!.secs).toFixed(0).padStart(6)} MB/s, peak RSS ${copy!.rssMb.toFixed(0)} MB`,
    );
    console.log(
      `  marshal     : ${(bytes / 1e6 / marshal!.secs).toFixed(0).padStart(6)} MB/s, peak RSS ${marshal!.rssMb.toFixed(0)} MB` +
        ` (${marshal!.rewritten} values rewritten, ${mb(outBytes)} MB out, fsynced)`,
    );
    console.log(
      `  ratio       : marshal takes ${(marshal!.secs / copy!.secs).toFixed(2)}x the copy's time` +
        ` (${((copy!.secs / marshal!.secs) * 100).toFixed(0)}% of its throughput)`,
    );

    // The whole command line on a small log, Node's start included.
    const bin = join(root, 'bin/jobqmd.js');
    if (existsSync(bin)) {
      const small = join(dir, 'small.log');
      writeSyntheticLog(small, { jobs: 100, seed: 7 });
      const mapFile = join(dir, 'small.map');
      writeFileSync(mapFile, syntheticMap({ jobs: 100 }));
      const times: number[] = [];
      for (let i = 0; i < 7; i++) {
        const t0 = performance.now();
        const r = spawnSync(process.execPath, [
          bin,
          'marshal',
          small,
          '--map',
          mapFile,
          '-o',
          join(dir, 'small.m.log'),
        ]);
        times.push(performance.now() - t0);
        if (r.status !== 0) throw new Error(`jobqmd failed: ${r.stderr}`);
      }
      times.sort((a, b) => a - b);
      const bare: number[] = [];
      for (let i = 0; i < 7; i++) {
        const t0 = performance.now();
        spawnSync(process.execPath, ['-e', '0']);
        bare.push(performance.now() - t0);
      }
      bare.sort((a, b) => a - b);
      console.log(
        `  CLI, 100 jobs (${mb(statSync(small).size)} MB): median ${times[3]!.toFixed(0)} ms over 7 runs` +
          ` (Node start included; \`node -e 0\` alone: ${bare[3]!.toFixed(0)} ms)`,
      );
    } else {
      console.log('  CLI, 100 jobs: skipped (no bin/jobqmd.js)');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
