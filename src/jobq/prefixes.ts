/**
 * Where a host path prefix counts as a path: the boundary rule shared by
 * marshal and the residual scan (corpus/jobq/README.md, "Occurrence rule").
 *
 * A prefix counts where a path starts (at the start of the text or after one
 * of `" ' space TAB , ; = : ( | { [ < >`) and where it is followed by a path
 * separator (`/`; on Windows also `\`), by the end of the text or by one of
 * `" ' space TAB , ; | ) } ] = < >` (and `:` for Unix paths). When several
 * prefixes match at one place the longest that satisfies the rule wins, so
 * `/scratch/condor/spool2/x` is `$(LOCAL_DIR)/spool2/x`, never SPOOL.
 * Matching is byte-exact, Windows paths included.
 */

/** A prefix to look for, with the macro it stands for. */
export interface Prefix {
  /** The macro name. */
  name: string;
  /** The path bytes (no trailing separator). */
  path: string;
  /** Windows path: `\` separates too, and `:` does not end it. */
  windows: boolean;
}

/** A match: `prefix` at `start`, ending at `end`. */
export interface PrefixMatch {
  prefix: Prefix;
  start: number;
  end: number;
}

const LEFT = new Set([34, 39, 32, 9, 44, 59, 61, 58, 40, 124, 123, 91, 60, 62]);
const RIGHT = new Set([34, 39, 32, 9, 44, 59, 124, 41, 125, 93, 61, 60, 62]);

/** Whether position `i` of `text` may start a path (the character before is a boundary). */
export function isPathStart(text: string, i: number): boolean {
  return i === 0 || LEFT.has(text.charCodeAt(i - 1));
}

/** Whether a path prefix ending at `j` of `text` ends at a path boundary. */
export function isPathEnd(text: string, j: number, windows: boolean): boolean {
  if (j >= text.length) return true;
  const c = text.charCodeAt(j);
  if (c === 47 || RIGHT.has(c)) return true;
  if (c === 92) return windows || j + 1 === text.length; // a trailing backslash (last token of a value)
  return c === 58 && !windows;
}

/** Longest-first prefix matching under the boundary rule. */
export class PrefixMatcher {
  readonly prefixes: Prefix[];
  private readonly firstChars: Set<number>;
  /** Finds where any prefix (or `$(`) occurs: candidates for a closer look (a global RegExp). */
  readonly candidates: RegExp;

  constructor(prefixes: Prefix[]) {
    this.prefixes = [...prefixes]
      .filter((p) => p.path.length > 0)
      .sort((a, b) => b.path.length - a.path.length);
    this.firstChars = new Set(this.prefixes.map((p) => p.path.charCodeAt(0)));
    const alternatives = [...this.prefixes.map((p) => p.path), '$(']
      .map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('|');
    this.candidates = new RegExp(alternatives, 'g');
  }

  /** The longest prefix that matches at `i` and ends at a path boundary (the start is not checked). */
  matchAt(text: string, i: number): Prefix | undefined {
    if (!this.firstChars.has(text.charCodeAt(i))) return undefined;
    for (const p of this.prefixes) {
      if (text.startsWith(p.path, i) && isPathEnd(text, i + p.path.length, p.windows)) return p;
    }
    return undefined;
  }

  /** Every match in `text` that starts at a path start (non-overlapping, left to right). */
  findAll(text: string): PrefixMatch[] {
    const out: PrefixMatch[] = [];
    for (let i = 0; i < text.length; i++) {
      if (!isPathStart(text, i)) continue;
      const p = this.matchAt(text, i);
      if (p) {
        out.push({ prefix: p, start: i, end: i + p.path.length });
        i += p.path.length - 1;
      }
    }
    return out;
  }
}
