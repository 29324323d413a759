// The jobqmd command line, run as a real process (test/jobq/cli.mjs over dist/,
// which `npm test` builds first).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseRulesFile } from '../../src/jobq/rulesFile.js';
import { tempNamePattern } from '../../src/jobq/recordWriter.js';
import { syntheticMap, writeSyntheticLog } from '../bench/jobqLog.js';
import {
  corpus,
  corpusBytes,
  corpusMap,
  jobqmd,
  malformedDir,
  marshalBytes,
  removeTempDirs,
  startJobqmd,
  tempDir,
} from './helpers.js';

const j01 = join(corpus, 'j01-tiny-live.log');
const j01map = join(corpus, 'j01-tiny-live.map');
const j01target = join(corpus, 'j01-tiny-live.target.map');
const tmp = () => tempDir('jobqmd-');
const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

afterAll(removeTempDirs);

describe('jobqmd marshal and demarshal', () => {
  it('writes the marshalled log to stdout, or atomically to -o', async () => {
    const expected = (
      await marshalBytes(corpusBytes('j01-tiny-live.log'), corpusMap('j01-tiny-live.map'))
    ).output;
    const r = jobqmd(['marshal', j01, '--map', j01map]);
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(Buffer.from(r.stdout, 'latin1').equals(expected)).toBe(true);
    const dir = tmp();
    const out = join(dir, 'job_queue.log');
    const w = jobqmd(['marshal', j01, '--map', j01map, '-o', out]);
    expect([w.status, w.stdout, w.stderr]).toEqual([0, '', '']);
    expect(readFileSync(out).equals(expected)).toBe(true);
    expect(readdirSync(dir)).toEqual(['job_queue.log']);
  });

  it('reads stdin for -, and round-trips byte for byte', () => {
    const dir = tmp();
    const m = jobqmd(['marshal', '-', '--map', j01map], corpusBytes('j01-tiny-live.log'));
    expect(m.status).toBe(0);
    writeFileSync(join(dir, 'm.log'), Buffer.from(m.stdout, 'latin1'));
    const back = jobqmd([
      'demarshal',
      join(dir, 'm.log'),
      '--map',
      j01map,
      '-o',
      join(dir, 'back.log'),
    ]);
    expect(back.status).toBe(0);
    expect(readFileSync(join(dir, 'back.log')).equals(corpusBytes('j01-tiny-live.log'))).toBe(true);
    const moved = jobqmd(['demarshal', '-', '--map', j01target], Buffer.from(m.stdout, 'latin1'));
    expect(moved.status).toBe(0);
    expect(moved.stdout).toContain('103 2.0 Iwd "/srv/htcondor/spool/2/0/cluster2.proc0.subproc0"');
  });

  it('prints a JSON summary', () => {
    const dir = tmp();
    const r = jobqmd(['marshal', j01, '--map', j01map, '-o', join(dir, 'o.log'), '--json']);
    const s = JSON.parse(r.stdout);
    expect(s).toMatchObject({
      ok: true,
      command: 'marshal',
      lines: 536,
      bytesIn: 18977,
      attributesRewritten: 18,
      macros: { SPOOL: 10, LOCAL_DIR: 4, RELEASE_DIR: 7 },
      dollars: 5,
    });
    expect(typeof s.timeMs).toBe('number');
    const v = jobqmd(['marshal', j01, '--map', j01map, '-o', join(dir, 'o.log'), '-v']);
    expect(v.stderr).toMatch(/^marshalled .* 536 lines, 18 attribute value\(s\) rewritten/);
  });

  it('refuses a malformed log: exit 1, the line named, no output', () => {
    const dir = tmp();
    const out = join(dir, 'o.log');
    const r = jobqmd([
      'marshal',
      join(malformedDir, 'm04-bad-op-code.log'),
      '--map',
      j01map,
      '-o',
      out,
    ]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/m04-bad-op-code\.log:55:1: error: bad op code "108"/);
    expect(readdirSync(dir)).toEqual([]);
    const s = jobqmd(['marshal', join(malformedDir, 'm07-no-final-lf.log'), '--map', j01map]);
    expect([s.status, s.stdout]).toEqual([1, '']);
    const j = jobqmd([
      'marshal',
      join(malformedDir, 'm07-no-final-lf.log'),
      '--map',
      j01map,
      '--json',
    ]);
    expect(JSON.parse(j.stderr)).toMatchObject({
      ok: false,
      issues: [{ line: 657, code: 'no-final-lf' }],
    });
  });

  it('accepts a log with a warning, and says so on stderr', () => {
    const r = jobqmd([
      'marshal',
      join(malformedDir, 'm06-truncated-final-transaction.log'),
      '--map',
      j01map,
    ]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/:648: warning: the final transaction \(105 at line 648\) has no 106/);
  });

  it('names an unknown macro and its line on demarshal', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'm.log'), '103 1.0 Iwd "$(SCRATCH)/x"\n');
    const r = jobqmd([
      'demarshal',
      join(dir, 'm.log'),
      '--map',
      j01target,
      '-o',
      join(dir, 'o.log'),
    ]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/m\.log:1:14: error: no mapping for the macro \$\(SCRATCH\)/);
    expect(existsSync(join(dir, 'o.log'))).toBe(false);
  });

  it('prints the rules in effect', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'site.rules'), '[ Path = { "MyDir" } ]\n');
    const r = jobqmd(['marshal', '--print-rules', '--rules', join(dir, 'site.rules')]);
    expect(r.status).toBe(0);
    expect(parseRulesFile(r.stdout).shapeOf('MyDir')).toBe('path');
  });

  it('exits 2 on bad usage', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'in.log'), '105 \n106 \n');
    for (const args of [
      ['marshal', j01],
      ['marshal', '--map', j01map],
      ['demarshal', j01, '--map'],
      ['marshal', j01, '--map', j01map, '--bogus'],
      ['scan', j01],
      ['frobnicate'],
      ['marshal', join(dir, 'in.log'), '--map', j01map, '-o', join(dir, 'in.log')],
      ['marshal', join(dir, 'in.log'), '--map', j01map, '-o', dir],
      ['marshal', join(dir, 'in.log'), '--map', j01map, '-o', join(dir, 'no/such/dir/out.log')],
    ]) {
      expect([args.join(' '), jobqmd(args).status]).toEqual([args.join(' '), 2]);
    }
    expect(readFileSync(join(dir, 'in.log'), 'latin1')).toBe('105 \n106 \n');
  });

  it('exits 1 when a file cannot be read', () => {
    expect(jobqmd(['marshal', join(corpus, 'missing.log'), '--map', j01map]).status).toBe(1);
    const r = jobqmd(['marshal', j01, '--map', join(corpus, 'missing.map')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('missing.map');
  });
});

describe('jobqmd check', () => {
  it('exits 0 for a log the schedd reads whole', () => {
    const r = jobqmd(['check', j01]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/j01-tiny-live\.log: ok: the schedd reads it whole: 536 lines/);
  });

  it('exits 1 and names each bad line', () => {
    const r = jobqmd(['check', join(malformedDir, 'm03-103-without-value.log')]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/m03-103-without-value\.log:43:14: error: op 103 without a value/);
    const j = jobqmd(
      ['check', '--json', '-'],
      readFileSync(join(malformedDir, 'm05-nul-byte.log')),
    );
    expect(j.status).toBe(1);
    expect(JSON.parse(j.stdout)).toMatchObject({
      file: '<stdin>',
      ok: false,
      errors: [{ line: 19, column: 41, code: 'nul-byte' }],
    });
  });
});

describe('jobqmd scan', () => {
  it('prints every occurrence and exits 1, or exits 0 when there is none', () => {
    const r = jobqmd(['scan', j01, '--prefix', '/scratch/condor/spool', '/scratch/condor']);
    expect(r.status).toBe(1);
    expect(r.stdout.split('\n')[0]).toBe(
      `${j01}:51:66: prefix "/scratch/condor" in 01.-1 TransferInput: "gen/genome-align/data/set0.h5,/scratch/condor/shared/refdata/gencode.v44.gtf,lib.tar.gz,lib.tar"`,
    );
    expect(r.stderr).toMatch(/14 occurrence\(s\); 4 more not at a path boundary/);
    const m = jobqmd(['marshal', j01, '--map', j01map]);
    const clean = jobqmd(['scan', '-', '--map', j01map], Buffer.from(m.stdout, 'latin1'));
    expect([clean.status, clean.stdout]).toEqual([0, '']);
    const hosts = jobqmd(['scan', j01, '--host', 'submit-a.physics.example.edu', '--json']);
    expect(hosts.status).toBe(1);
    expect(JSON.parse(hosts.stdout).count).toBe(8);
  });
});

describe('jobqmd, killed mid-rewrite', () => {
  const waitFor = async (cond: () => boolean, ms: number) => {
    const end = Date.now() + ms;
    while (!cond()) {
      if (Date.now() > end) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  const temporaries = (dir: string, out: string) =>
    readdirSync(dir).filter((n) => tempNamePattern(out).test(n));

  it('SIGKILL: the input is unchanged and no output exists; the next run cleans up', async () => {
    const dir = tmp();
    const log = join(dir, 'job_queue.log');
    writeSyntheticLog(log, { jobs: 20_000, seed: 3 });
    writeFileSync(join(dir, 'host.map'), syntheticMap({ jobs: 0 }));
    const before = sha(log);
    const out = join(dir, 'marshalled.log');
    const child = startJobqmd(['marshal', log, '--map', join(dir, 'host.map'), '-o', out]);
    const exited = new Promise<NodeJS.Signals | null>((r) => child.on('exit', (_c, s) => r(s)));
    // Kill it once it has started writing its temporary file.
    await waitFor(() => {
      const t = temporaries(dir, out);
      return t.length > 0 && statSync(join(dir, t[0]!)).size > 0;
    }, 30_000);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(sha(log)).toBe(before);
    expect(existsSync(out)).toBe(false);
    // A SIGKILL cannot be caught: the temporary file stays until the next run removes it.
    expect(temporaries(dir, out)).toHaveLength(1);
    const again = jobqmd(['marshal', log, '--map', join(dir, 'host.map'), '-o', out]);
    expect(again.status).toBe(0);
    expect(temporaries(dir, out)).toEqual([]);
    expect(existsSync(out)).toBe(true);
    expect(sha(log)).toBe(before);
  }, 60_000);

  it('SIGTERM: the temporary file is removed as well', async () => {
    const dir = tmp();
    const log = join(dir, 'job_queue.log');
    writeSyntheticLog(log, { jobs: 20_000, seed: 4 });
    writeFileSync(join(dir, 'host.map'), syntheticMap({ jobs: 0 }));
    const out = join(dir, 'marshalled.log');
    const child = startJobqmd(['marshal', log, '--map', join(dir, 'host.map'), '-o', out]);
    const exited = new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    await waitFor(() => temporaries(dir, out).length > 0, 30_000);
    child.kill('SIGTERM');
    expect(await exited).toBe(143);
    expect(readdirSync(dir).sort()).toEqual(['host.map', 'job_queue.log']);
  }, 60_000);
});
