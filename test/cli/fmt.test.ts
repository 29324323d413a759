import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classad } from './run.js';

const messy =
  '# a slot\nName   =  "slot1"\nMemory=1024\nReq = TARGET.x=?=1&&a\n\n\n\nLoadAvg = 0.270\n';
const tidy =
  '# a slot\nName = "slot1"\nMemory = 1024\nReq = TARGET.x =?= 1 && a\n\nLoadAvg = 0.27\n';

describe('classad fmt', () => {
  it('formats old long form in place of each line, keeping comments', () => {
    expect(classad(['fmt', '-'], messy).stdout).toBe(tidy);
  });
  it('converts between syntaxes', () => {
    const asNew = classad(['fmt', '--to', 'new', '-'], tidy).stdout;
    expect(asNew).toBe(
      '[\n  Name = "slot1";\n  Memory = 1024;\n  Req = TARGET.x is 1 && a;\n]\n\n[\n  LoadAvg = 2.700000000000000E-01;\n]\n',
    );
    expect(classad(['fmt', '--to', 'old', '-'], asNew).stdout).toBe(
      'Name = "slot1"\nMemory = 1024\nReq = TARGET.x =?= 1 && a\n\nLoadAvg = 0.27\n',
    );
  });
  it('--check exits 1 for an unformatted file and 0 for a formatted one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'classad-fmt-'));
    writeFileSync(join(dir, 'a.ad'), messy);
    writeFileSync(join(dir, 'b.ad'), tidy);
    const bad = classad(['fmt', '--check', join(dir, 'a.ad')]);
    expect([bad.status, bad.stderr]).toEqual([1, `${join(dir, 'a.ad')}: not formatted\n`]);
    expect(classad(['fmt', '--check', join(dir, 'b.ad')]).status).toBe(0);
  });
  it('--write rewrites only when asked, and never a file with errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'classad-fmt-'));
    const file = join(dir, 'a.ad');
    writeFileSync(file, messy);
    expect(classad(['fmt', file]).status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(messy);
    expect(classad(['fmt', '--write', file]).status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(tidy);
    writeFileSync(file, 'A = (1\n');
    const r = classad(['fmt', '--write', file]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(':1:7: error 2002');
    expect(readFileSync(file, 'utf8')).toBe('A = (1\n');
  });
  it('refuses to drop new-syntax comments when rewriting', () => {
    const dir = mkdtempSync(join(tmpdir(), 'classad-fmt-'));
    const file = join(dir, 'a.ad');
    writeFileSync(file, '[ a = 1; // the answer\n]\n');
    expect(classad(['fmt', '--write', file]).status).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe('[ a = 1; // the answer\n]\n');
  });
});

describe('classad fmt with HTCondor JSON', () => {
  const old = 'A = 1\nB = "x"\nC = { 1,2 }\nR = TARGET.x > 1\n';
  it('converts old long form to JSON and back', () => {
    const json = classad(['fmt', '--to', 'json', '-'], old).stdout;
    expect(json).toBe(
      '[\n{\n  "A": 1,\n  "B": "x",\n  "C": [\n    1,\n    2\n  ],\n  "R": "\\/Expr(TARGET.x > 1)\\/"\n}\n]\n',
    );
    expect(classad(['fmt', '--to', 'old', '-'], json).stdout).toBe(old);
  });
  it('detects JSON input and checks that it is formatted', () => {
    const json = classad(['fmt', '--to', 'json', '-'], old).stdout;
    expect(classad(['fmt', '--check', '-'], json).status).toBe(0);
  });
});
