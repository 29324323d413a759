import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMapFile } from '../../src/jobq/mapFile.js';
import { PrefixMatcher } from '../../src/jobq/prefixes.js';
import {
  demarshalString,
  MacroError,
  marshalString,
  newCounts,
} from '../../src/jobq/stringRewrite.js';

const source = parseMapFile(
  'SPOOL = /scratch/condor/spool\nLOCAL_DIR = /scratch/condor\nRELEASE_DIR = /usr\n',
);
const target = parseMapFile(
  'spool = /srv/htcondor/spool\nLOCAL_DIR = /srv/htcondor\nRELEASE_DIR = /usr\n',
);
const matcher = new PrefixMatcher(source.entries);

describe('marshalString', () => {
  it('rewrites by shape', () => {
    const s = '/scratch/condor/spool/1 /usr/bin,/scratch/condor/x;a=/usr/lib:/usr/y';
    expect(marshalString(s, 'path', matcher)).toBe(
      '$(SPOOL)/1 /usr/bin,/scratch/condor/x;a=/usr/lib:/usr/y',
    );
    expect(marshalString(s, 'list', matcher)).toBe(
      '$(SPOOL)/1 $(RELEASE_DIR)/bin,$(LOCAL_DIR)/x;a=/usr/lib:/usr/y',
    );
    expect(marshalString(s, 'remap', matcher)).toBe(
      '$(SPOOL)/1 $(RELEASE_DIR)/bin,/scratch/condor/x;a=$(RELEASE_DIR)/lib:/usr/y',
    );
    expect(marshalString(s, 'text', matcher)).toBe(
      '$(SPOOL)/1 $(RELEASE_DIR)/bin,$(LOCAL_DIR)/x;a=$(RELEASE_DIR)/lib:$(RELEASE_DIR)/y',
    );
    expect(marshalString(s, 'none', matcher)).toBeUndefined();
    expect(marshalString('  /usr/bin', 'path', matcher)).toBe('  $(RELEASE_DIR)/bin');
  });

  it('escapes a $( that is already there, and counts', () => {
    const counts = newCounts();
    expect(marshalString('$(SPOOL)/1 and $$(OpSys) /usr', 'text', matcher, counts)).toBe(
      '$(DOLLAR)(SPOOL)/1 and $$(DOLLAR)(OpSys) $(RELEASE_DIR)',
    );
    expect(counts).toEqual({ macros: { RELEASE_DIR: 1 }, dollars: 2 });
    expect(marshalString('/home/x', 'text', matcher)).toBeUndefined();
  });
});

describe('demarshalString', () => {
  it('expands macros with the target map (names ignore case) and $(DOLLAR)', () => {
    expect(demarshalString('$(SPOOL)/1 $(local_dir) $(DOLLAR)(SPOOL) $$(DOLLAR)(x)', target)).toBe(
      '/srv/htcondor/spool/1 /srv/htcondor $(SPOOL) $$(x)',
    );
    expect(demarshalString('no macros', target)).toBeUndefined();
  });

  it('refuses a macro the map lacks, or a $( that is not a macro', () => {
    expect(() => demarshalString('x $(RELEASE) y', target)).toThrow(
      /no mapping for the macro \$\(RELEASE\)/,
    );
    try {
      demarshalString('ab$(date +%s)', target);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(MacroError);
      expect((e as MacroError).index).toBe(2);
      expect((e as MacroError).macro).toBeUndefined();
    }
    expect(() => demarshalString('$(SPOOL', target)).toThrow(MacroError);
  });

  it('restores every string marshal makes (property)', () => {
    const pieces = fc.constantFrom(
      '/scratch/condor/spool',
      '/scratch/condor',
      '/usr',
      '$(',
      '$',
      '(',
      ')',
      'SPOOL',
      '/',
      ' ',
      ',',
      ';',
      '=',
      '"',
      '\\',
      'x',
      '2',
      ':',
    );
    const shapes = fc.constantFrom('path', 'list', 'remap', 'text') as fc.Arbitrary<
      'path' | 'list' | 'remap' | 'text'
    >;
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), shapes, (parts, shape) => {
        const s = parts.join('');
        const m = marshalString(s, shape, matcher) ?? s;
        expect(demarshalString(m, source) ?? m).toBe(s);
        // Nothing marshalled is still a boundary path of the source host.
        if (shape === 'text') expect(matcher.findAll(m)).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });
});
