// csar, csi and csu on their own: an archive on stdout, verification,
// removal from a configuration (and what stays), usage errors.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesUnder, root, schedd, tempDir } from './helpers.js';
import { HOST_A, writeScheddHost } from './scheddTree.js';

function hostA(jobs = 4) {
  const dir = tempDir('migrate-tools-');
  const a = join(dir, 'host-a');
  const main = writeScheddHost(a, HOST_A, { jobs, fileSize: 200 });
  return {
    dir,
    a,
    args: ['--config', main, '--root', a, '--host-name', HOST_A.fqdn, '--ip', HOST_A.ip],
  };
}

describe('csar', () => {
  it('writes the archive to stdout, and csi --verify checks it', () => {
    const { dir, args } = hostA();
    const r = spawnSync(
      process.execPath,
      [join(root, 'test/migrate/schedd-cli.mjs'), 'csar', ...args, '-o', '-', '--no-progress'],
      { cwd: root },
    );
    expect(r.status).toBe(0);
    expect(r.stdout[0]).toBe(0x1f);
    expect(r.stderr.toString()).toContain('JOB_QUEUE_LOG');
    const file = join(dir, 'piped.tar.gz');
    writeFileSync(file, r.stdout);
    const v = schedd(['csi', '--verify', file]);
    expect(v.stderr).toBe('');
    expect(v.status).toBe(0);
    expect(v.stdout).toContain('every checksum matches the manifest');
    expect(v.stdout).toMatch(/SPOOL +\d+ files/);
  });

  it('csi --verify reports a damaged archive', () => {
    const { dir, args } = hostA();
    const file = join(dir, 'a.tar');
    expect(schedd(['csar', ...args, '--no-compress', '-o', file]).status).toBe(0);
    const data = readFileSync(file);
    const at = data.indexOf(Buffer.from('#!/bin/sh'));
    data[at + 3] = 0x41;
    writeFileSync(file, data);
    const v = schedd(['csi', '--verify', file]);
    expect(v.status).toBe(1);
    expect(v.stderr).toContain('the archive is damaged');
    expect(v.stderr).toContain('SPOOL:');
  });

  it('needs --keep for a checkpoint to stdout, and a config and an output', () => {
    const { args } = hostA();
    expect(schedd(['checkpoint', ...args, '-o', '-']).status).toBe(2);
    expect(schedd(['csar', '-o', 'x.tar.gz']).status).toBe(2);
    expect(schedd(['csi']).status).toBe(2);
    expect(schedd(['csu']).status).toBe(2);
  });

  it('refuses to write the archive inside SPOOL', () => {
    const { a, args } = hostA();
    const r = schedd(['csar', ...args, '-o', join(a, HOST_A.spool, 'x.tar.gz')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('would be inside SPOOL');
  });
});

describe('csu from a configuration', () => {
  it('lists, then removes, every file of the schedd', () => {
    const { a, args } = hostA();
    const before = filesUnder(a);
    const dry = schedd(['csu', ...args, '--dry-run']);
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain(`would remove`);
    expect(dry.stdout).toContain(HOST_A.spool);
    expect(dry.stdout).toContain(`${HOST_A.log}/SchedLog.old`);
    expect(filesUnder(a)).toEqual(before);
    const r = schedd(['csu', ...args]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(filesUnder(a)).toEqual([]);
    expect(existsSync(join(a, HOST_A.localDir))).toBe(false);
  });

  it('keeps the configuration files with --keep-config', () => {
    const { a, args } = hostA();
    const r = schedd(['csu', ...args, '--keep-config']);
    expect(r.status).toBe(0);
    expect(filesUnder(a).sort()).toEqual(
      [
        'opt/condor/etc/condor_config',
        'opt/condor/etc/site-common.conf',
        'opt/condor/local/condor_config.local',
        'opt/condor/local/config.d/10-schedd.conf',
        'opt/condor/local/config.d/20-security.conf',
      ].sort(),
    );
  });

  it('refuses while the schedd appears to run', () => {
    const { a, args } = hostA();
    writeFileSync(join(a, HOST_A.spool, '.schedd_address'), '<10.1.2.3:9618>');
    const r = schedd(['csu', ...args]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('removing it is refused');
    expect(filesUnder(a).length).toBeGreaterThan(10);
  });
});

describe('csi into the current directory', () => {
  it('puts LOCAL_DIR there and the rest under it, and csu --log takes it all away', () => {
    const { dir, args } = hostA(3);
    const archive = join(dir, 'a.tar.gz');
    expect(schedd(['csar', ...args, '-o', archive]).status).toBe(0);
    const here = join(dir, 'here');
    mkdirSync(here);
    const r = schedd(['csi', archive, '--release-dir', '/usr'], here);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`SPOOL          ${here}/spool`);
    expect(r.stdout).toContain(`JOB_QUEUE_LOG  ${here}/spool/job_queue.log`);
    expect(r.stdout).toContain(`install log: ${here}/csi-install.log`);
    expect(filesUnder(here)).toContain('config/condor_config');
    expect(filesUnder(here)).toContain('condor_config.local');
    const u = schedd(['csu', '--log', join(here, 'csi-install.log')]);
    expect(u.status).toBe(0);
    expect(filesUnder(here)).toEqual([]);
  });
});

describe('binaries in the archive', () => {
  it('are installed under LOCAL_DIR and used by the start command', () => {
    const { dir, a, args } = hostA(2);
    mkdirSync(join(a, HOST_A.releaseDir, 'sbin'), { recursive: true });
    writeFileSync(join(a, HOST_A.releaseDir, 'sbin/condor_schedd'), '#!/bin/sh\n', { mode: 0o755 });
    writeFileSync(join(a, HOST_A.releaseDir, 'sbin/condor_shadow'), '#!/bin/sh\n', { mode: 0o755 });
    const archive = join(dir, 'bin.tar.gz');
    expect(schedd(['csar', ...args, '--with-binaries', '-o', archive]).status).toBe(0);
    const b = join(dir, 'b');
    mkdirSync(b);
    const r = schedd([
      'restart',
      archive,
      '--root',
      b,
      '--prefix',
      '/srv/h',
      '--release-dir',
      '/usr',
      '--host-name',
      'b.example.net',
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(
      'CONDOR_CONFIG=/srv/h/config/condor_config _CONDOR_SCHEDD=/srv/h/condor_schedd _CONDOR_SHADOW=/srv/h/condor_shadow /usr/sbin/condor_master',
    );
    expect(statSync(join(b, 'srv/h/condor_schedd')).mode & 0o777).toBe(0o755);
  });
});
