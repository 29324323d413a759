/**
 * Whether a schedd appears to be running. Archiving or removing a live
 * schedd's state would copy or destroy files it is writing, so csar,
 * schedd_checkpoint and csu refuse (unless forced) when there is evidence
 * that it runs. The rule:
 *
 * 1. The schedd's address file (`SCHEDD_ADDRESS_FILE`, default
 *    `$(SPOOL)/.schedd_address`) exists. A schedd writes it when it starts
 *    and removes it when it shuts down cleanly; one left by a crash also
 *    counts (check, then `--force`).
 * 2. A pid file of the schedd or of its master exists in LOG, LOCK, RUN or
 *    SPOOL: a file whose name ends in `.pid` and contains `schedd` or
 *    `master` (`condor_schedd.pid`, `master.pid`, the `-pidfile` of
 *    condor_master), and the process it names is alive. On a copy of
 *    another host's files (`root`), liveness cannot be checked, so such a
 *    file counts; a pid file naming a dead process on this machine is stale
 *    and does not count.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MigrateError } from './errors.js';
import { knobPath, type ScheddHost } from './scheddHost.js';

/** One piece of evidence that the schedd runs. */
export interface RunningEvidence {
  /** The host path of the file. */
  path: string;
  reason: string;
}

/** What the check found. */
export interface RunningCheck {
  running: boolean;
  evidence: RunningEvidence[];
  /** Pid files naming processes that are gone (they do not count). */
  stale: RunningEvidence[];
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Applies the rule above to a schedd host. */
export function checkRunning(host: ScheddHost): RunningCheck {
  const evidence: RunningEvidence[] = [];
  const stale: RunningEvidence[] = [];
  const spool = knobPath(host, 'SPOOL');
  const address = knobPath(host, 'SCHEDD_ADDRESS_FILE') ?? (spool && `${spool}/.schedd_address`);
  if (address) {
    const local = host.fs.localPathOf(address);
    if (local !== undefined && host.fs.isFile(local))
      evidence.push({
        path: address,
        reason:
          'the schedd address file exists (a running schedd has one; a clean shutdown removes it)',
      });
  }
  const dirs = new Set<string>();
  for (const knob of ['LOG', 'LOCK', 'RUN', 'SPOOL']) {
    const d = knobPath(host, knob);
    if (d) dirs.add(d);
  }
  for (const dir of dirs) {
    const local = host.fs.localPathOf(dir);
    if (local === undefined) continue;
    let names: string[];
    try {
      names = readdirSync(local);
    } catch {
      continue;
    }
    for (const name of names.sort()) {
      if (!/\.pid$/i.test(name) || !/schedd|master/i.test(name)) continue;
      const file = join(local, name);
      if (!host.fs.isFile(file)) continue;
      const path = `${dir === '/' ? '' : dir}/${name}`;
      if (host.fs.root !== undefined) {
        evidence.push({
          path,
          reason: 'a pid file exists (its process cannot be checked from here)',
        });
        continue;
      }
      const pid = parseInt(readFileSync(file, 'latin1').trim(), 10);
      if (Number.isInteger(pid) && pid > 0 && alive(pid))
        evidence.push({ path, reason: `pid file of the running process ${pid}` });
      else stale.push({ path, reason: 'pid file of a process that is gone' });
    }
  }
  return { running: evidence.length > 0, evidence, stale };
}

/** Throws MigrateError (naming the evidence and the way out) when the schedd appears to run. */
export function assertStopped(host: ScheddHost, what: string): RunningCheck {
  const check = checkRunning(host);
  if (check.running) {
    const list = check.evidence.map((e) => `  ${e.path}: ${e.reason}`).join('\n');
    throw new MigrateError(
      `the schedd appears to be running, so ${what} is refused:\n${list}\n` +
        'stop it first (condor_off -schedd), or use --force if it is not running',
    );
  }
  return check;
}
