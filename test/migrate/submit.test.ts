import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/parse.js';
import { formatSubmitDescription, quoteSubmitArguments } from '../../src/migrate/submit.js';

describe('the submit description', () => {
  it('quotes arguments in the new syntax', () => {
    expect(quoteSubmitArguments(['a', 'b c', "it's", 'say "x"', ''])).toBe(
      `"a 'b c' 'it''s' 'say ""x""' ''"`,
    );
  });

  it('is read by our config parser: assignments, then queue', () => {
    const text = formatSubmitDescription({
      archive: '/data/ckpt dir/mobile.tar.gz',
      scheddName: 'mobile@physics.example.edu',
      machine: 'node0077.pub.example.org',
      restartCommand: '/usr/local/bin/schedd_restart',
      targetPrefix: '/srv/htcondor',
      restartArguments: ['--run'],
      rank: 'TARGET.Mips + TARGET.Memory / 1024.0',
      requestDisk: 2048,
      comments: ['restart the schedd'],
    });
    const parsed = parseConfig(text, 's');
    expect(parsed.errors).toEqual([]);
    const names = parsed.statements.map((s) => (s.kind === 'assign' ? s.name : s.logical.text));
    expect(names).toEqual([
      'universe',
      'executable',
      'transfer_executable',
      'arguments',
      'transfer_input_files',
      'should_transfer_files',
      'when_to_transfer_output',
      'requirements',
      'request_disk',
      'request_memory',
      'output',
      'error',
      'log',
      'MY.ScheddMigration',
      'MY.ScheddMigrationTarget',
      'MY.ScheddMigrationRank',
      'queue',
    ]);
    expect(text).toContain(`arguments = "mobile.tar.gz --prefix /srv/htcondor --run"\n`);
    expect(text).toContain('transfer_input_files = /data/ckpt dir/mobile.tar.gz\n');
    expect(text.startsWith('# restart the schedd\n')).toBe(true);
  });

  it('refuses values that would continue or break lines', () => {
    expect(() =>
      formatSubmitDescription({
        archive: '/a\\',
        scheddName: 's',
        machine: 'm',
        restartCommand: 'x',
        targetPrefix: '/p',
        requestDisk: 1,
      }),
    ).toThrow(/backslash/);
  });
});
