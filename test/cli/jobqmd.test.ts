// DESIGN.md's jobqmd contract, through the real executable bin/jobqmd.js.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './run.js';

const run = (args: string[]) =>
  spawnSync(process.execPath, [join(root, 'bin/jobqmd.js'), ...args], {
    cwd: root,
    encoding: 'latin1',
  });
const corpus = join(root, 'corpus/jobq');

describe('bin/jobqmd.js', () => {
  it('marshals, demarshals back byte for byte, and scans clean after a move', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jobqmd-'));
    const log = join(corpus, 'j01-tiny-live.log');
    const m = join(dir, 'm.log');
    expect(run(['marshal', log, '--map', join(corpus, 'j01-tiny-live.map'), '-o', m]).status).toBe(
      0,
    );
    const back = run(['demarshal', m, '--map', join(corpus, 'j01-tiny-live.map')]);
    expect(back.status).toBe(0);
    expect(back.stdout).toBe(readFileSync(log, 'latin1'));
    const moved = join(dir, 't.log');
    expect(
      run(['demarshal', m, '--map', join(corpus, 'j01-tiny-live.target.map'), '-o', moved]).status,
    ).toBe(0);
    const source = readFileSync(join(corpus, 'j01-tiny-live.map'), 'latin1');
    const prefixes = [...source.matchAll(/^SPOOL = (.*)$/gm)].map((x) => x[1]!);
    expect(run(['scan', log, '--prefix', ...prefixes]).status).toBe(1);
    expect(run(['scan', moved, '--prefix', ...prefixes]).status).toBe(0);
  });
  it('check exits 0 for a good log and 1 naming the line of a bad one', () => {
    expect(run(['check', join(corpus, 'j01-tiny-live.log')]).status).toBe(0);
    const bad = run(['check', join(corpus, 'malformed/m01-105-without-space.log')]);
    expect(bad.status).toBe(1);
    expect(bad.stderr + bad.stdout).toMatch(/:94:/);
  });
  it('takes the map from a condor_config with --config (and --root)', () => {
    const tree = join(root, 'corpus/config/hosts/ap1.hep.example.edu');
    const r = run([
      'marshal',
      join(corpus, 'j02-small-compacted-rpm.log'),
      '--config',
      '/etc/condor/condor_config',
      '--root',
      tree,
    ]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('$(LOCAL_DIR)');
  });
  it('exits 2 without a map', () => {
    expect(run(['marshal', join(corpus, 'j01-tiny-live.log')]).status).toBe(2);
  });
});
