/**
 * Host facts: the detected macros (`FULL_HOSTNAME`, `HOSTNAME`, `IP_ADDRESS`,
 * `TILDE`, `USERNAME`, ...) the configuration may use. They come from this
 * machine unless given explicitly; when a copy of another host's files is
 * read (`--root TREE`), this machine's facts are wrong, so the host name is
 * then taken from the tree's directory name when it looks like one
 * (`hosts/ap1.hep.example.edu/`), and the address is left empty.
 */
import { existsSync, readFileSync } from 'node:fs';
import { hostname, networkInterfaces, userInfo } from 'node:os';
import { basename, join, resolve } from 'node:path';

/** Detected macro name -> value. */
export type HostFacts = Record<string, string>;

/** What the user said about the host. */
export interface HostFactOptions {
  /** FULL_HOSTNAME (HOSTNAME is its first label). */
  hostName?: string;
  /** IP_ADDRESS (and IPV4_ADDRESS or IPV6_ADDRESS). */
  ip?: string;
  /** Any other detected macro, `NAME=VALUE`. */
  facts?: Record<string, string>;
  /** The tree being read instead of `/`, if any. */
  root?: string;
}

const HOST_NAME = /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z][A-Za-z0-9-]*$/;

/** The host name a tree's directory name gives, if it looks like a fully qualified one. */
export function hostNameFromTree(root: string): string | undefined {
  const name = basename(resolve(root));
  return HOST_NAME.test(name) ? name : undefined;
}

function machineAddress(): { v4: string; v6: string } {
  let v4 = '';
  let v6 = '';
  try {
    for (const list of Object.values(networkInterfaces())) {
      for (const a of list ?? []) {
        if (a.internal) continue;
        if (a.family === 'IPv4' && v4 === '') v4 = a.address;
        if (a.family === 'IPv6' && v6 === '' && !a.address.startsWith('fe80')) v6 = a.address;
      }
    }
  } catch {
    // no interfaces visible
  }
  return { v4, v6 };
}

/** The home directory of the `condor` user in a passwd file, or ''. */
function condorHome(passwd: string): string {
  if (!existsSync(passwd)) return '';
  try {
    for (const line of readFileSync(passwd, 'latin1').split('\n')) {
      const f = line.split(':');
      if (f[0] === 'condor' && f.length >= 6) return f[5] ?? '';
    }
  } catch {
    // unreadable
  }
  return '';
}

function addressFacts(ip: string): HostFacts {
  const v6 = ip.includes(':');
  return {
    IP_ADDRESS: ip,
    IP_ADDRESS_IS_IPV6: v6 ? 'true' : 'false',
    IPV4_ADDRESS: v6 ? '' : ip,
    IPV6_ADDRESS: v6 ? ip : '',
  };
}

/** The detected macros for a run, from the options, the tree and this machine. */
export function hostFacts(options: HostFactOptions = {}): HostFacts {
  const fromTree = options.root !== undefined ? hostNameFromTree(options.root) : undefined;
  const full = options.hostName ?? fromTree ?? hostname();
  let user = '';
  let uid = '';
  let gid = '';
  try {
    const info = userInfo();
    user = info.username;
    uid = String(info.uid);
    gid = String(info.gid);
  } catch {
    // no user database
  }
  const facts: HostFacts = {
    FULL_HOSTNAME: full,
    HOSTNAME: full.split('.')[0] ?? full,
    TILDE: condorHome(
      options.root !== undefined ? join(options.root, 'etc/passwd') : '/etc/passwd',
    ),
    USERNAME: user,
    REAL_UID: uid,
    REAL_GID: gid,
    PID: String(process.pid),
    PPID: String(process.ppid),
  };
  if (options.ip !== undefined) Object.assign(facts, addressFacts(options.ip));
  else if (options.root !== undefined) Object.assign(facts, addressFacts(''));
  else {
    const { v4, v6 } = machineAddress();
    Object.assign(facts, addressFacts(v4 || v6));
    facts.IPV4_ADDRESS = v4;
    facts.IPV6_ADDRESS = v6;
  }
  for (const [k, v] of Object.entries(options.facts ?? {})) {
    facts[k.toUpperCase()] = v;
    if (k.toUpperCase() === 'FULL_HOSTNAME' && options.facts?.HOSTNAME === undefined) {
      facts.HOSTNAME = v.split('.')[0] ?? v;
    }
  }
  return facts;
}
