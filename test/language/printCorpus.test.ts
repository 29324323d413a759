// The print conformance corpus (corpus/print, values from HTCondor's C++ unparser),
// run through the library: every case, new and old syntax, byte for byte.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { utf8Encode } from '../../src/language/bytes.js';
import { tryParseExpression } from '../../src/language/parser.js';
import { printExpr } from '../../src/language/printer.js';

interface PrintCase {
  id: string;
  expr: string;
  print: string;
  print_old?: string;
}

const dir = join(import.meta.dirname, '../../corpus/print');
const files = readdirSync(dir).filter((f) => f.endsWith('.jsonl'));

function printed(expr: string, oldSyntax: boolean): string {
  // The CLI feeds bytes; do the same (the expected values are UTF-8 text).
  const ast = tryParseExpression(utf8Encode(expr), { binary: true });
  return ast ? printExpr(ast, { oldSyntax }) : 'PARSE_ERROR';
}

describe('corpus/print', () => {
  it('has the cases the corpus README lists', () => {
    const total = files
      .map((f) => readFileSync(join(dir, f), 'utf8').trim().split('\n').length)
      .reduce((a, b) => a + b, 0);
    expect(total).toBe(402);
  });
  for (const file of files) {
    const cases: PrintCase[] = readFileSync(join(dir, file), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as PrintCase);
    it(`${file}: new syntax`, () => {
      const failures = cases
        .filter((c) => printed(c.expr, false) !== utf8Encode(c.print))
        .map((c) => `${c.id}: ${c.expr} -> ${printed(c.expr, false)} (want ${c.print})`);
      expect(failures).toEqual([]);
    });
    it(`${file}: old syntax`, () => {
      const failures = cases
        .filter((c) => c.print_old !== undefined)
        .filter((c) => printed(c.expr, true) !== utf8Encode(c.print_old!))
        .map((c) => `${c.id}: ${c.expr} -> ${printed(c.expr, true)} (want ${c.print_old})`);
      expect(failures).toEqual([]);
    });
  }
});
