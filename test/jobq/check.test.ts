import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLog } from '../../src/jobq/check.js';
import { JobqInputError } from '../../src/jobq/issues.js';
import { bufferSource } from '../../src/jobq/logSource.js';
import {
  corpus,
  corpusBytes,
  corpusLogs,
  corpusMap,
  demarshalBytes,
  malformedDir,
  marshalBytes,
} from './helpers.js';

interface MalformedCase {
  file: string;
  expect: 'error' | 'warning';
  line: number;
  rule: string;
}

const malformed = JSON.parse(corpusBytes('malformed/MALFORMED.json').toString('utf8')) as {
  cases: MalformedCase[];
};

describe('check, on every corpus log', () => {
  for (const name of corpusLogs) {
    it(`${name}: the schedd reads it whole`, async () => {
      const truth = JSON.parse(corpusBytes(`${name}.truth.json`).toString('utf8'));
      const r = await checkLog(join(corpus, `${name}.log`));
      expect(r.errors).toEqual([]);
      expect(r.warnings).toEqual([]);
      expect([r.ok, r.lines, r.bytes, r.eol]).toEqual([true, truth.lines, truth.bytes, truth.eol]);
      if (truth.records) expect(r.records).toEqual(truth.records);
      expect(r.nextClusterNum).toBeGreaterThan(r.maxCluster!);
    });
  }
});

describe('check, on every malformed case', () => {
  it('covers every case of MALFORMED.json', () => {
    expect(malformed.cases.map((c) => c.file)).toHaveLength(8);
  });
  for (const c of malformed.cases) {
    it(`${c.file}: ${c.expect} at line ${c.line}`, async () => {
      const file = join(malformedDir, c.file);
      const r = await checkLog(file);
      if (c.expect === 'error') {
        expect(r.ok).toBe(false);
        expect(r.errors.map((e) => e.line)).toEqual([c.line]);
        expect(r.errors[0]!.consequence).toMatch(
          /^the schedd (refuses to start|.*drops this record)/,
        );
        await expect(
          marshalBytes(corpusBytes(`malformed/${c.file}`), corpusMap('j01-tiny-live.map')),
        ).rejects.toThrow(JobqInputError);
      } else {
        expect(r.ok).toBe(true);
        expect(r.warnings.map((w) => w.line)).toEqual([c.line]);
        // Accepted, and kept byte for byte through a round trip.
        const input = corpusBytes(`malformed/${c.file}`);
        const map = corpusMap('j01-tiny-live.map');
        const { output, summary } = await marshalBytes(input, map);
        expect(summary.warnings.map((w) => w.line)).toEqual([c.line]);
        expect((await demarshalBytes(output, map)).output.equals(input)).toBe(true);
      }
    });
  }

  it('says why: refuse to start when a 106 follows, silent loss when none does', async () => {
    const m01 = await checkLog(join(malformedDir, 'm01-105-without-space.log'));
    expect(m01.errors[0]).toMatchObject({ line: 94, column: 4, code: 'op-needs-space' });
    expect(m01.errors[0]!.consequence).toMatch(/refuses to start: a valid 106 follows at line 657/);
    const m08 = await checkLog(join(malformedDir, 'm08-compacted-empty-value.log'));
    expect(m08.errors[0]).toMatchObject({ line: 249, column: 22, code: 'empty-value' });
    expect(m08.errors[0]!.consequence).toMatch(
      /silently drops this record and every later one \(lines 249-496\)/,
    );
    expect(m08.stoppedAt).toBe(249);
  });
});

describe('check', () => {
  it('can skip the replay and the value parse', async () => {
    const log = '107 1 CreationTimestamp 5\n101 1.0 Job Machine\n103 9.0 A (1\n';
    const full = await checkLog(bufferSource(log, 'q'));
    expect(full.errors.map((e) => e.code)).toEqual(['value-syntax']);
    const quick = await checkLog(bufferSource(log, 'q'), { replay: false, values: false });
    expect([quick.ok, quick.warnings, quick.ads]).toEqual([true, [], undefined]);
    expect((await checkLog(bufferSource(log, 'q'), { values: false })).warnings[0]!.code).toBe(
      'missing-ad',
    );
  });

  it('reports a log it cannot read as bad input', async () => {
    await expect(checkLog(join(corpus, 'no-such.log'))).rejects.toThrow(/cannot read the log/);
  });
});
