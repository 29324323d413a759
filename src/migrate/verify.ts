/**
 * Verifying an archive without installing it: every entry is read, each
 * component's file count, size and SHA-256 are compared with the manifest.
 * schedd_checkpoint does this before it removes the schedd from its host;
 * `csi --verify` does it on request.
 */
import { splitEntry } from './archiveLayout.js';
import { MigrateError } from './errors.js';
import {
  ComponentDigest,
  LAYOUT_ENTRY,
  MANIFEST_ENTRY,
  parseManifest,
  type Manifest,
} from './manifest.js';
import { readTar } from './tarReader.js';

/** Reads an archive and checks it against its manifest; returns the manifest or throws MigrateError. */
export async function verifyArchive(
  archive: string,
  options: { onProgress?: (done: number, total: number) => void } = {},
): Promise<Manifest> {
  let layout: Manifest | undefined;
  let manifest: Manifest | undefined;
  const digests = new Map<string, ComponentDigest>();
  const buffered = (done: (text: string) => void) => {
    const parts: Buffer[] = [];
    return {
      data: (c: Buffer) => void parts.push(Buffer.from(c)),
      end: () => done(Buffer.concat(parts).toString('utf8')),
    };
  };
  await readTar(
    archive,
    (e) => {
      if (!layout) {
        if (e.path !== LAYOUT_ENTRY)
          throw new MigrateError(
            `${archive}: not a schedd checkpoint (its first entry is ${JSON.stringify(e.path)})`,
          );
        return buffered((t) => {
          layout = parseManifest(t, `${archive}: ${LAYOUT_ENTRY}`);
          for (const c of layout.components)
            if (c.kind !== 'anchor') digests.set(c.macro, new ComponentDigest());
        });
      }
      if (manifest)
        throw new MigrateError(`${archive}: ${JSON.stringify(e.path)} follows the manifest`);
      if (e.path === MANIFEST_ENTRY)
        return buffered((t) => (manifest = parseManifest(t, `${archive}: ${MANIFEST_ENTRY}`)));
      const { macro, rel } = splitEntry(e.path);
      const d = digests.get(macro);
      if (!d)
        throw new MigrateError(
          `${archive}: ${e.path}: ${macro} is not a component of this checkpoint`,
        );
      if (e.type === 'directory') {
        d.directory(rel);
        return;
      }
      d.file(rel, e.size);
      return { data: (c) => d.update(c), end: () => {} };
    },
    { onProgress: options.onProgress },
  );
  if (!layout) throw new MigrateError(`${archive}: empty, or not a schedd checkpoint`);
  if (!manifest?.complete)
    throw new MigrateError(`${archive}: the archive ends before its manifest (it is truncated)`);
  const bad: string[] = [];
  for (const c of manifest.components) {
    if (c.kind === 'anchor') continue;
    const d = digests.get(c.macro);
    if (!d) {
      bad.push(`${c.macro}: not in the layout`);
      continue;
    }
    const sha = d.digest();
    if (d.files !== c.files || d.size !== c.size || sha !== c.sha256)
      bad.push(
        `${c.macro}: ${d.files} files, ${d.size} bytes, SHA-256 ${sha}; the manifest says ${c.files}, ${c.size}, ${c.sha256}`,
      );
  }
  if (bad.length > 0)
    throw new MigrateError(`${archive}: the archive is damaged:\n  ${bad.join('\n  ')}`);
  return manifest;
}
