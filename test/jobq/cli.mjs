// Runs `jobqmd ARGS` (the `jobq` command) from the built dist/ (npm test builds it first),
// the way bin/jobqmd.js does: exit 0 success, 1 bad input, 2 bad usage.
import { Command, CommanderError } from 'commander';
import { registerJobq } from '../../dist/cli/jobqmd.js';

const program = new Command('jobqmd').exitOverride();
registerJobq(program);
let code;
try {
  await program.parseAsync(['jobq', ...process.argv.slice(2)], { from: 'user' });
  code = process.exitCode === undefined ? 0 : Number(process.exitCode);
} catch (e) {
  if (e instanceof CommanderError) {
    code = e.code === 'commander.helpDisplayed' || e.code === 'commander.version' ? 0 : 2;
  } else {
    process.stderr.write(`jobqmd: ${e instanceof Error ? e.message : String(e)}\n`);
    code = 1;
  }
}
process.exitCode = code;
