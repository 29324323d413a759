import { describe, expect, it } from 'vitest';
import { readJobQueueLog } from '../../../src/lsp/service/jobQueueLog.js';

/** A log around some records: a header, and one transaction creating ad 1.0. */
const frame = (records: string, eol = '\n') =>
  [
    '107 1 CreationTimestamp 1767544019',
    '105 ',
    '101 1.0 Job Machine',
    ...records.split('\n').filter(Boolean),
    '106 ',
    '',
  ].join(eol);

describe('readJobQueueLog', () => {
  it('reads 101 keys and 103 records with the ranges of names and values', () => {
    const text = frame('103 1.0 Owner "jürgen 😀"\n103 1.0 Cmd "/bin/x"');
    const r = readJobQueueLog(text);
    expect(r.newAdKeys).toEqual(['1.0']);
    expect(
      r.records.map((x) => [x.key, x.name, text.slice(x.valueSpan.start, x.valueSpan.end)]),
    ).toEqual([
      ['1.0', 'Owner', '"jürgen 😀"'],
      ['1.0', 'Cmd', '"/bin/x"'],
    ]);
    const cmd = r.records[1]!;
    expect(text.slice(cmd.nameSpan.start, cmd.nameSpan.end)).toBe('Cmd');
    expect(cmd.value).toMatchObject({ kind: 'String', value: '/bin/x' });
    expect(r.problems).toEqual([]);
  });

  it('parses values in old syntax, as whole values, with every error', () => {
    const r = readJobQueueLog('103 1.0 Iwd "C:\\dir\\"\n103 1.0 A 1 2\n103 1.0 B (1 +\n');
    expect(r.records[0]!.value).toMatchObject({ kind: 'String', value: 'C:\\dir\\' });
    expect(r.syntaxErrors.map((e) => e.code)).toEqual([2003, 2002]);
  });

  it('reports record problems at the offending word', () => {
    const text = frame('103 1.0 Owner "a"\n104 1.0 9bad');
    const r = readJobQueueLog(text);
    expect(r.problems.map((p) => [p.code, p.severity, text.slice(p.start, p.end)])).toEqual([
      ['bad-name', 'error', '9bad'],
    ]);
    expect(r.problems[0]!.message).toMatch(/\(the schedd /);
  });

  it('reads CRLF logs without the CR in values', () => {
    const r = readJobQueueLog(frame('103 1.0 A 1\n103 1.0 B "x"', '\r\n'));
    expect(r.records.map((x) => x.valueSpan.end - x.valueSpan.start)).toEqual([1, 3]);
    expect(r.problems).toEqual([]);
  });
});
