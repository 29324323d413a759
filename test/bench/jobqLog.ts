/**
 * A synthetic job_queue.log for benchmarks and large-input tests: a live log
 * of N single-job clusters, each submitted in one transaction (about fifty
 * cluster attributes, several holding paths under SPOOL, LOCAL_DIR and
 * RELEASE_DIR), then started and updated. Deterministic for a given seed;
 * written as a stream, so logs of any size take little memory.
 */
import { closeSync, openSync, writeSync } from 'node:fs';

/** Parameters of a synthetic log. */
export interface SyntheticLogOptions {
  jobs: number;
  spool?: string;
  localDir?: string;
  releaseDir?: string;
  host?: string;
  crlf?: boolean;
  seed?: number;
}

/** The map/1 text of the host a synthetic log comes from. */
export function syntheticMap(options: SyntheticLogOptions): string {
  return (
    '[paths]\n' +
    `SPOOL = ${options.spool ?? '/scratch/condor/spool'}\n` +
    `LOCAL_DIR = ${options.localDir ?? '/scratch/condor'}\n` +
    `RELEASE_DIR = ${options.releaseDir ?? '/usr'}\n`
  );
}

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}

const owners = ['alice', 'bob', 'chen', 'dana', 'jürgen', 'hiro', 'ines', 'oscar'];

/** Yields the log in pieces (byte strings, latin1), one transaction group per job. */
export function* syntheticLog(options: SyntheticLogOptions): Generator<string> {
  const spool = options.spool ?? '/scratch/condor/spool';
  const local = options.localDir ?? '/scratch/condor';
  const release = options.releaseDir ?? '/usr';
  const host = options.host ?? 'submit.example.org';
  const nl = options.crlf ? '\r\n' : '\n';
  const rand = rng(options.seed ?? 42);
  const epoch = 1767000000;
  const utf8 = (s: string) => Buffer.from(s, 'utf8').toString('latin1');
  let out = `107 1 CreationTimestamp ${epoch}${nl}101 0.0 Job Machine${nl}105 ${nl}103 0.0 UidDomain "example.org"${nl}106 ${nl}103 0.0 NextClusterNum 1${nl}`;
  for (let c = 1; c <= options.jobs; c++) {
    const owner = utf8(owners[c % owners.length]!);
    const t = epoch + c * 7;
    const sandbox = `${spool}/${c % 10000}/0/cluster${c}.proc0.subproc0`;
    const home = `/home/${owner}/project-${c % 97}`;
    const ck = `0${c}.-1`;
    const pk = `${c}.0`;
    const a = (k: string, name: string, value: string) => {
      out += `103 ${k} ${name} ${value}${nl}`;
    };
    out += `105 ${nl}103 0.0 NextClusterNum ${c + 1}${nl}101 ${ck} Job Machine${nl}101 ${c}.-2 ClusterPvt (empty)${nl}101 ${pk} Job Machine${nl}`;
    a(pk, 'GlobalJobId', `"${host}#${c}.0#${t}"`);
    a(ck, 'ClusterId', `${c}`);
    a(ck, 'Owner', `"${owner}"`);
    a(ck, 'User', `"${owner}@example.org"`);
    a(ck, 'QDate', `${t}`);
    a(ck, 'EnteredCurrentStatus', `${t}`);
    a(ck, 'JobUniverse', '5');
    a(ck, 'Cmd', rand() < 0.3 ? `"${release}/bin/python3"` : `"${home}/bin/analyze"`);
    a(ck, 'Iwd', rand() < 0.2 ? `"${sandbox}"` : `"${home}/run"`);
    a(ck, 'UserLog', `"${home}/logs/job.log"`);
    a(ck, 'In', '"/dev/null"');
    a(ck, 'Out', '"job.out"');
    a(ck, 'Err', '"job.err"');
    a(
      ck,
      'TransferInput',
      `"${home}/data/set${c % 13}.h5,${local}/shared/refdata/genome.fa,lib.tar.gz,chunk_${c % 50}.bin"`,
    );
    a(ck, 'TransferOutput', '"results.tar.gz"');
    a(
      ck,
      'Environment',
      `"HOME=/home/${owner} PATH=${release}/local/bin:${release}/bin:/bin OMP_NUM_THREADS=4 SCRATCH=${local}/scratch/${owner}"`,
    );
    a(ck, 'Arguments', `"--input set${c % 13}.h5 --threads 4 --seed ${c}"`);
    a(
      ck,
      'Requirements',
      '(TARGET.Arch == "X86_64") && (TARGET.OpSys == "LINUX") && (TARGET.Disk >= RequestDisk) && (TARGET.Memory >= RequestMemory) && (TARGET.HasFileTransfer)',
    );
    a(ck, 'Rank', '0.0');
    a(ck, 'RequestCpus', '4');
    a(ck, 'RequestMemory', `${1024 * (1 + (c % 16))}`);
    a(ck, 'RequestDisk', `${1048576 * (1 + (c % 8))}`);
    a(ck, 'JobPrio', '0');
    a(ck, 'ShouldTransferFiles', '"YES"');
    a(ck, 'WhenToTransferOutput', '"ON_EXIT"');
    a(ck, 'TransferIn', 'false');
    a(ck, 'StreamOut', 'false');
    a(ck, 'StreamErr', 'false');
    a(ck, 'NumJobStarts', '0');
    a(ck, 'NumRestarts', '0');
    a(ck, 'NumCkpts', '0');
    a(ck, 'CumulativeSlotTime', '0');
    a(ck, 'CommittedTime', '0');
    a(ck, 'RemoteWallClockTime', '0.0');
    a(ck, 'RemoteUserCpu', '0.0');
    a(ck, 'RemoteSysCpu', '0.0');
    a(ck, 'ExitBySignal', 'false');
    a(ck, 'OnExitRemove', 'true');
    a(ck, 'OnExitHold', 'false');
    a(ck, 'PeriodicHold', 'false');
    a(ck, 'PeriodicRelease', 'false');
    a(ck, 'PeriodicRemove', '(JobStatus == 5) && (time() - EnteredCurrentStatus > 86400)');
    a(ck, 'LeaveJobInQueue', 'false');
    a(ck, 'MaxHosts', '1');
    a(ck, 'MinHosts', '1');
    a(ck, 'CurrentHosts', '0');
    a(ck, 'CondorVersion', '"$CondorVersion: 25.0.1 2025-10-01 BuildID: 812345 $"');
    a(ck, 'CondorPlatform', '"$CondorPlatform: x86_64_AlmaLinux9 $"');
    a(ck, 'MyType', '"Job"');
    a(ck, 'TargetType', '"Machine"');
    a(ck, 'JobBatchName', `"batch-${c % 211}"`);
    a(ck, 'AccountingGroup', `"group_physics.${owner}"`);
    a(pk, 'ProcId', '0');
    a(pk, 'JobStatus', '1');
    a(ck, 'TotalSubmitProcs', '1');
    out += `106 ${nl}`;
    a(
      pk,
      'ClaimId',
      `"<10.0.${c % 250}.${(c * 7) % 250}:9618?addrs=10.0.${c % 250}.${(c * 7) % 250}-9618>#${t}#1#..."`,
    );
    out += `105 ${nl}`;
    a(pk, 'JobStatus', '2');
    a(pk, 'EnteredCurrentStatus', `${t + 60}`);
    a(pk, 'JobCurrentStartDate', `${t + 60}`);
    a(pk, 'RemoteHost', `"slot1_${c % 32}@node${c % 500}.pool.example.org"`);
    a(pk, 'LastRemoteHost', `"slot1_${c % 32}@node${c % 500}.pool.example.org"`);
    a(pk, 'NumJobStarts', '1');
    a(pk, 'ShadowBday', `${t + 61}`);
    out += `106 ${nl}105 ${nl}`;
    a(pk, 'RemoteUserCpu', `${(rand() * 1000).toFixed(1)}`);
    a(pk, 'ImageSize', `${Math.floor(rand() * 1e6)}`);
    a(pk, 'DiskUsage', `${Math.floor(rand() * 1e6)}`);
    a(pk, 'LastJobLeaseRenewal', `${t + 400}`);
    out += `106 ${nl}`;
    if (out.length >= 1 << 20) {
      yield out;
      out = '';
    }
  }
  if (out) yield out;
}

/** Writes a synthetic log to a file; returns its size in bytes. */
export function writeSyntheticLog(path: string, options: SyntheticLogOptions): number {
  const fd = openSync(path, 'w');
  let bytes = 0;
  try {
    for (const piece of syntheticLog(options)) {
      const buf = Buffer.from(piece, 'latin1');
      let pos = 0;
      while (pos < buf.length) pos += writeSync(fd, buf, pos);
      bytes += buf.length;
    }
  } finally {
    closeSync(fd);
  }
  return bytes;
}
