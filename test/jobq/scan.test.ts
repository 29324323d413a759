import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bufferSource } from '../../src/jobq/logSource.js';
import { scanLog, type ScanHit } from '../../src/jobq/scan.js';
import {
  corpus,
  corpusBytes,
  corpusLogs,
  corpusMap,
  demarshalBytes,
  marshalBytes,
  truthOf,
} from './helpers.js';

describe('scan, on every corpus log', () => {
  for (const name of corpusLogs) {
    it(`${name}: finds every path before, and none after the move`, async () => {
      const truth = truthOf(name);
      const sources = truth.prefixes.map((p) => Buffer.from(p.source, 'utf8').toString('latin1'));
      const before = await scanLog(join(corpus, `${name}.log`), { prefixes: sources });
      expect(before.count).toBe(truth.summary.path_spans);
      const listed = new Set(truth.occurrences.map((e) => e.line));
      expect(new Set(before.hits.map((h) => h.line))).toEqual(listed);

      const input = corpusBytes(`${name}.log`);
      const { output: marshalled } = await marshalBytes(input, corpusMap(`${name}.map`));
      expect((await scanLog(bufferSource(marshalled), { prefixes: sources })).count).toBe(0);

      const { output: moved } = await demarshalBytes(marshalled, corpusMap(`${name}.target.map`));
      const changed = truth.prefixes.filter((p) => p.source !== p.target).map((p) => p.source);
      const after = await scanLog(bufferSource(moved), {
        prefixes: changed.map((p) => Buffer.from(p, 'utf8').toString('latin1')),
      });
      expect(after.hits).toEqual([]);
      // What is left is only what the boundary rule leaves alone (URLs, regexps, near misses).
      const loose = await scanLog(bufferSource(moved), { prefixes: changed, loose: true });
      expect(loose.count).toBe(after.nearMisses);
    });
  }
});

describe('scan', () => {
  const log =
    '103 1.0 GlobalJobId "submit.example.org#1.0#17"\n' +
    '103 1.0 Iwd "/scratch/condor/spool/1/0"\n' +
    '103 1.0 Ckpt "file:///scratch/condor/spool/ckpt"\n' +
    '103 1.0 Other "/scratch/condor/spool2/x SUBMIT.Example.org notsubmit.example.org"\n' +
    '106 # /scratch/condor\n';

  it('reports each occurrence with line, column, key and attribute', async () => {
    const r = await scanLog(bufferSource(log, 'q.log'), {
      prefixes: ['/scratch/condor/spool/', '/scratch/condor'],
      hosts: ['submit.example.org'],
    });
    const brief = (h: ScanHit) =>
      `${h.line}:${h.column} ${h.kind} ${h.found} ${h.key ?? '-'} ${h.attr ?? '-'}`;
    expect(r.hits.map(brief)).toEqual([
      '1:22 host submit.example.org 1.0 GlobalJobId',
      '2:14 prefix /scratch/condor/spool 1.0 Iwd',
      '4:16 prefix /scratch/condor 1.0 Other',
      '4:41 host SUBMIT.Example.org 1.0 Other',
      '5:7 prefix /scratch/condor - -',
    ]);
    expect([r.count, r.nearMisses, r.lines, r.file]).toEqual([5, 2, 5, 'q.log']);
    expect(r.hits[1]!.context).toBe('103 1.0 Iwd "/scratch/condor/spool/1/0"');
  });

  it('with loose, counts what is not at a boundary too', async () => {
    const r = await scanLog(bufferSource(log), {
      prefixes: ['/scratch/condor/spool'],
      loose: true,
    });
    expect(r.hits.map((h) => `${h.line} ${h.boundary}`)).toEqual(['2 true', '3 false', '4 false']);
    expect(r.nearMisses).toBe(0);
  });

  it('streams occurrences to a callback', async () => {
    const seen: number[] = [];
    const r = await scanLog(bufferSource(log, 'q', 5), {
      hosts: ['submit.example.org'],
      onHit: (h) => seen.push(h.line),
    });
    expect([seen, r.hits, r.count]).toEqual([[1, 4], [], 2]);
  });

  it('finds the schedd host name in the corpus', async () => {
    const truth = truthOf('j01-tiny-live');
    const host = 'submit-a.physics.example.edu';
    const r = await scanLog(join(corpus, 'j01-tiny-live.log'), { hosts: [host] });
    const lines = new Set(r.hits.map((h) => h.line));
    for (const [line] of truth.host_name_lines) expect(lines.has(line)).toBe(true);
  });
});
