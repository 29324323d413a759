/** `classad print --lines [--old]`: parse each stdin line and print it back canonically. */
import type { Command } from 'commander';
import { lineColumnAt } from '../language/diagnostics.js';
import { parseExpressionWithErrors, tryParseExpression } from '../language/parser.js';
import { printExpr } from '../language/printer.js';
import { readBytes, splitLines, writeStdout } from './streams.js';

/** Registers the `print` command. */
export function registerPrint(program: Command): void {
  program
    .command('print')
    .description('parse expressions (one per line with --lines) and print them back unevaluated')
    .option('--lines', 'read one expression per input line and print one line per input line')
    .option('--old', 'print in old ClassAd syntax')
    .option('--old-input', 'read the input in old ClassAd syntax')
    .option('--strict', 'strict (pure library) semantics instead of HTCondor’s default')
    .argument('[file]', 'input file, or - for stdin', '-')
    .action(
      (
        file: string,
        opts: { lines?: boolean; old?: boolean; oldInput?: boolean; strict?: boolean },
      ) => {
        const input = readBytes(file);
        const texts = opts.lines ? splitLines(input) : [input];
        let out = '';
        for (const text of texts) {
          out += printLine(text, opts) + '\n';
        }
        writeStdout(out);
      },
    );
}

/** The output line for one input expression: its canonical print or `parse error: ...`. */
export function printLine(
  text: string,
  opts: { old?: boolean; oldInput?: boolean; strict?: boolean },
): string {
  const options = { binary: true, oldSyntax: opts.oldInput, strict: opts.strict };
  const expr = tryParseExpression(text, options);
  if (expr) return printExpr(expr, { oldSyntax: opts.old });
  const first = parseExpressionWithErrors(text, options).errors[0];
  const { line, column } = lineColumnAt(text, first?.start ?? 0);
  return `parse error: ${line}:${column}: ${first?.message ?? 'syntax error'}`;
}
