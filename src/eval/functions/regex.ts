/**
 * Regular-expression builtins (spec §6.7): regexp, regexpMember, regexps,
 * replace and replaceAll, with the semantics of HTCondor's PCRE2 calls
 * (8-bit code units, no UTF, the C locale, newline = LF).
 *
 * Engine. Matching runs on re2js (RE2, linear time in the subject), so a
 * hostile pattern such as `(a+)+$` cannot hang an evaluation. A pattern is
 * parsed here with PCRE2's syntax and options and re-emitted in RE2 syntax:
 *
 * - Byte strings: subjects are ClassAd byte strings (one code unit per byte),
 *   and every character class is computed here as a set of bytes and emitted
 *   as explicit `\x{hh}` ranges. RE2's own case folding (Unicode: it folds
 *   0xE9 with 0xC9) is never used: with `i`, ASCII letters become `[aA]`,
 *   as in PCRE2's C-locale tables, and bytes >= 0x80 match only themselves.
 * - `\d \w \s \h \v \N \C .` and POSIX classes get PCRE2's C-locale byte sets
 *   (`\s` includes VT, which RE2's `\s` lacks).
 * - Options `i m s x` and inline `(?imnsxxJU-^)` are applied while parsing:
 *   `x`/`xx` drop whitespace and comments, `U` swaps greediness, `n` makes
 *   plain groups non-capturing, `^` becomes `\A` or, multiline, the start
 *   of a line that is not the end of the subject (`(?:\A|(?<=\n)(?<!\z))`),
 *   multiline `$` becomes `(?m:$)`.
 * - PCRE's `$` and `\Z` (end, or before a final newline) become
 *   `(?:\z|()\n\z)`; when the marker group takes part, the match and group
 *   ends are moved back before the newline.
 * - Lookbehind runs on re2js's linear-time lookbehinds, with PCRE2's rule
 *   (up to 10.42) that each top-level branch has a fixed length.
 * - `\p{..}`/`\P{..}`: bytes are Latin-1 code points (as in PCRE2 without
 *   UTF), classified with the JS engine's Unicode tables.
 *
 * Gaps: valid PCRE2 that RE2 cannot express. Such a pattern is treated as an
 * invalid pattern, exactly like one PCRE2 rejects: regexp, regexps, replace
 * and replaceAll return ERROR, regexpMember matches nothing (false, or
 * UNDEFINED / ERROR from the elements). Each is tested in
 * test/eval/functions/regex.test.ts.
 *  1. Backreferences: `\1`..`\9` (and `\NN` naming an existing group),
 *     `\g1`, `\g{-1}`, `\g{name}`, `\k<name>`, `\k'name'`, `\k{name}`, `(?P=name)`.
 *  2. Lookahead `(?=..)`, `(?!..)`, `(*pla:..)`, non-atomic `(?*..)`.
 *  3. Atomic groups `(?>..)` and possessive quantifiers `*+ ++ ?+ {n,m}+`.
 *  4. Capture groups inside a lookbehind, and `$`/`\Z` inside a lookbehind.
 *  5. Recursion and subroutine calls: `(?R)`, `(?1)`, `(?-1)`, `(?+1)`,
 *     `(?&name)`, `(?P>name)`, `\g<..>`, `\g'..'`.
 *  6. Conditional groups `(?(..)..)`, branch reset `(?|..)`, callouts `(?C..)`.
 *  7. Backtracking verbs and leading options: `(*FAIL)`, `(*SKIP)`, `(*UTF)`,
 *     `(*UCP)`, `(*CRLF)`, ... (anything starting `(*`).
 *  8. `\G`, `\K` and `\X`.
 *  9. Repeat counts above 1000, or nested counts whose product exceeds RE2's
 *     limits (PCRE2 allows up to 65535).
 *
 * Limit: matching is linear in the subject, times the RE2 program size. A
 * search whose program size x subject length exceeds 1e8 (MAX_MATCH_WORK,
 * up to about a second) is refused and the function returns ERROR, standing
 * in for PCRE2's own match limit (HTCondor's PCRE2 would compute the answer
 * here); e.g. `\d{1000}` written 20 times against 10 KB of digits. Ordinary patterns (tens to hundreds of
 * instructions) reach it only with subjects of megabytes.
 *
 * Approximations: accepted, but not always PCRE2's result.
 *  a. After `$`/`\Z` matched before a final newline, the rest of the pattern
 *     sees the position after that newline: `a$\n` does not match "a\n".
 *  b. `\R` is `(?:\r\n|[\n\v\f\r\x85])`, not atomic: `\R\n` matches "\r\n".
 *  c. Global substitution after an empty match retries at the same place for
 *     a non-empty match (PCRE2_NOTEMPTY_ATSTART | PCRE2_ANCHORED); this takes
 *     the longest such match, PCRE2 the first in its preference order.
 *  d. A repeated group that can match empty keeps RE2's captures: for
 *     `(a*)*` on "ab" group 1 is "a", where PCRE2 records a last, empty
 *     iteration (""). The overall match is the same.
 *  e. PCRE2 10.42 syntax: `x{,n}` is literal text, variable-length
 *     lookbehind is an error (10.43 changed both).
 *  f. `\p{..}` names are looked up in the JS engine's Unicode tables, which
 *     may be of another Unicode version; Bidi classes (`\p{bc:L}`) and
 *     multi-word names written without underscores (`Old Italic`) are not
 *     found, so such a pattern is invalid.
 */
import { RE2JS, type Matcher } from 're2js';
import { listElement } from '../compile.js';
import { bool, ERROR, FALSE, listLength, str, UNDEFINED, type Value } from '../values.js';
import { defineFunction } from './registry.js';

// ------------------------------------------------------------------ options

/** PCRE2 compile options from a ClassAd options string. */
export interface RegexOptions {
  /** `i`: PCRE2_CASELESS. */
  caseless?: boolean;
  /** `m`: PCRE2_MULTILINE. */
  multiline?: boolean;
  /** `s`: PCRE2_DOTALL. */
  dotall?: boolean;
  /** `x`: PCRE2_EXTENDED. */
  extended?: boolean;
}

/** Options of the core functions' options string, plus the substitution letters `f` and `g`. */
export interface SubstitutionOptions extends RegexOptions {
  /** `f`: return the whole target with the replacement applied. */
  full: boolean;
  /** `g`: replace every match. */
  global: boolean;
}

/** Parses an options string: lowercase `i m s x f g`; anything else is ignored. */
export function parseRegexOptions(options: string): SubstitutionOptions {
  return {
    caseless: options.includes('i'),
    multiline: options.includes('m'),
    dotall: options.includes('s'),
    extended: options.includes('x'),
    full: options.includes('f'),
    global: options.includes('g'),
  };
}

// ---------------------------------------------------------------- byte sets

type ByteSet = Uint8Array;

function emptySet(): ByteSet {
  return new Uint8Array(256);
}

function rangeSet(...ranges: [number, number][]): ByteSet {
  const s = emptySet();
  for (const [lo, hi] of ranges) s.fill(1, lo, hi + 1);
  return s;
}

function charsSet(chars: string): ByteSet {
  const s = emptySet();
  for (let i = 0; i < chars.length; i++) s[chars.charCodeAt(i)] = 1;
  return s;
}

function unionInto(target: ByteSet, source: ByteSet): void {
  for (let i = 0; i < 256; i++) if (source[i]) target[i] = 1;
}

function complement(s: ByteSet): ByteSet {
  const c = emptySet();
  for (let i = 0; i < 256; i++) c[i] = s[i] ? 0 : 1;
  return c;
}

/** Adds the other ASCII case of every letter in the set (PCRE2's C-locale caseless matching). */
function foldCase(s: ByteSet): void {
  for (let c = 65; c <= 90; c++) {
    if (s[c] || s[c + 32]) s[c] = s[c + 32] = 1;
  }
}

const DIGIT = rangeSet([48, 57]);
const WORD = rangeSet([48, 57], [65, 90], [97, 122], [95, 95]);
const SPACE = rangeSet([9, 13], [32, 32]);
const HSPACE = charsSet('\t \xa0');
const VSPACE = rangeSet([10, 13], [0x85, 0x85]);
const ALL = rangeSet([0, 255]);
const NOT_NEWLINE = complement(charsSet('\n'));

/** POSIX classes in the C locale. */
const POSIX_CLASSES: Record<string, ByteSet> = {
  alpha: rangeSet([65, 90], [97, 122]),
  digit: DIGIT,
  alnum: rangeSet([48, 57], [65, 90], [97, 122]),
  space: SPACE,
  blank: charsSet(' \t'),
  upper: rangeSet([65, 90]),
  lower: rangeSet([97, 122]),
  punct: rangeSet([33, 47], [58, 64], [91, 96], [123, 126]),
  print: rangeSet([32, 126]),
  graph: rangeSet([33, 126]),
  cntrl: rangeSet([0, 31], [127, 127]),
  xdigit: rangeSet([48, 57], [65, 70], [97, 102]),
  word: WORD,
  ascii: rangeSet([0, 127]),
};

const propertyCache = new Map<string, ByteSet | null>();

/**
 * The bytes (as Latin-1 code points, as PCRE2 treats them without UTF) that
 * have a Unicode property, or null for an unknown property name.
 */
function propertySet(rawName: string): ByteSet | null {
  let cached = propertyCache.get(rawName);
  if (cached !== undefined) return cached;
  cached = computePropertySet(rawName);
  propertyCache.set(rawName, cached);
  return cached;
}

/** A JS `\p{...}` body, or null when the JS engine does not know it. */
function jsProperty(body: string): RegExp | null {
  try {
    return new RegExp(`^\\p{${body}}$`, 'u');
  } catch {
    return null;
  }
}

function computePropertySet(rawName: string): ByteSet | null {
  // PCRE2 ignores case, spaces, hyphens and underscores in property names;
  // underscores are kept here for the JS spelling of multi-word names.
  const spaced = rawName.replace(/[\s-]/g, '');
  switch (spaced.replace(/_/g, '').toLowerCase()) {
    case 'any':
      return ALL;
    case 'l&':
    case 'lc':
      return unionOf(['Lu', 'Ll', 'Lt']);
    case 'xan':
      return unionOf(['L', 'N']);
    case 'xps':
    case 'xsp':
      return withBytes(unionOf(['Z']), SPACE);
    case 'xwd':
      return withBytes(unionOf(['L', 'N']), charsSet('_'));
    case 'xuc':
      return rangeSet([0x24, 0x24], [0x40, 0x40], [0x60, 0x60], [0xa0, 0xff]);
  }
  // `sc:Latin`, `scx=Greek`, ... name a script (extensions) explicitly.
  const prefixed = /^(sc|script|scx|script_?extensions)[:=](.*)$/i.exec(spaced);
  const name = prefixed ? prefixed[2]! : spaced;
  if (!/^[A-Za-z0-9_]+$/.test(name)) return null;
  const title = name
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase())
    .join('_');
  const candidates: string[] = [];
  if (prefixed) {
    const key = /^scx|ext/i.test(prefixed[1]!) ? 'Script_Extensions' : 'Script';
    candidates.push(`${key}=${title}`, `${key}=${name}`);
  } else {
    // General categories by their short names (`L`, `Lu`), then scripts,
    // then binary properties (not long category names such as `Letter`).
    const short = name.replace(/_/g, '');
    if (short.length <= 2)
      candidates.push(
        `General_Category=${short.charAt(0).toUpperCase()}${short.slice(1).toLowerCase()}`,
      );
    candidates.push(`Script=${title}`, `Script=${name}`);
    for (const binary of [name, title, name.toUpperCase()]) {
      if (!jsProperty(`General_Category=${binary}`)) candidates.push(binary);
    }
  }
  for (const candidate of candidates) {
    const re = jsProperty(candidate);
    if (!re) continue;
    const s = emptySet();
    for (let b = 0; b < 256; b++) if (re.test(String.fromCharCode(b))) s[b] = 1;
    return s;
  }
  return null;
}

function unionOf(names: string[]): ByteSet {
  const s = emptySet();
  for (const n of names) unionInto(s, propertySet(n)!);
  return s;
}

function withBytes(s: ByteSet, extra: ByteSet): ByteSet {
  const r = Uint8Array.from(s);
  unionInto(r, extra);
  return r;
}

// --------------------------------------------------------------------- AST

/** A parsed PCRE2 pattern. */
type Node =
  | { k: 'set'; set: ByteSet }
  | { k: 'seq'; items: Node[] }
  | { k: 'alt'; alts: Node[] }
  | { k: 'group'; capture: boolean; body: Node }
  | { k: 'repeat'; body: Node; min: number; max: number; lazy: boolean }
  | { k: 'assert'; what: 'A' | 'z' | 'bol' | 'eol' | 'b' | 'B' | 'dollar' }
  | { k: 'behind'; negate: boolean; body: Node };

/** A pattern PCRE2 itself rejects. */
class PcreSyntaxError extends Error {}

/** Valid PCRE2 that RE2 cannot express (see the gaps above). */
class RegexGapError extends Error {}

interface Flags {
  i: boolean;
  m: boolean;
  s: boolean;
  x: boolean;
  xx: boolean;
  n: boolean;
  U: boolean;
  J: boolean;
}

/** PCRE2's default limit on nested parentheses. */
const PARENS_NEST_LIMIT = 250;
/** PCRE2's largest repeat count. */
const MAX_REPEAT = 65535;
/** PCRE2's maximum lookbehind length. */
const MAX_LOOKBEHIND = 65535;

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isWordCode(c: number): boolean {
  return WORD[c] === 1;
}

const literalSets: ByteSet[] = [];
const foldedLiteralSets: ByteSet[] = [];

/** The (shared, never modified) set of one byte, with its other ASCII case if `fold`. */
function literalSet(c: number, fold: boolean): ByteSet {
  const sets = fold ? foldedLiteralSets : literalSets;
  let set = sets[c];
  if (!set) {
    set = emptySet();
    set[c] = 1;
    if (fold) foldCase(set);
    sets[c] = set;
  }
  return set;
}

/** Parses PCRE2 syntax (8-bit, non-UTF) into the AST above. */
class PcreParser {
  private pos = 0;
  private captures = 0;
  private readonly names = new Set<string>();

  constructor(private readonly src: string) {}

  parse(options: RegexOptions): Node {
    const flags: Flags = {
      i: !!options.caseless,
      m: !!options.multiline,
      s: !!options.dotall,
      x: !!options.extended,
      xx: false,
      n: false,
      U: false,
      J: false,
    };
    const node = this.alternation(flags, 0);
    if (this.pos < this.src.length) throw new PcreSyntaxError('unmatched closing parenthesis');
    return node;
  }

  private peek(offset = 0): number {
    const p = this.pos + offset;
    return p < this.src.length ? this.src.charCodeAt(p) : -1;
  }

  private alternation(flags: Flags, depth: number): Node {
    const alts = [this.sequence(flags, depth)];
    while (this.peek() === 0x7c /* | */) {
      this.pos++;
      alts.push(this.sequence(flags, depth));
    }
    return alts.length === 1 ? alts[0]! : { k: 'alt', alts };
  }

  /** Skips whitespace and `#` comments in extended mode. */
  private skipExtended(flags: Flags): void {
    if (!flags.x) return;
    for (;;) {
      const c = this.peek();
      if (c === 32 || (c >= 9 && c <= 13) || c === 0x85) this.pos++;
      else if (c === 0x23 /* # */) {
        const nl = this.src.indexOf('\n', this.pos);
        this.pos = nl < 0 ? this.src.length : nl + 1;
      } else return;
    }
  }

  private sequence(flags: Flags, depth: number): Node {
    const items: Node[] = [];
    // Whether the last item can take a quantifier (false at the start and after assertions).
    let quantifiable = false;
    for (;;) {
      this.skipExtended(flags);
      const c = this.peek();
      if (c < 0 || c === 0x7c || c === 0x29 /* ) */) break;
      if (c === 0x5c /* \ */ && this.peek(1) === 0x51 /* Q */) {
        // \Q...\E: literal text; a quantifier applies to its last character.
        this.pos += 2;
        const end = this.src.indexOf('\\E', this.pos);
        const text = this.src.slice(this.pos, end < 0 ? undefined : end);
        this.pos = end < 0 ? this.src.length : end + 2;
        for (let i = 0; i < text.length; i++) items.push(this.literal(text.charCodeAt(i), flags));
        if (text.length > 0) quantifiable = true;
        continue;
      }
      if (c === 0x5c && this.peek(1) === 0x45 /* E */) {
        this.pos += 2; // a stray \E is ignored
        continue;
      }
      if (this.isQuantifierStart()) {
        if (!quantifiable)
          throw new PcreSyntaxError('quantifier does not follow a repeatable item');
        items.push(this.quantifier(items.pop()!, flags));
        quantifiable = false;
        continue;
      }
      const atom = this.atom(flags, depth);
      if (atom === 'comment') continue;
      if (atom === 'options') {
        quantifiable = false;
        continue;
      }
      items.push(atom);
      quantifiable = !(atom.k === 'assert');
      // Whitespace may separate an item from its quantifier in extended mode.
      this.skipExtended(flags);
    }
    return items.length === 1 ? items[0]! : { k: 'seq', items };
  }

  private isQuantifierStart(): boolean {
    const c = this.peek();
    return (
      c === 0x2a || c === 0x2b || c === 0x3f || (c === 0x7b && this.braceQuantifier() !== null)
    );
  }

  /** `{n}`, `{n,}` or `{n,m}` at the current position: [min, max, length], or null. */
  private braceQuantifier(): [number, number, number] | null {
    const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(this.src.slice(this.pos, this.pos + 32));
    if (!m) return null;
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    return [min, max, m[0].length];
  }

  private quantifier(body: Node, flags: Flags): Node {
    let min: number;
    let max: number;
    const c = this.peek();
    if (c === 0x7b) {
      const [lo, hi, length] = this.braceQuantifier()!;
      if (lo > MAX_REPEAT || (hi !== Infinity && hi > MAX_REPEAT))
        throw new PcreSyntaxError('number too big in {} quantifier');
      if (hi < lo) throw new PcreSyntaxError('numbers out of order in {} quantifier');
      [min, max] = [lo, hi];
      this.pos += length;
    } else {
      [min, max] = c === 0x2a ? [0, Infinity] : c === 0x2b ? [1, Infinity] : [0, 1];
      this.pos++;
    }
    // Whitespace and comments may separate a quantifier from its `?` or `+`.
    for (;;) {
      this.skipExtended(flags);
      if (!this.src.startsWith('(?#', this.pos)) break;
      const end = this.src.indexOf(')', this.pos);
      if (end < 0) throw new PcreSyntaxError('missing ) after (?# comment');
      this.pos = end + 1;
    }
    let lazy = false;
    if (this.peek() === 0x3f) {
      lazy = true;
      this.pos++;
    } else if (this.peek() === 0x2b) {
      throw new RegexGapError('possessive quantifiers are not supported');
    }
    if (flags.U) lazy = !lazy;
    return { k: 'repeat', body, min, max, lazy };
  }

  private literal(c: number, flags: Flags): Node {
    return { k: 'set', set: literalSet(c, flags.i && isAsciiLetter(c)) };
  }

  private atom(flags: Flags, depth: number): Node | 'comment' | 'options' {
    const c = this.peek();
    switch (c) {
      case 0x28: // (
        return this.group(flags, depth);
      case 0x5b: // [
        return { k: 'set', set: this.characterClass(flags) };
      case 0x2e: // .
        this.pos++;
        return { k: 'set', set: flags.s ? ALL : NOT_NEWLINE };
      case 0x5e: // ^
        this.pos++;
        return { k: 'assert', what: flags.m ? 'bol' : 'A' };
      case 0x24: // $
        this.pos++;
        return { k: 'assert', what: flags.m ? 'eol' : 'dollar' };
      case 0x5c: // \
        return this.escape(flags);
      default:
        this.pos++;
        return this.literal(c, flags);
    }
  }

  // ---------------------------------------------------------------- groups

  private group(flags: Flags, depth: number): Node | 'comment' | 'options' {
    if (depth >= PARENS_NEST_LIMIT) throw new PcreSyntaxError('parentheses are too deeply nested');
    const start = this.pos;
    this.pos++; // (
    const c = this.peek();
    if (c === 0x2a /* * */)
      throw new RegexGapError('(*VERB) and (*option) items are not supported');
    if (c !== 0x3f /* ? */) return this.groupBody(flags, depth, !flags.n);
    this.pos++;
    const d = this.peek();
    const ch = d < 0 ? '' : String.fromCharCode(d);
    switch (ch) {
      case '#': {
        const end = this.src.indexOf(')', this.pos);
        if (end < 0) throw new PcreSyntaxError('missing ) after (?# comment');
        this.pos = end + 1;
        return 'comment';
      }
      case ':':
        this.pos++;
        return this.groupBody(flags, depth, false);
      case '|':
        throw new RegexGapError('branch reset groups (?| are not supported');
      case '>':
        throw new RegexGapError('atomic groups (?> are not supported');
      case '=':
      case '!':
      case '*':
        throw new RegexGapError('lookahead assertions are not supported');
      case '(':
        throw new RegexGapError('conditional groups are not supported');
      case 'C':
        throw new RegexGapError('callouts are not supported');
      case 'R':
      case '&':
      case '+':
        throw new RegexGapError('recursion and subroutine calls are not supported');
      case '<': {
        const e = this.peek(1);
        if (e === 0x3d /* = */ || e === 0x21 /* ! */) {
          this.pos += 2;
          return this.lookbehind(flags, depth, e === 0x21);
        }
        this.pos++;
        return this.namedGroup(flags, depth, '>');
      }
      case "'":
        this.pos++;
        return this.namedGroup(flags, depth, "'");
      case 'P': {
        const e = this.peek(1);
        if (e === 0x3c /* < */) {
          this.pos += 2;
          return this.namedGroup(flags, depth, '>');
        }
        if (e === 0x3d /* = */) throw new RegexGapError('backreferences are not supported');
        if (e === 0x3e /* > */)
          throw new RegexGapError('recursion and subroutine calls are not supported');
        throw new PcreSyntaxError('unrecognized character after (?P');
      }
    }
    if (isDigitCode(d) || (d === 0x2d /* - */ && isDigitCode(this.peek(1))))
      throw new RegexGapError('recursion and subroutine calls are not supported');
    return this.optionSetting(flags, depth, start);
  }

  /** `(?imnsxJU-imnsxJU)` or `(?^...)`, alone or opening a group `(?i:...)`. */
  private optionSetting(flags: Flags, depth: number, start: number): Node | 'options' {
    const updated = { ...flags };
    let on = true;
    let sawHyphen = false;
    if (this.peek() === 0x5e /* ^ */) {
      updated.i = updated.m = updated.n = updated.s = updated.x = updated.xx = false;
      this.pos++;
    }
    for (;;) {
      const c = this.peek();
      if (c === 0x29 /* ) */ || c === 0x3a /* : */) break;
      const ch = c < 0 ? '' : String.fromCharCode(c);
      this.pos++;
      switch (ch) {
        case '-':
          if (sawHyphen || this.src[start + 2] === '^')
            throw new PcreSyntaxError('invalid hyphen in option setting');
          sawHyphen = true;
          on = false;
          break;
        case 'i':
        case 'm':
        case 'n':
        case 's':
        case 'J':
        case 'U':
          updated[ch as 'i'] = on;
          break;
        case 'x':
          if (this.peek() === 0x78) {
            this.pos++;
            updated.xx = on;
          } else if (!on) updated.xx = false;
          updated.x = on;
          break;
        default:
          throw new PcreSyntaxError('unrecognized character after (? or (?-');
      }
    }
    if (this.peek() === 0x29) {
      this.pos++;
      Object.assign(flags, updated); // to the end of the enclosing group
      return 'options';
    }
    this.pos++; // :
    return this.groupBody(updated, depth, false);
  }

  private namedGroup(flags: Flags, depth: number, terminator: string): Node {
    const m = /^[A-Za-z0-9_]*/.exec(this.src.slice(this.pos))!;
    const name = m[0];
    if (name.length === 0 || isDigitCode(name.charCodeAt(0)))
      throw new PcreSyntaxError('group name must start with a non-digit');
    if (name.length > 32) throw new PcreSyntaxError('group name is too long');
    this.pos += name.length;
    if (this.src[this.pos] !== terminator) throw new PcreSyntaxError('syntax error in group name');
    this.pos++;
    if (this.names.has(name) && !flags.J)
      throw new PcreSyntaxError('two named groups have the same name');
    this.names.add(name);
    return this.groupBody(flags, depth, true);
  }

  private groupBody(flags: Flags, depth: number, capture: boolean): Node {
    if (capture) this.captures++;
    const body = this.alternation({ ...flags }, depth + 1);
    if (this.peek() !== 0x29) throw new PcreSyntaxError('missing closing parenthesis');
    this.pos++;
    return { k: 'group', capture, body };
  }

  private lookbehind(flags: Flags, depth: number, negate: boolean): Node {
    const before = this.captures;
    const body = this.alternation({ ...flags }, depth + 1);
    if (this.peek() !== 0x29) throw new PcreSyntaxError('missing closing parenthesis');
    this.pos++;
    // PCRE2 up to 10.42: each top-level branch must have a fixed length.
    for (const branch of body.k === 'alt' ? body.alts : [body]) {
      const [min, max] = lengthRange(branch);
      if (min !== max) throw new PcreSyntaxError('lookbehind assertion is not fixed length');
      if (max > MAX_LOOKBEHIND) throw new PcreSyntaxError('lookbehind assertion is too long');
    }
    if (this.captures !== before)
      throw new RegexGapError('capture groups inside lookbehind are not supported');
    return { k: 'behind', negate, body };
  }

  // ------------------------------------------------------------- escapes

  /** An escape outside a class. */
  private escape(flags: Flags): Node {
    this.pos++; // backslash
    const c = this.peek();
    if (c < 0) throw new PcreSyntaxError('\\ at end of pattern');
    this.pos++;
    const ch = String.fromCharCode(c);
    const set = this.classEscape(ch);
    if (set) return { k: 'set', set };
    switch (ch) {
      case 'N':
        if (this.peek() === 0x7b && this.braceQuantifier() === null)
          throw new PcreSyntaxError('\\N{name} is not supported');
        return { k: 'set', set: NOT_NEWLINE };
      case 'C':
        return { k: 'set', set: ALL };
      case 'R':
        return {
          k: 'alt',
          alts: [
            { k: 'seq', items: [this.literal(13, flags), this.literal(10, flags)] },
            { k: 'set', set: VSPACE },
          ],
        };
      case 'b':
        return { k: 'assert', what: 'b' };
      case 'B':
        return { k: 'assert', what: 'B' };
      case 'A':
        return { k: 'assert', what: 'A' };
      case 'z':
        return { k: 'assert', what: 'z' };
      case 'Z':
        return { k: 'assert', what: 'dollar' };
      case 'G':
      case 'K':
      case 'X':
        throw new RegexGapError(`\\${ch} is not supported`);
      case 'g':
        if (this.peek() === 0x3c || this.peek() === 0x27)
          throw new RegexGapError('recursion and subroutine calls are not supported');
        throw new RegexGapError('backreferences are not supported');
      case 'k':
        throw new RegexGapError('backreferences are not supported');
    }
    if (c >= 0x31 && c <= 0x39) {
      // A backreference, unless it is 10 or more, starts with 1-7 and more
      // groups than opened so far: then up to three octal digits.
      const m = /^\d*/.exec(this.src.slice(this.pos))!;
      const number = Number(ch + m[0]);
      if (number < 10 || c >= 0x38 || number <= this.captures)
        throw new RegexGapError('backreferences are not supported');
      this.pos--;
      return this.literal(this.octalDigits(3), flags);
    }
    return this.literal(this.characterEscape(c), flags);
  }

  /** The set for `\d \D \w \W \s \S \h \H \v \V \p \P`, or null for other escapes. */
  private classEscape(ch: string): ByteSet | null {
    switch (ch) {
      case 'd':
        return DIGIT;
      case 'D':
        return complement(DIGIT);
      case 'w':
        return WORD;
      case 'W':
        return complement(WORD);
      case 's':
        return SPACE;
      case 'S':
        return complement(SPACE);
      case 'h':
        return HSPACE;
      case 'H':
        return complement(HSPACE);
      case 'v':
        return VSPACE;
      case 'V':
        return complement(VSPACE);
      case 'p':
      case 'P':
        return this.property(ch === 'P');
    }
    return null;
  }

  private property(negated: boolean): ByteSet {
    let name: string;
    if (this.peek() === 0x7b) {
      const end = this.src.indexOf('}', this.pos);
      if (end < 0) throw new PcreSyntaxError('malformed \\P or \\p sequence');
      name = this.src.slice(this.pos + 1, end);
      this.pos = end + 1;
      if (name.startsWith('^')) {
        negated = !negated;
        name = name.slice(1);
      }
    } else {
      if (this.pos >= this.src.length) throw new PcreSyntaxError('malformed \\P or \\p sequence');
      name = this.src[this.pos++]!;
    }
    const set = name.length > 0 ? propertySet(name) : null;
    if (!set) throw new PcreSyntaxError('unknown property name after \\P or \\p');
    return negated ? complement(set) : set;
  }

  /** Up to `max` octal digits at the current position (at least one is there). */
  private octalDigits(max: number): number {
    let value = 0;
    for (let n = 0; n < max; n++) {
      const c = this.peek();
      if (c < 0x30 || c > 0x37) break;
      value = value * 8 + (c - 0x30);
      this.pos++;
    }
    if (value > 0xff) throw new PcreSyntaxError('octal value is greater than \\377');
    return value;
  }

  /**
   * The byte of a character escape (the letter already consumed): `\a \e \f
   * \n \r \t \0 \o{} \x \c` and escaped punctuation; unknown letters are errors.
   */
  private characterEscape(c: number): number {
    switch (String.fromCharCode(c)) {
      case 'a':
        return 7;
      case 'e':
        return 27;
      case 'f':
        return 12;
      case 'n':
        return 10;
      case 'r':
        return 13;
      case 't':
        return 9;
      case '0':
        return this.octalDigits(2);
      case 'o': {
        const m = /^\{([0-7]+)\}/.exec(this.src.slice(this.pos));
        if (!m) throw new PcreSyntaxError('malformed \\o{...}');
        this.pos += m[0].length;
        const value = parseInt(m[1]!, 8);
        if (value > 0xff) throw new PcreSyntaxError('character code point value is too large');
        return value;
      }
      case 'x': {
        if (this.peek() === 0x7b) {
          const m = /^\{([0-9A-Fa-f]+)\}/.exec(this.src.slice(this.pos));
          if (!m) throw new PcreSyntaxError('malformed \\x{...}');
          this.pos += m[0].length;
          const value = parseInt(m[1]!, 16);
          if (value > 0xff) throw new PcreSyntaxError('character code point value is too large');
          return value;
        }
        const m = /^[0-9A-Fa-f]{0,2}/.exec(this.src.slice(this.pos))!;
        this.pos += m[0].length;
        return m[0].length > 0 ? parseInt(m[0], 16) : 0;
      }
      case 'c': {
        const d = this.peek();
        if (d < 32 || d > 126)
          throw new PcreSyntaxError('\\c must be followed by a printable ASCII character');
        this.pos++;
        return (d >= 97 && d <= 122 ? d - 32 : d) ^ 0x40;
      }
    }
    if (isAsciiLetter(c) || isDigitCode(c))
      throw new PcreSyntaxError('unrecognized character follows \\');
    return c; // escaped punctuation, space or a byte >= 0x80: itself
  }

  // ------------------------------------------------------------- classes

  private characterClass(flags: Flags): ByteSet {
    // `[:alpha:]` on its own is an error: POSIX classes only work inside a class.
    if (/^\[([:.=])[^\]\\]*\1\]/.test(this.src.slice(this.pos)))
      throw new PcreSyntaxError('POSIX named classes are supported only within a class');
    this.pos++; // [
    let negate = false;
    if (this.peek() === 0x5e) {
      negate = true;
      this.pos++;
    }
    // Caseless matching adds the other case of letters, ranges and POSIX
    // classes, but not of Unicode properties.
    const set = emptySet();
    const properties = emptySet();
    let first = true;
    let quoting = false;
    for (;;) {
      if (this.pos >= this.src.length)
        throw new PcreSyntaxError('missing terminating ] for character class');
      const c = this.peek();
      if (quoting) {
        if (c === 0x5c && this.peek(1) === 0x45) {
          quoting = false;
          this.pos += 2;
          continue;
        }
      } else {
        if (c === 0x5d /* ] */ && !first) {
          this.pos++;
          break;
        }
        if (c === 0x5c && this.peek(1) === 0x51 /* Q */) {
          quoting = true;
          this.pos += 2;
          continue;
        }
        if (c === 0x5c && this.peek(1) === 0x45 /* E */) {
          this.pos += 2;
          continue;
        }
        if (flags.xx && (c === 32 || c === 9)) {
          this.pos++;
          continue;
        }
      }
      first = false;
      const isProperty = !quoting && c === 0x5c && (this.peek(1) === 0x70 || this.peek(1) === 0x50);
      const item = this.classItem(quoting);
      if (typeof item !== 'number') {
        // `[\d-z]` is an error; `[\d-]` is not.
        if (this.peek() === 0x2d && this.peek(1) !== 0x5d && this.pos + 1 < this.src.length)
          throw new PcreSyntaxError('invalid range in character class');
        unionInto(isProperty ? properties : set, item);
        continue;
      }
      if (quoting) {
        set[item] = 1; // no ranges inside \Q...\E
        continue;
      }
      while (this.src.startsWith('\\E', this.pos)) this.pos += 2;
      // A range `a-z`, unless the hyphen is last.
      if (this.peek() === 0x2d && this.peek(1) !== 0x5d && this.pos + 1 < this.src.length) {
        this.pos++;
        const hi = this.classItem(quoting);
        if (typeof hi !== 'number') throw new PcreSyntaxError('invalid range in character class');
        if (hi < item) throw new PcreSyntaxError('range out of order in character class');
        set.fill(1, item, hi + 1);
      } else {
        set[item] = 1;
      }
    }
    if (flags.i) foldCase(set);
    unionInto(set, properties);
    return negate ? complement(set) : set;
  }

  /** One class member: a byte, or a set (`\d`, `[:alpha:]`, ...). */
  private classItem(quoting: boolean): number | ByteSet {
    const c = this.peek();
    if (quoting || (c !== 0x5c && c !== 0x5b)) {
      this.pos++;
      return c;
    }
    if (c === 0x5b) {
      const m = /^\[([:.=])(\^?)([A-Za-z]*)\1\]/.exec(this.src.slice(this.pos));
      if (!m) {
        this.pos++;
        return c;
      }
      if (m[1] !== ':') throw new PcreSyntaxError('POSIX collating elements are not supported');
      const set = POSIX_CLASSES[m[3]!];
      if (!set) throw new PcreSyntaxError('unknown POSIX class name');
      this.pos += m[0].length;
      return m[2] ? complement(set) : set;
    }
    this.pos++; // backslash
    const e = this.peek();
    if (e < 0) throw new PcreSyntaxError('\\ at end of pattern');
    this.pos++;
    const ch = String.fromCharCode(e);
    const set = this.classEscape(ch);
    if (set) return set;
    if (ch === 'b') return 8;
    if (e >= 0x31 && e <= 0x37) {
      this.pos--;
      return this.octalDigits(3);
    }
    if (e === 0x38 || e === 0x39) return e; // \8 and \9 are the digits
    if ('NRXBAzZGKgkC'.includes(ch))
      throw new PcreSyntaxError('escape sequence is invalid in character class');
    return this.characterEscape(e);
  }
}

/** The shortest and longest subject length a node can match. */
function lengthRange(node: Node): [number, number] {
  switch (node.k) {
    case 'set':
      return [1, 1];
    case 'assert':
    case 'behind':
      return [0, 0];
    case 'group':
      return lengthRange(node.body);
    case 'seq':
      return node.items.reduce<[number, number]>(
        (acc, item) => {
          const [lo, hi] = lengthRange(item);
          return [acc[0] + lo, acc[1] + hi];
        },
        [0, 0],
      );
    case 'alt': {
      const ranges = node.alts.map(lengthRange);
      return [Math.min(...ranges.map((r) => r[0])), Math.max(...ranges.map((r) => r[1]))];
    }
    case 'repeat': {
      const [lo, hi] = lengthRange(node.body);
      return [lo * node.min, hi === 0 ? 0 : hi * node.max];
    }
  }
}

// ---------------------------------------------------------------- emitter

function hex(b: number): string {
  return `\\x{${b.toString(16).padStart(2, '0')}}`;
}

function byteText(b: number): string {
  return isWordCode(b) ? String.fromCharCode(b) : hex(b);
}

const setTexts = new WeakMap<ByteSet, string>();

function setText(set: ByteSet): string {
  let text = setTexts.get(set);
  if (text === undefined) {
    text = computeSetText(set);
    setTexts.set(set, text);
  }
  return text;
}

function computeSetText(set: ByteSet): string {
  const ranges: [number, number][] = [];
  for (let b = 0; b < 256; b++) {
    if (!set[b]) continue;
    let e = b;
    while (e < 255 && set[e + 1]) e++;
    ranges.push([b, e]);
    b = e;
  }
  if (ranges.length === 0) return '[^\\x{00}-\\x{10ffff}]';
  if (ranges.length === 1 && ranges[0]![0] === 0 && ranges[0]![1] === 255) return '(?s:.)';
  if (ranges.length === 1 && ranges[0]![0] === ranges[0]![1]) return byteText(ranges[0]![0]);
  return `[${ranges.map(([lo, hi]) => (lo === hi ? byteText(lo) : `${byteText(lo)}-${byteText(hi)}`)).join('')}]`;
}

/** Emits RE2 syntax, numbering RE2's groups (PCRE's captures plus end-of-subject markers). */
class Re2Emitter {
  /** RE2 groups so far. */
  private groups = 0;
  /** RE2 group of each PCRE capture group (index 0: the whole match). */
  readonly groupMap: number[] = [0];
  /** RE2 groups that mark a `$` matched before a final newline. */
  readonly dollarMarkers: number[] = [];

  emit(node: Node, inLookbehind = false): string {
    switch (node.k) {
      case 'set':
        return setText(node.set);
      case 'seq':
        return node.items.map((n) => this.emit(n, inLookbehind)).join('');
      case 'alt':
        return `(?:${node.alts.map((n) => this.emit(n, inLookbehind)).join('|')})`;
      case 'group':
        if (node.capture) {
          this.groupMap.push(++this.groups);
          return `(${this.emit(node.body, inLookbehind)})`;
        }
        return `(?:${this.emit(node.body, inLookbehind)})`;
      case 'repeat': {
        const body = this.emit(node.body, inLookbehind);
        const atom = node.body.k === 'set' || node.body.k === 'group' ? body : `(?:${body})`;
        const { min, max } = node;
        const q =
          min === 0 && max === Infinity
            ? '*'
            : min === 1 && max === Infinity
              ? '+'
              : min === 0 && max === 1
                ? '?'
                : max === Infinity
                  ? `{${min},}`
                  : min === max
                    ? `{${min}}`
                    : `{${min},${max}}`;
        return `${atom}${q}${node.lazy ? '?' : ''}`;
      }
      case 'behind':
        return `(?<${node.negate ? '!' : '='}${this.emit(node.body, true)})`;
      case 'assert':
        switch (node.what) {
          case 'A':
            return '\\A';
          case 'z':
            return '\\z';
          case 'bol':
            // Not after a newline that ends the subject (PCRE2, unlike RE2).
            return '(?:\\A|(?<=\\n)(?<!\\z))';
          case 'eol':
            return '(?m:$)';
          case 'b':
            return '\\b';
          case 'B':
            return '\\B';
          case 'dollar':
            if (inLookbehind)
              throw new RegexGapError('$ and \\Z inside lookbehind are not supported');
            this.dollarMarkers.push(++this.groups);
            return '(?:\\z|()\\n\\z)';
        }
    }
  }
}

// ------------------------------------------------------------ compiled form

/**
 * A match: `[start, end]` of the whole match then of each PCRE capture group
 * (-1, -1 when the group did not take part), and PCRE's return code (one more
 * than the highest group that took part).
 */
export interface RegexMatch {
  /** Offsets as in PCRE2's ovector. */
  offsets: number[];
  /** 1 + the highest-numbered capture group that took part. */
  count: number;
}

/** Searches one subject repeatedly (a substitution loop), reusing its matchers. */
export interface RegexSearcher {
  /** The first match at or after `from` (earlier bytes are still context for `\b`, `^`, lookbehind). */
  exec(from: number): RegexMatch | null;
  /**
   * A non-empty match starting exactly at `at`, for the retry after an empty
   * match (approximation c: the longest one).
   */
  execNonEmptyAt(at: number): RegexMatch | null;
}

/**
 * The most RE2 instructions x subject bytes one search may cost (about half a
 * second at re2js's slowest), standing in for PCRE2's match limit: matching is
 * linear in the subject, but the factor is the program size.
 */
const MAX_MATCH_WORK = 1e8;

/** A search refused by MAX_MATCH_WORK (the builtins return ERROR). */
export class RegexLimitError extends Error {}

/** A PCRE2 pattern compiled for re2js. */
export class CompiledRegex {
  private longest: RE2JS | undefined;
  /** RE2 instructions: the per-byte cost of a search in the worst case. */
  private readonly programSize: number;

  /** Wraps an RE2 translation; use `compileRegex`. */
  constructor(
    /** The RE2 pattern. */
    readonly source: string,
    private readonly re: RE2JS,
    private readonly groupMap: readonly number[],
    private readonly dollarMarkers: readonly number[],
  ) {
    this.programSize = re.programSize();
  }

  /** Throws RegexLimitError when searching `subject` could exceed MAX_MATCH_WORK. */
  private checkWork(subject: string): void {
    if (this.programSize * (subject.length + 1) > MAX_MATCH_WORK)
      throw new RegexLimitError(
        `pattern of ${this.programSize} instructions on ${subject.length} bytes exceeds the match limit`,
      );
  }

  /** The number of PCRE capture groups. */
  get groupCount(): number {
    return this.groupMap.length - 1;
  }

  /** Whether the pattern matches anywhere in the byte string (an unanchored search). */
  test(subject: string): boolean {
    this.checkWork(subject);
    return this.re.test(subject);
  }

  /** The first match at or after `from` (earlier bytes are still context for `\b`, `^`, lookbehind). */
  exec(subject: string, from = 0): RegexMatch | null {
    return this.searcher(subject).exec(from);
  }

  /** A searcher over one subject. */
  searcher(subject: string): RegexSearcher {
    this.checkWork(subject);
    let matcher: Matcher | undefined;
    let longestMatcher: Matcher | undefined;
    return {
      exec: (from) => {
        matcher ??= this.re.matcher(subject);
        return matcher.find(from) ? this.offsets(matcher) : null;
      },
      execNonEmptyAt: (at) => {
        this.longest ??= RE2JS.compile(this.source, RE2JS.LOOKBEHINDS | RE2JS.LONGEST_MATCH);
        longestMatcher ??= this.longest.matcher(subject);
        if (!longestMatcher.find(at) || longestMatcher.start() !== at) return null;
        const match = this.offsets(longestMatcher);
        return match.offsets[1]! > at ? match : null;
      },
    };
  }

  private offsets(m: Matcher): RegexMatch {
    // A `$` that matched before the final newline consumed it: move back.
    let limit = Infinity;
    for (const g of this.dollarMarkers) {
      const p = m.start(g);
      if (p >= 0 && p < limit) limit = p;
    }
    const offsets: number[] = [];
    let count = 1;
    for (let g = 0; g < this.groupMap.length; g++) {
      const idx = this.groupMap[g]!;
      const start = m.start(idx);
      if (start < 0) {
        offsets.push(-1, -1);
        continue;
      }
      offsets.push(Math.min(start, limit), Math.min(m.end(idx), limit));
      count = g + 1;
    }
    return { offsets, count };
  }
}

/** Why a pattern could not be compiled. */
export interface RegexCompileError {
  /** The message. */
  reason: string;
  /** True for valid PCRE2 that RE2 cannot express (a documented gap), false for a pattern PCRE2 rejects. */
  gap: boolean;
}

/** Translates a PCRE2 pattern to RE2 syntax and compiles it (no caching). */
function translate(pattern: string, options: RegexOptions): CompiledRegex | RegexCompileError {
  let source: string;
  let emitter: Re2Emitter;
  try {
    const ast = new PcreParser(pattern).parse(options);
    emitter = new Re2Emitter();
    source = emitter.emit(ast);
  } catch (e) {
    if (e instanceof PcreSyntaxError) return { reason: e.message, gap: false };
    if (e instanceof RegexGapError) return { reason: e.message, gap: true };
    if (e instanceof RangeError) return { reason: 'pattern is too complex', gap: true };
    throw e;
  }
  try {
    const re = RE2JS.compile(source, RE2JS.LOOKBEHINDS);
    return new CompiledRegex(source, re, emitter.groupMap, emitter.dollarMarkers);
  } catch (e) {
    // Valid PCRE2 beyond RE2's limits (repeat counts above 1000, ...).
    return { reason: e instanceof Error ? e.message : String(e), gap: true };
  }
}

/** Compiled patterns kept (about 20 KB each). */
const CACHE_LIMIT = 256;
const cache = new Map<string, CompiledRegex | RegexCompileError>();

/** Compiles a PCRE2 pattern with options (cached), or says why it is invalid or unsupported. */
export function compileRegex(
  pattern: string,
  options: RegexOptions = {},
): CompiledRegex | RegexCompileError {
  const key = `${options.caseless ? 'i' : ''}${options.multiline ? 'm' : ''}${options.dotall ? 's' : ''}${options.extended ? 'x' : ''}/${pattern}`;
  let compiled = cache.get(key);
  if (compiled === undefined) {
    compiled = translate(pattern, options);
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(key, compiled);
  }
  return compiled;
}

// ------------------------------------------------------------ substitution

/**
 * Expands a replacement: `\d` is group d ("" when unset; ERROR, returned as
 * null, when d is not below the match count); a backslash before anything
 * else is itself.
 */
function expandReplacement(replacement: string, subject: string, match: RegexMatch): string | null {
  let out = '';
  for (let i = 0; i < replacement.length; i++) {
    const c = replacement.charCodeAt(i);
    if (c === 0x5c && i + 1 < replacement.length && isDigitCode(replacement.charCodeAt(i + 1))) {
      const d = replacement.charCodeAt(++i) - 48;
      if (d >= match.count) return null;
      const start = match.offsets[2 * d]!;
      if (start >= 0) out += subject.slice(start, match.offsets[2 * d + 1]);
    } else {
      out += replacement[i];
    }
  }
  return out;
}

/**
 * HTCondor's substitution loop (spec §6.7): with `f` the unmatched text is
 * kept, with `g` every match is replaced. After an empty match the next try
 * must be a non-empty match at the same place, else the search moves on one
 * byte; moving past the end (an empty match at the end under `g`) is ERROR,
 * as in HTCondor.
 */
export function substitute(
  regex: CompiledRegex,
  subject: string,
  replacement: string,
  full: boolean,
  global: boolean,
): Value {
  const search = regex.searcher(subject);
  let match = search.exec(0);
  if (!match) return str(full ? subject : '');
  let out = '';
  let copied = 0;
  for (;;) {
    const [start, end] = match.offsets as [number, number];
    if (full) out += subject.slice(copied, start);
    const expanded = expandReplacement(replacement, subject, match);
    if (expanded === null) return ERROR;
    out += expanded;
    copied = end;
    if (!global) break;
    let next: RegexMatch | null = null;
    if (start === end) {
      next = search.execNonEmptyAt(end);
      if (!next) {
        if (end + 1 > subject.length) return ERROR;
        next = search.exec(end + 1);
      }
    } else {
      next = search.exec(end);
    }
    if (!next) break;
    match = next;
  }
  if (full) out += subject.slice(copied);
  return str(out);
}

// --------------------------------------------------------------- builtins

/** ERROR if any argument is ERROR, else UNDEFINED if any is UNDEFINED, else null. */
function exceptional(args: Value[]): Value | null {
  if (args.some((a) => a.type === 'error')) return ERROR;
  if (args.some((a) => a.type === 'undefined')) return UNDEFINED;
  return null;
}

/** Runs a search; ERROR when it would pass the match limit. */
function limited(search: () => Value): Value {
  try {
    return search();
  } catch (e) {
    if (e instanceof RegexLimitError) return ERROR;
    throw e;
  }
}

/** The options argument's text; null (ERROR) when it is not a string. */
function optionsText(v: Value | undefined): string | null {
  if (v === undefined) return '';
  return v.type === 'string' ? v.value : null;
}

defineFunction('regexp', 2, 3, (args) => {
  const bad = exceptional(args);
  if (bad) return bad;
  const [pattern, target] = args;
  const options = optionsText(args[2]);
  if (options === null) return ERROR;
  if (pattern!.type !== 'string' || target!.type !== 'string') return ERROR;
  const re = compileRegex(pattern!.value, parseRegexOptions(options));
  if (!(re instanceof CompiledRegex)) return ERROR;
  return limited(() => bool(re.test(target!.value)));
});

defineFunction('regexpMember', 2, 3, (args, s) => {
  const bad = exceptional(args);
  if (bad) return bad;
  const [pattern, list] = args;
  const options = optionsText(args[2]);
  if (options === null) return ERROR;
  if (pattern!.type !== 'string' || list!.type !== 'list') return ERROR;
  // An invalid pattern is not an error here: no element matches.
  const compiled = compileRegex(pattern!.value, parseRegexOptions(options));
  const re = compiled instanceof CompiledRegex ? compiled : null;
  let sawUndefined = false;
  const n = listLength(list!);
  for (let i = 0; i < n; i++) {
    const v = listElement(list!, i, s);
    if (v.type === 'undefined') sawUndefined = true;
    else if (v.type !== 'string') return ERROR;
    else if (re) {
      const r = limited(() => bool(re.test(v.value)));
      if (r !== FALSE) return r; // TRUE, or ERROR past the match limit
    }
  }
  return sawUndefined ? UNDEFINED : FALSE;
});

function defineSubstitution(name: string, extraOptions: string): void {
  defineFunction(name, 3, 4, (args) => {
    const bad = exceptional(args);
    if (bad) return bad;
    const [pattern, target, replacement] = args;
    const options = optionsText(args[3]);
    if (options === null) return ERROR;
    if (pattern!.type !== 'string' || target!.type !== 'string' || replacement!.type !== 'string')
      return ERROR;
    const opts = parseRegexOptions(options + extraOptions);
    const re = compileRegex(pattern!.value, opts);
    if (!(re instanceof CompiledRegex)) return ERROR;
    return limited(() => substitute(re, target!.value, replacement!.value, opts.full, opts.global));
  });
}

defineSubstitution('regexps', '');
defineSubstitution('replace', 'f');
defineSubstitution('replaceAll', 'fg');
