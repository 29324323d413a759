// The `configmd` command for the tests: what bin/configmd.js will be,
// `main(['config', ...args])` of the built CLI (dist/, built by `npm test`'s
// pretest). The bundled CLI is used once `config` is wired into
// src/cli/main.ts; until then `config` is registered here on the unbundled
// program, with main()'s exit codes.
import { CommanderError } from 'commander';

const args = ['config', ...process.argv.slice(2)];
const bundle = await import('../../dist/cli.bundle.js').catch(() => undefined);
if (bundle?.buildProgram?.().commands.some((c) => c.name() === 'config')) {
  process.exitCode = await bundle.main(args);
} else {
  const { buildProgram, main } = await import('../../dist/cli/main.js');
  const program = buildProgram();
  if (program.commands.some((c) => c.name() === 'config')) {
    process.exitCode = await main(args);
  } else {
    const { registerConfig } = await import('../../dist/cli/configmd.js');
    registerConfig(program);
    try {
      await program.parseAsync(args, { from: 'user' });
      process.exitCode = process.exitCode === undefined ? 0 : Number(process.exitCode);
    } catch (e) {
      if (e instanceof CommanderError) {
        process.exitCode =
          e.code === 'commander.helpDisplayed' || e.code === 'commander.version' ? 0 : 2;
      } else {
        process.stderr.write(`classad: ${e instanceof Error ? e.message : String(e)}\n`);
        process.exitCode = 1;
      }
    }
  }
}
