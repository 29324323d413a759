import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { utf8Encode } from '../../src/language/bytes.js';
import { classad, root } from './run.js';

interface PrintCase {
  id: string;
  expr: string;
  print: string;
  print_old?: string;
}

const cases: PrintCase[] = readdirSync(join(root, 'corpus/print'))
  .filter((f) => f.endsWith('.jsonl'))
  .flatMap((f) =>
    readFileSync(join(root, 'corpus/print', f), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as PrintCase),
  );

/** The conformance runner's reading: a line starting `parse error` is PARSE_ERROR. */
function normalize(line: string): string {
  return line.startsWith('parse error') ? 'PARSE_ERROR' : line;
}

describe('classad print --lines (the DESIGN.md contract)', () => {
  const input = cases.map((c) => utf8Encode(c.expr) + '\n').join('');
  it('prints every corpus case in new syntax, one line per input line', () => {
    const r = classad(['print', '--lines'], input);
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n').slice(0, -1);
    expect(lines).toHaveLength(cases.length);
    const failures = cases.filter((c, i) => normalize(lines[i]!) !== utf8Encode(c.print));
    expect(failures.map((c) => c.id)).toEqual([]);
  });
  it('prints every corpus case in old syntax with --old', () => {
    // Cases without print_old print a raw newline in old syntax: not one line.
    const oldCases = cases.filter((c) => c.print_old !== undefined);
    const r = classad(
      ['print', '--lines', '--old'],
      oldCases.map((c) => utf8Encode(c.expr) + '\n').join(''),
    );
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n').slice(0, -1);
    expect(lines).toHaveLength(oldCases.length);
    const failures = oldCases.filter((c, i) => normalize(lines[i]!) !== utf8Encode(c.print_old!));
    expect(failures.map((c) => c.id)).toEqual([]);
  });
  it('keeps bytes that are not UTF-8', () => {
    expect(classad(['print', '--lines', '--old'], '"\xff\x80"\n').stdout).toBe('"\xff\x80"\n');
    expect(classad(['print', '--lines'], '"\xff\x80"\n').stdout).toBe('"\\377\\200"\n');
  });
  it('reads old-syntax input with --old-input', () => {
    expect(classad(['print', '--lines', '--old-input'], '"C:\\dir\\"\n').stdout).toBe(
      '"C:\\\\dir\\\\"\n',
    );
  });
  it('says where a line fails to parse', () => {
    expect(classad(['print', '--lines'], '1 +\n(2\n').stdout).toBe(
      'parse error: 1:4: expected an expression but found the end of the input\n' +
        "parse error: 1:3: expected ')' but found the end of the input\n",
    );
  });
  it('exits 2 on bad usage', () => {
    expect(classad(['print', '--no-such-flag']).status).toBe(2);
    expect(classad(['no-such-command']).status).toBe(2);
  });
});

describe('classad print --lines on deep but legal nesting', () => {
  it('parses up to HTCondor’s 500 levels even where the main stack is too small (worker fallback)', () => {
    const deep = (open: string, close: string, n: number) => open.repeat(n) + '1' + close.repeat(n);
    const input = [
      deep('[a=', ']', 499),
      deep('{', '}', 499),
      deep('f(', ')', 499),
      deep('(', ')', 600),
    ]
      .map((l) => l + '\n')
      .join('');
    const lines = classad(['print', '--lines'], input).stdout.split('\n');
    expect(lines[0]!.startsWith('[ a = '.repeat(499) + '1 ]')).toBe(true);
    expect(lines[1]).toBe('{ '.repeat(499) + '1' + ' }'.repeat(499));
    expect(lines[2]).toBe('f('.repeat(499) + '1' + ')'.repeat(499));
    expect(lines[3]).toBe('parse error: 1:500: expression nested more than 500 levels deep');
  });
});
