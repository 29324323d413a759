/** `classad fmt FILE...`: pretty-print ad files, check formatting, convert syntax. */
import { type Command, InvalidArgumentError } from 'commander';
import { formatAds, type AdFileSyntax } from '../io/formatAds.js';
import { codeFrame } from '../language/diagnostics.js';
import { readBytes, writeFileAtomic, writeStdout } from './streams.js';

interface FmtOptions {
  check?: boolean;
  write?: boolean;
  to?: AdFileSyntax;
  output?: string;
  strict?: boolean;
  syntax?: AdFileSyntax;
}

function syntaxChoice(value: string): AdFileSyntax {
  if (value !== 'old' && value !== 'new' && value !== 'json')
    throw new InvalidArgumentError('expected old, new or json');
  return value;
}

/** The offset of a 1-based line and column in a text. */
function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', offset);
    if (nl < 0) break;
    offset = nl + 1;
  }
  return offset + column - 1;
}

/** Registers the `fmt` command. */
export function registerFmt(program: Command): void {
  program
    .command('fmt')
    .description('pretty-print ClassAd files in canonical form (old or new syntax, or JSON)')
    .argument('<files...>', 'ad files, or - for stdin')
    .option('--check', 'print nothing; exit 1 if a file is not formatted')
    .option('--write', 'rewrite the files in place (atomically)')
    .option('--to <syntax>', 'convert to old or new syntax, or HTCondor JSON', syntaxChoice)
    .option('-o, --output <file>', 'write the result to a file (atomically) instead of stdout')
    .option(
      '--syntax <syntax>',
      'input syntax: old, new or json (default: detected per file)',
      syntaxChoice,
    )
    .option('--strict', 'strict (pure library) semantics instead of HTCondor’s default')
    .action((files: string[], opts: FmtOptions, command: Command) => {
      if (opts.write && files.includes('-'))
        command.error('--write cannot rewrite stdin', { exitCode: 2 });
      if (opts.output && files.length !== 1)
        command.error('--output takes exactly one input file', { exitCode: 2 });
      let failed = false;
      let stdout = '';
      for (const file of files) {
        const name = file === '-' ? '<stdin>' : file;
        const text = readBytes(file);
        const result = formatAds(text, { strict: opts.strict, syntax: opts.syntax, to: opts.to });
        if (result.output === undefined) {
          let message = '';
          for (const e of result.errors) {
            const at = offsetOf(text, e.line, e.column);
            message += `${name}:${e.line}:${e.column}: error ${e.code}: ${e.message}\n${codeFrame(text, at, at + 1)}\n`;
          }
          process.stderr.write(Buffer.from(message, 'latin1'));
          failed = true;
          continue;
        }
        if (opts.check) {
          if (result.output !== text) {
            process.stderr.write(`${name}: not formatted\n`);
            failed = true;
          }
          continue;
        }
        if (result.droppedComments && (opts.write || !opts.to)) {
          process.stderr.write(
            `${name}: comments cannot be kept when formatting new syntax${opts.write ? '; not rewritten' : ''}\n`,
          );
          if (opts.write) {
            failed = true;
            continue;
          }
        }
        if (opts.write) {
          if (result.output !== text) writeFileAtomic(file, result.output);
        } else if (opts.output) writeFileAtomic(opts.output, result.output);
        else stdout += result.output;
      }
      if (stdout) writeStdout(stdout);
      if (failed) process.exitCode = 1;
    });
}
