import { describe, expect, it } from 'vitest';
import type { JobqIssue } from '../../src/jobq/issues.js';
import { isKeyBytes, isNameBytes, RecordReader } from '../../src/jobq/recordReader.js';

interface Line {
  line: number;
  op: number;
  text: string;
  words: string[];
  value?: string;
}

/** Reads `text` (bytes) in chunks of `chunk` bytes; returns the lines and the issues. */
function read(text: string, chunk = 1 << 20): { lines: Line[]; issues: JobqIssue[]; eol?: string } {
  const lines: Line[] = [];
  const issues: JobqIssue[] = [];
  const r = new RecordReader(
    {
      record(v) {
        const s = (a: number, b: number) => v.buf.toString('latin1', a, b);
        const words: string[] = [];
        if (v.op === 101 || v.op === 107)
          words.push(s(v.w0s, v.w0e), s(v.w1s, v.w1e), s(v.w2s, v.w2e));
        if (v.op === 102) words.push(s(v.w0s, v.w0e));
        if (v.op === 103 || v.op === 104) words.push(s(v.w0s, v.w0e), s(v.w1s, v.w1e));
        lines.push({
          line: v.lineNo,
          op: v.op,
          text: s(v.start, v.end),
          words,
          value: v.op === 103 || v.op === 106 ? s(v.vs, v.ve) : undefined,
        });
      },
    },
    { issue: (i) => issues.push(i) },
  );
  const buf = Buffer.from(text, 'latin1');
  for (let i = 0; i < buf.length; i += chunk) r.push(buf.subarray(i, i + chunk));
  r.finish();
  return { lines, issues, eol: r.eol };
}

const brief = (issues: JobqIssue[]) =>
  issues.map((i) => `${i.severity} ${i.code} ${i.line}:${i.column ?? ''}`);

describe('RecordReader', () => {
  it('reads every op in the writer form', () => {
    const log =
      '107 314 CreationTimestamp 1354534999\n101 0.0 Job Machine\n105 \n' +
      '103 0.0 NextClusterNum 24004\n103 023605.-1 Cmd "/bin/sleep"\n104 1.0 HoldReason\n' +
      '102 1.0\n106 \n106 # 2026-08-21T15:16:39.123456 NONDURABLE\n';
    const { lines, issues, eol } = read(log);
    expect(issues).toEqual([]);
    expect(eol).toBe('lf');
    expect(lines.map((l) => [l.op, ...l.words, l.value ?? ''])).toEqual([
      [107, '314', 'CreationTimestamp', '1354534999', ''],
      [101, '0.0', 'Job', 'Machine', ''],
      [105, ''],
      [103, '0.0', 'NextClusterNum', '24004'],
      [103, '023605.-1', 'Cmd', '"/bin/sleep"'],
      [104, '1.0', 'HoldReason', ''],
      [102, '1.0', ''],
      [106, ''],
      [106, ' 2026-08-21T15:16:39.123456 NONDURABLE'],
    ]);
  });

  it('gives the same lines and issues whatever the chunk size', () => {
    const log =
      '107 1 CreationTimestamp 5\n101 1.0 Job Machine\n103 1.0 A "x y"\n105\n103 1.0 B \n' +
      '103 1.0 C ' +
      'v'.repeat(3000) +
      '\n106 \n';
    const whole = read(log);
    for (const chunk of [1, 2, 3, 7, 64, 4096]) expect(read(log, chunk)).toEqual(whole);
    expect(brief(whole.issues)).toEqual(['error op-needs-space 4:4', 'error empty-value 5:11']);
  });

  it('keeps a value with a leading space, and one with tabs inside', () => {
    const { lines, issues } = read('103 1.0 OnExitHold  !(ExitCode == 0)\n103 1.0 D "a\tb"\n');
    expect(issues).toEqual([]);
    expect(lines.map((l) => l.value)).toEqual([' !(ExitCode == 0)', '"a\tb"']);
  });

  it('reports what the reader would reject, with line and column', () => {
    const cases: [string, string][] = [
      ['105\n', 'error op-needs-space 1:4'],
      ['106\n', 'error op-needs-space 1:4'],
      ['105 x\n', 'error extra-text 1:5'],
      ['106 x\n', 'error extra-text 1:5'],
      ['106 #\n', 'error empty-comment 1:6'],
      ['108 1.0\n', 'error bad-op 1:1'],
      ['abc\n', 'error bad-op 1:1'],
      ['\n', 'error blank-line 1:1'],
      ['  \n', 'error blank-line 1:1'],
      ['101 1.0 Job\n', 'error word-count 1:12'],
      ['101\n', 'error word-count 1:4'],
      ['101 1.0 Job Machine extra\n', 'error word-count 1:21'],
      ['102 1.0 \n', 'error trailing-whitespace 1:8'],
      ['104 1.0 A \n', 'error trailing-whitespace 1:10'],
      ['107 1 CreationTimestamp 5 \n', 'error trailing-whitespace 1:26'],
      ['107 x CreationTimestamp 5\n', 'error bad-number 1:5'],
      ['103 1.0 Cmd\n', 'error missing-value 1:12'],
      ['103 1.0\n', 'error missing-value 1:8'],
      ['103 1.0 Cmd \n', 'error empty-value 1:13'],
      ['103 1.0 Cmd   \n', 'error empty-value 1:13'],
      ['103 x.y Cmd 1\n', 'error bad-key 1:5'],
      ['102 1\n', 'error bad-key 1:5'],
      ['103 1.0 A-b 1\n', 'error bad-name 1:9'],
      ['104 1.0 9a\n', 'error bad-name 1:9'],
      ['103 1.0 A "x\0y"\n', 'error nul-byte 1:13'],
      ['103 1.0 A 1', 'error no-final-lf 1:12'],
    ];
    for (const [log, expected] of cases)
      expect([log, brief(read(log).issues)]).toEqual([log, [expected]]);
  });

  it('accepts other whitespace between words, with a warning', () => {
    const { lines, issues } = read('101\t1.0  Job Machine\n 103 1.0 A 1\n103 1.0\tB 2\n');
    expect(lines.map((l) => l.op)).toEqual([101, 103, 103]);
    expect(lines[2]!.words).toEqual(['1.0', 'B']);
    expect(brief(issues)).toEqual([
      'warning separator 1:4',
      'warning separator 2:1',
      'warning separator 3:8',
    ]);
  });

  it('reads CRLF logs with the CR stripped, and rejects mixed line ends', () => {
    const crlf = read('105 \r\n103 1.0 A "x"\r\n106 \r\n');
    expect(crlf.eol).toBe('crlf');
    expect(crlf.issues).toEqual([]);
    expect(crlf.lines.map((l) => l.value ?? l.op)).toEqual([105, '"x"', '']);
    expect(brief(read('105 \r\n106 \n').issues)).toEqual(['error eol-mixed 2:5']);
    expect(brief(read('105 \n106 \r\n').issues)).toEqual(['error eol-mixed 2:5']);
  });

  it('counts lines, bytes and records', () => {
    const r = new RecordReader({ record() {} }, { issue() {} });
    r.push(Buffer.from('105 \n103 1.0 A 1\n106 \n10'));
    r.push(Buffer.from('8 x\n'));
    r.finish();
    expect([r.lines, r.bytes, r.ops]).toEqual([
      4,
      28,
      { 101: 0, 102: 0, 103: 1, 104: 0, 105: 1, 106: 1, 107: 0 },
    ]);
  });
});

describe('keys and names', () => {
  const key = (s: string) => isKeyBytes(Buffer.from(s), 0, s.length);
  const name = (s: string) => isNameBytes(Buffer.from(s), 0, s.length);
  it('accepts cluster.proc keys, as the schedd writes them', () => {
    for (const k of ['0.0', '1.0', '01.-1', '023605.-1', '1.-2', '7.-100', '-1.-1'])
      expect([k, key(k)]).toEqual([k, true]);
    for (const k of ['1', '1.', '.1', '1.0.0', 'a.b', '1.-', 'Customer.alice'])
      expect([k, key(k)]).toEqual([k, false]);
  });
  it('accepts attribute names', () => {
    for (const n of ['Iwd', 'x509userproxy', '_X', 'A.B', 'NumCkpts_RAW'])
      expect(name(n)).toBe(true);
    for (const n of ['', '9a', 'a-b', 'a$b', 'ü']) expect(name(n)).toBe(false);
  });
});
