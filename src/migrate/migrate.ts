/**
 * schedd_migrate: chooses where the schedd goes — a named host, or the
 * best-ranked machine that matches the user's requirements (targetChoice.ts)
 * — then checkpoints it (checkpoint.ts) and writes the submit description of
 * a job that restarts it there (submit.ts); with `submit`, and HTCondor
 * installed, condor_submit (`-remote SCHEDD` when given) submits it,
 * otherwise the report says how. The target is chosen before anything is
 * checkpointed, so a choice that finds no machine changes nothing.
 * `dryRun` only chooses: it shows the ranked candidates and why the other
 * machines were rejected, and the submit description (written only to an
 * explicit `submitFile`).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { userInfo } from 'node:os';
import { FileSink } from '../jobq/recordWriter.js';
import { checkpointSchedd, type CheckpointOptions, type CheckpointReport } from './checkpoint.js';
import { discoverComponents } from './components.js';
import { MigrateError, MigrateUsageError } from './errors.js';
import { readScheddHost } from './scheddHost.js';
import { formatSubmitDescription } from './submit.js';
import { chooseTarget, type TargetChoice } from './targetChoice.js';

/** Options of schedd_migrate. */
export interface MigrateOptions extends CheckpointOptions {
  /** A named target host (no choice). */
  targetHost?: string;
  /** Machine ads to choose from. */
  machines?: string;
  /** A job ad file whose Requirements and Rank (and requests) choose. */
  jobAd?: string;
  requirements?: string;
  rank?: string;
  strict?: boolean;
  /** Only choose and show. */
  dryRun?: boolean;
  /** How many candidates and rejected machines to show. */
  show?: number;
  /** The submit description's path (default: the archive's, with `.submit`). */
  submitFile?: string;
  /** schedd_restart's path on the target (default /usr/local/bin/schedd_restart). */
  restartCommand?: string;
  /** Where to install on the target (default /var/lib/condor-mobile/<schedd>). */
  targetPrefix?: string;
  /** Submit with condor_submit (when installed). */
  submit?: boolean;
  /** condor_submit -remote. */
  remoteSchedd?: string;
}

/** What schedd_migrate did. */
export interface MigrateReport {
  choice?: TargetChoice;
  target: string;
  scheddName: string;
  checkpoint?: CheckpointReport;
  /** The submit description, and where it was written. */
  submitText: string;
  submitFile?: string;
  /** condor_submit's outcome, when run. */
  submitted?: { status: number; output: string };
  /** What to do next. */
  instruction: string;
}

/** schedd_migrate (see the module comment). */
export async function migrateSchedd(options: MigrateOptions): Promise<MigrateReport> {
  if ((options.targetHost === undefined) === (options.machines === undefined))
    throw new MigrateUsageError(
      'give either a target host (--target) or machine ads to choose from (--machines)',
    );
  if (options.output === '-')
    throw new MigrateUsageError('the checkpoint must be a file: the migration job transfers it');
  if (!options.output && !options.dryRun)
    throw new MigrateUsageError('give the checkpoint archive to write (-o)');
  if (!options.config && !options.dryRun)
    throw new MigrateUsageError("give the schedd's configuration (--config)");
  const discovery = options.config
    ? discoverComponents(readScheddHost(options), options)
    : undefined;
  const requestDisk = discovery ? Math.ceil((discovery.bytes * 1.1) / 1024) + 1024 : 1024 * 1024;
  let choice: TargetChoice | undefined;
  let target = options.targetHost;
  if (options.machines !== undefined) {
    let jobAd: string | undefined;
    if (options.jobAd !== undefined) {
      try {
        jobAd = readFileSync(options.jobAd).toString('latin1');
      } catch (e) {
        throw new MigrateError(
          `cannot read ${options.jobAd}: ${(e as NodeJS.ErrnoException).code}`,
        );
      }
    }
    choice = await chooseTarget({
      machines: options.machines,
      jobAd,
      requirements: options.requirements,
      rank: options.rank,
      requestDisk,
      owner: safeUser(),
      strict: options.strict,
      best: options.show ?? 10,
      explain: options.dryRun || undefined,
      rejectedShown: options.show ?? 10,
    });
    if (!choice.chosen) {
      const why = choice.analysisText ? `\n${choice.analysisText}` : ' (--dry-run explains why)';
      throw new MigrateError(
        `no machine in ${options.machines} matches the requirements: nothing was done${why}`,
      );
    }
    target = choice.chosen.machine;
  }
  const archive = resolve(options.output || 'schedd-checkpoint.tar.gz');
  const scheddName = discovery?.scheddName ?? 'schedd';
  const submitText = formatSubmitDescription({
    archive,
    scheddName,
    machine: target!,
    restartCommand: options.restartCommand ?? '/usr/local/bin/schedd_restart',
    targetPrefix:
      options.targetPrefix ??
      `/var/lib/condor-mobile/${scheddName.split('@')[0]!.replace(/[^A-Za-z0-9_.-]/g, '_')}`,
    restartArguments: ['--run'],
    rank: options.rank,
    requestDisk,
    comments: [
      `schedd_migrate: restart the schedd ${scheddName} on ${target}`,
      `from the checkpoint ${basename(archive)} (classad-ts)`,
      `submit with: condor_submit${options.remoteSchedd ? ` -remote ${options.remoteSchedd}` : ''} THIS_FILE`,
    ],
  });
  const writeSubmit = async (path: string): Promise<void> => {
    const sink = new FileSink(path);
    sink.writeBytes(submitText);
    await sink.commit();
  };
  if (options.dryRun) {
    if (options.submitFile) await writeSubmit(options.submitFile);
    return {
      choice,
      target: target!,
      scheddName,
      submitText,
      submitFile: options.submitFile,
      instruction: 'dry run: nothing was checkpointed',
    };
  }
  const checkpoint = await checkpointSchedd(options);
  const submitFile = options.submitFile ?? `${archive}.submit`;
  await writeSubmit(submitFile);
  const command = [
    'condor_submit',
    ...(options.remoteSchedd ? ['-remote', options.remoteSchedd] : []),
    submitFile,
  ];
  let submitted: MigrateReport['submitted'];
  let instruction = `submit the migration job: ${command.join(' ')}`;
  if (options.submit) {
    const r = spawnSync(command[0]!, command.slice(1), { encoding: 'utf8' });
    if (r.error)
      instruction = `condor_submit is not installed here: copy ${submitFile} and ${archive} to a submit host and run ${command.join(' ')}`;
    else {
      submitted = { status: r.status ?? 1, output: `${r.stdout}${r.stderr}` };
      instruction =
        submitted.status === 0
          ? 'submitted'
          : `condor_submit failed (exit ${submitted.status}): ${submitted.output.trim()}`;
    }
  }
  return {
    choice,
    target: target!,
    scheddName,
    checkpoint,
    submitText,
    submitFile,
    submitted,
    instruction,
  };
}

function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'condor';
  }
}
