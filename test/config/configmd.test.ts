// The configmd command line (src/cli/configmd.ts), run as a process on the built CLI.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMapFile } from '../../src/config/mapFile.js';
import { bytes, configmd, corpus, expectedTarget, host, HOSTS, makeTree } from './helpers.js';

const knobs = join(corpus, 'machine-knobs.spec');
const scratch = (): string => mkdtempSync(join(tmpdir(), 'configmd-cli-'));

/** Every file of a directory tree, path -> sha256. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

/** `configmd marshal` of a host tree (main file `main`) with its own map, into `out`. */
function marshalSource(tree: string, main: string, out: string) {
  return configmd([
    'marshal',
    '--config',
    main,
    '--root',
    tree,
    '--knobs',
    knobs,
    '--map',
    `${tree}.map`,
    '--out',
    out,
  ]);
}

describe.each(HOSTS)('configmd on %s', (name) => {
  const h = host(name);
  const main = join(h.tree, h.truth.condor_config);

  it('marshal, then demarshal with the source map, reproduces the tree byte for byte', () => {
    const before = snapshot(h.tree);
    const m = scratch();
    const d = scratch();
    const r1 = marshalSource(h.tree, main, m);
    expect(r1.status, r1.stderr).toBe(0);
    const r2 = configmd([
      'demarshal',
      '--config',
      join(m, h.truth.condor_config),
      '--root',
      m,
      '--knobs',
      knobs,
      '--map',
      `${h.tree}.map`,
      '--out',
      d,
    ]);
    expect(r2.status, r2.stderr).toBe(0);
    expect(snapshot(d)).toEqual(before);
    expect(snapshot(h.tree)).toEqual(before);
  });

  it('demarshal with the target map gives the ground truth (the marshalled tree found without --root)', () => {
    const m = scratch();
    const t = scratch();
    expect(marshalSource(h.tree, main, m).status).toBe(0);
    const r = configmd([
      'demarshal',
      '--config',
      join(m, h.truth.condor_config),
      '--knobs',
      knobs,
      '--map',
      `${h.tree}.target.map`,
      '--out',
      t,
      '--json',
    ]);
    expect(r.status, r.stderr).toBe(0);
    for (const f of h.truth.files)
      expect(bytes(join(t, f.file)), f.file).toBe(expectedTarget(h, f.file));
    const report = JSON.parse(r.stdout) as { files: unknown[]; knobs: { action: string }[] };
    expect(report.files).toHaveLength(h.truth.files.length);
  });

  it('a target map without a required knob: exit 1 naming it, nothing written', () => {
    const m = scratch();
    expect(marshalSource(h.tree, main, m).status).toBe(0);
    const map = bytes(`${h.tree}.target.map`).replace(/^SPOOL = .*\r?\n/m, '');
    const dir = makeTree({ 'no-spool.map': map });
    const out = join(scratch(), 'out');
    const r = configmd([
      'demarshal',
      '--config',
      join(m, h.truth.condor_config),
      '--root',
      m,
      '--knobs',
      knobs,
      '--map',
      join(dir, 'no-spool.map'),
      '--out',
      out,
    ]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /error: required knob SPOOL \(line \d+ of .*\) has no value in the map/,
    );
    expect(r.stderr).toContain('nothing written');
    expect(existsSync(out)).toBe(false);
  });

  it('get and map read the tree as the host does', () => {
    const source = parseMapFile(bytes(`${h.tree}.map`));
    const g = configmd([
      'get',
      '--config',
      main,
      '--root',
      h.tree,
      '--subsystem',
      'SCHEDD',
      'SPOOL',
      'LOCAL_DIR',
      'RELEASE_DIR',
    ]);
    expect(g.status, g.stderr).toBe(0);
    expect(g.stdout).toBe(source.paths.map((p) => p.value + '\n').join(''));
    const out = join(scratch(), 'derived.map');
    const m = configmd(['map', '--config', main, '--root', h.tree, '-o', out]);
    expect(m.status, m.stderr).toBe(0);
    expect(parseMapFile(bytes(out)).paths.map((p) => [p.name, p.value])).toEqual(
      source.paths.map((p) => [p.name, p.value]),
    );
  });

  it('lint finds no errors', () => {
    const r = configmd(['lint', '--config', main, '--root', h.tree]);
    expect(r.status, r.stderr).toBe(0);
  });
});

describe('configmd get (condor_config_val)', () => {
  const tree = makeTree({
    'etc/condor/condor_config': [
      'LOCAL_DIR = /var',
      'SPOOL = $(SPOOL)/x',
      'B = 1',
      'D = 2',
      'A = $(B) \\',
      '# $(C) \\',
      '$(D)',
      'EMPTY =',
      '',
    ].join('\n'),
    'etc/condor/broken': 'B = 1\nA = $(B) \\\n# $(C)\n$(D)\n',
  });
  const main = join(tree, 'etc/condor/condor_config');
  it('prints expanded values: the self-reference trap gives the default, not itself', () => {
    const r = configmd([
      'get',
      '--config',
      main,
      '--root',
      tree,
      'SPOOL',
      'A',
      'EMPTY',
      'JOB_QUEUE_LOG',
    ]);
    expect([r.status, r.stdout, r.stderr]).toEqual([
      0,
      '/var/spool/x\n1 2\n\n/var/spool/x/job_queue.log\n',
      '',
    ]);
  });
  it('--raw and --verbose say what was written and where', () => {
    const r = configmd(['get', '--config', main, '--root', tree, '--raw', '-v', 'SPOOL', 'LOG']);
    expect(r.stdout).toBe(
      'SPOOL = $(LOCAL_DIR)/spool/x\n # at: /etc/condor/condor_config, line 2\n # raw: SPOOL = $(LOCAL_DIR)/spool/x\n' +
        'LOG = $(LOCAL_DIR)/log\n # at: <Default>\n # raw: LOG = $(LOCAL_DIR)/log\n',
    );
  });
  it('a comment inside a continuation that does not end in \\ makes the next line an error', () => {
    const r = configmd(['get', '--config', join(tree, 'etc/condor/broken'), '--root', tree, 'A']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      `configmd: ${join(tree, 'etc/condor/broken')}:4:5: error: expected '=', ':', '+=' or '@=' after '$(D)'\n`,
    );
  });
  it('an undefined knob: Not defined, exit 1; --json gives the values and their sources', () => {
    const r = configmd(['get', '--config', main, '--root', tree, 'NOPE']);
    expect([r.status, r.stderr]).toEqual([1, 'configmd: Not defined: NOPE\n']);
    const j = configmd(['get', '--config', main, '--root', tree, '--json', 'B']);
    expect(JSON.parse(j.stdout)).toEqual([
      {
        name: 'B',
        value: '1',
        raw: '1',
        source: { kind: 'file', file: '/etc/condor/condor_config', line: 3, lastLine: 3 },
      },
    ]);
  });
  it('host facts come from the command line', () => {
    const t = makeTree({
      'c/condor_config': 'NAME = $(HOSTNAME) $(FULL_HOSTNAME) $(IP_ADDRESS)\n',
    });
    const r = configmd([
      'get',
      '--config',
      join(t, 'c/condor_config'),
      '--root',
      t,
      '--host-name',
      'a.b.org',
      '--ip',
      '10.1.2.3',
      'NAME',
    ]);
    expect(r.stdout).toBe('a a.b.org 10.1.2.3\n');
  });
  it('dump lists every definition, sorted', () => {
    const r = configmd(['dump', '--config', main, '--root', tree, '--expand']);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n').slice(1, 4)).toEqual(['A = 1 2', 'B = 1', 'D = 2']);
  });
});

describe('configmd lint', () => {
  it('reports ClassAd syntax errors with file:line:column and a code frame, exit 1', () => {
    const t = makeTree({
      'c/condor_config':
        'START = KeyboardIdle >\nSUBMIT_REQUIREMENT_R = true\nSUBMIT_REQUIREMENT_R_REASON = no root jobs\n',
    });
    const file = join(t, 'c/condor_config');
    const r = configmd(['lint', '--config', file, '--root', t]);
    expect(r.status).toBe(1);
    expect(r.stderr.split('\n').filter((l) => l.startsWith(file))).toEqual([
      `${file}:1:23: error 2002: START: expected an expression but found the end of the input`,
      `${file}:3:34: error 2003: SUBMIT_REQUIREMENT_R_REASON: unexpected 'root' after a complete expression (a string value must be quoted: "no root jobs")`,
    ]);
    expect(r.stderr).toContain('1 | START = KeyboardIdle >\n  |                       ^');
    expect(r.stderr.trimEnd().endsWith('2 errors, 0 warnings')).toBe(true);
    const j = configmd(['lint', '--config', file, '--root', t, '--json']);
    expect((JSON.parse(j.stdout) as unknown[]).length).toBe(2);
  });
});

describe('configmd usage and safety', () => {
  const h = host('ap1.hep.example.edu');
  const main = join(h.tree, h.truth.condor_config);
  it('exits 2 for bad usage', () => {
    expect(
      configmd(['marshal', '--config', main, '--knobs', knobs, '--out', scratch()]).status,
    ).toBe(2);
    expect(configmd(['get', 'SPOOL']).status).toBe(2);
    expect(configmd(['nonsense']).status).toBe(2);
    expect(
      configmd(['get', '--config', main, '--root', h.tree, '--platform', 'mac', 'SPOOL']).status,
    ).toBe(2);
  });
  it('never writes over its input', () => {
    const tree = makeTree({
      'etc/condor/condor_config': 'SPOOL = /scratch/condor/spool\nX = /var/x\n',
    });
    const before = snapshot(tree);
    const r = configmd([
      'marshal',
      '--config',
      join(tree, 'etc/condor/condor_config'),
      '--root',
      tree,
      '--knobs',
      knobs,
      '--map',
      `${h.tree}.map`,
      '--out',
      tree,
    ]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('would overwrite the input');
    expect(snapshot(tree)).toEqual(before);
  });
  it('exits 1 naming file, line and column for bad input, and writes nothing', () => {
    const tree = makeTree({ 'c/condor_config': 'A = 1\nif a == b\nendif\n' });
    const out = join(scratch(), 'out');
    const r = configmd([
      'marshal',
      '--config',
      join(tree, 'c/condor_config'),
      '--root',
      tree,
      '--knobs',
      knobs,
      '--map',
      `${h.tree}.map`,
      '--out',
      out,
    ]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      `${join(tree, 'c/condor_config')}:2:4: error: a == b is not a valid if condition`,
    );
    expect(existsSync(out)).toBe(false);
    const bad = makeTree({ 'k.spec': 'SPOOL sometimes\n' });
    const r2 = configmd([
      'marshal',
      '--config',
      main,
      '--root',
      h.tree,
      '--knobs',
      join(bad, 'k.spec'),
      '--map',
      `${h.tree}.map`,
      '--out',
      out,
    ]);
    expect(r2.status).toBe(1);
    expect(r2.stderr).toBe(
      `configmd: ${join(bad, 'k.spec')}:1:6: error: SPOOL: expected 'required' or 'optional', not 'sometimes'\n`,
    );
  });
  it('refuses to marshal a marshalled tree, and to demarshal an unmarshalled one', () => {
    const m = scratch();
    expect(marshalSource(h.tree, main, m).status).toBe(0);
    const again = configmd([
      'marshal',
      '--config',
      join(m, h.truth.condor_config),
      '--root',
      m,
      '--knobs',
      knobs,
      '--map',
      `${h.tree}.map`,
      '--out',
      scratch(),
    ]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('this line is a configmd mark: the file is marshalled already');
    const plain = configmd([
      'demarshal',
      '--config',
      main,
      '--root',
      h.tree,
      '--knobs',
      knobs,
      '--map',
      `${h.tree}.map`,
      '--out',
      scratch(),
    ]);
    expect(plain.status).toBe(1);
    expect(plain.stderr).toContain('not a marshalled main file');
  });
  it('marshal --json reports what it did, and warns about host names the spec does not cover', () => {
    const hpc = host('hpc-submit.cluster.example.ac.uk');
    const r = configmd([
      'marshal',
      '--config',
      join(hpc.tree, hpc.truth.condor_config),
      '--root',
      hpc.tree,
      '--knobs',
      knobs,
      '--map',
      `${hpc.tree}.map`,
      '--out',
      scratch(),
      '--json',
    ]);
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as {
      removed: unknown[];
      rewritten: unknown[];
      residues: { file: string; line: number }[];
    };
    expect([report.removed.length, report.rewritten.length]).toEqual([14, 8]);
    expect(report.residues.map((x) => `${x.file.split('/').slice(-1)[0]}:${x.line}`)).toEqual([
      'site-common.conf:10',
    ]);
    expect(r.stderr).toContain(
      'hpc-submit.cluster.example.ac.uk is host-specific and not covered by the knob spec: left as is',
    );
  });
});
