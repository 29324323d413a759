/**
 * Machine ads for matching, from any input: old long form (read lazily: a
 * value is parsed only when an expression looks it up), new syntax, or
 * HTCondor's JSON. The format is detected from the first significant bytes.
 */
import type { Expr } from '../language/ast.js';
import { fastLiteral } from '../language/fastLiteral.js';
import type { AttrEntry } from '../eval/scope.js';
import { AdScope, adFromRecord } from '../eval/scope.js';
import { chunkText, type Chunk, type ChunkSource } from '../io/chunks.js';
import type { InputError } from '../io/inputError.js';
import { readJsonAds } from '../io/jsonReader.js';
import type { LongFormAd } from '../io/longFormAd.js';
import { readLongFormAds } from '../io/longFormReader.js';
import { readNewSyntaxAds } from '../io/newSyntaxReader.js';

/**
 * An AdScope over a lazily parsed long-form ad: lookups find the line by
 * name and parse its value on first use. Anything that needs all entries
 * (iteration, changes) materializes them first.
 */
export class LongFormScope extends AdScope {
  private readonly cache: (AttrEntry | undefined)[] = [];
  private materialized = false;

  constructor(
    readonly source: LongFormAd,
    private readonly strict = false,
  ) {
    super();
  }

  override lookup(lowerName: string): AttrEntry | undefined {
    if (this.materialized) return super.lookup(lowerName);
    const i = this.source.indexOf(lowerName);
    if (i < 0) return this.chainedParent?.lookup(lowerName);
    let e = this.cache[i];
    if (!e) {
      const source = this.source;
      const strict = this.strict;
      e = {
        name: source.name(i),
        get expr() {
          return valueOf(source, i, strict);
        },
      };
      this.cache[i] = e;
    }
    return e;
  }

  private materialize(): void {
    if (this.materialized) return;
    this.materialized = true;
    for (const { name, value } of this.source.entries()) super.bind(name, value);
  }

  override hasOwn(name: string): boolean {
    this.materialize();
    return super.hasOwn(name);
  }
  override entries(): AttrEntry[] {
    this.materialize();
    return super.entries();
  }
  override ownEntries(): IterableIterator<AttrEntry> {
    this.materialize();
    return super.ownEntries();
  }
  override get size(): number {
    this.materialize();
    return super.size;
  }
  override bind(
    name: string,
    expr: Parameters<AdScope['bind']>[1],
    fn?: Parameters<AdScope['bind']>[2],
  ): void {
    this.materialize();
    super.bind(name, expr, fn);
  }
  override delete(name: string): boolean {
    this.materialize();
    return super.delete(name);
  }
}

// Pools repeat the same expressions (Requirements, START, ...) in every
// ad: parse each distinct text once. Bounded: cleared when it grows too big.
const parsedTexts = new Map<string, Expr>();
const PARSED_TEXTS_LIMIT = 20000;

/** A long-form value: a literal by the fast path, anything else parsed once per distinct text. */
function valueOf(source: LongFormAd, i: number, strict: boolean): Expr {
  const { start, end } = source.valueRange(i);
  const literal = fastLiteral(source.text, start, end);
  if (literal) return literal;
  // The mode changes how some texts parse (`010`), so it is part of the key.
  const text = (strict ? 's' : 'h') + source.text.slice(start, end);
  let e = parsedTexts.get(text);
  if (!e) {
    e = source.value(i);
    if (parsedTexts.size >= PARSED_TEXTS_LIMIT) parsedTexts.clear();
    parsedTexts.set(text, e);
  }
  return e;
}

/** An ad read from an input, with where it started and what was wrong in it. */
export interface SourcedAd {
  ad: AdScope;
  /** 1-based line of the ad's first line. */
  line: number;
  errors: InputError[];
}

/** The syntax of an ad stream. */
export type StreamSyntax = 'old' | 'new' | 'json';

/** Guesses a stream's syntax from its first significant characters. */
export function detectStreamSyntax(head: string): StreamSyntax | undefined {
  const m = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/|#[^\n]*\n)*(\S)(\s*)(\S)?/.exec(head);
  if (!m) return undefined;
  if (m[1] === '{') return 'new';
  if (m[1] === '[') {
    if (m[3] === undefined) return undefined;
    return m[3] === '{' || m[3] === ']' ? 'json' : 'new';
  }
  return 'old';
}

async function* peeked(first: Chunk[], rest: AsyncIterator<Chunk>): AsyncGenerator<Chunk> {
  yield* first;
  for (;;) {
    const r = await rest.next();
    if (r.done) return;
    yield r.value;
  }
}

/** Reads ads from a stream in any of the three syntaxes (detected unless given). */
export async function* readAds(
  source: ChunkSource,
  options: { strict?: boolean; syntax?: StreamSyntax } = {},
): AsyncGenerator<SourcedAd> {
  const iterator = (source as AsyncIterable<Chunk>)[Symbol.asyncIterator]
    ? (source as AsyncIterable<Chunk>)[Symbol.asyncIterator]()
    : (async function* () {
        yield* source as Iterable<Chunk>;
      })();
  const head: Chunk[] = [];
  let text = '';
  let syntax = options.syntax;
  while (syntax === undefined) {
    const r = await iterator.next();
    if (r.done) break;
    head.push(r.value);
    text += chunkText(r.value);
    syntax = detectStreamSyntax(text.slice(0, 65536));
    if (text.length > 65536) syntax ??= 'old';
  }
  syntax ??= detectStreamSyntax(text) ?? 'old';
  const stream = peeked(head, iterator);
  if (syntax === 'old') {
    for await (const ad of readLongFormAds(stream, { strict: options.strict })) {
      yield { ad: new LongFormScope(ad, options.strict), line: ad.line, errors: [...ad.badLines] };
    }
    return;
  }
  const reader =
    syntax === 'json'
      ? readJsonAds(stream, { strict: options.strict })
      : readNewSyntaxAds(stream, { strict: options.strict });
  for await (const parsed of reader) {
    const ad = parsed.record.kind === 'Record' ? adFromRecord(parsed.record) : new AdScope();
    yield { ad, line: parsed.line, errors: parsed.errors };
  }
}
