import { describe, expect, it } from 'vitest';
import { JobqInputError } from '../../src/jobq/issues.js';
import { defaultRules } from '../../src/jobq/rules.js';
import { formatRules, parseRulesFile } from '../../src/jobq/rulesFile.js';

function errors(text: string): string[] {
  try {
    parseRulesFile(text, 'site.rules');
  } catch (e) {
    expect(e).toBeInstanceOf(JobqInputError);
    return (e as JobqInputError).message.split('\n');
  }
  return [];
}

describe('parseRulesFile', () => {
  it('reads a new-syntax ClassAd that extends the shipped rules', () => {
    const rules = parseRulesFile(
      '[\n  // site attributes\n  Path = { "MyInputDir" };\n  List = { "MyInputs", "Iwd" };\n  None = "GlobalJobId";\n]\n',
    );
    expect(rules.shapeOf('MyInputDir')).toBe('path');
    expect(rules.shapeOf('myinputs')).toBe('list');
    expect(rules.shapeOf('Iwd')).toBe('list'); // a listed attribute replaces its shipped rule
    expect(rules.shapeOf('GlobalJobId')).toBe('none');
    expect(rules.shapeOf('Cmd')).toBe('path');
    expect(rules.shapeOf('Anything')).toBe('text');
  });

  it('reads old syntax, and replaces the shipped rules with Extends = false', () => {
    const rules = parseRulesFile('Extends = false\nDefault = "none"\nText = { "Environment" }\n');
    expect(rules.shapeOf('Environment')).toBe('text');
    expect(rules.shapeOf('Iwd')).toBe('none');
    expect(rules.attributes.size).toBe(1);
  });

  it('names file, line and column of every mistake', () => {
    expect(errors('[ Paths = { "Iwd" }; Default = "dir"; Extends = 1; Path = { 3 } ]')).toEqual([
      'site.rules:1:3: error: unknown rules attribute "Paths": expected Extends, Default, Path, List, Remap, Text or None',
      'site.rules:1:32: error: Default must be one of the strings path, list, remap, text, none',
      'site.rules:1:49: error: Extends must be true or false',
      'site.rules:1:61: error: Path lists attribute names: expected a string such as "Iwd"',
    ]);
    expect(errors('[ Path = { "A" };\n  List = { "a" } ]')).toEqual([
      'site.rules:2:12: error: a is listed twice (also as path at line 1; names ignore case)',
    ]);
    expect(errors('[ Path = { "A" ]')[0]).toMatch(/^site.rules:1:16: error: /);
    expect(errors('[ Path = {} ] [ List = {} ]')[0]).toMatch(
      /expected exactly one ClassAd of rules, found 2/,
    );
  });

  it('prints rules as a rules file that reads back the same', () => {
    const text = formatRules(defaultRules());
    expect(text).toMatch(/^\[\n {2}\/\/ jobqmd rewrite rules/);
    expect(text).toContain(
      '  Extends = false;\n  Default = "text";\n  Path = {\n    "AzureAuthFile",\n',
    );
    const back = parseRulesFile(text);
    expect(back.defaultShape).toBe('text');
    expect([...back.attributes.values()]).toEqual(
      expect.arrayContaining([...defaultRules().attributes.values()]),
    );
    expect(back.attributes.size).toBe(defaultRules().attributes.size);
  });
});
