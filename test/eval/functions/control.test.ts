// Control and meta builtins (spec §6.2): ifThenElse, eval, unparse, unresolved, debug;
// and the pretty printer behind unparse (spec §7.9).
import { describe, expect, it } from 'vitest';
import { printValue } from '../../../src/eval/convert.js';
import { evaluateIn } from '../../../src/eval/evaluate.js';
import { adFromRecord } from '../../../src/eval/scope.js';
import { parseExpression } from '../../../src/language/parser.js';

interface Options {
  ad?: string;
  target?: string;
  strict?: boolean;
}

function adOf(text: string | undefined) {
  if (text === undefined) return undefined;
  const e = parseExpression(text);
  if (e.kind !== 'Record') throw new Error('not a record');
  return adFromRecord(e);
}

/** Evaluates `text` and returns the printed value (`FAILED` for an evaluation failure). */
function ev(text: string, options: Options = {}): string {
  const { strict = false } = options;
  const r = evaluateIn(parseExpression(text, { strict }), adOf(options.ad) ?? null, {
    strict,
    target: adOf(options.target),
  });
  return r.failed ? 'FAILED' : printValue(r.value);
}

const AD =
  '[ a = 1; b = a + 1; c = "str"; l = {1, 2, 3}; L2 = {a, b, [x = 10]}; ' +
  'r = [ x = 1; y = x + a; z = [ w = y; v = parent.a; a = 100 ]; q = .a ]; ' +
  "e = error; u = undefined; t = true; f = false; 'quoted name' = 42; Mixed_Case = 7; " +
  "ab = 12; 'a.b' = 5; call = size({1, [q = 2]}); empty = []; none = {}; " +
  'req = TARGET.Memory >= MY.RequestMemory && OpSys == "LINUX"; RequestMemory = 2048; ' +
  'pick = Cpus; s = self.a + zz; p = parent; loop1 = loop2; loop2 = loop1; ' +
  'twice = Target.foo + TARGET.Foo; n = nosuch.foo + nosuch.bar; ' +
  'g = ifThenElse(k, {j}, [h = i]); rr = root.zq ]';

describe('ifThenElse', () => {
  it('returns the chosen branch for boolean and numeric conditions', () => {
    expect(ev('ifThenElse(true, 1, 2)')).toBe('1');
    expect(ev('ifThenElse(false, 1, 2)')).toBe('2');
    expect(ev('ifThenElse(3, "a", "b")')).toBe('"a"');
    expect(ev('ifThenElse(0.0, "a", "b")')).toBe('"b"');
    expect(ev('ifThenElse(real("NaN"), 1, 2)')).toBe('1');
    expect(ev('IFTHENELSE(t, a, b)', { ad: AD })).toBe('1');
  });
  it('evaluates only the chosen branch', () => {
    expect(ev('ifThenElse(true, 1, error)')).toBe('1');
    expect(ev('ifThenElse(false, random(0), 2)')).toBe('2');
    expect(ev('ifThenElse(true, random(0), 2)')).toBe('FAILED');
    expect(ev('ifThenElse(true, 1/0, 2)')).toBe('error');
  });
  it('is UNDEFINED for an undefined condition and ERROR for other types', () => {
    expect(ev('ifThenElse(undefined, 1, 2)')).toBe('undefined');
    expect(ev('ifThenElse(x, 1, 2)')).toBe('undefined');
    expect(ev('ifThenElse(error, 1, 2)')).toBe('error');
    expect(ev('ifThenElse("x", 1, 2)')).toBe('error');
    expect(ev('ifThenElse({}, 1, 2)')).toBe('error');
    expect(ev('ifThenElse(relTime(1), 1, 2)')).toBe('error');
  });
  it('is ERROR with other than 3 arguments, evaluating none', () => {
    expect(ev('ifThenElse()')).toBe('error');
    expect(ev('ifThenElse(true, 1)')).toBe('error');
    expect(ev('ifThenElse(true, 1, 2, 3)')).toBe('error');
    expect(ev('ifThenElse(random(0), 1)')).toBe('error');
  });
});

describe('eval', () => {
  it('parses and evaluates the string in the current state', () => {
    expect(ev('eval("1 + 2")')).toBe('3');
    expect(ev('eval("[a=1].a")')).toBe('1');
    expect(ev('eval("eval(\\"5\\")")')).toBe('5');
    expect(ev('eval("a + b")', { ad: AD })).toBe('3');
    expect(ev('eval("r.y")', { ad: AD })).toBe('2');
    expect(ev('eval(c)', { ad: AD })).toBe('undefined');
    expect(ev('eval("c")', { ad: AD })).toBe('"str"');
    expect(ev('eval("x")')).toBe('undefined');
  });
  it('converts a non-string argument with ToString first', () => {
    expect(ev('eval(1 + 2)')).toBe('3');
    expect(ev('eval(2.5)')).toBe('2.500000000000000E+00');
    expect(ev('eval(true)')).toBe('true');
    expect(ev('eval({1})')).toBe('{ 1 }');
  });
  it('sees MY and TARGET as the caller does', () => {
    const target = '[ foo = 9 ]';
    expect(ev('eval("MY.a")', { ad: AD })).toBe('1');
    expect(ev('eval("MY.a")', { ad: AD, strict: true })).toBe('undefined');
    expect(ev('eval("TARGET.foo")', { ad: AD, target })).toBe('9');
  });
  it('parses in the current semantics mode', () => {
    expect(ev('eval("010")')).toBe('error');
    expect(ev('eval("010")', { strict: true })).toBe('10');
  });
  it('is ERROR for UNDEFINED, ERROR and unparsable text', () => {
    expect(ev('eval(undefined)')).toBe('error');
    expect(ev('eval(error)')).toBe('error');
    expect(ev('eval("1 +")')).toBe('error');
    expect(ev('eval("1 2")')).toBe('error');
    expect(ev('eval("")')).toBe('error');
  });
  it('propagates an evaluation failure', () => {
    expect(ev('eval("random(0)")')).toBe('FAILED');
  });
  it('is ERROR with other than 1 argument', () => {
    expect(ev('eval()')).toBe('error');
    expect(ev('eval("1", "2")')).toBe('error');
  });
});

describe('unparse', () => {
  it('prints the named attribute with the pretty printer', () => {
    expect(ev('unparse(b)', { ad: AD })).toBe('"a + 1"');
    expect(ev('unparse(c)', { ad: AD })).toBe('"\\"str\\""');
    expect(ev('unparse(e)', { ad: AD })).toBe('"error"');
    expect(ev('unparse(mixed_case)', { ad: AD })).toBe('"7"');
    expect(ev('unparse(l)', { ad: AD })).toBe('"\\n   {\\n      1,\\n      2,\\n      3\\n   }"');
    expect(ev('unparse(L2)', { ad: AD })).toBe(
      '"\\n   {\\n      a,\\n      b,\\n      \\n          [\\n              x = 10\\n          ]\\n   }"',
    );
    expect(ev('unparse(call)', { ad: AD })).toBe(
      '"size(\\n   {\\n      1,\\n      \\n          [\\n              q = 2\\n          ]\\n   })"',
    );
    expect(ev('unparse(req)', { ad: AD })).toBe(
      '"TARGET.Memory >= MY.RequestMemory && OpSys == \\"LINUX\\""',
    );
  });
  it('looks the reference text up as a name in the current ad only', () => {
    expect(ev('unparse(missing)', { ad: AD })).toBe('""');
    expect(ev('unparse(r.y)', { ad: AD })).toBe('""');
    expect(ev('unparse(.a)', { ad: AD })).toBe('""');
    expect(ev("unparse('quoted name')", { ad: AD })).toBe('""');
    expect(ev('unparse(a.b)', { ad: AD })).toBe('"5"');
  });
  it('is ERROR unless the single argument is an attribute reference', () => {
    expect(ev('unparse(1)')).toBe('error');
    expect(ev('unparse(undefined)')).toBe('error');
    expect(ev('unparse(error)')).toBe('error');
    expect(ev('unparse("x")')).toBe('error');
    expect(ev('unparse((x))')).toBe('error');
    expect(ev('unparse()')).toBe('error');
    expect(ev('unparse(x, y)')).toBe('error');
  });
});

describe('unresolved', () => {
  it('lists the external references, sorted case-insensitively', () => {
    expect(ev('unresolved(b)', { ad: AD })).toBe('""');
    expect(ev('unresolved(r)', { ad: AD })).toBe('"\'parent\'.a,x,y"');
    expect(ev('unresolved(pick)', { ad: AD })).toBe('"Cpus"');
    expect(ev('unresolved(s)', { ad: AD })).toBe('"zz"');
    expect(ev('unresolved(p)', { ad: AD })).toBe('"parent"');
    expect(ev('unresolved(n)', { ad: AD })).toBe('"nosuch.bar,nosuch.foo"');
    expect(ev('unresolved(g)', { ad: AD })).toBe('"i,j,k"');
    expect(ev('unresolved(rr)', { ad: AD })).toBe('"zq"');
  });
  it('strips a leading target. after sorting, and MY depends on the mode', () => {
    expect(ev('unresolved(req)', { ad: AD })).toBe('"OpSys,Memory"');
    expect(ev('unresolved(req)', { ad: AD, strict: true })).toBe('"MY.RequestMemory,OpSys,Memory"');
    expect(ev('unresolved(twice)', { ad: AD })).toBe('"foo"');
  });
  it('gives "" when the walk fails (a cycle exhausts the depth)', () => {
    expect(ev('unresolved(loop1)', { ad: AD })).toBe('""');
  });
  it('tests the names against a case-insensitive regex with two arguments', () => {
    expect(ev('unresolved(req, "^opsys")', { ad: AD })).toBe('true');
    expect(ev('unresolved(req, "OpSys.+")', { ad: AD })).toBe('false');
    expect(ev('unresolved(b, "^a")', { ad: AD })).toBe('false');
    expect(ev('unresolved(s, "z*")', { ad: AD })).toBe('true');
    expect(ev('unresolved(req, "(")', { ad: AD })).toBe('error');
  });
  it('is UNDEFINED for a missing attribute', () => {
    expect(ev('unresolved(missing)', { ad: AD })).toBe('undefined');
    expect(ev('unresolved(x)')).toBe('undefined');
    expect(ev('unresolved(u)', { ad: AD })).toBe('""');
  });
  it('fails when the pattern is not a string', () => {
    expect(ev('unresolved(b, 1)', { ad: AD })).toBe('FAILED');
    expect(ev('unresolved(b, undefined)', { ad: AD })).toBe('FAILED');
  });
  it('is ERROR unless it has 1 or 2 arguments, the first an attribute reference', () => {
    expect(ev('unresolved()')).toBe('error');
    expect(ev('unresolved(1)')).toBe('error');
    expect(ev('unresolved(undefined)')).toBe('error');
    expect(ev('unresolved(error)')).toBe('error');
    expect(ev('unresolved(a, "x", 1)', { ad: AD })).toBe('error');
  });
});

describe('debug', () => {
  it("returns its argument's value", () => {
    expect(ev('debug(1 + 1)')).toBe('2');
    expect(ev('debug("s")')).toBe('"s"');
    expect(ev('debug(r.y)', { ad: AD })).toBe('2');
  });
  it('passes UNDEFINED and ERROR through', () => {
    expect(ev('debug(x)')).toBe('undefined');
    expect(ev('debug(error)')).toBe('error');
  });
  it('is ERROR with other than 1 argument', () => {
    expect(ev('debug()')).toBe('error');
    expect(ev('debug(1, 2)')).toBe('error');
  });
});
