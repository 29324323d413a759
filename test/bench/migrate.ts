/**
 * Benchmark: schedd_checkpoint and schedd_restart on the paper's grid — 1,
 * 10 and 100 jobs whose sandboxes hold 100 KB, 1 MB and 10 MB each — next
 * to Meehean & Livny's figures (2.4 GHz Pentium 4: under 180 s to
 * checkpoint and under 90 s to restart 100 jobs of 10 MB; jobqMD and
 * configMD together under 150 ms), with the time spent in jobqMD and
 * configMD. Each case generates a schedd host in a temporary directory,
 * measures, and deletes everything before the next one (the largest case
 * needs about 3 GB at once: host A's files, the archive, host B's files).
 *
 *   node dist-bench/test/bench/migrate.js
 *
 * BENCH_MIGRATE_SKIP_LARGE=1 skips the 100 x 10 MB case (it is skipped,
 * and the output says so, when the disk has too little room for it);
 * BENCH_MIGRATE_LEVEL=n sets the gzip level (default 6; 0 = --no-compress).
 */
import { mkdirSync, mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { checkpointSchedd } from '../../src/migrate/checkpoint.js';
import { restartSchedd } from '../../src/migrate/restart.js';
import { writeSyntheticLog } from './jobqLog.js';

const A = {
  spool: '/scratch/condor/spool',
  local: '/opt/condor/local',
  release: '/opt/condor',
  etc: '/opt/condor/etc',
};
const B = { local: '/srv/htcondor' };
const SIZES = [100_000, 1_000_000, 10_000_000];
const JOBS = [1, 10, 100];
const level = Number(process.env.BENCH_MIGRATE_LEVEL ?? 6);
const BLOCK = randomBytes(1 << 20);

function put(root: string, path: string, data: string | Buffer): void {
  const full = join(root, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, data);
}

/** Host A: a small configuration, a synthetic job queue, a history, and one sandbox per job. */
function makeHost(root: string, jobs: number, size: number): string {
  put(
    root,
    `${A.etc}/condor_config`,
    `RELEASE_DIR = ${A.release}\nLOCAL_DIR = ${A.local}\nLOCAL_CONFIG_FILE = $(LOCAL_DIR)/condor_config.local\n` +
      `SPOOL = ${A.spool}\nSCHEDD_NAME = bench@example.org\nUID_DOMAIN = example.org\n`,
  );
  put(
    root,
    `${A.local}/condor_config.local`,
    'NETWORK_INTERFACE = 10.1.2.3\nNETWORK_HOSTNAME = submit.example.org\n',
  );
  mkdirSync(join(root, A.spool), { recursive: true });
  writeSyntheticLog(join(root, A.spool, 'job_queue.log'), {
    jobs,
    spool: A.spool,
    localDir: A.local,
    releaseDir: A.release,
  });
  let history = '';
  for (let c = 1; c <= 50; c++)
    history += `ClusterId = ${c}\nIwd = "${A.spool}/${c}/0/cluster${c}.proc0.subproc0"\nCmd = "${A.release}/bin/x"\n*** ProcId = 0 ClusterId = ${c}\n`;
  put(root, `${A.spool}/history`, history);
  for (let c = 1; c <= jobs; c++) {
    const dir = `${A.spool}/${c % 10000}/0/cluster${c}.proc0.subproc0`;
    put(root, `${dir}/run.sh`, `#!/bin/sh\nexec ./analyze ${c}\n`);
    const full = join(root, dir, 'input.dat');
    const parts: Buffer[] = [];
    for (let left = size; left > 0; left -= BLOCK.length)
      parts.push(left >= BLOCK.length ? BLOCK : BLOCK.subarray(0, left));
    writeFileSync(full, Buffer.concat(parts));
  }
  return `${A.etc}/condor_config`;
}

const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const share = (part: number, total: number): string =>
  `${part.toFixed(0)} ms (${((100 * part) / total).toFixed(1)}%)`;
const human = (n: number): string => (n >= 1e6 ? `${n / 1e6} MB` : `${n / 1e3} KB`);

/** One case's line of the table, and where the checkpoint's and the restart's time went. */
async function runCase(jobs: number, size: number): Promise<{ line: string; detail: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-migrate-'));
  try {
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    mkdirSync(b);
    const config = makeHost(a, jobs, size);
    const archive = join(dir, level === 0 ? 'ckpt.tar' : 'ckpt.tar.gz');
    const cp = await checkpointSchedd({
      config,
      root: a,
      hostName: 'submit-a.example.org',
      ip: '10.1.2.3',
      output: archive,
      gzip: level !== 0,
      level: level === 0 ? undefined : level,
    });
    const ct = cp.archive.timings;
    const rs = await restartSchedd({
      archive,
      root: b,
      prefix: B.local,
      releaseDir: '/usr',
      hostName: 'submit-b.example.net',
      ip: '10.9.8.7',
    });
    const rt = rs.timings;
    if (rs.residual.hits.length > 0)
      throw new Error(`residue: ${JSON.stringify(rs.residual.hits.slice(0, 3))}`);
    const cpMd = ct.jobqMs + ct.configMs;
    const rsMd = rt.jobqMs + rt.configMs;
    const detail =
      `checkpoint ${s(cp.timings.totalMs)}: configMD ${ct.configMs.toFixed(0)} ms, jobqMD ${ct.jobqMs.toFixed(0)} ms, ` +
      `history ${ct.historyMs.toFixed(0)} ms, archive ${s(cp.timings.archiveMs)} (all of the above included), ` +
      `read back ${s(cp.timings.verifyMs)}, remove ${s(cp.timings.uninstallMs)}\n` +
      `restart ${s(rt.totalMs)}: install ${s(rt.installMs)}, jobqMD ${rt.jobqMs.toFixed(0)} ms, configMD ${rt.configMs.toFixed(0)} ms, ` +
      `history ${rt.historyMs.toFixed(0)} ms, residual scan ${rt.scanMs.toFixed(0)} ms`;
    const line =
      `${String(jobs).padStart(4)}  ${human(size).padStart(7)}  ${(cp.archive.archiveBytes! / 1e6).toFixed(1).padStart(8)} MB  ` +
      `${s(cp.timings.totalMs).padStart(8)}  ${share(cpMd, cp.timings.totalMs).padStart(15)}  ` +
      `${s(rt.totalMs).padStart(8)}  ${share(rsMd, rt.totalMs).padStart(15)}`;
    return { line, detail };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const free = (() => {
    try {
      const st = statfsSync(tmpdir());
      return st.bavail * st.bsize;
    } catch {
      return Infinity;
    }
  })();
  console.log(
    `schedd_checkpoint and schedd_restart (library calls; ${level === 0 ? 'plain tar' : `gzip level ${level}`}; ${tmpdir()})\n` +
      'paper (2.4 GHz P4, 100 jobs x 10 MB): checkpoint < 180 s, restart < 90 s; jobqMD + configMD < 150 ms\n' +
      'checkpoint = read config, marshal (jobqMD, configMD, history), archive, read back, remove from host A\n' +
      'restart = install (verify checksums), demarshal (jobqMD, configMD, history), residual scan\n',
  );
  console.log('jobs  sandbox     archive  checkpoint  jobqMD+configMD   restart  jobqMD+configMD');
  let last: { jobs: number; size: number; detail: string } | undefined;
  for (const size of SIZES)
    for (const jobs of JOBS) {
      const total = jobs * size;
      if (jobs === 100 && size === 10_000_000) {
        if (process.env.BENCH_MIGRATE_SKIP_LARGE) {
          console.log(' 100    10 MB  skipped (BENCH_MIGRATE_SKIP_LARGE is set)');
          continue;
        }
        if (free < total * 3.5) {
          console.log(
            ` 100    10 MB  skipped: ${(free / 1e9).toFixed(1)} GB free in ${tmpdir()}, about ${((total * 3.5) / 1e9).toFixed(1)} GB needed`,
          );
          continue;
        }
      }
      const r = await runCase(jobs, size);
      console.log(r.line);
      last = { jobs, size, detail: r.detail };
    }
  if (last) console.log(`\n${last.jobs} x ${human(last.size)}:\n${last.detail}`);
}

await main();
