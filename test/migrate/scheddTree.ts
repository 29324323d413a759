// A realistic schedd host for the migration tests: a tarball-style
// configuration tree (main file, include, LOCAL_CONFIG_FILE,
// LOCAL_CONFIG_DIR), SPOOL with job sandboxes, a job_queue.log shaped like
// the corpus generator's (corpus/jobq/README.md: submit transactions in
// condor_submit's order, -spool jobs, DAGMan, late materialization, a
// parallel job, holds and releases, a private ClaimId, a completed and
// destroyed job, paths in strings, lists, environments, arguments and
// expressions, a literal "$(", UTF-8), a history file with a rotation, and
// the schedd's logs. Every host path comes from the layout, so the same
// generator with another host's layout gives what a migrated copy must be.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Where a host keeps things, and who it is. */
export interface HostLayout {
  fqdn: string;
  ip: string;
  releaseDir: string;
  localDir: string;
  spool: string;
  log: string;
  configRoot: string;
}

/** The schedd's host-independent name. */
export const SCHEDD_NAME = 'mobile-physics@physics.example.edu';

/** Host A: a tarball install, SPOOL on a scratch array outside LOCAL_DIR. */
export const HOST_A: HostLayout = {
  fqdn: 'submit-a.physics.example.edu',
  ip: '10.1.2.3',
  releaseDir: '/opt/condor',
  localDir: '/opt/condor/local',
  spool: '/scratch/condor/spool',
  log: '/opt/condor/local/log',
  configRoot: '/opt/condor/etc',
};

/** Host B: other paths, another name and address. */
export const HOST_B: HostLayout = {
  fqdn: 'submit-b.cs.example.net',
  ip: '10.9.8.7',
  releaseDir: '/usr',
  localDir: '/srv/htcondor',
  spool: '/srv/htcondor/spool',
  log: '/srv/htcondor/log',
  configRoot: '/etc/condor-mobile',
};

/** A deterministic byte generator (xorshift32). */
function bytesOf(seed: number, size: number): Buffer {
  const buf = Buffer.allocUnsafe(size);
  let s = seed >>> 0 || 1;
  let i = 0;
  for (; i + 4 <= size; i += 4) {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    buf.writeUInt32LE(s, i);
  }
  for (; i < size; i++) buf[i] = (s >>> (8 * (i % 4))) & 0xff;
  return buf;
}

const utf8 = (s: string): string => Buffer.from(s, 'utf8').toString('latin1');

/** The configuration files (host path -> bytes). */
export function configFiles(h: HostLayout): Record<string, string> {
  return {
    [`${h.configRoot}/condor_config`]:
      '##  HTCondor configuration of a tarball install.\n' +
      '##  Everything host-specific is in the local files.\n' +
      `RELEASE_DIR = ${h.releaseDir}\n` +
      `LOCAL_DIR = ${h.localDir}\n` +
      'LOCAL_CONFIG_FILE = $(LOCAL_DIR)/condor_config.local\n' +
      'LOCAL_CONFIG_DIR = $(LOCAL_DIR)/config.d\n' +
      `include : ${h.configRoot}/site-common.conf\n` +
      'BIN = $(RELEASE_DIR)/bin\n' +
      'SBIN = $(RELEASE_DIR)/sbin\n' +
      'use ROLE : Submit\n',
    [`${h.configRoot}/site-common.conf`]:
      '# Pool-wide settings\n' +
      'CONDOR_HOST = cm.physics.example.edu\n' +
      'UID_DOMAIN = physics.example.edu\n' +
      'FILESYSTEM_DOMAIN = physics.example.edu\n' +
      'ALLOW_WRITE = *.physics.example.edu\n' +
      'DAEMON_LIST = MASTER, SCHEDD\n',
    [`${h.localDir}/condor_config.local`]:
      '# This host\n' +
      `NETWORK_INTERFACE = ${h.ip}\n` +
      `NETWORK_HOSTNAME = ${h.fqdn}\n` +
      `SCHEDD_NAME = ${SCHEDD_NAME}\n` +
      `LOCK = ${h.localDir}/lock\n` +
      'EXECUTE = $(LOCAL_DIR)/execute\n',
    [`${h.localDir}/config.d/10-schedd.conf`]:
      '# The schedd keeps its state on the scratch array\n' +
      `SPOOL = ${h.spool}\n` +
      'JOB_QUEUE_LOG = $(SPOOL)/job_queue.log\n' +
      'HISTORY = $(SPOOL)/history\n' +
      `SCHEDD_LOG = ${h.log}/SchedLog\n` +
      'MAX_HISTORY_LOG = 20000000\n' +
      'SUBMIT_REQUIREMENT_NAMES = NotInSpool\n' +
      `SUBMIT_REQUIREMENT_NotInSpool = Iwd =!= "${h.spool}/forbidden"\n` +
      'JOB_TRANSFORM_NAMES = Scratch\n' +
      'JOB_TRANSFORM_Scratch @=end\n' +
      `   SET ScratchDir "${h.localDir}/scratch"\n` +
      '@end\n',
    [`${h.localDir}/config.d/20-security.conf`]:
      'SEC_TOKEN_SYSTEM_DIRECTORY = $(LOCAL_DIR)/tokens.d\n' +
      'SEC_DEFAULT_AUTHENTICATION_METHODS = FS, IDTOKENS\n',
  };
}

/** One job of the generated queue. */
interface Job {
  cluster: number;
  owner: string;
  kind: 'vanilla' | 'spooled' | 'dagman' | 'factory' | 'parallel';
  qdate: number;
}

/** The jobs: `n` of them, cycling through the kinds. */
export function jobsOf(n: number): Job[] {
  const kinds: Job['kind'][] = ['spooled', 'vanilla', 'dagman', 'spooled', 'factory', 'parallel'];
  const owners = ['alice', 'bob', utf8('jürgen'), 'chen'];
  return Array.from({ length: n }, (_, i) => ({
    cluster: i + 1,
    owner: owners[i % owners.length]!,
    kind: kinds[i % kinds.length]!,
    qdate: 1767544116 + i * 37,
  }));
}

/** The sandbox directory of a spooled job (SPOOL/<C%10000>/<P%10000>/clusterC.procP.subproc0). */
export function sandboxOf(h: HostLayout, cluster: number): string {
  return `${h.spool}/${cluster % 10000}/0/cluster${cluster}.proc0.subproc0`;
}

/** The job_queue.log. */
export function jobQueue(h: HostLayout, n: number): string {
  const nl = '\n';
  let out =
    `107 1 CreationTimestamp 1767544019${nl}101 0.0 Job Machine${nl}105 ${nl}` +
    `103 0.0 UidDomain "physics.example.edu"${nl}106 ${nl}103 0.0 NextClusterNum 1${nl}`;
  const users = new Map<string, number>();
  const a = (k: string, name: string, value: string): void => {
    out += `103 ${k} ${name} ${value}${nl}`;
  };
  for (const j of jobsOf(n)) {
    const c = j.cluster;
    const ck = `0${c}.-1`;
    const pk = `${c}.0`;
    const home = `/home/${j.owner}`;
    out += `105 ${nl}`;
    if (!users.has(j.owner)) {
      const u = users.size + 1;
      users.set(j.owner, u);
      out += `101 0.${u} Owner (empty)${nl}`;
      a(`0.${u}`, 'User', `"${j.owner}@physics.example.edu"`);
      a(`0.${u}`, 'Owner', `"${j.owner}"`);
      a(`0.${u}`, 'Enabled', '1');
    }
    out += `103 0.0 NextClusterNum ${c + 1}${nl}101 ${ck} Job Machine${nl}101 ${c}.-2 ClusterPvt (empty)${nl}101 ${pk} Job Machine${nl}`;
    a(pk, 'GlobalJobId', `"${SCHEDD_NAME}#${c}.0#${j.qdate}"`);
    a(ck, 'ClusterId', `${c}`);
    a(ck, 'Owner', `"${j.owner}"`);
    a(ck, 'User', `"${j.owner}@physics.example.edu"`);
    a(ck, 'QDate', `${j.qdate}`);
    a(ck, 'EnteredCurrentStatus', `${j.qdate}`);
    a(ck, 'FileSystemDomain', '"physics.example.edu"');
    a(ck, 'MyType', '"Job"');
    a(ck, 'TargetType', '"Machine"');
    a(ck, 'RequestCpus', '1');
    a(ck, 'RequestMemory', `${1024 * (1 + (c % 4))}`);
    a(
      ck,
      'Requirements',
      '(TARGET.Arch == "X86_64") && (TARGET.OpSys == "LINUX") && (TARGET.Memory >= RequestMemory)',
    );
    a(ck, 'UserLog', `"${home}/logs/job${c}.log"`);
    a(ck, 'Err', '"job.err"');
    a(ck, 'Out', '"job.out"');
    a(ck, 'CondorVersion', '"$CondorVersion: 25.0.1 2025-10-01 BuildID: 812345 $"');
    switch (j.kind) {
      case 'vanilla':
        a(ck, 'JobUniverse', '5');
        a(ck, 'Cmd', `"${home}/bin/analyze"`);
        a(ck, 'Iwd', `"${home}/run${c}"`);
        a(
          ck,
          'TransferInput',
          `"${home}/data/set${c}.h5,${h.localDir}/shared/refdata/genome.fa,lib.tar.gz"`,
        );
        a(
          ck,
          'Environment',
          `"HOME=${home} PATH=${h.releaseDir}/bin:/bin SCRATCH=${h.localDir}/scratch/${j.owner}"`,
        );
        a(ck, 'Arguments', '"--input set.h5 --tag $(literal) --threads 4"');
        a(ck, 'LocalScratch', `ifThenElse(JobStatus == 2, "${h.spool}/scratch/${c}", "/tmp")`);
        break;
      case 'spooled': {
        const sb = sandboxOf(h, c);
        a(ck, 'JobUniverse', '5');
        a(ck, 'Cmd', '"run.sh"');
        a(ck, 'SUBMIT_Cmd', `"${home}/proj/run.sh"`);
        a(ck, 'SUBMIT_Iwd', `"${home}/proj"`);
        a(ck, 'Iwd', `"${sb}"`);
        a(ck, 'SUBMIT_TransferInput', '"input.dat,data"');
        a(ck, 'TransferInput', '"input.dat,data"');
        a(ck, 'SUBMIT_TransferOutputRemaps', `"out.dat=${home}/results/out${c}.dat"`);
        a(ck, 'TransferOutputRemaps', 'Undefined');
        a(ck, 'HoldReasonCode', '16');
        a(ck, 'HoldReason', '"Spooling input data files"');
        break;
      }
      case 'dagman':
        a(ck, 'JobUniverse', '7');
        a(ck, 'Cmd', `"${h.releaseDir}/bin/condor_dagman"`);
        a(ck, 'Iwd', `"${home}/dags"`);
        a(
          ck,
          'Arguments',
          `"-p 0 -f -l . -Lockfile pipeline.dag.lock -AutoRescue 1 -Dag pipeline.dag -Dagman ${h.releaseDir}/bin/condor_dagman"`,
        );
        a(
          ck,
          'Environment',
          `"_CONDOR_SCHEDD_ADDRESS_FILE=${h.spool}/.schedd_address;_CONDOR_MAX_DAGMAN_LOG=0;_CONDOR_DAGMAN_LOG=pipeline.dag.dagman.out"`,
        );
        a(ck, 'DAGManNodesLog', `"${home}/dags/pipeline.dag.nodes.log"`);
        break;
      case 'factory':
        a(ck, 'JobUniverse', '5');
        a(ck, 'Cmd', `"${home}/bin/sweep"`);
        a(ck, 'Iwd', `"${home}/sweep"`);
        a(ck, 'JobMaterializeDigestFile', `"${h.spool}/${c % 10000}/condor_submit.${c}.digest"`);
        a(ck, 'JobMaterializeLimit', '4');
        break;
      case 'parallel':
        a(ck, 'JobUniverse', '11');
        a(ck, 'Cmd', `"${home}/bin/mpi-run"`);
        a(ck, 'Iwd', `"${home}/mpi"`);
        a(ck, 'Scheduler', `"DedicatedScheduler@${SCHEDD_NAME}"`);
        a(ck, 'TransferInput', `"${h.localDir}/shared/hosts.txt , ${home}/mpi/input"`);
        break;
    }
    a(pk, 'ProcId', '0');
    a(pk, 'JobStatus', j.kind === 'spooled' ? '5' : '1');
    a(ck, 'TotalSubmitProcs', '1');
    out += `106 ${nl}`;
    if (j.kind === 'spooled') {
      out += `105 ${nl}`;
      a(pk, 'StageInStart', `${j.qdate + 3}`);
      a(pk, 'StageInFinish', `${j.qdate + 5}`);
      a(pk, 'JobStatus', '1');
      out += `104 ${ck} HoldReason${nl}104 ${ck} HoldReasonCode${nl}`;
      a(pk, 'ReleaseReason', '"Data files spooled"');
      out += `106 ${nl}`;
    }
    if (c % 3 === 2) {
      a(
        pk,
        'ClaimId',
        `"<10.20.${c % 250}.7:9618?addrs=10.20.${c % 250}.7-9618>#1767000000#${c}#..."`,
      );
      out += `105 ${nl}`;
      a(pk, 'JobStatus', '2');
      a(pk, 'RemoteHost', `"slot1@node${c}.pool.example.org"`);
      a(pk, 'NumJobStarts', '1');
      out += `106 ${nl}`;
    }
  }
  // A job that finished and left the queue.
  if (n >= 2) {
    out += `105 ${nl}`;
    a('2.0', 'JobStatus', '4');
    a('2.0', 'CompletionDate', '1767600000');
    out += `106 ${nl}105 ${nl}102 2.0${nl}102 02.-1${nl}102 2.-2${nl}106 ${nl}`;
  }
  return out;
}

/** The history file (and its rotation): completed jobs, in old long form with banners. */
export function historyFiles(h: HostLayout): Record<string, string> {
  const ad = (c: number, owner: string, t: number): string =>
    `ClusterId = ${c}\nProcId = 0\nOwner = "${owner}"\n` +
    `GlobalJobId = "${SCHEDD_NAME}#${c}.0#${t}"\n` +
    `Iwd = "${h.spool}/${c}/0/cluster${c}.proc0.subproc0"\n` +
    `Cmd = "/home/${owner}/bin/analyze"\n` +
    `TransferInput = "/home/${owner}/in.dat,${h.localDir}/shared/refdata/genome.fa"\n` +
    `Environment = "PATH=${h.releaseDir}/bin:/bin"\n` +
    `Arguments = "--out $(literal)"\n` +
    `JobStatus = 4\nCompletionDate = ${t + 600}\n` +
    `*** ProcId = 0 ClusterId = ${c} Owner = "${owner}" CompletionDate = ${t + 600}\n`;
  return {
    [`${h.spool}/history`]: ad(901, 'alice', 1767000000) + ad(902, utf8('jürgen'), 1767000100),
    [`${h.spool}/history.20260101T000000`]: ad(801, 'bob', 1766000000),
  };
}

/** The sandbox files of the spooled jobs and the factories' digests (host path -> bytes). */
export function spoolFiles(h: HostLayout, n: number, fileSize: number): Record<string, Buffer> {
  const files: Record<string, Buffer> = {};
  for (const j of jobsOf(n)) {
    if (j.kind === 'spooled') {
      const sb = sandboxOf(h, j.cluster);
      files[`${sb}/input.dat`] = bytesOf(j.cluster, fileSize);
      files[`${sb}/run.sh`] = Buffer.from(
        `#!/bin/sh\nexec ./analyze --cluster ${j.cluster} "$@"\n`,
      );
      files[`${sb}/data/part-1.bin`] = bytesOf(j.cluster * 7919, 1000 + j.cluster);
      files[`${sb}/data/empty.txt`] = Buffer.alloc(0);
    }
    if (j.kind === 'factory')
      files[`${h.spool}/${j.cluster % 10000}/condor_submit.${j.cluster}.digest`] = Buffer.from(
        `executable = /home/${j.owner}/bin/sweep\narguments = $(Item)\nqueue Item from items.txt\n`,
      );
  }
  return files;
}

/** Writes a host's schedd tree under `root` (as if it were /); returns the main config's host path. */
export function writeScheddHost(
  root: string,
  h: HostLayout,
  options: { jobs?: number; fileSize?: number } = {},
): string {
  const n = options.jobs ?? 12;
  const put = (path: string, data: string | Buffer): void => {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, typeof data === 'string' ? Buffer.from(data, 'latin1') : data);
  };
  for (const [p, t] of Object.entries(configFiles(h))) put(p, t);
  for (const [p, t] of Object.entries(historyFiles(h))) put(p, t);
  for (const [p, b] of Object.entries(spoolFiles(h, n, options.fileSize ?? 5000))) put(p, b);
  put(`${h.spool}/job_queue.log`, jobQueue(h, n));
  put(`${h.log}/SchedLog`, `01/05/26 10:00:00 (pid:4242) ${h.fqdn}: schedd started\n`);
  put(`${h.log}/SchedLog.old`, '01/04/26 10:00:00 (pid:4100) schedd exiting\n');
  put(`${h.log}/ShadowLog`, `01/05/26 10:05:00 (pid:4300) shadow for 3.0 on ${h.ip}\n`);
  mkdirSync(join(root, `${h.localDir}/execute`), { recursive: true });
  mkdirSync(join(root, `${h.localDir}/lock`), { recursive: true });
  mkdirSync(join(root, `${h.spool}/empty-dir`), { recursive: true });
  return `${h.configRoot}/condor_config`;
}
