/**
 * The command that starts a restarted schedd: HTCondor's master with the
 * schedd's own configuration (`CONDOR_CONFIG=<its main file>`), which starts
 * the daemons of its DAEMON_LIST. Binaries that came in the archive are
 * used through `_CONDOR_SCHEDD` / `_CONDOR_SHADOW` (the environment beats
 * every configuration file). schedd_restart prints it, and runs it when
 * asked and the master is installed here.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { MigrateError } from './errors.js';

/** A command line. */
export interface StartCommand {
  env: Record<string, string>;
  argv: string[];
  /** As one shell line. */
  text: string;
}

function shellQuote(s: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The start command for a schedd whose main configuration file and RELEASE_DIR are given (host paths). */
export function startCommand(
  configFile: string,
  releaseDir: string,
  binaries: Record<string, string> = {},
): StartCommand {
  const env: Record<string, string> = { CONDOR_CONFIG: configFile };
  for (const [knob, path] of Object.entries(binaries)) env[`_CONDOR_${knob}`] = path;
  const argv = [`${releaseDir === '/' ? '' : releaseDir}/sbin/condor_master`];
  const text = [
    ...Object.entries(env).map(([k, v]) => `${k}=${shellQuote(v)}`),
    ...argv.map(shellQuote),
  ].join(' ');
  return { env, argv, text };
}

/** Runs a start command (detached); throws MigrateError when the master is not installed. */
export function runStartCommand(cmd: StartCommand): number {
  if (!existsSync(cmd.argv[0]!))
    throw new MigrateError(
      `${cmd.argv[0]} is not installed here: start the schedd with\n  ${cmd.text}`,
    );
  const child = spawn(cmd.argv[0]!, cmd.argv.slice(1), {
    env: { ...process.env, ...cmd.env },
    detached: true,
    stdio: 'ignore',
  });
  child.unref();
  return child.pid ?? 0;
}
