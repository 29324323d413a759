import { describe, expect, it } from 'vitest';
import { MigrateError } from '../../src/migrate/errors.js';
import {
  ComponentDigest,
  formatManifest,
  parseManifest,
  type Manifest,
} from '../../src/migrate/manifest.js';

const manifest: Manifest = {
  format: 'schedd-checkpoint/1',
  complete: true,
  created: 1767544116,
  creator: 'classad-ts csar',
  scheddName: 'mobile@physics.example.edu',
  sourceHost: 'submit-a.physics.example.edu',
  sourceAddress: '10.1.2.3',
  sourcePaths: [
    { name: 'SPOOL', value: '/scratch/condor/spool' },
    { name: 'LOCAL_DIR', value: '/opt/condor/local' },
  ],
  components: [
    { macro: 'LOCAL_DIR', kind: 'anchor' },
    {
      macro: 'SPOOL',
      kind: 'directory',
      exclusive: true,
      files: 2,
      directories: 1,
      size: 10,
      sha256: 'a'.repeat(64),
    },
    {
      macro: 'JOB_QUEUE_LOG',
      kind: 'file',
      location: '$(SPOOL)/job_queue.log',
      name: 'job_queue.log',
      marshal: 'jobq',
      files: 1,
      directories: 0,
      size: 5,
      sha256: 'b'.repeat(64),
    },
    {
      macro: 'CONFIG',
      kind: 'config',
      marshal: 'config',
      main: '$(LOCAL_DIR)/condor "config"',
      files: 1,
      directories: 0,
      size: 7,
      sha256: 'c'.repeat(64),
    },
  ],
};

describe('the manifest', () => {
  it('is a ClassAd that reads back as written', () => {
    const text = formatManifest(manifest);
    expect(text).toContain('Format = "schedd-checkpoint/1";');
    expect(text).toContain('Location = "$(SPOOL)/job_queue.log"');
    const back = parseManifest(text);
    expect(back).toEqual({
      ...manifest,
      components: manifest.components.map((c) => ({
        location: undefined,
        name: undefined,
        marshal: undefined,
        exclusive: undefined,
        main: undefined,
        files: undefined,
        directories: undefined,
        size: undefined,
        sha256: undefined,
        ...c,
      })),
    });
  });

  it('says what is wrong with a bad one', () => {
    const bad = (text: string, message: RegExp) => {
      expect(() => parseManifest(text, 'M')).toThrow(MigrateError);
      expect(() => parseManifest(text, 'M')).toThrow(message);
    };
    bad('[ Format = "other/1"; Components = {} ]', /format "other\/1" is not schedd-checkpoint\/1/);
    bad('[ Format = "schedd-checkpoint/1" ]', /Components is not a list/);
    bad(
      '[ Format = "schedd-checkpoint/1"; Components = { [ Macro = "X"; Kind = "blob" ] } ]',
      /unknown kind/,
    );
    bad(
      '[ Format = "schedd-checkpoint/1"; Components = { [ Macro = "X"; Kind = "anchor" ], [ Macro = "X"; Kind = "anchor" ] } ]',
      /listed twice/,
    );
    bad(
      '[ Format = "schedd-checkpoint/1"; Complete = true; Components = { [ Macro = "S"; Kind = "directory" ] } ]',
      /lacks its Files, Size or Sha256/,
    );
    bad(
      '[ Format = "schedd-checkpoint/1"; Components = { [ Macro = "F"; Kind = "file"; Name = "../x" ] } ]',
      /bad Name/,
    );
    bad('[ Format = ', /not a ClassAd/);
  });
});

describe('ComponentDigest', () => {
  it('hashes entries in order, with their names and sizes', () => {
    const d1 = new ComponentDigest();
    d1.directory('1');
    d1.file('1/a', 3);
    d1.update(Buffer.from('abc'));
    const d2 = new ComponentDigest();
    d2.directory('1');
    d2.file('1/b', 3);
    d2.update(Buffer.from('abc'));
    expect(d1.files).toBe(1);
    expect(d1.directories).toBe(1);
    expect(d1.size).toBe(3);
    expect(d1.digest()).not.toBe(d2.digest());
  });
});
