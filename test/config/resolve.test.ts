import { describe, expect, it } from 'vitest';
import { isTrue, splitList } from '../../src/config/resolve.js';
import { makeTree, resolveText, resolveTree } from './helpers.js';

const value = (text: string, name: string, options = {}) =>
  resolveText(text, options).get(name)?.value;

describe('the spec examples (spec/condor-config.md)', () => {
  it('a mid-line # is part of the value', () => {
    expect(value('SPOOL = /srv/spool # old\n', 'SPOOL')).toBe('/srv/spool # old');
  });
  it('continuations: the space before the backslash survives, nothing is added', () => {
    expect(value('A = x \\\n   y\n', 'A')).toBe('x y');
    expect(value('A = x\\\n   y\n', 'A')).toBe('xy');
  });
  it('a trailing backslash swallows the next line: W is never set', () => {
    const c = resolveText('Z = c:\\dir\\\nW = 2\n');
    expect(c.get('Z')?.value).toBe('c:\\dirW = 2');
    expect(c.get('W')).toBeUndefined();
  });
  it('a comment inside a continuation ends the line with its last byte; the next line is an error', () => {
    const c = resolveText('B = 1\nD = 2\nA = $(B) \\\n# $(C)\n$(D)\n');
    expect(c.errors.map((e) => [e.line, e.column, e.message])).toEqual([
      [5, 5, "expected '=', ':', '+=' or '@=' after '$(D)'"],
    ]);
    expect(c.get('A')?.value).toBe('1 )');
    // The documented form, with the comment line ending in '\', works.
    expect(value('B = 1\nD = 2\nA = $(B) \\\n# $(C) \\\n$(D)\n', 'A')).toBe('1 2');
  });
  it('self-references expand at once, against the current value (the trap)', () => {
    expect(value('A = xxx\nA = $(A)yyy\n', 'A')).toBe('xxxyyy');
    // The first SPOOL = $(SPOOL)/x sees the built-in default $(LOCAL_DIR)/spool.
    const c = resolveText('LOCAL_DIR = /var\nSPOOL = $(SPOOL)/x\n');
    expect(c.get('SPOOL')).toMatchObject({ value: '/var/spool/x', raw: '$(LOCAL_DIR)/spool/x' });
    // Replacing a knob's definition by $(SPOOL) gives the default, not the old text.
    expect(value('LOCAL_DIR = /var\nSPOOL = /scratch\nSPOOL = $(SPOOL)\n', 'SPOOL')).toBe(
      '/scratch',
    );
    expect(value('LOCAL_DIR = /var\nSPOOL = $(SPOOL)\n', 'SPOOL')).toBe('/var/spool');
  });
  it('other references are lazy: order of definition does not matter', () => {
    expect(value('C = $(A)\nA = yyy\n', 'C')).toBe('yyy');
    expect(value('A = 1\nC = $(A)\nA = 2\n', 'C')).toBe('2');
  });
  it('a SUBSYS.-prefixed self-reference is one only for that subsystem', () => {
    const text = 'SPOOL = /a\nSCHEDD.SPOOL = $(SPOOL)/x\nSPOOL = /b\n';
    expect(value(text, 'SPOOL', { subsystem: 'SCHEDD' })).toBe('/a/x');
    expect(value(text, 'SCHEDD.SPOOL', { subsystem: 'TOOL' })).toBe('/b/x');
    expect(value(text, 'SPOOL', { subsystem: 'TOOL' })).toBe('/b');
  });
  it('+= appends to the current value, built-in defaults included, with its separator', () => {
    expect(value('A = x\nA += y\n', 'A')).toBe('x y');
    expect(value('A = x\nA +,= y\n', 'A')).toBe('x,y');
    expect(value('A = x\nA +||= y\n', 'A')).toBe('x || y');
    expect(value('A += y\n', 'A')).toBe('y');
    expect(resolveText('LOG = /l\nSCHEDD_LOG += .old\n').get('SCHEDD_LOG')).toMatchObject({
      raw: '$(LOG)/SchedLog .old',
      value: '/l/SchedLog .old',
    });
  });
  it('an empty definition hides the built-in default', () => {
    expect(value('SCHEDD_NAME = x\nSCHEDD_NAME =\n', 'SCHEDD_NAME')).toBe('');
    expect(value('UID_DOMAIN =\n', 'UID_DOMAIN')).toBe('');
    expect(value('', 'UID_DOMAIN')).toBe('submit.example.org');
  });
  it('names are case-insensitive and keep their first spelling', () => {
    const c = resolveText('MyKnob = 1\nMYKNOB = 2\n');
    expect(c.get('myknob')).toMatchObject({ value: '2', definition: { name: 'MyKnob' } });
  });
  it('recursion is an error', () => {
    const c = resolveText('A = $(B)\nB = $(A)\n');
    expect(() => c.get('A')).toThrow('recursive macro reference: A -> B -> A');
  });
  it('$(DOLLAR) is a literal $ and $$() is kept', () => {
    expect(value('A = $(DOLLAR)(HOME) $$(OpSys)\n', 'A')).toBe('$(HOME) $$(OpSys)');
  });
  it('names are expanded: $(LOCALNAME).FOO', () => {
    expect(value('$(LOCALNAME).FOO = 1\n', 'FOO', { subsystem: 'SCHEDD' })).toBe('1');
  });
  it('@= bodies are values; self-references in them expand', () => {
    expect(value('R = a\nR @=x\n  $(R)\n  b\n@x\n', 'R')).toBe('a\nb');
  });
});

describe('lookup order and sources', () => {
  it('looks up SUBSYS.LOCAL.NAME, LOCAL.NAME, SUBSYS.NAME, NAME', () => {
    const text = 'X = plain\nSCHEDD.X = subsys\nSCHEDD2.X = local\nSCHEDD.SCHEDD2.X = both\n';
    expect(value(text, 'X', { subsystem: 'SCHEDD', localName: 'schedd2' })).toBe('both');
    expect(
      value('X = plain\nSCHEDD.X = subsys\nSCHEDD2.X = local\n', 'X', {
        subsystem: 'SCHEDD',
        localName: 'schedd2',
      }),
    ).toBe('local');
    expect(value(text, 'X', { subsystem: 'SCHEDD' })).toBe('subsys');
    expect(value(text, 'X', { subsystem: 'STARTD' })).toBe('plain');
  });
  it('tells where a value was defined', () => {
    const c = resolveText('# c\nSPOOL = /x\n');
    expect(c.get('SPOOL')!.definition.source).toEqual({
      kind: 'file',
      file: '/etc/condor/condor_config',
      line: 2,
      lastLine: 2,
    });
    expect(c.get('LOG')!.definition.source).toEqual({ kind: 'default' });
    expect(c.get('FULL_HOSTNAME')!.definition.source).toEqual({ kind: 'detected' });
  });
  it('detected host facts cannot be overridden; others come from the environment last', () => {
    const c = resolveText('FULL_HOSTNAME = other\nA = 1\n', {
      env: { _CONDOR_A: '  2', _condor_B: '3' },
    });
    expect(c.get('FULL_HOSTNAME')?.value).toBe('submit.example.org');
    expect(c.get('HOSTNAME')?.value).toBe('submit');
    expect(c.get('A')).toMatchObject({
      value: '2',
      definition: { source: { kind: 'environment', variable: '_CONDOR_A' } },
    });
    expect(c.get('B')?.value).toBe('3');
    expect(c.get('CONFIG_ROOT')?.value).toBe('/etc/condor');
  });
});

describe('if / elif / else', () => {
  it('takes the first true branch', () => {
    const text = (cond: string) =>
      `if ${cond}\nA = if\nelif true\nA = elif\nelse\nA = else\nendif\n`;
    expect(value(text('true'), 'A')).toBe('if');
    expect(value(text('false'), 'A')).toBe('elif');
    expect(value('if no\nA = 1\nelif 0\nA = 2\nelse\nA = 3\nendif\n', 'A')).toBe('3');
    expect(value('if ! 0.0\nA = 1\nendif\n', 'A')).toBe('1');
  });
  it('knows defined, defined use, version and $(...)', () => {
    expect(value('X = 1\nif defined X\nA = y\nendif\n', 'A')).toBe('y');
    expect(value('X =\nif defined X\nA = y\nendif\n', 'A')).toBeUndefined();
    expect(value('if defined LOG\nA = y\nendif\n', 'A')).toBe('y');
    expect(value('if defined use ROLE:Submit\nA = y\nendif\n', 'A')).toBe('y');
    expect(value('if version >= 23.10.0\nA = new\nelse\nA = old\nendif\n', 'A')).toBe('new');
    expect(value('if version < 8.9\nA = old\nendif\n', 'A')).toBeUndefined();
    expect(value('if version >= 99.0\nA = y\nendif\n', 'A', { version: '8.8.5' })).toBeUndefined();
    expect(value('F = true\nif $(F)\nA = y\nendif\n', 'A')).toBe('y');
    expect(value('if $(UNSET)\nA = y\nelse\nA = n\nendif\n', 'A')).toBe('n');
  });
  it('does not evaluate conditions in branches that are not taken', () => {
    expect(resolveText('if false\nif a == b\nA = 1\nendif\nendif\n').errors).toEqual([]);
  });
  it('reports complex conditions', () => {
    const c = resolveText('if a == b\nA = 1\nendif\n');
    expect(c.errors.map((e) => e.message)).toEqual([
      'a == b is not a valid if condition because complex conditionals are not supported',
    ]);
  });
  it('error : stops reading; warning : goes on', () => {
    const c = resolveText('A = 1\nwarning : careful $(A)\nerror : stop\nB = 2\n');
    expect(c.warnings.map((w) => [w.line, w.message])).toEqual([[2, 'warning : careful 1']]);
    expect(c.errors.map((e) => [e.line, e.message])).toEqual([[3, 'error : stop']]);
    expect(c.get('B')).toBeUndefined();
  });
});

describe('use templates', () => {
  it('applies known templates in place, with their arguments', () => {
    const c = resolveText('use ROLE : Submit, Execute\nuse SECURITY : recommended_v9_0(SYSTEM)\n');
    expect(c.get('DAEMON_LIST')?.value).toBe('MASTER SCHEDD STARTD');
    expect(c.get('ALLOW_ADMINISTRATOR')?.value).toBe('SYSTEM@* condor_pool@* root@*');
    expect(c.get('SEC_DEFAULT_ENCRYPTION')?.definition.source).toMatchObject({
      line: 2,
      use: 'SECURITY:recommended_v9_0 > SECURITY:STRONG',
    });
  });
  it('warns about templates it does not know and rejects unknown categories', () => {
    const c = resolveText('use FEATURE : NoSuchThing\nuse NONSENSE : x\n');
    expect(c.warnings.map((w) => w.message)).toEqual([
      "use FEATURE:NoSuchThing: configmd does not know this template's settings; they are not applied",
    ]);
    expect(c.errors.map((e) => e.message)).toEqual(['use NONSENSE: unknown category']);
  });
});

describe('the read order', () => {
  const tree = () =>
    makeTree({
      'etc/condor/condor_config': [
        'LOCAL_DIR = /var',
        'LOCAL_CONFIG_DIR = /etc/condor/config.d, /etc/condor/more.d',
        'LOCAL_CONFIG_FILE = /etc/condor/local.conf',
        'include : /etc/condor/inc.conf',
        'include ifexist : /etc/condor/missing.conf',
        'include ifexist : /etc/condor/hosts/$(HOSTNAME).conf',
        '',
      ].join('\n'),
      'etc/condor/inc.conf': 'INC = 1\n',
      'etc/condor/hosts/submit.conf': 'HOSTFILE = 1\n',
      'etc/condor/config.d/20-b': 'ORDER = $(ORDER) b\n',
      'etc/condor/config.d/10-a': 'ORDER = $(ORDER) a\n',
      'etc/condor/config.d/Z-upper': 'ORDER = $(ORDER) Z\n',
      'etc/condor/config.d/.hidden': 'ORDER = hidden\n',
      'etc/condor/config.d/x.rpmsave': 'ORDER = rpmsave\n',
      'etc/condor/config.d/run.sh': 'ORDER = sh\n',
      'etc/condor/config.d/backup~': 'ORDER = tilde\n',
      'etc/condor/config.d/sub/ignored': 'ORDER = subdir\n',
      'etc/condor/more.d/1': 'ORDER = $(ORDER) more\n',
      'etc/condor/local.conf':
        'LOCAL_CONFIG_FILE = /etc/condor/local.conf /etc/condor/local2.conf\n',
      'etc/condor/local2.conf': 'ORDER = $(ORDER) local2\n',
    });
  it('reads the main file and its includes, the config dirs in byte order, then the local files', () => {
    const c = resolveTree(tree(), 'etc/condor/condor_config');
    expect(c.errors).toEqual([]);
    expect(c.readOrder.map((e) => [e.treePath, e.via])).toEqual([
      ['etc/condor/condor_config', undefined],
      ['etc/condor/inc.conf', 'include at etc/condor/condor_config:4'],
      ['etc/condor/hosts/submit.conf', 'include at etc/condor/condor_config:6'],
      ['etc/condor/config.d/10-a', 'LOCAL_CONFIG_DIR etc/condor/config.d'],
      ['etc/condor/config.d/20-b', 'LOCAL_CONFIG_DIR etc/condor/config.d'],
      ['etc/condor/config.d/Z-upper', 'LOCAL_CONFIG_DIR etc/condor/config.d'],
      ['etc/condor/more.d/1', 'LOCAL_CONFIG_DIR etc/condor/more.d'],
      ['etc/condor/local.conf', 'LOCAL_CONFIG_FILE'],
      ['etc/condor/local2.conf', 'LOCAL_CONFIG_FILE'],
    ]);
    expect(c.excluded.map((e) => e.treePath)).toEqual([
      'etc/condor/config.d/.hidden',
      'etc/condor/config.d/backup~',
      'etc/condor/config.d/run.sh',
      'etc/condor/config.d/x.rpmsave',
    ]);
    expect(c.get('ORDER')?.value).toBe(' a b Z more local2');
  });
  it('a missing include or required local file is an error naming it; ifexist is not', () => {
    const c = resolveText('include : /etc/condor/nope.conf\n');
    expect(c.errors.map((e) => [e.line, e.column, e.message])).toEqual([
      [
        1,
        11,
        `cannot open /etc/condor/nope.conf (${c.readOrder[0]!.localPath!.replace(/condor_config$/, 'nope.conf')})`,
      ],
    ]);
    expect(
      resolveText('LOCAL_CONFIG_FILE = /nope\n').errors.map((e) => [e.file, e.message]),
    ).toEqual([['/nope', expect.stringMatching(/^cannot open \/nope \(.*\/nope\)$/)]]);
    expect(
      resolveText('REQUIRE_LOCAL_CONFIG_FILE = false\nLOCAL_CONFIG_FILE = /nope\n').errors,
    ).toEqual([]);
  });
  it('records commands instead of running them, and reads an existing include-into cache', () => {
    const t = makeTree({
      'c/condor_config': 'include command into /c/cache.conf : /bin/gen\ninclude : /bin/other |\n',
      'c/cache.conf': 'CACHED = yes\n',
    });
    const c = resolveTree(t, 'c/condor_config');
    expect(c.readOrder.map((e) => [e.kind, e.treePath ?? e.hostPath, e.via])).toEqual([
      ['file', 'c/condor_config', undefined],
      ['file', 'c/cache.conf', 'include command into at c/condor_config:1'],
      ['command', '/bin/other', 'include command at c/condor_config:2'],
    ]);
    expect(c.get('CACHED')?.value).toBe('yes');
  });
  it('stops includes that nest too deep', () => {
    const c = resolveText('include : /etc/condor/condor_config\n');
    expect(c.errors.map((e) => e.message)).toContain('includes nested too deep');
  });
});

describe('helpers', () => {
  it('splits lists and reads booleans', () => {
    expect(splitList(' a, b c,,d ')).toEqual(['a', 'b', 'c', 'd']);
    expect([isTrue('TRUE', false), isTrue('no', true), isTrue('maybe', true)]).toEqual([
      true,
      false,
      true,
    ]);
  });
});
