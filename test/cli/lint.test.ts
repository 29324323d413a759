import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classad } from './run.js';

describe('classad lint', () => {
  it('reports all three errors of a file with line:column and code frames, exit 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'classad-lint-'));
    const file = join(dir, 'job.ad');
    writeFileSync(file, 'Owner = "alice"\nRequestMemory = 1024 *\nArgs = "a\n\nRank = (Memory\n');
    const r = classad(['lint', file]);
    expect(r.status).toBe(1);
    const heads = r.stderr.split('\n').filter((l) => l.startsWith(file));
    expect(heads).toEqual([
      `${file}:2:23: error 2002: expected an expression but found the end of the input`,
      `${file}:3:8: error 1002: this string is never closed: expected a closing "`,
      `${file}:5:15: error 2002: expected ')' but found the end of the input`,
    ]);
    expect(r.stderr).toContain('2 | RequestMemory = 1024 *\n  |                       ^');
    expect(r.stderr.trimEnd().endsWith('3 errors')).toBe(true);
  });
  it('exits 0 and prints nothing for a clean file, from stdin too', () => {
    const r = classad(['lint', '-'], '[ a = 1; b = a + 1 ]\n');
    expect([r.status, r.stdout, r.stderr]).toEqual([0, '', '']);
  });
  it('lints the bundled machine ads cleanly', () => {
    expect(classad(['lint', 'corpus/match/machines.ads']).status).toBe(0);
  });
});
