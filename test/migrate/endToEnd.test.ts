// The mobile schedd end to end, through the paper's programs: host A's
// schedd (configuration, SPOOL with sandboxes, a corpus-shaped job queue,
// history) is checkpointed, then restarted as host B with other paths and
// another name; nothing of host A remains anywhere on B, the sandboxes are
// byte-identical, the job queue and history are the originals with only the
// path prefixes changed, and host A has no file of the schedd left.
import { mkdirSync, readFileSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkLog } from '../../src/jobq/check.js';
import { readScheddHost, knobValue } from '../../src/migrate/scheddHost.js';
import { filesUnder, schedd, tempDir, type Run } from './helpers.js';
import {
  HOST_A,
  HOST_B,
  SCHEDD_NAME,
  historyFiles,
  jobQueue,
  sandboxOf,
  jobsOf,
  writeScheddHost,
} from './scheddTree.js';

const JOBS = 14;

describe('checkpoint on host A, restart on host B', () => {
  const dir = tempDir('migrate-e2e-');
  const a = join(dir, 'host-a');
  const b = join(dir, 'host-b');
  const archive = join(dir, 'mobile.tar.gz');
  let sandboxesBefore: Map<string, Buffer>;
  let mainA: string;
  let checkpoint: Run;
  let restart: Run;

  beforeAll(() => {
    mainA = writeScheddHost(a, HOST_A, { jobs: JOBS, fileSize: 20000 });
    sandboxesBefore = new Map(
      filesUnder(join(a, HOST_A.spool))
        .filter((f) => !['job_queue.log', 'history', 'history.20260101T000000'].includes(f))
        .map((f) => [f, readFileSync(join(a, HOST_A.spool, f))]),
    );
    checkpoint = schedd([
      'checkpoint',
      '--config',
      mainA,
      '--root',
      a,
      '--host-name',
      HOST_A.fqdn,
      '--ip',
      HOST_A.ip,
      '-o',
      archive,
    ]);
    mkdirSync(b);
    writeFileSync(
      join(dir, 'install.map'),
      `[paths]\nCONFIG_ROOT = ${HOST_B.configRoot}\nRELEASE_DIR = ${HOST_B.releaseDir}\n`,
    );
    restart = schedd([
      'restart',
      archive,
      '--root',
      b,
      '--prefix',
      HOST_B.localDir,
      '--to',
      join(dir, 'install.map'),
      '--host-name',
      HOST_B.fqdn,
      '--ip',
      HOST_B.ip,
    ]);
  });

  it('the generated job queue is one the schedd reads whole', async () => {
    const report = await checkLog(writeTemp(jobQueue(HOST_A, JOBS)));
    expect(report.errors).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('checkpoints host A', () => {
    expect(checkpoint.stderr).toBe('');
    expect(checkpoint.status).toBe(0);
    expect(checkpoint.stdout).toContain('removed the schedd from this host');
    expect(existsSync(archive)).toBe(true);
  });

  it('leaves no file of the schedd on host A', () => {
    expect(filesUnder(a)).toEqual([]);
  });

  it('restarts on host B and finds no residue', () => {
    expect(restart.stderr).toBe('');
    expect(restart.status).toBe(0);
    expect(restart.stdout).toContain(`residual scan: no reference to ${HOST_A.fqdn}`);
    expect(restart.stdout).toContain(
      `CONDOR_CONFIG=${HOST_B.configRoot}/condor_config ${HOST_B.releaseDir}/sbin/condor_master`,
    );
  });

  it('leaves no reference to host A anywhere on host B', () => {
    const traces = [
      HOST_A.releaseDir,
      HOST_A.localDir,
      HOST_A.spool,
      HOST_A.log,
      HOST_A.configRoot,
      HOST_A.fqdn,
      HOST_A.fqdn.split('.')[0]!,
      HOST_A.ip,
    ];
    const found: string[] = [];
    const files = filesUnder(b);
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) {
      const text = readFileSync(join(b, f)).toString('latin1').toLowerCase();
      for (const t of traces) if (text.includes(t.toLowerCase())) found.push(`${f}: ${t}`);
    }
    expect(found).toEqual([]);
  });

  it('installs every sandbox file byte for byte', () => {
    const after = filesUnder(join(b, HOST_B.spool)).filter(
      (f) => !['job_queue.log', 'history', 'history.20260101T000000'].includes(f),
    );
    expect(after).toEqual([...sandboxesBefore.keys()]);
    for (const [f, data] of sandboxesBefore)
      expect(readFileSync(join(b, HOST_B.spool, f)).equals(data), f).toBe(true);
    expect(statSync(join(b, HOST_B.spool, 'empty-dir')).isDirectory()).toBe(true);
    const sb = sandboxOf(HOST_B, jobsOf(JOBS).find((j) => j.kind === 'spooled')!.cluster);
    expect(statSync(join(b, sb, 'data/empty.txt')).size).toBe(0);
  });

  it('gives back the job queue with only the path prefixes changed', () => {
    const installed = readFileSync(join(b, HOST_B.spool, 'job_queue.log')).toString('latin1');
    expect(installed).toBe(jobQueue(HOST_B, JOBS));
    expect(installed).not.toBe(jobQueue(HOST_A, JOBS));
    expect(installed).toContain('--tag $(literal)');
    expect(installed).toContain(`"${SCHEDD_NAME}#1.0#`);
  });

  it('gives back the history with only the path prefixes changed', () => {
    for (const [path, text] of Object.entries(historyFiles(HOST_B)))
      expect(readFileSync(join(b, path)).toString('latin1')).toBe(text);
  });

  it('leaves a configuration that places everything on host B', () => {
    const host = readScheddHost({
      config: `${HOST_B.configRoot}/condor_config`,
      root: b,
      hostName: HOST_B.fqdn,
      ip: HOST_B.ip,
    });
    expect(knobValue(host, 'SPOOL')).toBe(HOST_B.spool);
    expect(knobValue(host, 'LOCAL_DIR')).toBe(HOST_B.localDir);
    expect(knobValue(host, 'LOG')).toBe(HOST_B.log);
    expect(knobValue(host, 'JOB_QUEUE_LOG')).toBe(`${HOST_B.spool}/job_queue.log`);
    expect(knobValue(host, 'HISTORY')).toBe(`${HOST_B.spool}/history`);
    expect(knobValue(host, 'RELEASE_DIR')).toBe(HOST_B.releaseDir);
    expect(knobValue(host, 'SCHEDD_LOG')).toBe(`${HOST_B.log}/SchedLog`);
    expect(knobValue(host, 'NETWORK_INTERFACE')).toBe(HOST_B.ip);
    expect(knobValue(host, 'NETWORK_HOSTNAME')).toBe(HOST_B.fqdn);
    expect(knobValue(host, 'SCHEDD_NAME')).toBe(SCHEDD_NAME);
    expect(knobValue(host, 'SUBMIT_REQUIREMENT_NotInSpool')).toBe(
      `Iwd =!= "${HOST_B.spool}/forbidden"`,
    );
    expect(host.config.files.size).toBe(5);
  });

  it('keeps an install log that is the demarshalling map and undoes the install', () => {
    const log = join(b, HOST_B.localDir, 'csi-install.log');
    const text = readFileSync(log, 'utf8');
    expect(text).toContain(`SPOOL = ${HOST_B.spool}\n`);
    expect(text).toContain('#csi: complete');
    const csu = schedd(['csu', '--log', log]);
    expect(csu.stderr).toBe('');
    expect(csu.status).toBe(0);
    expect(filesUnder(b)).toEqual([]);
  });
});

function writeTemp(text: string): string {
  const p = join(tempDir('migrate-jq-'), 'job_queue.log');
  writeFileSync(p, Buffer.from(text, 'latin1'));
  return p;
}
