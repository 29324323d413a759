import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/diagnostics.js';
import { matchKnob, parseKnobSpec } from '../../src/config/knobSpec.js';
import { bytes, corpus } from './helpers.js';

describe('mdk/1 knob specs', () => {
  it('parses names, classes and kinds, with comments', () => {
    const spec = parseKnobSpec(
      '# header\nSPOOL required path   # the spool\n\nSEC_TOKEN_* optional\nSCHEDD.X optional other\n',
    );
    expect(spec.entries).toEqual([
      { name: 'SPOOL', class: 'required', kind: 'path', line: 2 },
      { name: 'SEC_TOKEN_*', class: 'optional', kind: undefined, line: 4 },
      { name: 'SCHEDD.X', class: 'optional', kind: 'other', line: 5 },
    ]);
  });
  it('parses the corpus sample', () => {
    const spec = parseKnobSpec(bytes(`${corpus}/machine-knobs.spec`));
    expect(spec.entries.filter((e) => e.class === 'required').map((e) => e.name)).toEqual([
      'RELEASE_DIR',
      'LOCAL_DIR',
      'SPOOL',
    ]);
    expect(spec.entries).toHaveLength(23);
  });
  it('reports every bad line with its position', () => {
    let error: ConfigError | undefined;
    try {
      parseKnobSpec(
        'A needed\nB optional colour\nC-D optional\nF optional\nf required\nE optional path extra\n',
        'k.spec',
      );
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error?.diagnostics.map((d) => `${d.file}:${d.line}:${d.column}: ${d.message}`)).toEqual([
      "k.spec:1:2: A: expected 'required' or 'optional', not 'needed'",
      "k.spec:2:12: B: unknown kind 'colour' (path, host, ip or other)",
      "k.spec:3:1: 'C-D' is not a knob name (A-Z a-z 0-9 _ . / and a final *)",
      'k.spec:5:1: f is already listed on line 4',
      "k.spec:6:17: E: unexpected 'extra'",
    ]);
  });
  it('matches plain names with their SUBSYS./LOCALNAME. prefixes, dotted names exactly, * as a suffix', () => {
    const spec = parseKnobSpec(
      'SPOOL required\nSEC_TOKEN_* optional\nSCHEDD.DEBUG optional\nSEC_TOKEN_DIRECTORY required\n',
    );
    const m = (n: string) => matchKnob(spec, n)?.name;
    expect(m('spool')).toBe('SPOOL');
    expect(m('SCHEDD.SPOOL')).toBe('SPOOL');
    expect(m('SCHEDD.SCHEDD2.SPOOL')).toBe('SPOOL');
    expect(m('SPOOL_B')).toBeUndefined();
    expect(m('JOB_SPOOL')).toBeUndefined();
    expect(m('SEC_TOKEN_POOL_SIGNING_KEY_FILE')).toBe('SEC_TOKEN_*');
    expect(m('SEC_TOKEN_DIRECTORY')).toBe('SEC_TOKEN_DIRECTORY');
    expect(m('SCHEDD.DEBUG')).toBe('SCHEDD.DEBUG');
    expect(m('DEBUG')).toBeUndefined();
    expect(m('SHADOW.DEBUG')).toBeUndefined();
  });
});
