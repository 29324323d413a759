import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../../../src/lsp/service/model.js';
import { jobQueueRecordRule } from '../../../../src/lsp/service/rules/jobQueueRecord.js';
import { spans } from '../../markers.js';
import { expectMarked, findings } from './harness.js';

/** A log around some records: a header, and one transaction creating ad 1.0. */
const frame = (records: string) =>
  `107 1 CreationTimestamp 1767544019\n105 \n101 1.0 Job Machine\n${records}106 \n`;

describe('jobq-record rule', () => {
  it('reports a bad key at the key', () => {
    expectMarked(jobQueueRecordRule, '103 ⟦1x0⟧ Owner "a"\n', 'jobq-bad-key', 'jobQueueLog');
  });

  it('reports a bad op code at the op code', () => {
    expectMarked(jobQueueRecordRule, '⟦109⟧ 1.0\n', 'jobq-bad-op', 'jobQueueLog');
  });

  it('reports a record with words missing on its whole line', () => {
    expectMarked(
      jobQueueRecordRule,
      '101 1.0 Job Machine\n⟦102⟧\n',
      'jobq-word-count',
      'jobQueueLog',
    );
  });

  it('reports stray whitespace as a warning, at the extra whitespace', () => {
    const { text, spans: s } = spans(frame('103 1.0 ⟦ ⟧Owner "a"\n'));
    expect(findings(jobQueueRecordRule, text, 'jobQueueLog')).toEqual([
      ['jobq-separator', s[0]!.start, s[0]!.end],
    ]);
    expect(jobQueueRecordRule.check(analyzeDocument(text, 'jobQueueLog'))[0]!.severity).toBe(
      'warning',
    );
  });

  it('reports a missing final line feed on the last line', () => {
    expectMarked(jobQueueRecordRule, '105 \n⟦106 ⟧', 'jobq-no-final-lf', 'jobQueueLog');
  });

  it('keeps offsets right after non-ASCII text', () => {
    expectMarked(
      jobQueueRecordRule,
      frame('103 1.0 Owner "jürgen 😀"\n103 ⟦x⟧ A 1\n'),
      'jobq-bad-key',
      'jobQueueLog',
    );
  });

  it('reports what the schedd makes of transactions and the ad table', () => {
    expectMarked(
      jobQueueRecordRule,
      frame('103 1.0 A 1\n⟦103 2.0 B 1⟧\n'),
      'jobq-missing-ad',
      'jobQueueLog',
    );
    expectMarked(
      jobQueueRecordRule,
      '107 1 CreationTimestamp 1767544019\n⟦105 ⟧\n101 1.0 Job Machine\n',
      'jobq-open-transaction',
      'jobQueueLog',
    );
  });

  it('reports nothing for a well-formed log', () => {
    const log =
      '107 1 CreationTimestamp 1767544019\n101 1.0 Job Machine\n105 \n103 1.0 Owner "a"\n106 \n';
    expect(findings(jobQueueRecordRule, log, 'jobQueueLog')).toEqual([]);
  });
});
