import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classad } from './run.js';

describe('classad eval --lines (the DESIGN.md contract)', () => {
  it('prints one canonical value per input line', () => {
    const r = classad(
      ['eval', '--lines'],
      '1 + 2\n7 / 2.0\n"a\\tb"\n{ 1, x }\n[b = 1; a = 2]\n1 +\n',
    );
    expect(r.stdout).toBe(
      '3\n3.500000000000000E+00\n"a\\tb"\n{ 1,x }\n[ a = 2; b = 1 ]\n' +
        'parse error: 1:4: expected an expression but found the end of the input\n',
    );
  });
  it('resolves names in --ad and pairs --target as in a match, in both modes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'classad-eval-'));
    writeFileSync(join(dir, 'job.ad'), '[ RequestMemory = 2048; x = 1 ]');
    writeFileSync(join(dir, 'slot.ad'), 'Memory = 4096\n');
    const args = ['eval', '--lines', '--ad', join(dir, 'job.ad'), '--target', join(dir, 'slot.ad')];
    const input = 'TARGET.Memory >= RequestMemory\nMemory\nMY.x\n';
    expect(classad(args, input).stdout).toBe('true\n4096\n1\n');
    expect(classad([...args, '--strict'], input).stdout).toBe('true\nundefined\n1\n');
  });
  it('reads old-syntax input with --old', () => {
    expect(classad(['eval', '--lines', '--old'], '"C:\\dir\\"\n').stdout).toBe('"C:\\\\dir\\\\"\n');
  });
});

describe('classad eval in the style of classad_eval', () => {
  it('takes ads, assignments and expressions left to right, printing the context when it changes', () => {
    const r = classad(['eval', 'x = y', 'x', 'y = 7', 'x', '[ x = 6; z = "foo"; ]', 'x']);
    expect(r.stdout).toBe(
      '[ x = y ]\nundefined\n[ x = y; y = 7 ]\n7\n[ x = 6; y = 7; z = "foo" ]\n6\n',
    );
  });
  it('stops printing the context after -quiet', () => {
    const r = classad(['eval', 'x = y', 'x', '-quiet', 'y = 7', 'x', 'a=2', 'a*2']);
    expect(r.stdout).toBe('[ x = y ]\nundefined\n7\n4\n');
  });
  it('reads -my-file and -target-file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'classad-eval-'));
    writeFileSync(join(dir, 'job.ad'), '[ RequestMemory = 2048 ]');
    writeFileSync(join(dir, 'slot.ad'), '[ Memory = 4096 ]');
    const r = classad([
      'eval',
      '-quiet',
      '-my-file',
      join(dir, 'job.ad'),
      '-target-file',
      join(dir, 'slot.ad'),
      'TARGET.Memory - RequestMemory',
    ]);
    expect(r.stdout).toBe('2048\n');
  });
  it('exits 1 on an ad that does not parse', () => {
    const r = classad(['eval', '[ a = ]', 'a']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('<argument>:1:7: error 2001');
  });
});
