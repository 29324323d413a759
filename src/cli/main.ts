/** The `classad` command: commander wiring for every subcommand. */
import { Command, CommanderError } from 'commander';
import { registerConfig } from './configmd.js';
import { registerEval } from './eval.js';
import { registerJobq } from './jobqmd.js';
import { registerFmt } from './fmt.js';
import { registerLint } from './lint.js';
import { registerMatch } from './match.js';
import { registerPrint } from './print.js';

/** Builds the `classad` program with all its subcommands. */
export function buildProgram(): Command {
  const program = new Command('classad');
  program
    .description('The ClassAd language: parse, print, format and lint ClassAds')
    .exitOverride();
  registerPrint(program);
  registerEval(program);
  registerLint(program);
  registerFmt(program);
  registerMatch(program);
  registerConfig(program);
  registerJobq(program);
  return program;
}

/** Runs the `classad` command line; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return process.exitCode === undefined ? 0 : Number(process.exitCode);
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return 0;
      return 2;
    }
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`classad: ${message}\n`);
    return 1;
  }
}
