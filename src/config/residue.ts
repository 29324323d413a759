/**
 * Residual scan: host-specific text left in configuration lines (comments,
 * blank lines and directives are not configuration and are not scanned):
 * source path prefixes on a path boundary, the host's names, its addresses.
 * Marshal reports these for knobs outside the knob spec; a test uses the
 * scan to show that demarshal for another host left nothing behind.
 */
import { lineText } from './lines.js';
import type { ParsedConfig } from './parse.js';
import { findPrefixes, type Prefix } from './pathPrefix.js';

/** One leftover. */
export interface Residue {
  file: string;
  line: number;
  /** 1-based byte column. */
  column: number;
  kind: 'prefix' | 'host' | 'address';
  /** What was found (the prefix, name or address). */
  match: string;
  /** The whole physical line. */
  text: string;
}

/** What to look for. */
export interface ResidueOptions {
  prefixes?: Prefix[];
  /** Host names (fully qualified and short), matched case-insensitively as whole names. */
  hostNames?: string[];
  /** Addresses, matched as whole addresses. */
  addresses?: string[];
}

const NAME_CHAR = /[A-Za-z0-9-]/;

function findName(text: string, name: string, from: number): number {
  const lower = text.toLowerCase();
  const needle = name.toLowerCase();
  let i = lower.indexOf(needle, from);
  while (i >= 0) {
    const before = i > 0 ? text[i - 1]! : '';
    const after = text[i + needle.length] ?? '';
    if (
      !(before !== '' && (NAME_CHAR.test(before) || before === '.')) &&
      !(after !== '' && NAME_CHAR.test(after))
    ) {
      return i;
    }
    i = lower.indexOf(needle, i + 1);
  }
  return -1;
}

function findAddress(text: string, address: string, from: number): number {
  let i = text.indexOf(address, from);
  while (i >= 0) {
    const before = i > 0 ? text[i - 1]! : '';
    const after = text.slice(i + address.length, i + address.length + 2);
    const bad = /[0-9.:]/.test(before) || /^[0-9]/.test(after) || /^[.:][0-9A-Fa-f]/.test(after);
    if (!bad) return i;
    i = text.indexOf(address, i + 1);
  }
  return -1;
}

/** Scans the configuration lines of a parsed file. */
export function scanResidue(
  parsed: ParsedConfig,
  options: ResidueOptions,
  file = parsed.name,
): Residue[] {
  const found: Residue[] = [];
  const names = (options.hostNames ?? [])
    .filter((n) => n !== '')
    .sort((a, b) => b.length - a.length);
  const addresses = (options.addresses ?? []).filter((a) => a !== '');
  for (const line of parsed.lines) {
    const role = parsed.roles[line.number - 1];
    if (role !== 'code' && role !== 'use') continue;
    const text = lineText(parsed.text, line);
    const push = (column: number, kind: Residue['kind'], match: string): void => {
      found.push({ file, line: line.number, column: column + 1, kind, match, text });
    };
    for (const s of findPrefixes(text, options.prefixes ?? []))
      push(s.start, 'prefix', text.slice(s.start, s.end));
    const taken: [number, number][] = [];
    for (const n of names) {
      let i = findName(text, n, 0);
      while (i >= 0) {
        if (!taken.some(([a, b]) => i < b && i + n.length > a)) {
          taken.push([i, i + n.length]);
          push(i, 'host', text.slice(i, i + n.length));
        }
        i = findName(text, n, i + 1);
      }
    }
    for (const a of addresses) {
      let i = findAddress(text, a, 0);
      while (i >= 0) {
        push(i, 'address', a);
        i = findAddress(text, a, i + 1);
      }
    }
  }
  return found.sort((a, b) => a.line - b.line || a.column - b.column);
}
