/** `classad lint FILE...`: report every syntax error of ad files, with code frames. */
import type { Command } from 'commander';
import { formatDiagnostic } from '../language/diagnostics.js';
import { parseAdDocument, type DocumentSyntax } from '../language/document.js';
import { readBytes } from './streams.js';

interface LintOptions {
  strict?: boolean;
  syntax?: DocumentSyntax;
}

/** Registers the `lint` command. */
export function registerLint(program: Command): void {
  program
    .command('lint')
    .description('report every syntax error in ClassAd files (old or new syntax); exit 1 if any')
    .argument('<files...>', 'ad files, or - for stdin')
    .option('--strict', 'strict (pure library) semantics instead of HTCondor’s default')
    .option('--syntax <syntax>', 'old or new (default: detected per file)')
    .action((files: string[], opts: LintOptions) => {
      let count = 0;
      let out = '';
      for (const file of files) {
        const text = readBytes(file);
        const doc = parseAdDocument(text, {
          binary: true,
          strict: opts.strict,
          syntax: opts.syntax,
        });
        const name = file === '-' ? '<stdin>' : file;
        for (const d of doc.errors) out += formatDiagnostic(text, d, name) + '\n';
        count += doc.errors.length;
      }
      if (count > 0) {
        process.stderr.write(
          Buffer.from(out + `${count} error${count === 1 ? '' : 's'}\n`, 'latin1'),
        );
        process.exitCode = 1;
      }
    });
}
