// Failed installs leave nothing behind and say what failed: a damaged
// archive (bad gzip data, a changed byte in a plain tar, a truncated
// archive), a target path that cannot be written, a SPOOL that is not
// empty; a failed restart undoes its install; --no-rollback keeps the
// partial install for `csi --cleanup`; a running schedd is not archived.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { entriesUnder, filesUnder, schedd, tempDir } from './helpers.js';
import { HOST_A, writeScheddHost } from './scheddTree.js';

const dir = tempDir('migrate-fail-');
const a = join(dir, 'host-a');
const gz = join(dir, 'ckpt.tar.gz');
const plain = join(dir, 'ckpt.tar');
let main: string;

beforeAll(() => {
  main = writeScheddHost(a, HOST_A, { jobs: 8, fileSize: 3000 });
  const args = ['--config', main, '--root', a, '--host-name', HOST_A.fqdn, '--ip', HOST_A.ip];
  expect(schedd(['csar', ...args, '-o', gz]).status).toBe(0);
  expect(schedd(['csar', ...args, '-o', plain, '--no-compress']).status).toBe(0);
});

/** A fresh empty tree for host B. */
function hostB(name: string): string {
  const b = join(dir, name);
  mkdirSync(b);
  return b;
}

function install(archive: string, b: string, extra: string[] = []) {
  return schedd([
    'csi',
    archive,
    '--root',
    b,
    '--prefix',
    '/srv/htcondor',
    '--release-dir',
    '/usr',
    ...extra,
  ]);
}

describe('csi on a damaged archive', () => {
  it('reports bad gzip data and leaves nothing behind', () => {
    const bad = join(dir, 'bad.tar.gz');
    const data = readFileSync(gz);
    const from = Math.floor(data.length * 0.6);
    for (let i = from; i < from + 400; i++) data[i] = data[i]! ^ 0x5a;
    writeFileSync(bad, data);
    const b = hostB('b-gzip');
    const r = install(bad, b);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/csi: .*bad\.tar\.gz: the archive is damaged/);
    expect(r.stderr).toContain('nothing was installed');
    expect(entriesUnder(b)).toEqual([]);
  });

  it('reports a changed byte of a plain tar by component and leaves nothing behind', () => {
    const bad = join(dir, 'bad.tar');
    const data = readFileSync(plain);
    const at = data.indexOf(Buffer.from('exec ./analyze --cluster'));
    expect(at).toBeGreaterThan(0);
    data[at + 1] = 'X'.charCodeAt(0);
    writeFileSync(bad, data);
    const b = hostB('b-plain');
    const r = install(bad, b);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('checksums do not match');
    expect(r.stderr).toMatch(/SPOOL: SHA-256 [0-9a-f]{64}, but the manifest says/);
    expect(entriesUnder(b)).toEqual([]);
  });

  it('reports a truncated archive and leaves nothing behind', () => {
    for (const [src, name] of [
      [plain, 'cut.tar'],
      [gz, 'cut.tar.gz'],
    ] as const) {
      const cut = join(dir, name);
      const data = readFileSync(src);
      writeFileSync(cut, data.subarray(0, Math.floor(data.length * 0.7)));
      const b = hostB(`b-${name}`);
      const r = install(cut, b);
      expect(r.status, name).toBe(1);
      expect(r.stderr, name).toMatch(/truncated|damaged/);
      expect(entriesUnder(b), name).toEqual([]);
    }
  });

  it('refuses a file that is not a checkpoint', () => {
    const other = join(dir, 'other.txt');
    writeFileSync(other, 'just some text\n'.repeat(100));
    const b = hostB('b-other');
    const r = install(other, b);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/damaged|not a schedd checkpoint/);
    expect(entriesUnder(b)).toEqual([]);
  });
});

describe('csi into a place it cannot write', () => {
  it('names the path and the component, and removes what it had created', () => {
    const b = hostB('b-blocked');
    mkdirSync(join(b, 'srv'));
    writeFileSync(join(b, 'srv/blocker'), 'a file where a directory should be\n');
    const to = join(dir, 'blocked.map');
    writeFileSync(to, '[paths]\nSPOOL = /srv/blocker/spool\n');
    const r = install(gz, b, ['--to', to]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      'cannot create /srv/blocker/spool (SPOOL): /srv/blocker is not a directory',
    );
    expect(r.stderr).toContain('nothing was installed');
    expect(entriesUnder(b)).toEqual(['srv', 'srv/blocker']);
  });

  it('refuses a SPOOL that is not empty before writing anything', () => {
    const b = hostB('b-busy');
    mkdirSync(join(b, 'srv/htcondor/spool'), { recursive: true });
    writeFileSync(join(b, 'srv/htcondor/spool/job_queue.log'), 'another schedd\n');
    const r = install(gz, b);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('SPOOL: /srv/htcondor/spool exists and is not empty');
    expect(entriesUnder(b)).toEqual([
      'srv',
      'srv/htcondor',
      'srv/htcondor/spool',
      'srv/htcondor/spool/job_queue.log',
    ]);
  });
});

describe('partial installs', () => {
  it('--no-rollback keeps the partial install, and csi --cleanup removes it all', () => {
    const bad = join(dir, 'bad2.tar');
    const data = readFileSync(plain);
    const at = data.indexOf(Buffer.from('exec ./analyze --cluster'));
    data[at + 2] = 'Y'.charCodeAt(0);
    writeFileSync(bad, data);
    const b = hostB('b-partial');
    const r = install(bad, b, ['--no-rollback']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('csi --cleanup');
    expect(filesUnder(b).length).toBeGreaterThan(5);
    const log = join(b, 'srv/htcondor/csi-install.log');
    const c = schedd(['csi', '--cleanup', log]);
    expect(c.stderr).toBe('');
    expect(c.status).toBe(0);
    expect(entriesUnder(b)).toEqual([]);
  });

  it('a restart that fails after installing undoes the install', () => {
    const b = hostB('b-restart');
    const spec = join(dir, 'strict.spec');
    writeFileSync(spec, 'NETWORK_INTERFACE required ip\n');
    const local = join(dir, 'ckpt-strict.tar.gz');
    copyFileSync(gz, local);
    // No address for this host (--root without --ip): the required knob has no value.
    const r = schedd([
      'restart',
      local,
      '--root',
      b,
      '--prefix',
      '/srv/htcondor',
      '--release-dir',
      '/usr',
      '--knobs',
      spec,
      '--host-name',
      'b.example.net',
    ]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('required knob NETWORK_INTERFACE');
    expect(r.stderr).toContain('the install was undone');
    expect(entriesUnder(b)).toEqual([]);
  });
});

describe('a running schedd', () => {
  it('is not checkpointed, and its host is left as it was', () => {
    const t = join(dir, 'host-running');
    const m = writeScheddHost(t, HOST_A, { jobs: 3, fileSize: 100 });
    writeFileSync(
      join(t, HOST_A.spool, '.schedd_address'),
      '<10.1.2.3:9618?addrs=10.1.2.3-9618>\n',
    );
    const before = filesUnder(t);
    const out = join(dir, 'running.tar.gz');
    const r = schedd(['checkpoint', '--config', m, '--root', t, '-o', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('the schedd appears to be running');
    expect(r.stderr).toContain(`${HOST_A.spool}/.schedd_address`);
    expect(r.stderr).toContain('--force');
    expect(filesUnder(t)).toEqual(before);
    expect(filesUnder(dir).includes('running.tar.gz')).toBe(false);
  });
});
