/**
 * csu, the uninstaller: a schedd that leaves a host leaves no files there.
 *
 * From its configuration: SPOOL (with the sandboxes), the job queue and its
 * rotations, the history and its rotations, the schedd's own log files
 * (SCHEDD_LOG, SHADOW_LOG, SCHEDD_AUDIT_LOG, SCHEDD_RESTART_REPORT and
 * their rotations; the whole LOG directory with `withLog`), and the
 * configuration files it reads (unless `keepConfig`; files under
 * RELEASE_DIR belong to the HTCondor installation and stay). Then empty
 * directories under LOCAL_DIR and CONFIG_ROOT are removed, and those two
 * when they end up empty. Only empty directories are removed beyond the
 * listed components, and never a directory that holds RELEASE_DIR or is
 * `/` or a top-level directory.
 *
 * From an install log: the journal is undone (installLog.ts).
 * Refuses while the schedd appears to run (running.ts) unless `force`.
 */
import { existsSync, readdirSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { discoverComponents, rotationsOf, SCHEDD_LOG_KNOBS } from './components.js';
import { MigrateError } from './errors.js';
import { hostToLocal, readInstallLog, undoInstall, type UndoReport } from './installLog.js';
import { isUnder } from './locations.js';
import { assertStopped } from './running.js';
import { knobPath, readScheddHost, type ScheddHost, type ScheddHostOptions } from './scheddHost.js';

/** Options of csu from a configuration. */
export interface UninstallOptions {
  /** Remove the whole LOG directory. */
  withLog?: boolean;
  /** Leave the configuration files. */
  keepConfig?: boolean;
  /** Remove even if the schedd appears to run. */
  force?: boolean;
  /** Only say what would be removed. */
  dryRun?: boolean;
}

/** What csu removed (host paths). */
export interface UninstallReport {
  removed: string[];
  /** Directories removed because they were left empty. */
  emptied: string[];
  kept: { path: string; reason: string }[];
}

/** What would be removed: trees (removed whole) and files. */
export interface RemovalPlan {
  trees: string[];
  files: string[];
  kept: { path: string; reason: string }[];
  /** Directories to prune of empty subdirectories, and to remove if empty. */
  anchors: string[];
}

function guardTree(path: string, host: ScheddHost): void {
  const release = knobPath(host, 'RELEASE_DIR');
  if (path.split('/').filter((x) => x).length < 2)
    throw new MigrateError(`refusing to remove ${path}: it is / or a top-level directory`);
  if (release && isUnder(release, path))
    throw new MigrateError(`refusing to remove ${path}: it holds RELEASE_DIR (${release})`);
}

/** Plans the removal of a schedd's files from its configuration. */
export function planRemoval(host: ScheddHost, options: UninstallOptions = {}): RemovalPlan {
  const d = discoverComponents(host, { withLog: options.withLog });
  const trees: string[] = [];
  const files: string[] = [];
  const kept: { path: string; reason: string }[] = [];
  const spool = knobPath(host, 'SPOOL')!;
  const release = knobPath(host, 'RELEASE_DIR');
  guardTree(spool, host);
  trees.push(spool);
  const jql =
    d.components.find((c) => c.macro === 'JOB_QUEUE_LOG')?.hostPath ??
    knobPath(host, 'JOB_QUEUE_LOG');
  if (jql) files.push(jql, ...rotationsOf(host, jql, /^(\d+|tmp)$/));
  const history = knobPath(host, 'HISTORY');
  if (history) files.push(history, ...rotationsOf(host, history, /^\d{8}T\d{6}$/));
  const log = knobPath(host, 'LOG');
  if (options.withLog && log) {
    guardTree(log, host);
    trees.push(log);
  } else
    for (const knob of SCHEDD_LOG_KNOBS) {
      const p = knobPath(host, knob);
      if (p) files.push(p, ...rotationsOf(host, p, /^(old|\d+|\d{8}T\d{6})$/));
    }
  if (!options.keepConfig)
    for (const c of d.configFiles) {
      if (
        release &&
        isUnder(c.hostPath, release) &&
        !d.paths.some((p) => p.name !== 'RELEASE_DIR' && isUnder(c.hostPath, p.value))
      )
        kept.push({
          path: c.hostPath,
          reason: 'part of the HTCondor installation (under RELEASE_DIR)',
        });
      else files.push(c.hostPath);
    }
  const anchors = ['LOCAL_DIR', 'CONFIG_ROOT', ...(options.withLog ? [] : ['LOG'])]
    .map((k) => d.paths.find((p) => p.name === k)?.value)
    .filter((p): p is string => p !== undefined && !(release !== undefined && isUnder(release, p)));
  const inTree = (p: string): boolean => trees.some((t) => isUnder(p, t));
  return {
    trees,
    files: [...new Set(files)].filter(
      (f) => !inTree(f) && existsSync(hostToLocal(host.fs.root, f)),
    ),
    kept,
    anchors: anchors.filter((a) => a.split('/').filter((x) => x).length >= 2),
  };
}

/** Removes the empty directories under `dir` (deepest first), then `dir` if empty; returns those removed. */
function prune(local: string, show: string, out: string[]): boolean {
  let empty = true;
  let names: string[];
  try {
    names = readdirSync(local);
  } catch {
    return false;
  }
  for (const n of names) {
    const p = join(local, n);
    let st;
    try {
      st = statSync(p);
    } catch {
      empty = false;
      continue;
    }
    if (st.isDirectory() && prune(p, `${show}/${n}`, out)) continue;
    empty = false;
  }
  if (!empty) return false;
  try {
    rmdirSync(local);
    out.push(show);
    return true;
  } catch {
    return false;
  }
}

/** Removes a schedd's files as planned. */
export function removeScheddFiles(host: ScheddHost, plan: RemovalPlan): UninstallReport {
  const local = (p: string): string => hostToLocal(host.fs.root, p);
  const removed: string[] = [];
  for (const f of plan.files) {
    try {
      rmSync(local(f));
      removed.push(f);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT')
        throw new MigrateError(`cannot remove ${f}: ${(e as NodeJS.ErrnoException).code}`);
    }
  }
  for (const t of plan.trees) {
    if (!existsSync(local(t))) continue;
    rmSync(local(t), { recursive: true });
    removed.push(t);
  }
  const emptied: string[] = [];
  for (const a of plan.anchors) prune(local(a), a, emptied);
  return { removed, emptied, kept: plan.kept };
}

/** csu from a configuration. */
export function uninstallSchedd(options: UninstallOptions & ScheddHostOptions): UninstallReport {
  const host = readScheddHost(options);
  if (!options.force) assertStopped(host, 'removing it');
  const plan = planRemoval(host, options);
  if (options.dryRun)
    return { removed: [...plan.files, ...plan.trees], emptied: [], kept: plan.kept };
  return removeScheddFiles(host, plan);
}

/** csu from an install log: undoes the install; refuses while the schedd's address file exists unless `force`. */
export function uninstallFromLog(logFile: string, options: { force?: boolean } = {}): UndoReport {
  const log = readInstallLog(logFile);
  const spool = log.paths.find((p) => p.name.toUpperCase() === 'SPOOL')?.value;
  if (!options.force && spool && existsSync(hostToLocal(log.root, `${spool}/.schedd_address`)))
    throw new MigrateError(
      `the schedd appears to be running (${spool}/.schedd_address exists): stop it first, or use --force`,
    );
  return undoInstall(log);
}
