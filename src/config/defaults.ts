/**
 * Built-in defaults (HTCondor's param table) for the knobs a schedd host's
 * configuration and its rewriting depend on: the directory knobs and the
 * files under them, the host-derived knobs, and the knobs that decide which
 * files are read. Values from spec/condor-config.md §1, §6 and §7. A knob not
 * listed here has no default in this implementation.
 */

/** The default `LOCAL_CONFIG_DIR_EXCLUDE_REGEXP`. */
export const DEFAULT_EXCLUDE_REGEXP =
  '^((\\..*)|(.*\\.pl)|(.*\\.py)|(.*\\.sh)|(.*~)|(#.*)|(.*\\.rpmsave)|(.*\\.rpmnew)|(.*\\.dpkg-old)|(.*\\.dpkg-dist)|(.*\\.cfsaved))$';

const UNIX_DEFAULTS: Record<string, string> = {
  RELEASE_DIR: '/usr',
  LOCAL_DIR: '$(TILDE)',
  BIN: '$(RELEASE_DIR)/bin',
  SBIN: '$(RELEASE_DIR)/sbin',
  LIB: '$(RELEASE_DIR)/lib',
  LIBEXEC: '$(RELEASE_DIR)/libexec',
  INCLUDE: '$(RELEASE_DIR)/include',
  ETC: '$(LOCAL_DIR)',
  LOG: '$(LOCAL_DIR)/log',
  LOCK: '$(LOG)',
  RUN: '$(LOCK)',
  SPOOL: '$(LOCAL_DIR)/spool',
  EXECUTE: '$(LOCAL_DIR)/execute',
  JOB_QUEUE_LOG: '$(SPOOL)/job_queue.log',
  HISTORY: '$(SPOOL)/history',
  JOB_EPOCH_HISTORY: '$(SPOOL)/epoch_history',
  SCHEDD_DAEMON_HISTORY: '$(SPOOL)/schedd_daemon_history',
  PER_JOB_HISTORY_DIR: '',
  SCHEDD_ADDRESS_FILE: '$(SPOOL)/.schedd_address',
  SCHEDD_SUPER_ADDRESS_FILE: '$(SPOOL)/.schedd_address.super',
  SCHEDD_DAEMON_AD_FILE: '$(SPOOL)/.schedd_classad',
  LOCAL_UNIV_EXECUTE: '$(SPOOL)/local_univ_execute',
  SCHEDD_LOG: '$(LOG)/SchedLog',
  SCHEDD_AUDIT_LOG: '$(LOG)/SchedAuditLog',
  SCHEDD_RESTART_REPORT: '$(LOG)/ScheddRestartReport',
  SHADOW_LOG: '$(LOG)/ShadowLog',
  SHADOW_LOCK: '$(LOCK)/ShadowLock',
  GRIDMANAGER_LOG: '$(LOG)/GridmanagerLog',
  MASTER: '$(SBIN)/condor_master',
  SCHEDD: '$(SBIN)/condor_schedd',
  SHADOW: '$(SBIN)/condor_shadow',
  GRIDMANAGER: '$(SBIN)/condor_gridmanager',
  HISTORY_HELPER: '$(BIN)/condor_history',
  DAGMAN_CONDOR_SUBMIT_EXE: '$(BIN)/condor_submit',
  DAGMAN_CONDOR_RM_EXE: '$(BIN)/condor_rm',
  JOB_ROUTER: '$(LIBEXEC)/condor_job_router',
  ACCOUNTANT_DATABASE_FILE: '$(SPOOL)/Accountantnew.log',
  TOKENS_DATABASE: '$(SPOOL)/TokensDatabase',
  SEC_PASSWORD_DIRECTORY: '$(ETC)/passwords.d',
  SEC_PASSWORD_FILE: '$(SEC_PASSWORD_DIRECTORY)/POOL',
  SEC_TOKEN_SYSTEM_DIRECTORY: '$(ETC)/tokens.d',
  PROCD_ADDRESS: '$(RUN)/procd_pipe',
  MAX_JOB_QUEUE_LOG_ROTATIONS: '1',
  QUEUE_CLEAN_INTERVAL: '28800',
  SCHEDD_BACKUP_SPOOL: 'false',
  SCHEDD_CLUSTER_INITIAL_VALUE: '1',
  SCHEDD_CLUSTER_INCREMENT_VALUE: '1',
  SCHEDD_CLUSTER_MAXIMUM_VALUE: '0',
  UID_DOMAIN: '$(FULL_HOSTNAME)',
  FILESYSTEM_DOMAIN: '$(FULL_HOSTNAME)',
  HOST_ALIAS: '$(FULL_HOSTNAME)',
  PRIVATE_NETWORK_NAME: '$(FULL_HOSTNAME)',
  CONDOR_ADMIN: 'root@$(FULL_HOSTNAME)',
  COLLECTOR_HOST: '$(CONDOR_HOST)',
  COLLECTOR_HOST_FOR_NEGOTIATOR: '$(FULL_HOSTNAME)',
  NETWORK_INTERFACE: '*',
  SCHEDD_NAME: '',
  MASTER_NAME: '',
  DAEMON_LIST: 'MASTER',
  REQUIRE_LOCAL_CONFIG_FILE: 'true',
  LOCAL_CONFIG_DIR_EXCLUDE_REGEXP: DEFAULT_EXCLUDE_REGEXP,
  USER_CONFIG_FILE: 'user_config',
};

const WINDOWS_DEFAULTS: Record<string, string> = {
  ...UNIX_DEFAULTS,
  RELEASE_DIR: 'C:\\condor',
  LOCAL_DIR: '$(RELEASE_DIR)',
  REQUIRE_LOCAL_CONFIG_FILE: 'false',
};

/** Which platform's defaults apply. */
export type Platform = 'unix' | 'windows';

/** The built-in default of a knob (upper-case name), or undefined. */
export function builtinDefault(name: string, platform: Platform = 'unix'): string | undefined {
  const table = platform === 'windows' ? WINDOWS_DEFAULTS : UNIX_DEFAULTS;
  return Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
}

/** Every knob with a built-in default. */
export function builtinDefaultNames(platform: Platform = 'unix'): string[] {
  return Object.keys(platform === 'windows' ? WINDOWS_DEFAULTS : UNIX_DEFAULTS);
}

/**
 * Detected macros that configuration files cannot override: they are
 * re-inserted after everything else is read (spec §1.8).
 */
export const DETECTED_MACROS = [
  'TILDE',
  'HOSTNAME',
  'FULL_HOSTNAME',
  'SUBSYSTEM',
  'LOCALNAME',
  'USERNAME',
  'REAL_UID',
  'REAL_GID',
  'PID',
  'PPID',
  'IP_ADDRESS',
  'IP_ADDRESS_IS_IPV6',
  'IPV4_ADDRESS',
  'IPV6_ADDRESS',
];
