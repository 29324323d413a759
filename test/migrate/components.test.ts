import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverComponents } from '../../src/migrate/components.js';
import { MigrateError } from '../../src/migrate/errors.js';
import { readScheddHost } from '../../src/migrate/scheddHost.js';
import { tempDir } from './helpers.js';
import { HOST_A, writeScheddHost } from './scheddTree.js';

function hostA(extra?: (root: string) => void) {
  const root = tempDir('migrate-comp-');
  const config = writeScheddHost(root, HOST_A, { jobs: 6, fileSize: 100 });
  extra?.(root);
  return { root, host: readScheddHost({ config, root, hostName: HOST_A.fqdn, ip: HOST_A.ip }) };
}

describe('component discovery', () => {
  it('finds the schedd’s components and the directory macros', () => {
    const { host } = hostA();
    const d = discoverComponents(host);
    expect(d.scheddName).toBe('mobile-physics@physics.example.edu');
    expect(d.paths).toEqual([
      { name: 'SPOOL', value: '/scratch/condor/spool' },
      { name: 'LOG', value: '/opt/condor/local/log' },
      { name: 'LOCAL_DIR', value: '/opt/condor/local' },
      { name: 'CONFIG_ROOT', value: '/opt/condor/etc' },
      { name: 'RELEASE_DIR', value: '/opt/condor' },
    ]);
    expect(d.components.map((c) => [c.macro, c.kind, c.location ?? null])).toEqual([
      ['LOCAL_DIR', 'anchor', null],
      ['CONFIG_ROOT', 'anchor', null],
      ['SPOOL', 'directory', null],
      ['LOG', 'directory', '$(LOCAL_DIR)/log'],
      ['JOB_QUEUE_LOG', 'file', '$(SPOOL)/job_queue.log'],
      ['HISTORY', 'file', '$(SPOOL)/history'],
      ['CONFIG', 'config', null],
    ]);
    const history = d.components.find((c) => c.macro === 'HISTORY')!;
    expect(history.entries.map((e) => e.rel)).toEqual(['history', 'history.20260101T000000']);
    const log = d.components.find((c) => c.macro === 'LOG')!;
    expect(log.entries).toEqual([]);
    expect(d.configFiles.map((c) => c.hostPath)).toEqual([
      '/opt/condor/etc/condor_config',
      '/opt/condor/etc/site-common.conf',
      '/opt/condor/local/config.d/10-schedd.conf',
      '/opt/condor/local/config.d/20-security.conf',
      '/opt/condor/local/condor_config.local',
    ]);
    expect(d.warnings).toEqual([]);
  });

  it('leaves out of SPOOL what only a running schedd has, and says so', () => {
    const { host } = hostA((root) => {
      const s = join(root, HOST_A.spool);
      writeFileSync(join(s, '.schedd_address'), 'x');
      writeFileSync(join(s, '.schedd_classad'), 'x');
      writeFileSync(join(s, 'job_queue.log.1'), 'x');
      mkdirSync(join(s, 'local_univ_execute'));
      symlinkSync('/etc/passwd', join(s, 'link'));
    });
    const spool = discoverComponents(host).components.find((c) => c.macro === 'SPOOL')!;
    const rels = spool.entries.map((e) => e.rel);
    for (const gone of [
      '.schedd_address',
      '.schedd_classad',
      'job_queue.log',
      'job_queue.log.1',
      'history',
      'local_univ_execute',
      'link',
    ])
      expect(rels).not.toContain(gone);
    expect(rels).toContain('empty-dir');
    expect(rels).toContain('1/0/cluster1.proc0.subproc0/input.dat');
    const d = discoverComponents(host);
    expect(d.excluded.find((x) => x.path.endsWith('/link'))?.reason).toContain('symbolic link');
  });

  it('archives the log directory and the binaries only when asked', () => {
    const { host } = hostA((root) => {
      mkdirSync(join(root, '/opt/condor/sbin'), { recursive: true });
      writeFileSync(join(root, '/opt/condor/sbin/condor_schedd'), 'ELF');
    });
    const d = discoverComponents(host, { withLog: true, withBinaries: true });
    expect(d.components.find((c) => c.macro === 'LOG')!.entries.map((e) => e.rel)).toEqual([
      'SchedLog',
      'SchedLog.old',
      'ShadowLog',
    ]);
    expect(d.components.find((c) => c.macro === 'SCHEDD')?.name).toBe('condor_schedd');
    expect(d.warnings).toContain(
      'SHADOW /opt/condor/sbin/condor_shadow does not exist: not archived',
    );
  });

  it('warns when the schedd’s name is its host’s', () => {
    const root = tempDir('migrate-comp-');
    mkdirSync(join(root, 'etc'));
    mkdirSync(join(root, 'var/spool'), { recursive: true });
    writeFileSync(join(root, 'etc/condor_config'), 'LOCAL_DIR = /var\nSPOOL = /var/spool\n');
    const d = discoverComponents(
      readScheddHost({ config: '/etc/condor_config', root, hostName: 'h.example.org' }),
    );
    expect(d.scheddName).toBe('h.example.org');
    expect(d.warnings.join('\n')).toContain('set SCHEDD_NAME to a host-independent name');
  });

  it('needs a SPOOL directory', () => {
    const root = tempDir('migrate-comp-');
    mkdirSync(join(root, 'etc'));
    writeFileSync(join(root, 'etc/condor_config'), 'LOCAL_DIR = /var\nSPOOL = /nowhere\n');
    const host = readScheddHost({ config: '/etc/condor_config', root });
    expect(() => discoverComponents(host)).toThrow(MigrateError);
    expect(() => discoverComponents(host)).toThrow('SPOOL /nowhere is not a directory');
  });
});
