// HTCondor compat-layer builtins (spec §6.11): split, splitUserName,
// splitSlotName, evalInEachContext, countMatches, envV1ToV2, mergeEnvironment,
// argsToList, listToArgs, userHome, userMap (standalone behaviour).
import { describe, expect, it } from 'vitest';
import { printValue } from '../../../src/eval/convert.js';
import { evaluateIn } from '../../../src/eval/evaluate.js';
import { adFromRecord, type AdScope } from '../../../src/eval/scope.js';
import { parseExpression } from '../../../src/language/parser.js';

function adOf(text: string): AdScope {
  const record = parseExpression(text);
  if (record.kind !== 'Record') throw new Error('not a record');
  return adFromRecord(record);
}

/** Evaluates `expr` (in `ad`, against `target`, when given) and prints the value. */
function ev(expr: string, ad?: string, target?: string, strict = false): string {
  const scope = ad === undefined ? null : adOf(ad);
  const options = { strict, target: target === undefined ? undefined : adOf(target) };
  return printValue(evaluateIn(parseExpression(expr), scope, options).value);
}

function table(rows: [string, string][]): void {
  for (const [expr, want] of rows) it(`${expr} → ${want}`, () => expect(ev(expr)).toBe(want));
}

describe('split', () => {
  table([
    ['split("a b c")', '{ "a","b","c" }'],
    ['split("foo, bar")', '{ "foo","bar" }'],
    ['split("a,,b")', '{ "a","","b" }'],
    ['split("a, ,b")', '{ "a","","b" }'],
    ['split(",a")', '{ "a" }'],
    ['split(",,a")', '{ "","a" }'],
    ['split("a\\nb")', '{ "a\\nb" }'],
    ['split("")', '{  }'],
    ['split("a,b", "")', '{ "a,b" }'],
    ['split("a;b;;c", ";")', '{ "a","b","","c" }'],
    ['split(undefined)', 'error'],
    ['split(error)', 'error'],
    ['split("a", undefined)', 'error'],
    ['split(1)', 'error'],
    ['split()', 'error'],
    ['split("a", ",", 1)', 'error'],
  ]);
});

describe('splitUserName and splitSlotName', () => {
  table([
    ['splitUserName("user@domain")', '{ "user","domain" }'],
    ['splitUserName("username")', '{ "username","" }'],
    ['splitUserName("a@b@c")', '{ "a","b@c" }'],
    ['splitUserName(undefined)', 'error'],
    ['splitUserName(error)', 'error'],
    ['splitUserName(1)', 'error'],
    ['splitUserName()', 'error'],
    ['splitUserName("a", "b")', 'error'],
    ['splitSlotName("slot1@machine")', '{ "slot1","machine" }'],
    ['splitSlotName("machinename")', '{ "","machinename" }'],
    ['splitSlotName(undefined)', 'error'],
    ['splitSlotName(error)', 'error'],
    ['splitSlotName()', 'error'],
    ['splitSlotName("a", "b")', 'error'],
  ]);
});

describe('evalInEachContext and countMatches', () => {
  table([
    ['evalInEachContext(Prio > 2, { [Prio=3;], [Prio=1;] })', '{ true,false }'],
    ['evalInEachContext(Prio, { [Prio=3;], [Prio=1;] })', '{ 3,1 }'],
    ['evalInEachContext(Prio, {})', '{  }'],
    // As HTCondor documents (the compat-layer code differs: spec §11).
    ['evalInEachContext(Prio > 2, { [Prio=3;], UNDEFINED })', 'error'],
    ['evalInEachContext(Prio > 2, UNDEFINED)', 'error'],
    ['evalInEachContext(Prio > 2, error)', 'error'],
    ['evalInEachContext(Prio > 2, 1)', 'error'],
    ['evalInEachContext(Prio)', 'error'],
    ['evalInEachContext(Prio, {}, 1)', 'error'],
    ['countMatches(Prio > 2, { [Prio=3;], [Prio=1;] })', '1'],
    ['countMatches(Prio > 2, { [Prio=3;], UNDEFINED, 7, [Prio=4] })', '2'],
    ['countMatches(Prio, { [Prio=3], [Prio=0], [Prio="x"] })', '1'],
    ['countMatches(Prio > 2, UNDEFINED)', '0'],
    ['countMatches(Prio > 2, error)', 'error'],
    ['countMatches(Prio > 2, "a")', 'error'],
    ['countMatches(Prio)', 'error'],
    ['countMatches(Prio, {}, 1)', 'error'],
  ]);

  it('uses the expression an attribute reference names', () => {
    const ad = '[ Want = Capability > 4; Gpus = { [Capability = 5], [Capability = 3] } ]';
    expect(ev('evalInEachContext(Want, Gpus)', ad)).toBe('{ true,false }');
    expect(ev('evalInEachContext(MY.Want, Gpus)', ad)).toBe('{ true,false }');
    expect(ev('countMatches(Want, Gpus)', ad)).toBe('1');
    // A name that resolves here evaluates to its own (here constant) expression.
    expect(
      ev('evalInEachContext(Capability, Gpus)', '[ Capability = 9; Gpus = { [Capability = 5] } ]'),
    ).toBe('{ 9 }');
  });

  it('lets the nested ads see their enclosing ads', () => {
    expect(ev('evalInEachContext(x + y, { [x = 1] })', '[ y = 10 ]')).toBe('{ 11 }');
  });

  it('works in a match, with the job’s expression and the machine’s GPU ads', () => {
    const job = '[ RequireGPUs = Capability > 4 && Memory > 10; Memory = 1 ]';
    const machine =
      '[ Memory = 64; AvailableGPUs = { GPUs_a, GPUs_b }; GPUs_a = [ Capability = 5.0 ]; GPUs_b = [ Capability = 3.0 ] ]';
    expect(ev('countMatches(RequireGPUs, TARGET.AvailableGPUs)', job, machine)).toBe('1');
    expect(ev('countMatches(RequireGPUs, AvailableGPUs)', job, machine)).toBe('1');
    expect(ev('evalInEachContext(Capability, TARGET.AvailableGPUs)', job, machine)).toBe(
      '{ 5.000000000000000E+00,3.000000000000000E+00 }',
    );
    // Strict semantics: no fallback from the job to the machine.
    expect(ev('countMatches(RequireGPUs, AvailableGPUs)', job, machine, true)).toBe('0');
  });

  it('makes an element’s evaluation failure an ERROR element', () => {
    const attrs = Array.from({ length: 450 }, (_, i) => `a${i} = a${i + 1} + 1`).join('; ');
    const ad = `[ ${attrs}; a450 = 1 ]`;
    expect(ev('countMatches(true, { a0, [x = 1] })', ad)).toBe('1');
    expect(ev('evalInEachContext(true, { a0 })', ad)).toBe('error');
  });
});

describe('envV1ToV2 and mergeEnvironment', () => {
  table([
    ['envV1ToV2("A=1;B=x y")', '"A=1 B=x\' \'y"'],
    ['envV1ToV2("B=2;A=1")', '"A=1 B=2"'],
    ['envV1ToV2("|A=1|B=2;3")', '"A=1 B=2;3"'],
    ['envV1ToV2(";A=1; B=2")', '"A=1 B=2"'],
    ['envV1ToV2("A=1\\nB=it\'s")', "\"A=1 B=it''''s\""],
    ['envV1ToV2("X=$$(Y);$$(Z)")', '"$$(Z) X=$$(Y)"'],
    ['envV1ToV2("")', '""'],
    ['envV1ToV2("A")', 'error'],
    ['envV1ToV2("=1")', 'error'],
    ['envV1ToV2(undefined)', 'undefined'],
    ['envV1ToV2(error)', 'error'],
    ['envV1ToV2(1)', 'error'],
    ['envV1ToV2()', 'error'],
    ['envV1ToV2("A=1", "B=2")', 'error'],
    ['mergeEnvironment("A=1 B=2", undefined, "A=3 C=\'x y\'")', '"A=3 B=2 C=x\' \'y"'],
    ['mergeEnvironment("A=\'\'")', '"A="'],
    ['mergeEnvironment()', '""'],
    ['mergeEnvironment(undefined)', '""'],
    ['mergeEnvironment("A")', 'error'],
    ['mergeEnvironment("A=\'x")', 'error'],
    ['mergeEnvironment("\'\'")', 'error'],
    ['mergeEnvironment(error)', 'error'],
    ['mergeEnvironment("A=1", 1)', 'error'],
  ]);
});

describe('argsToList and listToArgs', () => {
  table([
    ['argsToList("a \'b c\' d")', '{ "a","b c","d" }'],
    ["argsToList(\"it''''s ''\")", '{ "it\'s","" }'],
    ['argsToList("a  b", 1)', '{ "a","b" }'],
    ['argsToList("a \'b\' c", 1)', '{ "a","\'b\'","c" }'],
    ['argsToList("")', '{  }'],
    ['argsToList("a \'b")', 'error'],
    ['argsToList("a", 3)', 'error'],
    ['argsToList("a", 2.0)', 'error'],
    ['argsToList("a", undefined)', 'error'],
    ['argsToList(undefined)', 'error'],
    ['argsToList(error)', 'error'],
    ['argsToList(1)', 'error'],
    ['argsToList()', 'error'],
    ['argsToList("a", 1, 2)', 'error'],
    ['listToArgs({"a","b c","it\'s",""})', "\"a b' 'c it''''s ''\""],
    ['listToArgs({"a  b"})', '"a\'  \'b"'],
    ['listToArgs({"a","b"}, 1)', '"a b"'],
    ['listToArgs({"a","","b"}, 1)', '"a  b"'],
    ['listToArgs({"a","b c"}, 1)', 'error'],
    ['listToArgs({})', '""'],
    ['listToArgs({"a",1})', 'error'],
    ['listToArgs({"a",undefined})', 'error'],
    ['listToArgs({"a"}, 0)', 'error'],
    ['listToArgs(undefined)', 'error'],
    ['listToArgs(error)', 'error'],
    ['listToArgs("a")', 'error'],
    ['listToArgs()', 'error'],
    ['listToArgs({"a"}, 2, 3)', 'error'],
  ]);
  it('round-trips arguments through V2 syntax', () => {
    const args = '{ "x","y z","","it\'s","a\'\' b" }';
    expect(ev(`argsToList(listToArgs(${args}))`)).toBe(args);
  });
});

describe('userHome and userMap (standalone)', () => {
  table([
    ['userHome("root")', 'undefined'],
    ['userHome("root", "/home/x")', '"/home/x"'],
    ['userHome("root", "")', 'undefined'],
    ['userHome(undefined)', 'undefined'],
    ['userHome(undefined, "/d")', '"/d"'],
    ['userHome(1)', 'error'],
    ['userHome(error)', 'error'],
    ['userHome(1, "/d")', '"/d"'],
    ['userHome()', 'error'],
    ['userHome("a", "b", "c")', 'error'],
    ['userMap("groups", "user")', 'undefined'],
    ['userMap("groups", "user", "pref")', 'undefined'],
    ['userMap("groups", "user", "pref", "dflt")', '"dflt"'],
    ['userMap(undefined, "user")', 'undefined'],
    ['userMap(1, "user", "p", 5)', '5'],
    ['userMap(error, "user")', 'error'],
    ['userMap("groups", error, "p", "d")', 'error'],
    ['userMap("groups")', 'error'],
    ['userMap("a", "b", "c", "d", "e")', 'error'],
  ]);
});
