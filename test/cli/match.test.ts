import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classad, root } from './run.js';

interface ManifestEntry {
  job: string;
  machines: string;
  expected: string;
  expected_strict: string;
}
const dir = join(root, 'corpus/match');
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as ManifestEntry[];

describe('classad match --tsv on corpus/match (the DESIGN.md contract)', () => {
  for (const m of manifest) {
    for (const strict of [false, true]) {
      it(`${m.job}${strict ? ' --strict' : ''}`, () => {
        const args = ['match', join(dir, m.job), join(dir, m.machines), '--tsv'];
        const r = classad(strict ? [...args, '--strict'] : args);
        expect(r.status).toBe(0);
        const want = readFileSync(join(dir, strict ? m.expected_strict : m.expected), 'latin1');
        expect(r.stdout).toBe(want);
      });
    }
  }
  it('reads machines from stdin', () => {
    const machines = readFileSync(join(dir, 'machines.ads'), 'latin1');
    const r = classad(['match', join(dir, 'jobs/standard.ad'), '-', '--tsv'], machines);
    expect(r.stdout).toBe(readFileSync(join(dir, 'expected_standard.tsv'), 'latin1'));
  });
});

describe('classad match output forms', () => {
  const job = join(dir, 'jobs/standard.ad');
  const machines = join(dir, 'machines.ads');
  it('prints the best N as a readable table', () => {
    const r = classad(['match', job, machines, '--best', '3']);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('106 of 500 machines match; the best 3 by rank:');
    expect(lines).toHaveLength(5);
  });
  it('prints JSON', () => {
    const r = classad(['match', job, machines, '--json', '--best', '2']);
    const data = JSON.parse(r.stdout) as {
      machines: number;
      matches: number;
      results: { match: boolean }[];
    };
    expect([data.machines, data.matches, data.results.length, data.results[0]!.match]).toEqual([
      500,
      106,
      2,
      true,
    ]);
  });
  it('names the file and line of a machine ad line that is not an attribute', () => {
    const r = classad(['match', job, '-', '--tsv'], 'Name = "a"\nMemory 1\n');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('<stdin>:2:');
  });
});

describe('classad analyze', () => {
  it('explains the standard job against the pool', () => {
    const r = classad([
      'analyze',
      join(dir, 'jobs/standard.ad'),
      join(dir, 'machines.ads'),
      '--json',
    ]);
    const a = JSON.parse(r.stdout) as { machines: number; matches: number; clauses: unknown[] };
    expect([a.machines, a.matches, a.clauses.length]).toEqual([500, 106, 6]);
  });
});

describe('classad match --workers', () => {
  it('gives the same rows, in input order, on two worker threads', () => {
    const job = join(dir, 'jobs/standard.ad');
    const machines = readFileSync(join(dir, 'machines.ads'), 'latin1');
    // Four copies, so there are several batches of 64 KiB.
    const input = Array(4)
      .fill(machines.endsWith('\n\n') ? machines : machines + '\n')
      .join('');
    const single = classad(['match', job, '-', '--tsv'], input);
    const parallel = classad(['match', job, '-', '--tsv', '--workers', '2'], input);
    expect(parallel.status).toBe(0);
    expect(parallel.stdout.split('\n')).toHaveLength(2001);
    expect(parallel.stdout).toBe(single.stdout);
  });
  it('names the input line of an error found in a worker', () => {
    const r = classad(
      ['match', join(dir, 'jobs/standard.ad'), '-', '--tsv', '--workers', '2'],
      'Name = "a"\nMemory 1\n',
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('<stdin>:2:1:');
  });
});
