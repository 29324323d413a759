/**
 * Path prefixes on a path boundary (the rule of corpus/jobq/README.md, used
 * for configuration lines too): a prefix counts where it starts a path (at
 * the start of the text or after one of `" ' space TAB , ; = : ( | { [ < >`)
 * and is followed by a path separator (`/`; on Windows `\` or `/`), the end
 * of the text, or one of `" ' space TAB , ; | ) } ] = < >` (and `:` on Unix).
 * Where nested prefixes match at the same place the longest wins. Matching
 * is byte-exact.
 */
import { isWindowsPath } from './hostPaths.js';
import type { PathMap } from './mapFile.js';

/** A rewrite prefix: a macro and the literal path it stands for. */
export interface Prefix {
  macro: string;
  value: string;
  windows: boolean;
}

/** Where a prefix occurs in a text. */
export interface PrefixSpan {
  start: number;
  end: number;
  macro: string;
}

const STARTS = new Set(['"', "'", ' ', '\t', ',', ';', '=', ':', '(', '|', '{', '[', '<', '>']);
const ENDS = new Set(['"', "'", ' ', '\t', ',', ';', '|', ')', '}', ']', '=', '<', '>']);

/** The prefixes of a map's `[paths]`, longest first. */
export function prefixesOf(map: PathMap): Prefix[] {
  return map.paths
    .map((p) => ({ macro: p.name, value: p.value, windows: isWindowsPath(p.value) }))
    .sort((a, b) => b.value.length - a.value.length);
}

function endsPath(text: string, at: number, windows: boolean): boolean {
  if (at >= text.length) return true;
  const c = text[at]!;
  if (c === '/') return true;
  if (windows) return c === '\\' || ENDS.has(c);
  return c === ':' || ENDS.has(c);
}

/** Every prefix occurrence of a text (prefixes longest first, as prefixesOf gives them). */
export function findPrefixes(text: string, prefixes: Prefix[]): PrefixSpan[] {
  const spans: PrefixSpan[] = [];
  if (prefixes.length === 0) return spans;
  for (let i = 0; i < text.length; i++) {
    if (i > 0 && !STARTS.has(text[i - 1]!)) continue;
    for (const p of prefixes) {
      if (text.startsWith(p.value, i) && endsPath(text, i + p.value.length, p.windows)) {
        spans.push({ start: i, end: i + p.value.length, macro: p.macro });
        i += p.value.length - 1;
        break;
      }
    }
  }
  return spans;
}

/** Replaces spans (sorted, not overlapping) with what `replace` gives for each. */
export function replaceSpans(
  text: string,
  spans: PrefixSpan[],
  replace: (span: PrefixSpan) => string,
): string {
  let out = '';
  let i = 0;
  for (const s of spans) {
    out += text.slice(i, s.start) + replace(s);
    i = s.end;
  }
  return out + text.slice(i);
}
