// DESIGN.md's configmd contract with --config given as the host knows the file.
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const run = (args: string[]) =>
  spawnSync(process.execPath, [join(root, 'bin/configmd.js'), ...args], {
    cwd: root,
    encoding: 'latin1',
  });

function files(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p, base) : [p.slice(base.length + 1)];
  });
}

describe('bin/configmd.js with --config /etc/condor/condor_config --root TREE', () => {
  it('marshals and demarshals the ap1 tree back byte for byte', () => {
    const tree = join(root, 'corpus/config/hosts/ap1.hep.example.edu');
    const out = mkdtempSync(join(tmpdir(), 'configmd-'));
    const common = [
      '--config',
      '/etc/condor/condor_config',
      '--knobs',
      'corpus/config/machine-knobs.spec',
      '--map',
      `${tree}.map`,
    ];
    expect(run(['marshal', ...common, '--root', tree, '--out', join(out, 'm')]).status).toBe(0);
    expect(
      run(['demarshal', ...common, '--root', join(out, 'm'), '--out', join(out, 'd')]).status,
    ).toBe(0);
    const back = files(join(out, 'd')).sort();
    expect(back.length).toBeGreaterThan(5);
    for (const f of back)
      expect(readFileSync(join(out, 'd', f), 'latin1'), f).toBe(
        readFileSync(join(tree, f), 'latin1'),
      );
  });
});
