// Runs conformance cases (corpus/language) through the library, as the CLI does.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { printValue } from '../../src/eval/convert.js';
import { evaluateIn } from '../../src/eval/evaluate.js';
import { adFromRecord, type AdScope } from '../../src/eval/scope.js';
import { utf8Encode } from '../../src/language/bytes.js';
import { parseExpression, tryParseExpression } from '../../src/language/parser.js';

/** One evaluation case of the corpus. */
export interface EvalCase {
  id: string;
  expr?: string;
  expr_old?: string;
  ad?: string;
  target?: string;
  expect: string;
  expect_strict?: string;
}

/** The cases of corpus/language/NAME.jsonl. */
export function loadCases(name: string): EvalCase[] {
  const path = join(import.meta.dirname, '../../corpus/language', `${name}.jsonl`);
  return readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as EvalCase);
}

function adOf(text: string | undefined, strict: boolean): AdScope | null {
  if (text === undefined) return null;
  const e = parseExpression(utf8Encode(text), { binary: true, strict });
  if (e.kind !== 'Record') throw new Error('ad is not a record');
  return adFromRecord(e);
}

/** What the CLI would print for a case: the value, or PARSE_ERROR. */
export function actual(c: EvalCase, strict: boolean): string {
  const old = c.expr_old !== undefined;
  const text = utf8Encode(old ? c.expr_old! : c.expr!);
  const expr = tryParseExpression(text, { binary: true, strict, oldSyntax: old });
  if (!expr) return 'PARSE_ERROR';
  const ad = adOf(c.ad, strict);
  const target = adOf(c.target, strict) ?? undefined;
  return printValue(evaluateIn(expr, ad, { strict, target }).value);
}

/** The ids (with mode) of the cases whose result differs from the expectation. */
export function failures(cases: EvalCase[]): string[] {
  const out: string[] = [];
  for (const c of cases) {
    for (const strict of [false, true]) {
      const want = utf8Encode(strict ? (c.expect_strict ?? c.expect) : c.expect);
      const got = actual(c, strict);
      if (got !== want) out.push(`${c.id}${strict ? ' (strict)' : ''}: got ${got}, want ${want}`);
    }
  }
  return out;
}
