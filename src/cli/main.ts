/**
 * The `classad` command: commander wiring for every subcommand. Each
 * subcommand's module is loaded only when that subcommand runs (the bundle is
 * split per command), so a small command starts fast.
 */
import { Command, CommanderError } from 'commander';
import { installDeepParser } from './deepParse.js';

type Register = (program: Command) => void;

/** Subcommand names and how to load the module that registers them. */
const commands: [names: string[], load: () => Promise<Register>][] = [
  [['print'], async () => (await import('./print.js')).registerPrint],
  [['eval'], async () => (await import('./eval.js')).registerEval],
  [['lint'], async () => (await import('./lint.js')).registerLint],
  [['fmt'], async () => (await import('./fmt.js')).registerFmt],
  [['match', 'analyze'], async () => (await import('./match.js')).registerMatch],
  [['config'], async () => (await import('./configmd.js')).registerConfig],
  [['jobq'], async () => (await import('./jobqmd.js')).registerJobq],
  [['lsp'], async () => (await import('./lsp.js')).registerLsp],
  [['schedd'], async () => (await import('./schedd.js')).registerSchedd],
];

/**
 * Builds the `classad` program. With `argv`, only the subcommand it names is
 * loaded (all of them for help or an unknown name).
 */
export async function buildProgram(argv?: string[]): Promise<Command> {
  const program = new Command('classad');
  program.description('The ClassAd language and the mobile schedd tools').exitOverride();
  const wanted = argv?.[0];
  const one = commands.find(([names]) => wanted !== undefined && names.includes(wanted));
  for (const [, load] of one ? [one] : commands) (await load())(program);
  return program;
}

/** Runs the `classad` command line; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  installDeepParser();
  try {
    const program = await buildProgram(argv);
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
