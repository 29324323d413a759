import { describe, expect, it } from 'vitest';
import { expressionKind, formatLintFinding, lintConfig } from '../../src/config/lint.js';
import { resolveText } from './helpers.js';

const lint = (text: string) =>
  lintConfig(resolveText(text)).map(
    (f) => `${f.line}:${f.column} ${f.severity}${f.code ? ' ' + f.code : ''}: ${f.message}`,
  );

describe('lint', () => {
  it('knows which knobs hold ClassAd expressions', () => {
    expect(expressionKind('START')).toBe('expression');
    expect(expressionKind('STARTD.START')).toBe('expression');
    expect(expressionKind('SYSTEM_PERIODIC_REMOVE')).toBe('expression');
    expect(expressionKind('SYSTEM_PERIODIC_HOLD_REASON')).toBe('reason');
    expect(expressionKind('SUBMIT_REQUIREMENT_NotRoot')).toBe('expression');
    expect(expressionKind('SUBMIT_REQUIREMENT_NotRoot_REASON')).toBe('reason');
    expect(expressionKind('SUBMIT_REQUIREMENT_NAMES')).toBeUndefined();
    expect(expressionKind('SPOOL')).toBeUndefined();
    expect(expressionKind('Department', new Set(['DEPARTMENT']))).toBe('attribute');
  });
  it('accepts valid expressions, including ones split over lines and in @= bodies', () => {
    expect(
      lint(
        [
          'START = KeyboardIdle > 15 * $(MINUTE)',
          'MINUTE = 60',
          'SYSTEM_PERIODIC_REMOVE = (JobStatus == 5) || \\',
          '   (NumJobStarts > 10)',
          'SUBMIT_REQUIREMENT_NAMES = Disk',
          'SUBMIT_REQUIREMENT_Disk @=req',
          '  (RequestDisk =?= undefined) || \\',
          '  (RequestDisk < 500)',
          '@req',
          'SUBMIT_REQUIREMENT_Disk_REASON = "too much disk"',
          '',
        ].join('\n'),
      ),
    ).toEqual([]);
  });
  it('reports syntax errors at their place in the file, across continuation lines', () => {
    expect(lint('A = 1\nSTART = (KeyboardIdle > \\\n   15 &&\n')).toEqual([
      '3:9 error 2002: START: expected an expression but found the end of the input',
    ]);
    expect(lint('PREEMPT = a b\n')).toEqual([
      `1:13 error 2003: PREEMPT: unexpected 'b' after a complete expression (if this is meant to be a string, quote it: "a b")`,
    ]);
  });
  it('spells out a string value that was not quoted', () => {
    expect(
      lint(
        'SUBMIT_REQUIREMENT_X = Owner != "root"\nSUBMIT_REQUIREMENT_X_REASON = Jobs may not run as root\n',
      ),
    ).toEqual([
      `2:36 error 2003: SUBMIT_REQUIREMENT_X_REASON: unexpected 'may' after a complete expression (a string value must be quoted: "Jobs may not run as root")`,
    ]);
    expect(
      lint(
        'SUBMIT_ATTRS = $(SUBMIT_ATTRS) Department Wrapper\nDepartment = physics\nWrapper = /opt/x/wrap.sh\n',
      ),
    ).toEqual([
      `2:14 warning: Department: 'physics' is an attribute reference, not a string; write "physics" if a string is meant`,
      `3:11 error 2001: Wrapper: expected an expression but found '/' (a string value must be quoted: "/opt/x/wrap.sh")`,
    ]);
  });
  it('parses the expanded value and reports errors inside an expansion at the reference', () => {
    expect(lint('BAD = 1 2\nSTART = $(BAD) && x\n')).toEqual([
      "2:9 error 2003: START: unexpected '2' after a complete expression",
    ]);
    expect(lint('BAD = ( 1 +\nSTART = $(BAD) && x\n')).toEqual([
      "2:16 error 2001: START: expected an expression but found '&&'",
      "2:20 error 2002: START: expected ')' but found the end of the input",
    ]);
  });
  it('checks that SUBMIT_REQUIREMENT_NAMES names defined requirements, and reports read errors', () => {
    expect(lint('SUBMIT_REQUIREMENT_NAMES = A, B\nSUBMIT_REQUIREMENT_A = true\njunk\n')).toEqual([
      "3:5 error: expected '=', ':', '+=' or '@=' after 'junk'",
      '1:28 warning: SUBMIT_REQUIREMENT_NAMES names B, but SUBMIT_REQUIREMENT_B is not defined',
    ]);
  });
  it('formats findings with a code frame', () => {
    const [f] = lintConfig(resolveText('START = 1 +\n'));
    expect(formatLintFinding(f!)).toBe(
      `${f!.file}:1:12: error 2002: START: expected an expression but found the end of the input\n1 | START = 1 +\n  |            ^`,
    );
  });
});
