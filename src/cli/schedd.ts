/**
 * `schedd` (the paper's csar, csi, csu, schedd_checkpoint, schedd_restart,
 * schedd_migrate): commander wiring only; the work is in src/migrate.
 * Exit codes: 0 success, 1 bad input or a refused/failed operation (the
 * message says what and where), 2 bad usage.
 */
import { readFileSync } from 'node:fs';
import { type Command, InvalidArgumentError } from 'commander';
import { ConfigError } from '../config/diagnostics.js';
import { parseMount } from '../config/hostPaths.js';
import type { PathMap as ConfigMap } from '../config/mapFile.js';
import { JobqInputError, JobqUsageError } from '../jobq/issues.js';
import { ClassAdSyntaxError } from '../language/diagnostics.js';
import { archiveSchedd, type ArchiveReport } from '../migrate/archive.js';
import { checkpointSchedd } from '../migrate/checkpoint.js';
import { MigrateError, MigrateUsageError } from '../migrate/errors.js';
import {
  cleanupInstall,
  installArchive,
  readInstallConfig,
  type InstallReport,
} from '../migrate/install.js';
import type { Manifest } from '../migrate/manifest.js';
import { migrateSchedd } from '../migrate/migrate.js';
import { restartSchedd } from '../migrate/restart.js';
import { uninstallFromLog, uninstallSchedd } from '../migrate/uninstall.js';
import { verifyArchive } from '../migrate/verify.js';
import { Progress } from './progress.js';

interface HostCli {
  config?: string;
  root?: string;
  mount: string[];
  localName?: string;
  hostName?: string;
  ip?: string;
}

interface ArchiveCli extends HostCli {
  output?: string;
  compress?: boolean;
  level?: number;
  withLog?: boolean;
  withBinaries?: boolean;
  knobs?: string;
  force?: boolean;
  json?: boolean;
  progress?: boolean;
}

interface InstallCli {
  root?: string;
  prefix?: string;
  to?: string;
  log?: string;
  releaseDir?: string;
  rollback?: boolean;
  json?: boolean;
  progress?: boolean;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

function level(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 9) throw new InvalidArgumentError('expected 1 to 9');
  return n;
}

function positive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive integer');
  return n;
}

function say(tool: string, text: string): void {
  process.stderr.write(`${tool}: ${text}\n`);
}

function out(text: string): void {
  process.stdout.write(text);
}

/** Runs an action with the exit-code contract. */
async function run(tool: string, action: () => Promise<number | void>): Promise<void> {
  try {
    const code = await action();
    if (code) process.exitCode = code;
  } catch (e) {
    if (e instanceof MigrateUsageError || e instanceof JobqUsageError) {
      say(tool, e.message);
      process.exitCode = 2;
    } else if (e instanceof ConfigError || e instanceof JobqInputError) {
      process.stderr.write(e.message + '\n');
      process.exitCode = 1;
    } else if (e instanceof MigrateError || e instanceof ClassAdSyntaxError) {
      say(tool, e.message);
      process.exitCode = 1;
    } else throw e;
  }
}

function hostOptions(cmd: Command, configRequired = true): Command {
  return (
    configRequired
      ? cmd.requiredOption(
          '--config <file>',
          'the schedd’s configuration (the file CONDOR_CONFIG names)',
        )
      : cmd.option('--config <file>', 'the schedd’s configuration (the file CONDOR_CONFIG names)')
  )
    .option('--root <tree>', 'the host’s files are in TREE, as if it were /')
    .option(
      '--mount <host=tree>',
      'with --root: a host directory’s place in the tree (repeatable)',
      collect,
      [],
    )
    .option('--local-name <name>', 'the schedd’s -local-name')
    .option('--host-name <fqdn>', 'this host’s name (default: the machine’s, or the tree’s name)')
    .option('--ip <address>', 'this host’s address (default: the machine’s; none with --root)');
}

function archiveOptions(cmd: Command, required = true): Command {
  const c = hostOptions(cmd, required);
  return (
    required
      ? c.requiredOption(
          '-o, --output <archive>',
          'the archive to write (atomically; - for stdout)',
        )
      : c.option('-o, --output <archive>', 'the archive to write (not needed with --dry-run)')
  )
    .option('--no-compress', 'a plain tar (fast local networks)')
    .option('--level <n>', 'gzip level, 1 (fast) to 9 (small); default 6', level)
    .option('--with-log', 'archive the files of the log directory (LOG) too')
    .option('--with-binaries', 'archive the schedd’s binaries (SCHEDD, SHADOW)')
    .option('--knobs <spec>', 'the machine-dependent knobs (mdk/1) instead of the default ones')
    .option('--force', 'even if the schedd appears to be running')
    .option('--json', 'print the report as JSON')
    .option('--no-progress', 'no progress bar');
}

function installOptions(cmd: Command): Command {
  return cmd
    .option('--root <tree>', 'install into TREE, as if it were /')
    .option('--prefix <dir>', 'LOCAL_DIR’s place here (default: the current directory)')
    .option(
      '--to <file>',
      'installation config (map/1): [paths] places components, [knobs] sets knobs',
    )
    .option('--log <file>', 'the install log (default: $(LOCAL_DIR)/csi-install.log)')
    .option('--release-dir <dir>', 'RELEASE_DIR here (default: where condor_master is, or /usr)')
    .option('--no-rollback', 'on failure, keep what was installed and the log (for csi --cleanup)')
    .option('--json', 'print the report as JSON')
    .option('--no-progress', 'no progress bar');
}

function hostArgs(o: HostCli) {
  let mounts;
  try {
    mounts = o.mount.map(parseMount);
  } catch (e) {
    throw new MigrateUsageError((e as Error).message);
  }
  return {
    config: o.config ?? '',
    root: o.root,
    mounts,
    localName: o.localName,
    hostName: o.hostName,
    ip: o.ip,
  };
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path).toString('latin1');
  } catch (e) {
    throw new MigrateError(`cannot read the ${what} ${path}: ${(e as NodeJS.ErrnoException).code}`);
  }
}

function progress(
  wanted: boolean | undefined,
  unit: string,
): { bar?: Progress; tick?: (d: number, t: number) => void } {
  if (wanted === false) return {};
  let bar: Progress | undefined;
  return {
    get bar() {
      return bar;
    },
    tick: (d, t) => {
      bar ??= new Progress(unit, t);
      bar.tick(d);
    },
  };
}

function archiveArgs(o: ArchiveCli, tick?: (d: number, t: number) => void) {
  return {
    ...hostArgs(o),
    output: o.output ?? '',
    gzip: o.compress !== false,
    level: o.level,
    withLog: o.withLog,
    withBinaries: o.withBinaries,
    knobs: o.knobs !== undefined ? readText(o.knobs, 'knob spec') : undefined,
    force: o.force,
    onProgress: tick,
  };
}

function installArgs(archive: string, o: InstallCli, tick?: (d: number, t: number) => void) {
  let installConfig: ConfigMap | undefined;
  if (o.to !== undefined)
    installConfig = readInstallConfig(readText(o.to, 'installation config'), o.to);
  return {
    archive,
    root: o.root,
    prefix: o.prefix,
    installConfig,
    log: o.log,
    releaseDir: o.releaseDir,
    rollback: o.rollback,
    onProgress: tick,
  };
}

function mb(n: number): string {
  return n >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : `${n} bytes`;
}

function describeManifest(m: Manifest): string {
  let s = `schedd ${m.scheddName}, from ${m.sourceHost || 'an unnamed host'}\n`;
  for (const c of m.components) {
    if (c.kind === 'anchor') continue;
    s += `  ${c.macro.padEnd(14)} ${String(c.files ?? 0).padStart(6)} files ${mb(c.size ?? 0).padStart(11)}${c.marshal ? ` (marshalled: ${c.marshal})` : ''}\n`;
  }
  return s;
}

function archiveSummary(r: ArchiveReport): string {
  return (
    `wrote ${r.output}${r.archiveBytes !== undefined ? ` (${mb(r.archiveBytes)})` : ''}: ` +
    describeManifest(r.manifest) +
    `  configuration: ${r.removedKnobs} machine-dependent definition(s) removed, ${r.rewrittenConfigLines} line(s) with host paths rewritten; ` +
    `job queue: ${r.jobqAttributesRewritten} value(s) rewritten\n`
  );
}

function installSummary(r: InstallReport): string {
  let s = `installed ${r.manifest.scheddName}:\n`;
  for (const c of r.components)
    if (c.path !== undefined || c.kind === 'config')
      s += `  ${c.macro.padEnd(14)} ${c.path ?? '(configuration files)'}${c.files ? ` (${c.files} files)` : ''}\n`;
  s += `install log: ${r.logHost}\n`;
  return s;
}

function json(value: unknown): string {
  return (
    JSON.stringify(
      value,
      (_k, v) => (v instanceof Map ? Object.fromEntries(v) : typeof v === 'bigint' ? Number(v) : v),
      2,
    ) + '\n'
  );
}

/** Registers `schedd` and its subcommands csar, csi, csu, checkpoint, restart and migrate. */
export function registerSchedd(program: Command): void {
  const schedd = program
    .command('schedd')
    .description('move a schedd between hosts: csar, csi, csu, checkpoint, restart, migrate');

  archiveOptions(
    schedd
      .command('csar')
      .description(
        'archive a schedd (job queue and configuration marshalled) into one host-independent archive',
      ),
  ).action((o: ArchiveCli) =>
    run('csar', async () => {
      const p = progress(o.progress, 'of the data archived');
      try {
        const r = await archiveSchedd(archiveArgs(o, p.tick));
        p.bar?.done();
        for (const w of r.warnings) say('csar', `warning: ${w}`);
        if (o.output === '-') process.stderr.write(archiveSummary(r));
        else
          out(
            o.json
              ? json({ ...r, discovery: { ...r.discovery, components: undefined } })
              : archiveSummary(r),
          );
      } finally {
        p.bar?.done();
      }
    }),
  );

  installOptions(
    schedd
      .command('csi')
      .description('install a schedd archive (checksums verified; a failure leaves nothing behind)')
      .argument('[archive]', 'the archive')
      .option('--cleanup <log>', 'undo the install recorded in an install log, and remove the log')
      .option('--verify', 'only check the archive against its manifest'),
  ).action(
    (
      archive: string | undefined,
      o: InstallCli & { cleanup?: string; verify?: boolean },
      cmd: Command,
    ) =>
      run('csi', async () => {
        if (o.cleanup !== undefined) {
          if (archive !== undefined) cmd.error('--cleanup takes no archive', { exitCode: 2 });
          const u = cleanupInstall(o.cleanup);
          out(
            o.json
              ? json(u)
              : `removed ${u.removed.length} path(s)${u.removed.map((p) => `\n  ${p}`).join('')}\nand the install log ${o.cleanup}\n`,
          );
          return;
        }
        if (archive === undefined) cmd.error('missing the archive argument', { exitCode: 2 });
        const p = progress(o.progress, 'of the archive read');
        try {
          if (o.verify) {
            const m = await verifyArchive(archive!, { onProgress: p.tick });
            p.bar?.done();
            out(
              o.json
                ? json(m)
                : `${archive}: every checksum matches the manifest\n${describeManifest(m)}`,
            );
            return;
          }
          const r = await installArchive(installArgs(archive!, o, p.tick));
          p.bar?.done();
          out(o.json ? json(r) : installSummary(r));
        } finally {
          p.bar?.done();
        }
      }),
  );

  hostOptions(
    schedd
      .command('csu')
      .description(
        'remove a schedd from this host: from its configuration, or from an install log',
      ),
    false,
  )
    .option('--log <file>', 'undo the install recorded in this install log')
    .option('--with-log', 'remove the whole log directory (LOG), not only the schedd’s log files')
    .option('--keep-config', 'leave the configuration files')
    .option('--force', 'even if the schedd appears to be running')
    .option('--dry-run', 'only list what would be removed')
    .option('--json', 'print the report as JSON')
    .action(
      (
        o: HostCli & {
          log?: string;
          withLog?: boolean;
          keepConfig?: boolean;
          force?: boolean;
          dryRun?: boolean;
          json?: boolean;
        },
        cmd: Command,
      ) =>
        run('csu', async () => {
          if ((o.config === undefined) === (o.log === undefined))
            cmd.error(
              'give either --config (the schedd’s configuration) or --log (an install log)',
              { exitCode: 2 },
            );
          if (o.log !== undefined) {
            const u = uninstallFromLog(o.log, { force: o.force });
            out(
              o.json
                ? json(u)
                : `removed ${u.removed.length} path(s)${u.removed.map((p) => `\n  ${p}`).join('')}\n`,
            );
            return;
          }
          const r = uninstallSchedd({
            ...hostArgs(o),
            withLog: o.withLog,
            keepConfig: o.keepConfig,
            force: o.force,
            dryRun: o.dryRun,
          });
          if (o.json) out(json(r));
          else {
            out(
              `${o.dryRun ? 'would remove' : 'removed'} ${r.removed.length} path(s)${r.removed.map((p) => `\n  ${p}`).join('')}\n`,
            );
            for (const k of r.kept) out(`kept ${k.path}: ${k.reason}\n`);
          }
        }),
    );

  archiveOptions(
    schedd
      .command('checkpoint')
      .description(
        'checkpoint a stopped schedd into an archive, check it, and remove the schedd from this host',
      ),
  )
    .option('--keep', 'leave the schedd on this host')
    .option('--no-verify', 'do not read the archive back before removing the schedd')
    .option('--keep-config', 'when removing the schedd, leave the configuration files')
    .action((o: ArchiveCli & { keep?: boolean; verify?: boolean; keepConfig?: boolean }) =>
      run('schedd_checkpoint', async () => {
        const p = progress(o.progress, 'of the data archived');
        try {
          const r = await checkpointSchedd({
            ...archiveArgs(o, p.tick),
            keep: o.keep,
            noVerify: o.verify === false,
            keepConfig: o.keepConfig,
            withLog: o.withLog,
          });
          p.bar?.done();
          for (const w of r.archive.warnings) say('schedd_checkpoint', `warning: ${w}`);
          if (o.json) out(json({ ...r, archive: { ...r.archive, discovery: undefined } }));
          else {
            out(archiveSummary(r.archive));
            out(
              r.uninstall
                ? `removed the schedd from this host: ${r.uninstall.removed.length} path(s)\n`
                : 'the schedd stays on this host (--keep)\n',
            );
          }
        } finally {
          p.bar?.done();
        }
      }),
    );

  installOptions(
    schedd
      .command('restart')
      .description(
        'install a checkpoint here, demarshal its job queue and configuration, scan for leftovers, start it',
      )
      .argument('<archive>', 'the checkpoint archive'),
  )
    .option('--host-name <fqdn>', 'this host’s name (default: the machine’s, or the tree’s name)')
    .option('--ip <address>', 'this host’s address (default: the machine’s; none with --root)')
    .option(
      '--map <file>',
      'demarshal the configuration with this map (map/1) instead of a generated one',
    )
    .option(
      '--knobs <spec>',
      'the knob spec whose kinds say which knobs get this host’s name or address',
    )
    .option('--print-map', 'print the map the configuration was demarshalled with')
    .option('--run', 'start the schedd (when condor_master is installed here)')
    .action(
      (
        archive: string,
        o: InstallCli & {
          hostName?: string;
          ip?: string;
          map?: string;
          knobs?: string;
          printMap?: boolean;
          run?: boolean;
        },
      ) =>
        run('schedd_restart', async () => {
          const p = progress(o.progress, 'of the archive read');
          try {
            const r = await restartSchedd({
              ...installArgs(archive, o, p.tick),
              hostName: o.hostName,
              ip: o.ip,
              map:
                o.map !== undefined ? readInstallConfig(readText(o.map, 'map'), o.map) : undefined,
              knobs: o.knobs !== undefined ? readText(o.knobs, 'knob spec') : undefined,
              run: o.run,
            });
            p.bar?.done();
            for (const w of r.warnings) say('schedd_restart', `warning: ${w}`);
            for (const h of r.residual.hits)
              say(
                'schedd_restart',
                `warning: ${h.file}:${h.line}:${h.column}: ${h.match} (${h.kind} of ${r.install.manifest.sourceHost}) remains`,
              );
            if (o.json) {
              out(json(r));
              return;
            }
            let s = installSummary(r.install);
            if (r.jobq) s += `job queue: ${r.jobq.attributesRewritten} value(s) demarshalled\n`;
            const restored = r.restored.filter((x) => x.action !== 'dropped').length;
            s += `configuration: ${restored} definition(s) set for this host, ${r.restored.length - restored} dropped; main file ${r.configFile}\n`;
            s +=
              r.residual.hits.length === 0
                ? `residual scan: no reference to ${r.install.manifest.sourceHost} or its paths in ${r.residual.files} file(s)\n`
                : `residual scan: ${r.residual.hits.length} reference(s) to ${r.install.manifest.sourceHost} remain (listed above)\n`;
            for (const k of r.residual.skipped)
              s += `  (not looked for: ${k.name} ${k.value}: ${k.reason})\n`;
            if (o.printMap) s += `\n${r.targetMap}\n`;
            s +=
              r.startedPid !== undefined
                ? `started: condor_master pid ${r.startedPid}\n`
                : `start the schedd with:\n  ${r.start.text}\n`;
            out(s);
          } finally {
            p.bar?.done();
          }
        }),
    );

  archiveOptions(
    schedd
      .command('migrate')
      .description(
        'choose a host (named, or by requirements and rank against machine ads), checkpoint, and write the restart job',
      ),
    false,
  )
    .option('--target <host>', 'the host to move to')
    .option(
      '--machines <file>',
      'machine ads to choose from (condor_status -long output, new syntax or JSON)',
    )
    .option('--job <file>', 'a job ad whose Requirements and Rank choose the machine')
    .option('--requirements <expr>', 'what the target must satisfy (a ClassAd expression)')
    .option('--rank <expr>', 'how to rank the targets (a ClassAd expression)')
    .option('--strict', 'strict (pure library) semantics for the match')
    .option(
      '--dry-run',
      'only show the ranked candidates, why the others were rejected, and the submit description',
    )
    .option(
      '--show <n>',
      'how many candidates and rejected machines to show (default 10)',
      positive,
    )
    .option(
      '--submit-file <file>',
      'where to write the submit description (default: ARCHIVE.submit)',
    )
    .option(
      '--restart-command <path>',
      'schedd_restart on the target (default /usr/local/bin/schedd_restart)',
    )
    .option('--target-prefix <dir>', 'where schedd_restart installs on the target')
    .option('--submit', 'run condor_submit when it is installed here')
    .option('--remote <schedd>', 'condor_submit -remote SCHEDD')
    .option('--keep', 'leave the schedd on this host')
    .action(
      (
        o: ArchiveCli & {
          target?: string;
          machines?: string;
          job?: string;
          requirements?: string;
          rank?: string;
          strict?: boolean;
          dryRun?: boolean;
          show?: number;
          submitFile?: string;
          restartCommand?: string;
          targetPrefix?: string;
          submit?: boolean;
          remote?: string;
          keep?: boolean;
        },
      ) =>
        run('schedd_migrate', async () => {
          const p = progress(o.progress, 'of the data archived');
          try {
            const r = await migrateSchedd({
              ...archiveArgs(o, p.tick),
              targetHost: o.target,
              machines: o.machines,
              jobAd: o.job,
              requirements: o.requirements,
              rank: o.rank,
              strict: o.strict,
              dryRun: o.dryRun,
              show: o.show,
              submitFile: o.submitFile,
              restartCommand: o.restartCommand,
              targetPrefix: o.targetPrefix,
              submit: o.submit,
              remoteSchedd: o.remote,
              keep: o.keep,
            });
            p.bar?.done();
            for (const w of r.checkpoint?.archive.warnings ?? [])
              say('schedd_migrate', `warning: ${w}`);
            if (o.json) {
              out(
                json({
                  ...r,
                  checkpoint: r.checkpoint
                    ? {
                        ...r.checkpoint,
                        archive: { ...r.checkpoint.archive, discovery: undefined },
                      }
                    : undefined,
                }),
              );
              return;
            }
            let s = '';
            const c = r.choice;
            if (c) {
              s +=
                c.machines !== undefined
                  ? `${c.candidates.length === 0 ? 'no' : 'the best'} candidates (best rank first) of ${c.machines} machines:\n`
                  : 'the best candidates (best rank first):\n';
              const w = Math.max(4, ...c.candidates.map((x) => x.rankText.length));
              for (const x of c.candidates)
                s += `  ${x.rankText.padStart(w)}  ${x.name}  (${x.machine})\n`;
              if (c.rejected && c.rejected.length > 0) {
                s += `rejected (${c.analysis ? c.analysis.machines - c.analysis.matches : c.rejected.length} machines; the first ${c.rejected.length}):\n`;
                for (const x of c.rejected) s += `  ${x.name}: ${x.reasons.join('; ')}\n`;
                s += 'reasons, by number of machines:\n';
                for (const x of c.reasonCounts ?? [])
                  s += `  ${String(x.machines).padStart(6)}  ${x.reason}\n`;
              }
              if (c.analysisText) s += `analysis:\n${c.analysisText.replace(/^(?=.)/gm, '  ')}`;
            }
            s += `target: ${r.target}${c?.chosen ? ` (${c.chosen.name}, rank ${c.chosen.rankText})` : ''}\n`;
            if (o.dryRun) {
              s += r.submitFile
                ? `submit description written to ${r.submitFile}\n`
                : 'submit description (not written: --submit-file writes it):\n';
              if (!r.submitFile) s += r.submitText;
              s += 'dry run: nothing was checkpointed\n';
            } else {
              if (r.checkpoint) s += archiveSummary(r.checkpoint.archive);
              s += `submit description: ${r.submitFile}\n${r.instruction}\n`;
            }
            out(s);
          } finally {
            p.bar?.done();
          }
        }),
    );
}
