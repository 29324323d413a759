import { describe, expect, it } from 'vitest';
import { documentKindFor, isJobQueueLogName } from '../../../src/lsp/service/documentKind.js';

describe('documentKindFor', () => {
  it('recognizes job_queue.log by name, rotated ones too', () => {
    expect(documentKindFor('file:///var/lib/condor/spool/job_queue.log')).toBe('jobQueueLog');
    expect(isJobQueueLogName('C:\\condor\\spool\\job_queue.log.3')).toBe(true);
    expect(isJobQueueLogName('job_queue.log')).toBe(true);
    expect(isJobQueueLogName('/x/my_job_queue.log')).toBe(false);
    expect(isJobQueueLogName('/x/job_queue.log.bak')).toBe(false);
  });

  it('takes anything else for an ad file', () => {
    expect(documentKindFor('file:///work/machine.ad')).toBe('ad');
    expect(documentKindFor('file:///work/job.classad')).toBe('ad');
  });
});
