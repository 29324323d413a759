/**
 * The checkpoint's manifest: a ClassAd (new syntax) naming every component
 * with its macro, kind, host-independent location, and — in the complete
 * manifest — its file count, size and SHA-256.
 *
 * An archive holds it twice: `CHECKPOINT.ad`, the first entry, is the
 * layout without sums (`Complete = false`), so that an installer knows
 * where each component goes before its bytes arrive; `MANIFEST.ad`, the
 * last entry, is the complete manifest (`Complete = true`), written once
 * every byte has been archived and hashed (one pass over the data).
 *
 * ```
 * [
 *   Format = "schedd-checkpoint/1"; Complete = true; Created = 1767544116;
 *   Creator = "classad-ts csar"; ScheddName = "mobile@physics.example.edu";
 *   SourceHost = "submit-a.physics.example.edu"; SourceAddress = "10.1.2.3";
 *   SourcePaths = [ SPOOL = "/scratch/condor/spool"; LOCAL_DIR = "/opt/condor/local" ];
 *   Components = {
 *     [ Macro = "LOCAL_DIR"; Kind = "anchor" ],
 *     [ Macro = "SPOOL"; Kind = "directory"; Exclusive = true; Files = 12; Directories = 4; Size = 1048576; Sha256 = "…" ],
 *     [ Macro = "JOB_QUEUE_LOG"; Kind = "file"; Location = "$(SPOOL)/job_queue.log"; Name = "job_queue.log"; Marshal = "jobq"; … ],
 *     [ Macro = "CONFIG"; Kind = "config"; Marshal = "config"; Main = "$(CONFIG_ROOT)/condor_config"; … ]
 *   }
 * ]
 * ```
 *
 * `Sha256` of a component is the SHA-256 of its archive entries in archive
 * order, each written as `d REL\n` (a directory) or `f REL SIZE\n` followed
 * by the file's bytes (REL: the path inside the component, UTF-8). `Size`
 * is the sum of the file sizes, as archived (marshalled where `Marshal`
 * says so). `SourceHost`, `SourceAddress` and `SourcePaths` are provenance:
 * the residual scan after a restart looks for them; nothing installed
 * contains them.
 */
import { createHash, type Hash } from 'node:crypto';
import { ClassAd, quote } from '../classad.js';
import type { Expr } from '../language/ast.js';
import type { ComponentKind, MarshalKind } from './components.js';
import { MigrateError } from './errors.js';
import type { PathEntry } from './locations.js';

/** The format name of manifests and archives. */
export const CHECKPOINT_FORMAT = 'schedd-checkpoint/1';
/** The first entry of an archive: the layout. */
export const LAYOUT_ENTRY = 'CHECKPOINT.ad';
/** The last entry of an archive: the complete manifest. */
export const MANIFEST_ENTRY = 'MANIFEST.ad';

/** One component in a manifest. */
export interface ManifestComponent {
  macro: string;
  kind: ComponentKind;
  location?: string;
  name?: string;
  marshal?: MarshalKind;
  exclusive?: boolean;
  /** Config: the main file's location. */
  main?: string;
  files?: number;
  directories?: number;
  size?: number;
  sha256?: string;
}

/** A manifest. */
export interface Manifest {
  format: string;
  complete: boolean;
  created: number;
  creator: string;
  scheddName: string;
  sourceHost: string;
  sourceAddress: string;
  sourcePaths: PathEntry[];
  components: ManifestComponent[];
}

const KINDS: ComponentKind[] = ['anchor', 'directory', 'file', 'config'];
const MARSHALS: MarshalKind[] = ['jobq', 'history', 'config'];

/** Formats a manifest as a ClassAd, one component per line. */
export function formatManifest(m: Manifest): string {
  const q = (s: string): string => quote(s);
  const comp = (c: ManifestComponent): string => {
    const a: string[] = [`Macro = ${q(c.macro)}`, `Kind = ${q(c.kind)}`];
    if (c.location !== undefined) a.push(`Location = ${q(c.location)}`);
    if (c.name !== undefined) a.push(`Name = ${q(c.name)}`);
    if (c.marshal !== undefined) a.push(`Marshal = ${q(c.marshal)}`);
    if (c.exclusive) a.push('Exclusive = true');
    if (c.main !== undefined) a.push(`Main = ${q(c.main)}`);
    if (c.files !== undefined) a.push(`Files = ${c.files}`);
    if (c.directories !== undefined) a.push(`Directories = ${c.directories}`);
    if (c.size !== undefined) a.push(`Size = ${c.size}`);
    if (c.sha256 !== undefined) a.push(`Sha256 = ${q(c.sha256)}`);
    return `    [ ${a.join('; ')} ]`;
  };
  const paths = m.sourcePaths.map((p) => `${p.name} = ${q(p.value)}`).join('; ');
  return (
    '[\n' +
    `  Format = ${q(m.format)};\n` +
    `  Complete = ${m.complete};\n` +
    `  Created = ${m.created};\n` +
    `  Creator = ${q(m.creator)};\n` +
    `  ScheddName = ${q(m.scheddName)};\n` +
    `  SourceHost = ${q(m.sourceHost)};\n` +
    `  SourceAddress = ${q(m.sourceAddress)};\n` +
    `  SourcePaths = [ ${paths} ];\n` +
    `  Components = {\n${m.components.map(comp).join(',\n')}\n  }\n` +
    ']\n'
  );
}

function fail(name: string, message: string): never {
  throw new MigrateError(`${name}: ${message}`);
}

function adOf(expr: Expr): ClassAd {
  const ad = new ClassAd();
  if (expr.kind === 'Record') for (const a of expr.attrs) ad.bind(a.name, a.value);
  return ad;
}

/** Parses a manifest; throws MigrateError saying what is wrong. */
export function parseManifest(text: string, name = MANIFEST_ENTRY): Manifest {
  let ad: ClassAd;
  try {
    ad = ClassAd.parse(text, { syntax: 'new' });
  } catch (e) {
    fail(name, `not a ClassAd: ${(e as Error).message.split('\n')[0]}`);
  }
  const str = (a: ClassAd, attr: string, required = true): string | undefined => {
    const v = a.evaluateString(attr);
    if (v === undefined && required) fail(name, `${attr} is missing or not a string`);
    return v;
  };
  const num = (a: ClassAd, attr: string): number | undefined => {
    if (!a.has(attr)) return undefined;
    const v = a.evaluateNumber(attr);
    if (v === undefined || !Number.isInteger(v) || v < 0) fail(name, `${attr} is not a count`);
    return v;
  };
  const format = str(ad, 'Format')!;
  if (format !== CHECKPOINT_FORMAT)
    fail(name, `format ${JSON.stringify(format)} is not ${CHECKPOINT_FORMAT}`);
  const sourcePaths: PathEntry[] = [];
  const sp = ad.get('SourcePaths');
  if (sp?.kind === 'Record') {
    const spAd = adOf(sp);
    for (const a of sp.attrs)
      sourcePaths.push({ name: a.name, value: spAd.evaluateString(a.name) ?? '' });
  }
  const list = ad.get('Components');
  if (list?.kind !== 'List') fail(name, 'Components is not a list');
  const components: ManifestComponent[] = [];
  for (const item of list.items) {
    if (item.kind !== 'Record') fail(name, 'a component is not a ClassAd');
    const c = adOf(item);
    const macro = str(c, 'Macro')!;
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(macro))
      fail(name, `bad component macro ${JSON.stringify(macro)}`);
    if (components.some((x) => x.macro === macro)) fail(name, `component ${macro} is listed twice`);
    const kind = str(c, 'Kind') as ComponentKind;
    if (!KINDS.includes(kind)) fail(name, `${macro}: unknown kind ${JSON.stringify(kind)}`);
    const marshal = str(c, 'Marshal', false) as MarshalKind | undefined;
    if (marshal !== undefined && !MARSHALS.includes(marshal))
      fail(name, `${macro}: unknown Marshal ${JSON.stringify(marshal)}`);
    const sha256 = str(c, 'Sha256', false);
    if (sha256 !== undefined && !/^[0-9a-f]{64}$/.test(sha256)) fail(name, `${macro}: bad Sha256`);
    const fileName = str(c, 'Name', false);
    if (fileName !== undefined && (fileName === '' || fileName.includes('/') || fileName === '..'))
      fail(name, `${macro}: bad Name ${JSON.stringify(fileName)}`);
    if (kind === 'file' && fileName === undefined)
      fail(name, `${macro}: a file component needs a Name`);
    components.push({
      macro,
      kind,
      location: str(c, 'Location', false),
      name: fileName,
      marshal,
      exclusive: c.evaluateBoolean('Exclusive') === true || undefined,
      main: str(c, 'Main', false),
      files: num(c, 'Files'),
      directories: num(c, 'Directories'),
      size: num(c, 'Size'),
      sha256,
    });
  }
  const complete = ad.evaluateBoolean('Complete') === true;
  if (complete)
    for (const c of components)
      if (
        c.kind !== 'anchor' &&
        (c.size === undefined || c.sha256 === undefined || c.files === undefined)
      )
        fail(name, `${c.macro}: the complete manifest lacks its Files, Size or Sha256`);
  return {
    format,
    complete,
    created: num(ad, 'Created') ?? 0,
    creator: str(ad, 'Creator', false) ?? '',
    scheddName: str(ad, 'ScheddName', false) ?? '',
    sourceHost: str(ad, 'SourceHost', false) ?? '',
    sourceAddress: str(ad, 'SourceAddress', false) ?? '',
    sourcePaths,
    components,
  };
}

/** The SHA-256, size and counts of one component, fed entry by entry in archive order. */
export class ComponentDigest {
  private readonly hash: Hash = createHash('sha256');
  files = 0;
  directories = 0;
  size = 0;

  /** Adds a directory entry. */
  directory(rel: string): void {
    this.directories++;
    this.hash.update(`d ${rel}\n`, 'utf8');
  }

  /** Starts a file entry of `size` bytes; its bytes follow through `update`. */
  file(rel: string, size: number): void {
    this.files++;
    this.size += size;
    this.hash.update(`f ${rel} ${size}\n`, 'utf8');
  }

  /** Adds bytes of the current file. */
  update(chunk: Uint8Array): void {
    this.hash.update(chunk);
  }

  /** The hex digest (call once). */
  digest(): string {
    return this.hash.digest('hex');
  }
}
