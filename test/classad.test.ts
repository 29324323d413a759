import { describe, expect, it } from 'vitest';
import { ClassAd, fromJs, quote, registerFunction, toJs, unquote } from '../src/classad.js';
import { ClassAdSyntaxError } from '../src/language/diagnostics.js';
import { printExpr } from '../src/language/printer.js';
import { int, str } from '../src/eval/values.js';

const job = () =>
  ClassAd.parse(
    '[ Owner = "alice"; RequestMemory = 2048; RequestCpus = 1;' +
      ' Requirements = TARGET.Memory >= RequestMemory && TARGET.Cpus >= MY.RequestCpus && OpSys == "LINUX";' +
      ' Rank = TARGET.Memory / 1024 ]',
  );
const machine = () =>
  ClassAd.parse('Memory = 4096\nCpus = 4\nOpSys = "LINUX"\nName = "slot1@host"\n');

describe('ClassAd.parse', () => {
  it('reads new syntax and old long form', () => {
    expect(job().names()).toEqual([
      'Rank',
      'Owner',
      'RequestCpus',
      'Requirements',
      'RequestMemory',
    ]);
    expect(machine().evaluateString('Name')).toBe('slot1@host');
  });
  it('throws a ClassAdSyntaxError with positions', () => {
    expect(() => ClassAd.parse('[ a = 1 +; b = 2 ]')).toThrow(ClassAdSyntaxError);
    try {
      ClassAd.parse('A = 1\nB = (2\n');
    } catch (e) {
      expect((e as ClassAdSyntaxError).message).toBe(
        "2:7: expected ')' but found the end of the input",
      );
    }
  });
  it('reads all ads of a document', () => {
    expect(ClassAd.parseAll('A = 1\n\nA = 2\n').map((ad) => ad.evaluateNumber('A'))).toEqual([
      1, 2,
    ]);
  });
});

describe('attributes', () => {
  it('gets, sets, deletes and iterates case-insensitively, keeping the first spelling', () => {
    const ad = new ClassAd();
    ad.set('Memory', 1024)
      .set('MEMORY', 2048)
      .set('name', 'slot1')
      .set('tags', ['a', 1, true, null]);
    expect(ad.names()).toEqual(['name', 'tags', 'Memory']);
    expect(printExpr(ad.get('memory')!)).toBe('2048');
    expect(ad.print()).toBe('[ name = "slot1"; tags = { "a",1,true,undefined }; Memory = 2048 ]');
    expect(ad.delete('NAME')).toBe(true);
    expect(ad.has('name')).toBe(false);
    expect([...ad].map(([n]) => n)).toEqual(['tags', 'Memory']);
  });
  it('sets expressions from text', () => {
    const ad = new ClassAd().setExpression('x', 'y + 1').set('y', 2);
    expect(ad.evaluateNumber('x')).toBe(3);
    ad.setExpression('p', '"C:\\dir\\"', { syntax: 'old' });
    expect(ad.evaluateString('p')).toBe('C:\\dir\\');
  });
  it('prints old long form', () => {
    expect(machine().print({ oldSyntax: true })).toBe(
      'Cpus = 4\nName = "slot1@host"\nOpSys = "LINUX"\nMemory = 4096\n',
    );
  });
});

describe('evaluation', () => {
  it('evaluates against a target as in a match', () => {
    expect(job().evaluateBoolean('Requirements', { target: machine() })).toBe(true);
    expect(job().evaluateNumber('Rank', { target: machine() })).toBe(4);
    expect(job().evaluate('Requirements').type).toBe('undefined');
  });
  it('falls back to the target for unscoped names only in HTCondor mode', () => {
    const j = ClassAd.parse('[ Requirements = Memory > 100 ]');
    expect(j.evaluateBoolean('Requirements', { target: machine() })).toBe(true);
    expect(j.evaluate('Requirements', { target: machine(), strict: true }).type).toBe('undefined');
  });
  it('has typed helpers that return undefined for other types', () => {
    const ad = ClassAd.parse('[ s = "x"; n = 2.5; b = 1 ]');
    expect([ad.evaluateString('n'), ad.evaluateNumber('s'), ad.evaluateBoolean('b')]).toEqual([
      undefined,
      undefined,
      true,
    ]);
    expect(ad.evaluateNumber('n')).toBe(2.5);
    expect(ad.evaluateExpr('n * 2')).toEqual({ type: 'real', value: 5 });
  });
});

describe('flatten and references', () => {
  it('flattens what the ad determines and keeps what needs the target', () => {
    expect(printExpr(job().flatten(job().get('Requirements')!))).toBe(
      'TARGET.Memory >= 2048 && TARGET.Cpus >= 1 && OpSys == "LINUX"',
    );
    expect(printExpr(job().flatten('RequestMemory * 2 + x'))).toBe('4096 + x');
    expect(printExpr(job().flatten('RequestCpus > 5 && TARGET.x'))).toBe('false');
  });
  it('lists external and internal references, following internal attributes', () => {
    expect(job().externalRefs('Requirements')).toEqual(['OpSys', 'TARGET.Cpus', 'TARGET.Memory']);
    expect(job().internalRefs('Requirements')).toEqual(['MY.RequestCpus', 'RequestMemory']);
    const ad = ClassAd.parse('[ a = b + 1; b = c * 2 ]');
    expect(ad.externalRefs('a')).toEqual(['c']);
  });
});

describe('quote, unquote, registerFunction, JS values', () => {
  it('quotes and unquotes string literals', () => {
    expect(quote('a"b\\c\n')).toBe('"a\\"b\\\\c\\n"');
    expect(unquote('"a\\"b"')).toBe('a"b');
    expect(unquote(quote('é日'))).toBe('é日');
    expect(() => unquote('x')).toThrow(ClassAdSyntaxError);
  });
  it('registers custom functions, case-insensitively', () => {
    registerFunction(
      'twice',
      (v) => (v.type === 'integer' ? int(BigInt(v.value) * 2n) : str('?')),
      {
        min: 1,
        max: 1,
      },
    );
    const ad = ClassAd.parse('[ x = TWICE(21); y = twice(); z = Twice("a") ]');
    expect([ad.evaluateNumber('x'), ad.evaluate('y').type, ad.evaluateString('z')]).toEqual([
      42,
      'error',
      '?',
    ]);
  });
  it('converts between JS and ClassAd values', () => {
    expect(fromJs(1.5)).toEqual({ type: 'real', value: 1.5 });
    expect(fromJs(3)).toEqual({ type: 'integer', value: 3 });
    expect(toJs(fromJs(['é', 2, false]))).toEqual(['é', 2, false]);
    expect(toJs(fromJs(9007199254740993n))).toBe(9007199254740993n);
  });
});

describe('JSON', () => {
  it('prints and parses HTCondor JSON', () => {
    const ad = ClassAd.parse(
      '[ Memory = 1024; Name = "slot1"; Requirements = TARGET.x > 1; tags = {"a"} ]',
    );
    const json = ad.toJSON();
    expect(json).toBe(
      '{\n  "Name": "slot1",\n  "tags": [\n    "a"\n  ],\n  "Memory": 1024,\n  "Requirements": "\\/Expr(TARGET.x > 1)\\/"\n}',
    );
    const back = ClassAd.fromJSON(`[\n${json}\n]\n`);
    expect(back.print()).toBe(ad.print());
    expect(() => ClassAd.fromJSON('{ "a": }')).toThrow(ClassAdSyntaxError);
  });
});

describe('flatten by attribute name', () => {
  it('flattens the expression the name binds', () => {
    const job = ClassAd.parse(
      '[ RequestMemory = 2048; Requirements = TARGET.Memory >= RequestMemory ]',
    );
    expect(printExpr(job.flatten('Requirements'))).toBe('TARGET.Memory >= 2048');
  });
});
