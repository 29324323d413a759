import { describe, expect, it } from 'vitest';
import { formatIssue, IssueList, JobqInputError } from '../../src/jobq/issues.js';

describe('issues', () => {
  it('format as file:line:column: severity: message (consequence)', () => {
    expect(
      formatIssue('q.log', {
        severity: 'error',
        code: 'x',
        line: 3,
        column: 7,
        message: 'bad',
        consequence: 'the schedd refuses to start',
      }),
    ).toBe('q.log:3:7: error: bad (the schedd refuses to start)');
    expect(formatIssue('q.log', { severity: 'warning', code: 'x', line: 3, message: 'w' })).toBe(
      'q.log:3: warning: w',
    );
    expect(formatIssue('q.log', { severity: 'warning', code: 'x', line: 0, message: 'w' })).toBe(
      'q.log: warning: w',
    );
  });

  it('keep at most a limited number, and count the rest', () => {
    const list = new IssueList(2);
    for (let i = 5; i > 0; i--) {
      list.add({ severity: 'warning', code: 'w', line: i, message: 'w' });
      list.add({ severity: 'error', code: 'e', line: i, message: 'e' });
    }
    expect([list.errorCount, list.warningCount, list.errors.length]).toEqual([5, 5, 2]);
    expect(list.all().map((i) => `${i.severity[0]}${i.line}`)).toEqual(['e4', 'w4', 'e5', 'w5']);
    expect(list.omitted()).toBe('(3 more error(s) and 3 more warning(s) not shown)');
    const err = new JobqInputError('q.log', list.all(), list.omitted());
    expect(err.message.split('\n')).toHaveLength(5);
    expect(err.file).toBe('q.log');
  });
});
