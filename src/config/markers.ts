/**
 * The marks marshal leaves in the files it writes, and demarshal reads back.
 * Both are comment lines, so a marshalled configuration is still one that
 * HTCondor (and our parser) reads: the removed knobs are simply absent.
 *
 * - `#configmd:marshalled {json}`, the first line of a file in which marshal
 *   replaced path prefixes by `$(MACRO)`: where it did (so that references
 *   the configuration already had are never mistaken for them). The main
 *   file always has one, with the manifest: the files marshal wrote and
 *   which of them are configuration.
 * - `#configmd:removed NAME {json}`, one line per removed definition, in its
 *   place: the text before the value (`SPOOL   = `), and, when the
 *   definition is not simply that text plus the source map's value, the
 *   original statement (its path prefixes as `$(MACRO)`) with a hash of the
 *   source map's value. Demarshal restores the original when the map it is
 *   given has that same value (an unchanged knob, or the source map itself),
 *   and writes the text before the value plus the map's value otherwise.
 */
import { createHash } from 'node:crypto';

/** Starts the first line of a marshalled file. */
export const HEADER_MARK = '#configmd:marshalled ';
/** Starts each line that stands for a removed definition. */
export const REMOVED_MARK = '#configmd:removed ';
/** Every mark starts with this; a source that already has one cannot be marshalled. */
export const MARK_PREFIX = '#configmd:';
/** The format of the marks. */
export const MARSHAL_FORMAT = 'configmd/1';

/** One file of a marshalled tree. */
export interface ManifestFile {
  /** Path relative to the tree. */
  path: string;
  /** `config`: marshalled configuration; `copy`: not configuration, copied as it was. */
  role: 'config' | 'copy';
}

/** The data of a `#configmd:marshalled` line. */
export interface FileHeader {
  format: string;
  /** Main file only: its own path in the tree. */
  main?: string;
  /** Main file only: every file of the marshalled tree. */
  files?: ManifestFile[];
  /** `[line, column, MACRO]`: a `$(MACRO)` marshal wrote (1-based line after the header, 0-based byte column). */
  paths?: [number, number, string][];
}

/** The data of a `#configmd:removed` line. */
export interface RemovedDefinition {
  /** The knob's name as written. */
  name: string;
  /** Its class in the knob spec at marshal time. */
  class: 'required' | 'optional';
  /** Its physical lines in the original file. */
  line: number;
  lastLine: number;
  /** The statement's text before the value (for a heredoc, its whole first line). */
  head: string;
  /** A heredoc's closing line. */
  close?: string;
  /** The original statement, path prefixes as `$(MACRO)`; restored when the map value matches `if`. */
  keep?: string;
  /** `[offset, MACRO]`: the `$(MACRO)`s marshal wrote into `keep`. */
  keepPaths?: [number, string][];
  /** Hash of the source map's value. */
  if?: string;
}

/** Formats a header line (without its line end). */
export function formatHeader(header: FileHeader): string {
  return HEADER_MARK + JSON.stringify(header);
}

/** Parses a header line; undefined when the line is not one; throws on a damaged one. */
export function parseHeader(line: string): FileHeader | undefined {
  if (!line.startsWith(HEADER_MARK)) return undefined;
  const data = JSON.parse(line.slice(HEADER_MARK.length).trimEnd()) as FileHeader;
  if (typeof data !== 'object' || data === null || data.format !== MARSHAL_FORMAT) {
    throw new Error(`unknown marshal format ${JSON.stringify((data as FileHeader)?.format)}`);
  }
  return data;
}

/** Formats a removed-definition line (without its line end). */
export function formatRemoved(r: RemovedDefinition): string {
  const { name, ...rest } = r;
  return `${REMOVED_MARK}${name} ${JSON.stringify(rest)}`;
}

/** Parses a removed-definition line; undefined when the line is not one; throws on a damaged one. */
export function parseRemoved(line: string): RemovedDefinition | undefined {
  if (!line.startsWith(REMOVED_MARK)) return undefined;
  const rest = line.slice(REMOVED_MARK.length).trimEnd();
  const space = rest.indexOf(' ');
  if (space <= 0) throw new Error('a removed-definition line without its data');
  const data = JSON.parse(rest.slice(space + 1)) as Omit<RemovedDefinition, 'name'>;
  if (typeof data !== 'object' || data === null || typeof data.head !== 'string') {
    throw new Error('a removed-definition line without its data');
  }
  return { name: rest.slice(0, space), ...data };
}

/** The hash marshal records for a source map value (bytes, latin1). */
export function valueHash(value: string): string {
  return createHash('sha256').update(Buffer.from(value, 'latin1')).digest('hex').slice(0, 16);
}

/**
 * The text a removed definition gets for a map value: the text before the
 * value, then the value (a heredoc gets its body back between its lines).
 */
export function definitionText(r: RemovedDefinition, value: string, eol: string): string {
  if (r.close !== undefined) return `${r.head}${eol}${value}${eol}${r.close}`;
  const space = value !== '' && r.head !== '' && !/[\t ]$/.test(r.head) ? ' ' : '';
  return r.head + space + value;
}
