import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertStopped, checkRunning } from '../../src/migrate/running.js';
import { readScheddHost } from '../../src/migrate/scheddHost.js';
import { tempDir } from './helpers.js';

/** A schedd whose configuration uses real paths under a temporary directory (no tree). */
function realHost() {
  const dir = tempDir('migrate-run-');
  for (const d of ['spool', 'log', 'lock']) mkdirSync(join(dir, d));
  const config = join(dir, 'condor_config');
  writeFileSync(
    config,
    `LOCAL_DIR = ${dir}\nSPOOL = $(LOCAL_DIR)/spool\nLOG = $(LOCAL_DIR)/log\nLOCK = $(LOCAL_DIR)/lock\n`,
  );
  return { dir, host: () => readScheddHost({ config, hostName: 'h.example.org', ip: '' }) };
}

describe('whether the schedd runs', () => {
  it('no address file and no pid file: stopped', () => {
    const { host } = realHost();
    expect(checkRunning(host())).toEqual({ running: false, evidence: [], stale: [] });
  });

  it('an address file: running, with the way out', () => {
    const { dir, host } = realHost();
    writeFileSync(join(dir, 'spool/.schedd_address'), '<127.0.0.1:9618>\n');
    const c = checkRunning(host());
    expect(c.running).toBe(true);
    expect(c.evidence[0]!.path).toBe(`${dir}/spool/.schedd_address`);
    expect(() => assertStopped(host(), 'archiving it')).toThrow(
      /appears to be running, so archiving it is refused[\s\S]*--force/,
    );
  });

  it('a pid file of a live process counts; of a dead one it is stale', () => {
    const { dir, host } = realHost();
    writeFileSync(join(dir, 'log/condor_master.pid'), `${process.pid}\n`);
    expect(checkRunning(host()).evidence.map((e) => e.reason)).toEqual([
      `pid file of the running process ${process.pid}`,
    ]);
    writeFileSync(join(dir, 'log/condor_master.pid'), '2147483000\n');
    const c = checkRunning(host());
    expect(c.running).toBe(false);
    expect(c.stale.map((e) => e.path)).toEqual([`${dir}/log/condor_master.pid`]);
    writeFileSync(join(dir, 'lock/other.pid'), `${process.pid}\n`);
    expect(checkRunning(host()).running).toBe(false);
  });

  it('in a tree (another host’s files) any pid file counts', () => {
    const root = tempDir('migrate-runtree-');
    mkdirSync(join(root, 'etc'));
    mkdirSync(join(root, 'var/log'), { recursive: true });
    writeFileSync(
      join(root, 'etc/condor_config'),
      'LOCAL_DIR = /var\nLOG = /var/log\nSPOOL = /var/spool\n',
    );
    writeFileSync(join(root, 'var/log/schedd.pid'), '1\n');
    const c = checkRunning(readScheddHost({ config: '/etc/condor_config', root }));
    expect(c.running).toBe(true);
    expect(c.evidence[0]!.reason).toContain('cannot be checked');
  });
});
