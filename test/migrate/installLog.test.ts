import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMapFile as parseConfigMap } from '../../src/config/mapFile.js';
import { parseMapFile as parseJobqMap } from '../../src/jobq/mapFile.js';
import { MigrateError } from '../../src/migrate/errors.js';
import { InstallLog, readInstallLog, undoInstall } from '../../src/migrate/installLog.js';
import { entriesUnder, tempDir } from './helpers.js';

describe('the install log', () => {
  it('is a map/1 map for jobqMD and configMD, and a journal', () => {
    const root = tempDir('migrate-log-');
    const file = join(root, 'csi-install.log');
    const log = InstallLog.create(file, {
      root,
      archive: '/data/a.tar.gz',
      schedd: 's@example.org',
    });
    log.action('mkdir', '/srv/htcondor');
    log.action('file', '/etc/condor-mobile/x.conf');
    log.line('verified');
    log.paths([
      { name: 'SPOOL', value: '/srv/htcondor/spool' },
      { name: 'LOCAL_DIR', value: '/srv/htcondor' },
    ]);
    log.line('complete');
    log.close();
    const text = readFileSync(file, 'latin1');
    expect(parseJobqMap(text, file).entries.map((e) => [e.name, e.path])).toEqual([
      ['SPOOL', '/srv/htcondor/spool'],
      ['LOCAL_DIR', '/srv/htcondor'],
    ]);
    expect(parseConfigMap(text, file).paths.map((e) => e.name)).toEqual(['SPOOL', 'LOCAL_DIR']);
    const data = readInstallLog(file);
    expect(data.root).toBe(root);
    expect(data.archive).toBe('/data/a.tar.gz');
    expect(data.schedd).toBe('s@example.org');
    expect(data.actions).toEqual([
      { kind: 'mkdir', path: '/srv/htcondor' },
      { kind: 'file', path: '/etc/condor-mobile/x.conf' },
    ]);
    expect(data.verified).toBe(true);
    expect(data.complete).toBe(true);
  });

  it('refuses to overwrite a log, and reads only logs', () => {
    const root = tempDir('migrate-log-');
    const file = join(root, 'csi-install.log');
    InstallLog.create(file, {}).close();
    expect(() => InstallLog.create(file, {})).toThrow(/exists: an install is there already/);
    writeFileSync(join(root, 'other'), '[paths]\nSPOOL = /x\n');
    expect(() => readInstallLog(join(root, 'other'))).toThrow(MigrateError);
  });

  it('undoes its journal in reverse and removes itself', () => {
    const root = tempDir('migrate-undo-');
    mkdirSync(join(root, 'etc/keep'), { recursive: true });
    writeFileSync(join(root, 'etc/keep/theirs.conf'), 'not ours\n');
    const file = join(root, 'csi-install.log');
    const log = InstallLog.create(file, { root });
    log.action('mkdir', '/srv');
    mkdirSync(join(root, 'srv/htcondor/spool'), { recursive: true });
    writeFileSync(join(root, 'srv/htcondor/spool/x'), 'x');
    log.action('file', '/etc/keep/ours.conf');
    writeFileSync(join(root, 'etc/keep/ours.conf'), 'ours\n');
    log.action('own', '/etc/empty');
    mkdirSync(join(root, 'etc/empty'));
    writeFileSync(join(root, 'etc/empty/y'), 'y');
    log.action('file', '/never/created');
    log.close();
    const report = undoInstall(readInstallLog(file));
    expect(report.missing).toEqual(['/never/created']);
    expect(report.removed).toEqual(['/etc/empty', '/etc/keep/ours.conf', '/srv']);
    expect(entriesUnder(root)).toEqual(['etc', 'etc/empty', 'etc/keep', 'etc/keep/theirs.conf']);
    expect(existsSync(file)).toBe(false);
  });
});
