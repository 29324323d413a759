import { describe, expect, it } from 'vitest';
import {
  logicalToFile,
  parseConfig,
  positionOf,
  statementSource,
  type Assignment,
  type Statement,
} from '../../src/config/parse.js';

const parse = (text: string) => parseConfig(text, 'f');
const only = (text: string): Statement => {
  const p = parse(text);
  expect(p.statements).toHaveLength(1);
  return p.statements[0]!;
};
const assign = (text: string): Assignment => {
  const st = only(text);
  expect(st.kind).toBe('assign');
  return st as Assignment;
};

describe('the line reader', () => {
  it('trims, keeps a mid-line # as text, and skips comment and blank lines', () => {
    const p = parse('  # comment\n\n   SPOOL = /srv/spool # old   \n');
    expect(p.statements).toHaveLength(1);
    expect((p.statements[0] as Assignment).value).toBe('/srv/spool # old');
    expect(p.roles).toEqual(['comment', 'blank', 'code']);
  });
  it('joins continuations with no added space (the space before the \\ survives)', () => {
    expect(assign('A = x \\\n   y\n').value).toBe('x y');
    expect(assign('A = x\\\n   y\n').value).toBe('xy');
  });
  it('always continues a trailing backslash, so a Windows path swallows the next line', () => {
    const p = parse('Z = c:\\dir\\\nW = 2\n');
    expect(p.statements).toHaveLength(1);
    expect((p.statements[0] as Assignment).value).toBe('c:\\dirW = 2');
  });
  it('does not continue a comment line that ends in a backslash', () => {
    const p = parse('# a comment \\\nA = 1\n');
    expect(p.statements.map((s) => (s as Assignment).name)).toEqual(['A']);
  });
  it('keeps only the last byte of a comment line inside a continuation', () => {
    // The documented example: the current code ends the line with ')' and the
    // next line, '$(D)', has no operator.
    const p = parse('A = $(B) \\\n# $(C)\n$(D)\n');
    expect(p.statements.map((s) => s.kind)).toEqual(['assign', 'invalid']);
    expect((p.statements[0] as Assignment).value).toBe('$(B) )');
    expect(p.statements[0]!.lastLine).toBe(2);
    expect(p.roles).toEqual(['code', 'stray', 'code']);
    // A comment line that itself ends in '\' vanishes and the continuation goes on.
    expect(assign('A = $(B) \\\n# $(C) \\\n$(D)\n').value).toBe('$(B) $(D)');
  });
  it('#opt:oldcomment keeps comment lines inside continuations and lets comments continue', () => {
    const p = parse('#opt:oldcomment\nA = 1 \\\n# two\n# c \\\nB = 2\n#opt:newcomment\nC = 3\n');
    expect(p.statements.map((s) => [(s as Assignment).name, (s as Assignment).value])).toEqual([
      ['A', '1 # two'],
      ['C', '3'],
    ]);
    expect(p.roles).toEqual([
      'directive',
      'code',
      'code',
      'comment',
      'comment',
      'directive',
      'code',
    ]);
  });
  it('maps logical offsets back to the file', () => {
    const text = 'A = x \\\n   yz\n';
    const st = assign(text);
    expect(logicalToFile(st.logical, st.valueAt)).toBe(4);
    expect(logicalToFile(st.logical, st.valueAt + 2)).toBe(11);
    const p = parse(text);
    expect(positionOf(p, 11)).toEqual({ line: 2, column: 4 });
    expect(statementSource(p, st)).toBe('A = x \\\n   yz');
  });
});

describe('statements', () => {
  it('reads =, legacy :, and the += family with their separators', () => {
    expect(assign('MAX_SCHEDD_LOG : 50000000')).toMatchObject({ op: ':', value: '50000000' });
    expect(assign('SCHEDD_DEBUG += D_JOB')).toMatchObject({
      op: '+=',
      separator: ' ',
      opText: '+=',
    });
    expect(assign('ALLOW_READ +,= 10.99.0.0/16')).toMatchObject({ op: '+=', separator: ',' });
    expect(assign('REQ +&&= x > 1')).toMatchObject({ separator: ' && ', value: 'x > 1' });
    expect(assign('A+=x')).toMatchObject({ name: 'A', op: '+=', value: 'x' });
    expect(assign('CONDOR_HOST\t= head')).toMatchObject({ name: 'CONDOR_HOST', value: 'head' });
    expect(assign('FOO =')).toMatchObject({ name: 'FOO', value: '' });
    expect(assign('SCHEDD.SCHEDD2.SPOOL = /x').name).toBe('SCHEDD.SCHEDD2.SPOOL');
    expect(assign('$(LOCALNAME).FOO = 1').name).toBe('$(LOCALNAME).FOO');
  });
  it('reads @= bodies: comment and blank lines dropped, continuations joined, if lines as text', () => {
    const text = 'X @=end\n  a \\\n  b\n  # gone\n\n  if true\n@end\nY = 1\n';
    const p = parse(text);
    expect(p.statements.map((s) => s.kind)).toEqual(['assign', 'assign']);
    const x = p.statements[0] as Assignment;
    expect(x).toMatchObject({ op: '@=', value: 'a b\nif true', firstLine: 1, lastLine: 7 });
    expect(x.heredoc!.tag).toBe('end');
    const eof = parse('X @=end\nbody\n');
    expect(eof.errors.map((e) => [e.line, e.message])).toEqual([
      [1, "end of file while looking for '@end' (the end of X @=end)"],
    ]);
  });
  it('reads include with its options, and commands', () => {
    expect(only('include : /etc/x.conf')).toMatchObject({
      kind: 'include',
      target: '/etc/x.conf',
      ifExist: false,
    });
    expect(only('@include ifexist : $(A)/x')).toMatchObject({
      kind: 'include',
      ifExist: true,
      target: '$(A)/x',
    });
    expect(only('include command into /c/cache.conf : /bin/gen -x')).toMatchObject({
      kind: 'include',
      command: true,
      into: '/c/cache.conf',
      target: '/bin/gen -x',
    });
    expect(only('include : /bin/gen |')).toMatchObject({ command: true });
    expect(only('include bogus : x')).toMatchObject({ kind: 'invalid' });
  });
  it('reads use, error, warning, if/elif/else/endif and ini lines', () => {
    expect(only('use SECURITY:recommended(SYSTEM, Administrator@*)')).toMatchObject({
      kind: 'use',
      category: 'SECURITY',
      templates: 'recommended(SYSTEM, Administrator@*)',
    });
    expect(only('use ROLE : Submit')).toMatchObject({
      kind: 'use',
      category: 'ROLE',
      templates: 'Submit',
    });
    expect(only('error 3 : bad $(X)')).toMatchObject({ kind: 'error', code: 3, text: 'bad $(X)' });
    expect(only('warning : careful')).toMatchObject({ kind: 'warning', text: 'careful' });
    expect(only('[HTCONDOR]')).toMatchObject({ kind: 'ini' });
    const p = parse('if version >= 23.10.0\nA=1\nelif defined B\nA=2\nelse\nA=3\nendif\n');
    expect(p.statements.map((s) => s.kind)).toEqual([
      'if',
      'assign',
      'elif',
      'assign',
      'else',
      'assign',
      'endif',
    ]);
    expect(p.statements[0]).toMatchObject({ condition: 'version >= 23.10.0' });
    expect(p.errors).toEqual([]);
  });
  it('strips a leading : inside if bodies and before if', () => {
    const p = parse(':if true\n:A = 1\nendif\n:B = 2\n');
    expect(p.statements.map((s) => [s.kind, (s as Assignment).name])).toEqual([
      ['if', undefined],
      ['assign', 'A'],
      ['endif', undefined],
      ['invalid', undefined],
    ]);
  });
  it('reports lines that are not statements, with their position', () => {
    const p = parse('A = 1\n  junk line here\nFOO-BAR = 2\n');
    expect(p.statements.map((s) => s.kind)).toEqual(['assign', 'invalid', 'invalid']);
    const bad = p.statements[1]!;
    expect(bad).toMatchObject({ message: "expected '=', ':', '+=' or '@=' after 'junk'" });
    expect(p.statements[2]).toMatchObject({
      message: "illegal knob name 'FOO-BAR': only A-Z a-z 0-9 _ . / are allowed",
    });
  });
  it('checks if/else structure lexically', () => {
    const msgs = (t: string) => parse(t).errors.map((e) => `${e.line}: ${e.message}`);
    expect(msgs('else\n')).toEqual(['1: else without matching if']);
    expect(msgs('endif\n')).toEqual(['1: endif without matching if']);
    expect(msgs('if true\nelse\nelse\nendif\n')).toEqual(['3: else is not allowed after else']);
    expect(msgs('if true\nelse\nelif false\nendif\n')).toEqual([
      '3: elif is not allowed after else',
    ]);
    expect(msgs('A = 1\nif true\nB = 2\n')).toEqual([
      '2: this if has no endif before the end of the file',
    ]);
  });
  it('#opt:strict makes a : assignment an error', () => {
    const p = parse('#opt:strict\nA : 1\n');
    expect(p.statements[0]).toMatchObject({ kind: 'invalid' });
  });
  it('warns about words between the name and the operator (HTCondor ignores them)', () => {
    const p = parse('A B = 1\n');
    expect(p.statements[0]).toMatchObject({ kind: 'assign', name: 'A', value: '1' });
    expect(p.warnings.map((w) => [w.line, w.column, w.message])).toEqual([
      [1, 3, "'B' between the name and the operator is ignored"],
    ]);
  });
  it('marks use and ini lines so rewriting tools leave them alone', () => {
    const p = parse('[HTCONDOR]\nuse ROLE : Submit\nA = 1\n');
    expect(p.roles).toEqual(['ini', 'use', 'code']);
  });
});
