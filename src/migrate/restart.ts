/**
 * schedd_restart: installs a checkpoint (csi), demarshals its job queue and
 * history with the install log's map, demarshals its configuration with a
 * given map or one generated from the install log and this host's facts
 * (targetMap.ts), runs the residual scan, and gives (or runs) the command
 * that starts the schedd. A failure after the install undoes the install
 * too, so a failed restart leaves nothing behind (the archive is intact:
 * fix the cause and run it again).
 */
import { chmodSync, readFileSync, statSync } from 'node:fs';
import { hostFacts } from '../config/hostFacts.js';
import { demarshalTree, type RestoredReport } from '../config/demarshal.js';
import { ConfigError } from '../config/diagnostics.js';
import type { KnobSpec } from '../config/knobSpec.js';
import { formatMapFile, type PathMap as ConfigMap } from '../config/mapFile.js';
import { demarshalLog } from '../jobq/demarshal.js';
import type { RewriteSummary } from '../jobq/marshal.js';
import { FileSink } from '../jobq/recordWriter.js';
import { effectiveKnobSpec, jobqMapOf } from './archive.js';
import { configEntryRel } from './archiveLayout.js';
import { MigrateError } from './errors.js';
import { demarshalHistory, type HistorySummary } from './history.js';
import {
  detectReleaseDir,
  installArchive,
  type InstallOptions,
  type InstallReport,
} from './install.js';
import { hostToLocal, InstallLog, readInstallLog, undoInstall } from './installLog.js';
import { resolveLocation } from './locations.js';
import { residualTraces, scanResidual, type ResidualReport } from './residual.js';
import { runStartCommand, startCommand, type StartCommand } from './startCommand.js';
import { generateTargetMap } from './targetMap.js';
import { BINARY_KNOBS } from './components.js';

/** Options of schedd_restart. */
export interface RestartOptions extends InstallOptions {
  /** This host's name (default: this machine's; with `root`, the tree's name if it is one). */
  hostName?: string;
  /** This host's address (default: this machine's; empty with `root`). */
  ip?: string;
  /** A target map for the configuration instead of the generated one. */
  map?: ConfigMap;
  /** The knob spec whose kinds say which knobs get the host's name or address (default: migration's). */
  knobs?: string | KnobSpec;
  /** Start the schedd when the master is installed here. */
  run?: boolean;
}

/** What schedd_restart did. */
export interface RestartReport {
  install: InstallReport;
  /** The map the configuration was demarshalled with (map/1 text). */
  targetMap: string;
  jobq?: RewriteSummary;
  history: HistorySummary[];
  /** Definitions put back (or dropped). */
  restored: RestoredReport[];
  /** The main configuration file (host path). */
  configFile: string;
  residual: ResidualReport;
  start: StartCommand;
  /** The master's pid, when started. */
  startedPid?: number;
  warnings: string[];
  timings: {
    installMs: number;
    jobqMs: number;
    configMs: number;
    historyMs: number;
    scanMs: number;
    totalMs: number;
  };
}

/** schedd_restart (see the module comment). */
export async function restartSchedd(options: RestartOptions): Promise<RestartReport> {
  const started = performance.now();
  const install = await installArchive(options);
  const installMs = performance.now() - started;
  const log = InstallLog.append(install.log);
  try {
    return await afterInstall(options, install, log, installMs, started);
  } catch (e) {
    log.close();
    const known =
      e instanceof MigrateError ||
      e instanceof ConfigError ||
      (e as Error).name === 'JobqInputError';
    if (options.rollback === false) {
      if (!known) throw e;
      throw new MigrateError(
        `${(e as Error).message}\nthe install stays (--no-rollback); csi --cleanup ${install.log} removes it`,
      );
    }
    const undo = undoInstall(readInstallLog(install.log));
    if (known)
      throw new MigrateError(
        `${(e as Error).message}\nthe restart failed, so the install was undone (${undo.removed.length} path(s) removed): nothing is left behind`,
      );
    throw e;
  }
}

async function afterInstall(
  options: RestartOptions,
  install: InstallReport,
  log: InstallLog,
  installMs: number,
  started: number,
): Promise<RestartReport> {
  const root = options.root;
  const local = (host: string): string => hostToLocal(root, host);
  const show = (l: string): string =>
    root !== undefined && l.startsWith(root) ? l.slice(root.length) || '/' : l;
  const manifest = install.manifest;
  const warnings: string[] = [];
  const pathOf = (macro: string): string | undefined =>
    install.paths.find((p) => p.name.toUpperCase() === macro.toUpperCase())?.value;
  const jmap = jobqMapOf(install.paths, install.log);
  // The job queue.
  let jobq: RewriteSummary | undefined;
  let jobqMs = 0;
  const jql = install.componentFiles.get('JOB_QUEUE_LOG')?.[0];
  if (jql) {
    const t = performance.now();
    const mode = statSync(local(jql)).mode & 0o7777;
    jobq = await demarshalLog(local(jql), { map: jmap, output: new FileSink(local(jql)) });
    chmodSync(local(jql), mode);
    jobqMs = performance.now() - t;
    log.line(`demarshalled JOB_QUEUE_LOG ${jql}`);
  }

  // The history.
  const history: HistorySummary[] = [];
  let historyMs = 0;
  for (const h of install.componentFiles.get('HISTORY') ?? []) {
    const t = performance.now();
    const mode = statSync(local(h)).mode & 0o7777;
    history.push(await demarshalHistory(local(h), new FileSink(local(h)), jmap));
    chmodSync(local(h), mode);
    historyMs += performance.now() - t;
    log.line(`demarshalled HISTORY ${h}`);
  }

  // The configuration.
  const t0 = performance.now();
  const configComp = manifest.components.find((c) => c.kind === 'config');
  if (!configComp?.main)
    throw new MigrateError(`${options.archive}: the checkpoint has no configuration`);
  const resolveLoc = (loc: string): string => resolveLocation(loc, (m) => pathOf(m));
  const hostFileOf = (loc: string): string | undefined =>
    install.configFiles.get(configEntryRel(loc));
  const facts = hostFacts({ hostName: options.hostName, ip: options.ip, root });
  const hostName = facts.FULL_HOSTNAME ?? '';
  const ip = facts.IP_ADDRESS ?? '';
  const spec = effectiveKnobSpec(options.knobs, manifest.sourcePaths);
  let mapText: string;
  let map: ConfigMap;
  if (options.map) {
    map = options.map;
    mapText = formatMapFile(map.paths, map.knobs, [`given: ${map.file}`]);
  } else {
    const files = [...install.configFiles.values()].map((h) =>
      readFileSync(local(h)).toString('latin1'),
    );
    const generated = generateTargetMap({
      paths: install.paths,
      files,
      spec,
      hostName,
      ip,
      knobs: options.installConfig?.knobs,
    });
    map = generated.map;
    mapText = generated.text;
  }
  const result = demarshalTree(
    configComp.main,
    (loc) => {
      const h = hostFileOf(loc);
      return h === undefined ? undefined : readFileSync(local(h)).toString('latin1');
    },
    map,
    spec,
    (loc) => hostFileOf(loc) ?? loc,
  );
  if (result.errors.length > 0) throw new ConfigError(result.errors);
  for (const o of result.outputs) {
    const h = hostFileOf(o.path);
    if (h === undefined) continue;
    if (install.skipped.includes(h)) {
      warnings.push(`${h} was there before the install and is left as it is`);
      continue;
    }
    const mode = statSync(local(h)).mode & 0o7777;
    const sink = new FileSink(local(h));
    sink.writeBytes(o.bytes);
    await sink.commit();
    chmodSync(local(h), mode);
  }
  log.line(`demarshalled CONFIG ${result.outputs.length} file(s)`);
  const configFile = resolveLoc(configComp.main);
  const configMs = performance.now() - t0;

  // The residual scan.
  const t1 = performance.now();
  const traces = residualTraces(
    { paths: manifest.sourcePaths, hostName: manifest.sourceHost, address: manifest.sourceAddress },
    install.paths,
  );
  const residual = await scanResidual({
    traces,
    jobQueue: jql ? local(jql) : undefined,
    configFiles: [...install.configFiles.values()].map(local),
    textFiles: [...(install.componentFiles.get('HISTORY') ?? []).map(local), install.log],
    show,
  });
  const scanMs = performance.now() - t1;
  log.line(`residual scan: ${residual.hits.length} reference(s) to the source host`);
  log.close();

  const binaries: Record<string, string> = {};
  for (const k of BINARY_KNOBS) {
    const f = install.componentFiles.get(k)?.[0];
    if (f) binaries[k] = f;
  }
  const start = startCommand(configFile, pathOf('RELEASE_DIR') ?? detectReleaseDir(), binaries);
  let startedPid: number | undefined;
  if (options.run) {
    if (root !== undefined)
      warnings.push(
        'not started: the schedd was installed into a tree (--root), not onto this host',
      );
    else startedPid = runStartCommand(start);
  }
  return {
    install,
    targetMap: mapText,
    jobq,
    history,
    restored: result.restored,
    configFile,
    residual,
    start,
    startedPid,
    warnings,
    timings: {
      installMs,
      jobqMs,
      configMs,
      historyMs,
      scanMs,
      totalMs: performance.now() - started,
    },
  };
}
