/**
 * The mobile schedd (Meehean & Livny, 2005): service-defined logical
 * checkpointing of an HTCondor schedd into one host-independent archive
 * (csar), installing it elsewhere (csi), removing it from a host (csu),
 * and the three tools built on them: schedd_checkpoint, schedd_restart and
 * schedd_migrate.
 */
export {
  archiveHost,
  archiveSchedd,
  effectiveKnobSpec,
  jobqMapOf,
  type ArchiveOptions,
  type ArchiveReport,
  type ArchiveTimings,
} from './archive.js';
export { configEntryRel, configLocation, entryName, splitEntry } from './archiveLayout.js';
export { checkpointSchedd, type CheckpointOptions, type CheckpointReport } from './checkpoint.js';
export {
  BINARY_KNOBS,
  discoverComponents,
  PATH_MACROS,
  PLACEMENT_MACROS,
  SCHEDD_LOG_KNOBS,
  scheddNameOf,
  type Component,
  type ComponentKind,
  type ConfigFile,
  type Discovery,
  type DiscoverOptions,
  type MarshalKind,
  type SourceEntry,
} from './components.js';
export { errnoText, MigrateError, MigrateUsageError } from './errors.js';
export { demarshalHistory, marshalHistory, type HistorySummary } from './history.js';
export {
  cleanupInstall,
  detectReleaseDir,
  installArchive,
  planTargets,
  readInstallConfig,
  type InstallOptions,
  type InstallReport,
  type InstallTargetOptions,
  type InstalledComponent,
} from './install.js';
export {
  hostToLocal,
  INSTALL_LOG_FORMAT,
  InstallLog,
  readInstallLog,
  undoInstall,
  type InstallAction,
  type InstallLogData,
  type UndoReport,
} from './installLog.js';
export { DEFAULT_KNOB_SPEC, defaultKnobSpec } from './knobs.js';
export { isUnder, locate, locationMacro, resolveLocation, type PathEntry } from './locations.js';
export {
  CHECKPOINT_FORMAT,
  ComponentDigest,
  formatManifest,
  LAYOUT_ENTRY,
  MANIFEST_ENTRY,
  parseManifest,
  type Manifest,
  type ManifestComponent,
} from './manifest.js';
export { migrateSchedd, type MigrateOptions, type MigrateReport } from './migrate.js';
export {
  residualTraces,
  scanResidual,
  scanText,
  type ResidualHit,
  type ResidualInput,
  type ResidualReport,
  type ResidualTraces,
} from './residual.js';
export { restartSchedd, type RestartOptions, type RestartReport } from './restart.js';
export { assertStopped, checkRunning, type RunningCheck, type RunningEvidence } from './running.js';
export {
  knobPath,
  knobValue,
  localPath,
  readScheddHost,
  type ScheddHost,
  type ScheddHostOptions,
} from './scheddHost.js';
export { runStartCommand, startCommand, type StartCommand } from './startCommand.js';
export {
  formatSubmitDescription,
  quoteSubmitArguments,
  type SubmitDescriptionOptions,
} from './submit.js';
export {
  chooseTarget,
  migrationJob,
  type MigrationJobOptions,
  type Rejection,
  type TargetCandidate,
  type TargetChoice,
  type TargetChoiceOptions,
} from './targetChoice.js';
export {
  generateTargetMap,
  removedKnobNames,
  type TargetMap,
  type TargetMapInput,
} from './targetMap.js';
export { readTar, type TarEntryInfo, type TarEntrySink, type TarReadOptions } from './tarReader.js';
export { TarWriter, type TarWriterOptions } from './tarWriter.js';
export {
  planRemoval,
  removeScheddFiles,
  uninstallFromLog,
  uninstallSchedd,
  type RemovalPlan,
  type UninstallOptions,
  type UninstallReport,
} from './uninstall.js';
export { verifyArchive } from './verify.js';
