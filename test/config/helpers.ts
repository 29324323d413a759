// Helpers for the configuration tests: temporary trees, resolving them, the corpus.
import { runScript, type ScriptRun } from '../runNode.js';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { HostFileSystem } from '../../src/config/hostPaths.js';
import { lineText, splitPhysicalLines } from '../../src/config/lines.js';
import { parseKnobSpec } from '../../src/config/knobSpec.js';
import { parseMapFile, type PathMap } from '../../src/config/mapFile.js';
import {
  resolveConfig,
  type ResolveOptions,
  type ResolvedConfig,
} from '../../src/config/resolve.js';

/** The project root. */
export const root = join(import.meta.dirname, '../..');
/** The project's copy of the configuration corpus. */
export const corpus = join(root, 'corpus/config');

/** The host trees of the corpus. */
export const HOSTS = [
  'ap1.hep.example.edu',
  'hpc-submit.cluster.example.ac.uk',
  'render-sched.corp.example.com',
  'sched.astro.example.org',
];

/** Reads a file as bytes (latin1). */
export function bytes(path: string): string {
  return readFileSync(path).toString('latin1');
}

/** Writes a tree of files (bytes, latin1) into a new temporary directory; returns it. */
export function makeTree(files: Record<string, string>, prefix = 'configmd-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const [path, content] of Object.entries(files)) {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, Buffer.from(content, 'latin1'));
  }
  return dir;
}

/** Resolves `main` (a path inside `tree`) with the tree as root and no environment. */
export function resolveTree(
  tree: string,
  main: string,
  options: Partial<ResolveOptions> = {},
): ResolvedConfig {
  return resolveConfig(join(tree, main), {
    fs: new HostFileSystem({ root: tree }),
    facts: { FULL_HOSTNAME: 'submit.example.org', HOSTNAME: 'submit', IP_ADDRESS: '10.0.0.5' },
    env: {},
    ...options,
  });
}

/** Resolves one configuration text (as /etc/condor/condor_config of a fresh tree). */
export function resolveText(text: string, options: Partial<ResolveOptions> = {}): ResolvedConfig {
  const tree = makeTree({ 'etc/condor/condor_config': text });
  return resolveTree(tree, 'etc/condor/condor_config', options);
}

/** The ground truth of a corpus host tree. */
export interface Truth {
  host: string;
  short_name: string;
  ip: string;
  condor_config: string;
  path_style: string;
  prefixes: { macro: string; source: string; target: string }[];
  files: { file: string; bytes: number; sha256: string }[];
  read_order: { file: string | null; via?: string; command?: string }[];
  excluded_files: { file: string; reason: string }[];
  machine_dependent: {
    file: string;
    line: number;
    last_line: number;
    name: string;
    op: string;
    value: string;
    spec: 'required' | 'optional' | null;
    target_map_value?: string | null;
    note?: string;
  }[];
  path_occurrences: {
    file: string;
    line: number;
    text: string;
    target_text: string;
    paths: { macro: string; start: number; end: number }[];
  }[];
  comment_mentions: { file: string; line: number; text: string }[];
  excluded_mentions: { file: string; line: number; text: string }[];
}

/** Reads the ground truth of a host tree. */
export function truthOf(host: string): Truth {
  return JSON.parse(readFileSync(join(corpus, 'hosts', `${host}.truth.json`), 'utf8')) as Truth;
}

/** What a run of the configmd CLI gave. */
export type CliRun = ScriptRun;

/** Runs `configmd ARGS` (test/config/configmd-cli.mjs, over the built CLI). */
export function configmd(args: string[], input = ''): CliRun {
  return runScript('test/config/configmd-cli.mjs', args, { input });
}

/** A small knob spec for the marshal and demarshal tests. */
export const SPEC = parseKnobSpec(
  'SPOOL required path\nLOCAL_DIR required path\nSCHEDD_NAME optional host\nLOG optional path\n',
);

/** The source map that goes with SPEC. */
export const SOURCE = parseMapFile(
  '[paths]\nSPOOL = /scratch/spool\nLOCAL_DIR = /var\n[knobs]\nSCHEDD_NAME = ap1.example.edu\nLOG = $(LOCAL_DIR)/log\n',
  'source.map',
);

/** A corpus host tree with its truth and maps. */
export interface Host {
  truth: Truth;
  tree: string;
  source: PathMap;
  target: PathMap;
}

/** Loads a corpus host tree. */
export function host(name: string): Host {
  const tree = join(corpus, 'hosts', name);
  return {
    truth: truthOf(name),
    tree,
    source: parseMapFile(bytes(`${tree}.map`), `${name}.map`),
    target: parseMapFile(bytes(`${tree}.target.map`), `${name}.target.map`),
  };
}

/** What marshal + demarshal with the target map must give for a file, from the ground truth alone. */
export function expectedTarget(h: Host, file: string): string {
  const text = bytes(join(h.tree, file));
  const lines = splitPhysicalLines(text);
  const out: (string | undefined)[] = lines.map((l) => lineText(text, l));
  for (const md of h.truth.machine_dependent) {
    if (md.file !== file || md.spec === null) continue;
    if (md.line !== md.last_line) throw new Error('a multi-line spec definition in the corpus');
    const original = out[md.line - 1]!;
    if (!original.endsWith(md.value))
      throw new Error(`${file}:${md.line} does not end with its value`);
    out[md.line - 1] =
      md.target_map_value === null || md.target_map_value === undefined
        ? undefined
        : original.slice(0, original.length - md.value.length) + md.target_map_value;
  }
  for (const occ of h.truth.path_occurrences)
    if (occ.file === file) out[occ.line - 1] = occ.target_text;
  return lines.map((l, i) => (out[i] === undefined ? '' : out[i] + l.eol)).join('');
}
