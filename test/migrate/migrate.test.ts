// schedd_migrate: --dry-run against the corpus machine ads picks the
// best-ranked matching machine (the reference implementation's ranks in
// corpus/match/expected_standard.tsv), says why the others were rejected,
// and writes a submit description our own config parser reads; a real
// migration to a named host checkpoints the schedd and writes the restart
// job next to the archive.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/parse.js';
import { filesUnder, root, schedd, tempDir } from './helpers.js';
import { HOST_A, SCHEDD_NAME, writeScheddHost } from './scheddTree.js';

const machines = join(root, 'corpus/match/machines.ads');
const standardJob = join(root, 'corpus/match/jobs/standard.ad');

/** The best-ranked matching machine by the reference implementation's results (ties: input order). */
function expectedBest(tsv: string): { name: string; rank: number } {
  const rows = readFileSync(join(root, 'corpus/match', tsv), 'utf8')
    .trim()
    .split('\n')
    .map((l, i) => {
      const [name, match, rank] = l.split('\t');
      return { name: name!, match: match === 'true', rank: Number(rank), i };
    })
    .filter((r) => r.match);
  rows.sort((x, y) => y.rank - x.rank || x.i - y.i);
  return rows[0]!;
}

/** The assignments of a submit description, checked with our condor_config parser. */
function parseSubmit(text: string): Map<string, string> {
  const parsed = parseConfig(text, 'migrate.submit');
  expect(parsed.errors).toEqual([]);
  expect(parsed.warnings).toEqual([]);
  const others = parsed.statements.filter((s) => s.kind !== 'assign');
  expect(others.map((s) => s.logical.text)).toEqual(['queue']);
  const values = new Map<string, string>();
  for (const s of parsed.statements)
    if (s.kind === 'assign') values.set(s.name.toLowerCase(), s.value);
  return values;
}

describe('schedd_migrate --dry-run', () => {
  const dir = tempDir('migrate-dry-');
  const a = join(dir, 'host-a');
  let main: string;
  beforeAll(() => {
    main = writeScheddHost(a, HOST_A, { jobs: 4, fileSize: 100 });
  });

  it('picks the best-ranked matching machine and explains the rejections', () => {
    const before = filesUnder(a);
    const submitFile = join(dir, 'standard.submit');
    const r = schedd([
      'migrate',
      '--dry-run',
      '--json',
      '--config',
      main,
      '--root',
      a,
      '--host-name',
      HOST_A.fqdn,
      '-o',
      join(dir, 'mobile.tar.gz'),
      '--machines',
      machines,
      '--job',
      standardJob,
      '--submit-file',
      submitFile,
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    const best = expectedBest('expected_standard.tsv');
    expect(report.choice.chosen.name).toBe(best.name);
    expect(report.choice.chosen.rank).toBe(best.rank);
    expect(report.target).toBe(best.name.slice(best.name.indexOf('@') + 1));
    const ranks = report.choice.candidates.map((c: { rank: number }) => c.rank);
    expect(ranks).toEqual([...ranks].sort((x: number, y: number) => y - x));
    expect(report.choice.machines).toBe(500);
    expect(report.choice.analysis.matches).toBe(106);
    expect(report.choice.rejected.length).toBe(10);
    for (const x of report.choice.rejected) expect(x.reasons.length).toBeGreaterThan(0);
    expect(report.choice.reasonCounts[0].reason).toMatch(/^the (job|machine) /);
    // Nothing checkpointed: host A as it was, no archive.
    expect(filesUnder(a)).toEqual(before);
    expect(existsSync(join(dir, 'mobile.tar.gz'))).toBe(false);
    // The submit description, read by our own config parser.
    const text = readFileSync(submitFile, 'latin1');
    expect(text).toBe(report.submitText);
    const v = parseSubmit(text);
    expect(v.get('requirements')).toBe(`(TARGET.Machine == "${report.target}")`);
    expect(v.get('transfer_input_files')).toBe(join(dir, 'mobile.tar.gz'));
    expect(v.get('executable')).toBe('/usr/local/bin/schedd_restart');
    expect(v.get('arguments')).toBe(
      '"mobile.tar.gz --prefix /var/lib/condor-mobile/mobile-physics --run"',
    );
    expect(v.get('my.scheddmigration')).toBe(`"${SCHEDD_NAME}"`);
    expect(v.get('universe')).toBe('vanilla');
  });

  it('chooses by --requirements and --rank, and prints the candidates and the rejections', () => {
    const r = schedd([
      'migrate',
      '--dry-run',
      '--machines',
      machines,
      '--requirements',
      'TARGET.OpSys == "LINUX" && TARGET.Memory >= 8192',
      '--rank',
      'TARGET.KFlops',
      '--show',
      '3',
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^the best candidates \(best rank first\) of 500 machines:\n/);
    expect(r.stdout).toContain('rejected (');
    expect(r.stdout).toContain('the job requires TARGET.Memory >= 8192');
    expect(r.stdout).toContain('submit description (not written: --submit-file writes it):');
    expect(r.stdout).toContain('dry run: nothing was checkpointed');
    const submit = r.stdout.slice(
      r.stdout.indexOf('# schedd_migrate'),
      r.stdout.indexOf('queue\n') + 6,
    );
    parseSubmit(submit);
    // The chosen machine has the largest KFlops among the candidates shown.
    const lines = r.stdout.split('\n');
    const first = lines[1]!.trim().split(/\s+/);
    const target = /^target: (\S+) \((\S+), rank (\S+)\)$/m.exec(r.stdout)!;
    expect(target[2]).toBe(first[1]);
    expect(Number(target[3])).toBeGreaterThanOrEqual(Number(lines[2]!.trim().split(/\s+/)[0]));
  });

  it('says so when no machine matches, and does nothing', () => {
    const r = schedd([
      'migrate',
      '--config',
      main,
      '--root',
      a,
      '-o',
      join(dir, 'none.tar.gz'),
      '--machines',
      machines,
      '--requirements',
      'TARGET.Memory > 1e12',
    ]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('no machine in');
    expect(r.stderr).toContain('nothing was done');
    expect(existsSync(join(dir, 'none.tar.gz'))).toBe(false);
  });

  it('needs a target or machine ads', () => {
    const r = schedd(['migrate', '--dry-run']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--target');
  });
});

describe('schedd_migrate to a named host', () => {
  it('checkpoints, removes the schedd, and writes the restart job next to the archive', () => {
    const dir = tempDir('migrate-named-');
    const a = join(dir, 'host-a');
    const main = writeScheddHost(a, HOST_A, { jobs: 5, fileSize: 500 });
    const archive = join(dir, 'mobile.tar.gz');
    const r = schedd([
      'migrate',
      '--config',
      main,
      '--root',
      a,
      '--host-name',
      HOST_A.fqdn,
      '--ip',
      HOST_A.ip,
      '-o',
      archive,
      '--target',
      'submit-b.cs.example.net',
      '--target-prefix',
      '/srv/htcondor',
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`submit description: ${archive}.submit`);
    expect(r.stdout).toContain(`submit the migration job: condor_submit ${archive}.submit`);
    expect(existsSync(archive)).toBe(true);
    expect(filesUnder(a)).toEqual([]);
    const v = parseSubmit(readFileSync(`${archive}.submit`, 'latin1'));
    expect(v.get('requirements')).toBe('(TARGET.Machine == "submit-b.cs.example.net")');
    expect(v.get('arguments')).toBe('"mobile.tar.gz --prefix /srv/htcondor --run"');
  });
});
