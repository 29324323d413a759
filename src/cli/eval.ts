/**
 * `classad eval`: evaluate expressions. `--lines` is DESIGN.md's contract (one
 * expression per stdin line, one value per output line); without it the
 * arguments are read as HTCondor's `classad_eval` reads them.
 */
import type { Command } from 'commander';
import { formatDiagnostic, lineColumnAt } from '../language/diagnostics.js';
import { parseAdDocument } from '../language/document.js';
import { parseExpressionWithErrors, tryParseExpression } from '../language/parser.js';
import { printValue } from '../eval/convert.js';
import { evaluateIn } from '../eval/evaluate.js';
import { adFromRecord, AdScope } from '../eval/scope.js';
import { readBytes, splitLines, writeStdout } from './streams.js';

interface EvalOptions {
  lines?: boolean;
  ad?: string;
  target?: string;
  strict?: boolean;
  old?: boolean;
}

/** Reads the single ad of a file (new or old syntax); exits 1 with positions on errors. */
export function readAdFile(path: string, strict: boolean | undefined): AdScope {
  const text = readBytes(path);
  const doc = parseAdDocument(text, { binary: true, strict });
  if (doc.errors.length > 0) {
    const name = path === '-' ? '<stdin>' : path;
    throw new Error(doc.errors.map((d) => formatDiagnostic(text, d, name)).join('\n'));
  }
  if (doc.ads.length !== 1)
    throw new Error(`${path}: expected one ClassAd, found ${doc.ads.length}`);
  return adFromRecord(doc.ads[0]!);
}

/** The output line for one expression: its value, or `parse error: ...`. */
export function evalLine(
  text: string,
  ad: AdScope | null,
  target: AdScope | undefined,
  opts: EvalOptions,
): string {
  const options = { binary: true, oldSyntax: opts.old, strict: opts.strict };
  const expr = tryParseExpression(text, options);
  if (!expr) {
    const first = parseExpressionWithErrors(text, options).errors[0];
    const { line, column } = lineColumnAt(text, first?.start ?? 0);
    return `parse error: ${line}:${column}: ${first?.message ?? 'syntax error'}`;
  }
  return printValue(evaluateIn(expr, ad, { strict: opts.strict, target }).value);
}

/** Registers the `eval` command. */
export function registerEval(program: Command): void {
  program
    .command('eval')
    .description('evaluate ClassAd expressions')
    .option('--lines', 'read one expression per stdin line, print one value per line')
    .option('--ad <file>', 'the ad (MY) that attribute references resolve in')
    .option('--target <file>', 'the TARGET ad, paired with the ad as in a match')
    .option('--strict', 'strict (pure library) semantics instead of HTCondor’s default')
    .option('--old', 'the input lines are in old ClassAd syntax')
    .action((opts: EvalOptions) => {
      const ad = opts.ad ? readAdFile(opts.ad, opts.strict) : null;
      const target = opts.target ? readAdFile(opts.target, opts.strict) : undefined;
      let out = '';
      for (const line of splitLines(readBytes('-'))) out += evalLine(line, ad, target, opts) + '\n';
      writeStdout(out);
    });
}
