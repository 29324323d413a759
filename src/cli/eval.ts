/**
 * `classad eval`: evaluate expressions. `--lines` is DESIGN.md's contract (one
 * expression per stdin line, one value per output line); without it the
 * arguments are read as HTCondor's `classad_eval` reads them.
 */
import type { Command } from 'commander';
import type { RecordExpr } from '../language/ast.js';
import { utf8Encode } from '../language/bytes.js';
import { splitLongFormLine } from '../language/oldAd.js';
import { printExpr } from '../language/printer.js';
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

/**
 * HTCondor's `classad_eval`: arguments are ads (`'[a=1]'`), assignments
 * (`a=2`) and expressions, taken left to right; `-quiet`, `-my-file`/`-file`,
 * `-target-file` as options among them. Before the first expression, and
 * after every change of the context ad, the ad is printed unless quiet.
 */
export function classadEval(items: string[], strict: boolean | undefined): number {
  let ad = new AdScope();
  let target: AdScope | undefined;
  let quiet = false;
  let changed = true;
  let out = '';
  const flush = () => {
    if (out) writeStdout(out);
    out = '';
  };
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item === '-quiet' || item === '--quiet') {
      quiet = true;
      continue;
    }
    if (['-file', '-my-file', '--my-file', '-target-file', '--target-file'].includes(item)) {
      const path = items[++i];
      if (path === undefined) {
        flush();
        process.stderr.write(`classad eval: ${item} needs a file name\n`);
        return 2;
      }
      const read = readAdFile(path, strict);
      if (item.includes('target')) target = read;
      else {
        ad = read;
        changed = true;
      }
      continue;
    }
    const text = utf8Encode(item);
    const first = text.trimStart();
    if (first.startsWith('[')) {
      const doc = parseAdDocument(text, { binary: true, strict, syntax: 'new' });
      if (doc.errors.length > 0 || doc.ads.length !== 1) {
        flush();
        process.stderr.write(
          Buffer.from(
            doc.errors.map((d) => formatDiagnostic(text, d, '<argument>')).join('\n') + '\n',
            'latin1',
          ),
        );
        return 1;
      }
      for (const a of doc.ads[0]!.attrs) ad.bind(a.name, a.value);
      changed = true;
      continue;
    }
    const assignment = /^\s*[A-Za-z_][A-Za-z0-9_]*\s*=(?!=|\?=|!=)/.test(text)
      ? splitLongFormLine(text)
      : undefined;
    if (assignment) {
      const r = parseExpressionWithErrors(text, {
        binary: true,
        strict,
        start: assignment.valueStart,
      });
      if (r.errors.length > 0) {
        flush();
        process.stderr.write(
          Buffer.from(
            r.errors.map((d) => formatDiagnostic(text, d, '<argument>')).join('\n') + '\n',
            'latin1',
          ),
        );
        return 1;
      }
      ad.bind(assignment.name, r.value);
      changed = true;
      continue;
    }
    if (changed && !quiet) out += printExpr(adFromScope(ad)) + '\n';
    changed = false;
    out += evalLine(text, ad, target, { strict }) + '\n';
  }
  flush();
  return 0;
}

function adFromScope(ad: AdScope): RecordExpr {
  return {
    kind: 'Record',
    attrs: ad.entries().map((e) => ({ name: e.name, value: e.expr, nameStart: -1, nameEnd: -1 })),
    start: -1,
    end: -1,
  };
}

/** Registers the `eval` command. */
export function registerEval(program: Command): void {
  program
    .command('eval')
    .description(
      'evaluate ClassAd expressions: --lines reads stdin; otherwise arguments are ads, assignments and expressions, as HTCondor’s classad_eval takes them',
    )
    .argument(
      '[items...]',
      "ads ('[a=1]'), assignments (a=2), expressions, -quiet, -my-file F, -target-file F",
    )
    .allowUnknownOption()
    .option('--lines', 'read one expression per stdin line, print one value per line')
    .option('--ad <file>', 'the ad (MY) that attribute references resolve in')
    .option('--target <file>', 'the TARGET ad, paired with the ad as in a match')
    .option('--strict', 'strict (pure library) semantics instead of HTCondor’s default')
    .option('--old', 'the input lines are in old ClassAd syntax')
    .action((items: string[], opts: EvalOptions) => {
      if (!opts.lines) {
        process.exitCode = classadEval(items, opts.strict);
        return;
      }
      const ad = opts.ad ? readAdFile(opts.ad, opts.strict) : null;
      const target = opts.target ? readAdFile(opts.target, opts.strict) : undefined;
      let out = '';
      for (const line of splitLines(readBytes('-'))) out += evalLine(line, ad, target, opts) + '\n';
      writeStdout(out);
    });
}
