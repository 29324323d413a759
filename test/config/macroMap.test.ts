import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { DEFAULT_MAP_MACROS, deriveMacroMap, readMacroMap } from '../../src/config/macroMap.js';
import { makeTree, resolveText } from './helpers.js';

describe('the macro map for jobqmd', () => {
  it('derives SPOOL, LOCAL_DIR and RELEASE_DIR from the resolved configuration', () => {
    const c = resolveText(
      'RELEASE_DIR = /opt/condor\nLOCAL_DIR = $(RELEASE_DIR)/local\nSPOOL = $(LOCAL_DIR)/spool/\n',
      {
        subsystem: 'SCHEDD',
      },
    );
    expect(DEFAULT_MAP_MACROS).toEqual(['SPOOL', 'LOCAL_DIR', 'RELEASE_DIR']);
    expect(deriveMacroMap(c)).toEqual({
      paths: [
        { name: 'SPOOL', value: '/opt/condor/local/spool' },
        { name: 'LOCAL_DIR', value: '/opt/condor/local' },
        { name: 'RELEASE_DIR', value: '/opt/condor' },
      ],
      skipped: [],
    });
  });
  it("reads the schedd's own knobs (local name included)", () => {
    const text =
      'LOCAL_DIR = /srv/condor\nSPOOL = /srv/condor/spool\nSCHEDD.SCHEDD2.SPOOL = /srv/condor/spool-b\n';
    const c = resolveText(text, { subsystem: 'SCHEDD', localName: 'schedd2' });
    expect(deriveMacroMap(c, ['SPOOL', 'LOCAL_DIR']).paths).toEqual([
      { name: 'SPOOL', value: '/srv/condor/spool-b' },
      { name: 'LOCAL_DIR', value: '/srv/condor' },
    ]);
  });
  it('leaves out what is not an absolute path or repeats one', () => {
    const c = resolveText('RELEASE_DIR = /usr\nLOCAL_DIR = /usr\nSPOOL = spool\nA = $(B\n');
    expect(deriveMacroMap(c, ['SPOOL', 'LOCAL_DIR', 'RELEASE_DIR', 'NOPE', 'A'])).toEqual({
      paths: [{ name: 'LOCAL_DIR', value: '/usr' }],
      skipped: [
        { name: 'SPOOL', value: 'spool', reason: 'not an absolute path' },
        { name: 'RELEASE_DIR', value: '/usr', reason: 'same path as LOCAL_DIR' },
        { name: 'NOPE', reason: 'not defined' },
        { name: 'A', value: '$(B', reason: 'not an absolute path' },
      ],
    });
  });
  it('reads a configuration file in one call (for jobqmd), and fails on a broken one', () => {
    const tree = makeTree({
      'etc/condor/condor_config':
        'LOCAL_DIR = /srv/condor\nSCHEDD.SCHEDD2.SPOOL = /srv/condor/spool-b\n',
      'etc/condor/broken': 'include : /nowhere\n',
    });
    expect(
      readMacroMap(join(tree, 'etc/condor/condor_config'), { root: tree, localName: 'schedd2' })
        .paths,
    ).toEqual([
      { name: 'SPOOL', value: '/srv/condor/spool-b' },
      { name: 'LOCAL_DIR', value: '/srv/condor' },
      { name: 'RELEASE_DIR', value: '/usr' },
    ]);
    expect(() => readMacroMap(join(tree, 'etc/condor/broken'), { root: tree })).toThrow(
      /cannot open \/nowhere/,
    );
  });
});
