import { describe, expect, it } from 'vitest';
import {
  expandMacros,
  ExpansionError,
  filenameFunction,
  findMacro,
  findMacros,
  formatPrintf,
  type ExpandContext,
} from '../../src/config/expand.js';

function context(
  defs: Record<string, string>,
  env: Record<string, string> = {},
  random = 0,
): ExpandContext {
  const table = new Map(Object.entries(defs).map(([k, v]) => [k.toUpperCase(), v]));
  return { lookup: (n) => table.get(n.toUpperCase()), env: (n) => env[n], random: () => random };
}
const expand = (
  text: string,
  defs: Record<string, string> = {},
  env: Record<string, string> = {},
  random = 0,
) => expandMacros(text, context(defs, env, random));

describe('finding macro references', () => {
  it('finds $(NAME), $(NAME:default) and functions; skips $$( ), $(DOLLAR) and bad bodies', () => {
    expect(findMacro('a $(B) c')).toMatchObject({ start: 2, end: 6, func: '', name: 'B' });
    expect(findMacro('$(X:/tmp, a\\b:c)')).toMatchObject({ name: 'X', def: '/tmp, a\\b:c' });
    expect(findMacro('$ENV(TMPDIR:/tmp)')).toMatchObject({
      func: 'ENV',
      name: 'TMPDIR',
      def: '/tmp',
    });
    expect(findMacro('$Fpub(LOCK)')).toMatchObject({ func: 'Fpub', body: 'LOCK' });
    expect(findMacro('$$(OpSys) $(DOLLAR)')).toBeUndefined();
    expect(findMacro('$(date +%s) $(foo-bar)')).toBeUndefined();
    expect(findMacro('$Unknown(x)')).toBeUndefined();
    expect(findMacros('$(A)$(B:x) $(DOLLAR)', true).map((r) => r.name)).toEqual([
      'A',
      'B',
      'DOLLAR',
    ]);
  });
  it('treats the names as the name character set A-Z a-z 0-9 _ . /', () => {
    expect(findMacro('$(SCHEDD.SPOOL)')!.name).toBe('SCHEDD.SPOOL');
  });
});

describe('expansion', () => {
  it('expands lazily-defined references recursively, case-insensitively', () => {
    expect(expand('$(spool)/x', { SPOOL: '$(LOCAL_DIR)/spool', LOCAL_DIR: '/var' })).toBe(
      '/var/spool/x',
    );
  });
  it('expands undefined references to empty, or to their default (also when defined empty)', () => {
    expect(expand('[$(NOPE)]')).toBe('[]');
    expect(expand('$(N:2000)')).toBe('2000');
    expect(expand('$(E:dflt)', { E: '' })).toBe('dflt');
    expect(expand('$(N:$(D))', { D: 'deep' })).toBe('deep');
  });
  it('replaces $(DOLLAR) last and never expands $$()', () => {
    expect(expand('$(DOLLAR)(SPOOL) $$(OpSys)', { SPOOL: 'x' })).toBe('$(SPOOL) $$(OpSys)');
  });
  it('leaves references with forbidden characters as they are', () => {
    expect(expand('$(date +%s)')).toBe('$(date +%s)');
  });
  it('reports recursion', () => {
    expect(() => expand('$(A)', { A: '$(B)', B: '$(A)' })).toThrow(ExpansionError);
    expect(() => expand('$(A)', { A: '$(B)', B: '$(A)' })).toThrow(
      'recursive macro reference: A -> B -> A',
    );
  });
  it('expands $ENV with its default, and UNDEFINED without one', () => {
    expect(expand('$ENV(TMPDIR:/tmp) $ENV(HOME) $ENV(NONE)', {}, { HOME: '/root' })).toBe(
      '/tmp /root UNDEFINED',
    );
  });
  it('has the random functions', () => {
    expect(expand('$RANDOM_CHOICE(a,b,c)', {}, {}, 0.5)).toBe('b');
    expect(expand('$RANDOM_CHOICE(L)', { L: 'x, y' }, {}, 0.99)).toBe('y');
    expect(expand('$RANDOM_INTEGER(10,20,5)', {}, {}, 0.7)).toBe('20');
    expect(() => expand('$RANDOM_INTEGER(5,1)')).toThrow('min > max');
  });
  it('has $CHOICE, $SUBSTR, $INT, $REAL and $STRING', () => {
    expect(expand('$CHOICE(1, a, b, c)')).toBe('b');
    expect(expand('$CHOICE(I, L)', { I: '2', L: 'p,q,r' })).toBe('r');
    expect(expand('$SUBSTR(X,2)', { X: 'abcdef' })).toBe('cdef');
    expect(expand('$SUBSTR(X,-3,2)', { X: 'abcdef' })).toBe('de');
    expect(expand('$INT(N)', { N: '42' })).toBe('42');
    expect(expand('$INT(N,%05d)', { N: '42' })).toBe('00042');
    expect(expand('$REAL(R)', { R: '2.5' })).toBe('2.5');
    expect(expand('$STRING(S)', { S: '"quoted"' })).toBe('quoted');
    expect(() => expand('$INT(N)', { N: 'abc' })).toThrow(
      "$INT(): 'abc' does not evaluate to an integer",
    );
  });
  it('has the file name functions', () => {
    const p = { P: '/var/lib/condor/spool/job_queue.log' };
    expect(expand('$BASENAME(P) $DIRNAME(P)', p)).toBe('job_queue.log /var/lib/condor/spool/');
    expect(expand('$Fn(P)|$Fx(P)|$Fnx(P)|$Fp(P)|$Fpb(P)|$Fd(P)|$Fq(P)', p)).toBe(
      'job_queue|.log|job_queue.log|/var/lib/condor/spool/|/var/lib/condor/spool|spool/|"/var/lib/condor/spool/job_queue.log"',
    );
    expect(filenameFunction('Fw', 'C:/condor/x')).toBe('C:\\condor\\x');
  });
});

describe('printf formats', () => {
  it('formats one conversion with flags, width and precision', () => {
    expect(formatPrintf('%d', 7)).toBe('7');
    expect(formatPrintf('v=%-4d|', 7)).toBe('v=7   |');
    expect(formatPrintf('%x', 255)).toBe('ff');
    expect(formatPrintf('%.2f', 3.14159)).toBe('3.14');
    expect(formatPrintf('%s!', 'hi')).toBe('hi!');
  });
});
