import { describe, expect, it } from 'vitest';
import type { JobqIssue } from '../../src/jobq/issues.js';
import { RecordReader } from '../../src/jobq/recordReader.js';
import {
  assignConsequences,
  corruptRecordConsequence,
  LogValidator,
  type ValidatorOptions,
} from '../../src/jobq/validation.js';

function validate(log: string, options: ValidatorOptions = { replay: true, values: true }) {
  const issues: JobqIssue[] = [];
  const add = (i: JobqIssue) => {
    issues.push(i);
    if (i.severity === 'error') v.halt(i.line);
  };
  const v: LogValidator = new LogValidator(add, options);
  const r = new RecordReader({ record: (view) => v.record(view) }, { issue: add });
  r.push(Buffer.from(log, 'latin1'));
  r.finish();
  v.finish(r.lines);
  assignConsequences(issues, v.stats.last106Line, r.lines);
  return { issues, stats: v.stats, brief: issues.map((i) => `${i.severity} ${i.code} ${i.line}`) };
}

const head = '107 1 CreationTimestamp 1700000000\n101 0.0 Job Machine\n';

describe('LogValidator', () => {
  it('accepts a clean log and replays its table', () => {
    const r = validate(
      head +
        '105 \n103 0.0 NextClusterNum 3\n101 01.-1 Job Machine\n101 1.0 Job Machine\n' +
        '103 1.0 Cmd "/bin/sleep"\n106 \n105 \n102 1.0\n106 \n101 2.0 Job Machine\n',
    );
    expect(r.issues).toEqual([]);
    expect(r.stats).toMatchObject({
      transactions: 2,
      last106Line: 11,
      sequence: 1,
      birthdate: 1700000000,
      ads: 3,
      nextClusterNum: 3,
      maxCluster: 2,
    });
  });

  it('warns about transaction structure', () => {
    const r = validate(head + '105 \n105 \n106 \n106 \n105 \n103 0.0 A 1\n103 0.0 B 2\n');
    expect(r.brief).toEqual([
      'warning nested-105 4',
      'warning unmatched-106 6',
      'warning open-transaction 7',
    ]);
    expect(r.issues[2]!.message).toContain('its 2 record(s) are discarded');
    expect(r.stats.openTransactionLine).toBe(7);
  });

  it('applies a transaction only at its 106', () => {
    // The 103 is buffered before its ad exists, but applied after the 101: no warning.
    expect(validate(head + '105 \n101 1.0 Job Machine\n103 1.0 A 1\n106 \n').issues).toEqual([]);
    // An unfinished transaction is never applied.
    expect(validate(head + '105 \n101 1.0 Job Machine\n103 0.0 X 1\n').stats.ads).toBe(1);
  });

  it('warns about records for missing or existing ads', () => {
    const r = validate(head + '103 5.0 A 1\n104 5.0 A\n102 5.0\n101 0.0 Job Machine\n');
    expect(r.brief).toEqual([
      'warning missing-ad 3',
      'warning missing-ad 4',
      'warning missing-ad 5',
      'warning existing-ad 6',
    ]);
  });

  it('compares keys numerically (01.-1 is 1.-1)', () => {
    expect(validate(head + '101 01.-1 Job Machine\n103 1.-1 A 1\n102 001.-1\n').issues).toEqual([]);
  });

  it('reports a NextClusterNum that is not above every cluster', () => {
    const r = validate(
      head + '103 0.0 NextClusterNum 2\n101 02.-1 Job Machine\n101 2.0 Job Machine\n',
    );
    expect(r.brief).toEqual(['error next-cluster-num 3']);
    expect(r.issues[0]!.consequence).toContain('JOB QUEUE DAMAGED');
  });

  it('reports the 107 record out of place, repeated or missing', () => {
    expect(validate('101 0.0 Job Machine\n107 1 CreationTimestamp 5\n').brief).toEqual([
      'warning 107-not-first 2',
    ]);
    expect(validate(head + '107 2 CreationTimestamp 5\n').brief).toEqual([
      'warning 107-repeated 3',
    ]);
    expect(validate('101 0.0 Job Machine\n').brief).toEqual(['warning no-107 0']);
  });

  it('parses every value, and says where one does not parse', () => {
    const r = validate(head + '103 0.0 A (1 +\n103 0.0 B "unterminated\n103 0.0 C 007\n');
    expect(r.issues.map((i) => [i.code, i.line, i.column])).toEqual([
      ['value-syntax', 3, 15],
      ['value-syntax', 4, 11],
      ['value-syntax', 5, 11],
    ]);
    expect(validate(head + '103 0.0 A (1 +\n', { replay: true }).issues).toEqual([]);
  });

  it('stops the replay at the first error, as the schedd stops reading', () => {
    const r = validate(head + '105\n103 9.0 A 1\n106 \n105 \n');
    expect(r.brief).toEqual(['error op-needs-space 3']);
    expect(r.stats.haltedAt).toBe(3);
  });

  it('says what the schedd does with a corrupt record', () => {
    expect(corruptRecordConsequence(5, 9, 10)).toMatch(
      /refuses to start: a valid 106 follows at line 9/,
    );
    expect(corruptRecordConsequence(5, 4, 10)).toMatch(
      /drops this record and every later one \(lines 5-10\)/,
    );
    expect(corruptRecordConsequence(10, 0, 10)).toMatch(/drops this record and compacts/);
    const issues: JobqIssue[] = [
      { severity: 'error', code: 'x', line: 2, message: 'm' },
      { severity: 'warning', code: 'y', line: 3, message: 'm' },
      { severity: 'error', code: 'z', line: 4, message: 'm', consequence: 'kept' },
    ];
    assignConsequences(issues, 3, 4);
    expect(issues.map((i) => i.consequence?.slice(0, 22))).toEqual([
      'the schedd refuses to ',
      undefined,
      'kept',
    ]);
  });
});
