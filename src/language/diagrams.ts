/**
 * Railroad (syntax) diagrams of the ClassAd grammar, drawn from the chevrotain
 * parser itself, so they always show what the parser accepts.
 *
 * The page is built by chevrotain's `createSyntaxDiagramsCode`: the
 * serialized grammar is embedded as JSON and drawn in the browser by
 * chevrotain's diagram scripts, loaded from a CDN (unpkg) at the installed
 * chevrotain version. The text depends only on the grammar and that version,
 * so it is the same on every run. This module has no Node imports (src/language
 * runs in browsers); src/cli/grammar.ts writes the page to a file.
 *
 * The diagrams show the parser's rules as written: binary operators are one
 * flat chain (`binaryChain`), with precedence applied in an action, so the
 * precedence levels are spelled out in grammar/classad.ebnf instead.
 */
import { createSyntaxDiagramsCode } from 'chevrotain';
import { grammarInstance } from './parser.js';

const GENERATED_NOTE = '<!-- This is a generated file -->';
const OUR_NOTE =
  '<!-- Generated from src/language/parser.ts by `npm run grammar`; do not edit. -->';

/** The railroad-diagram HTML page of the parser's grammar (the same bytes on every call). */
export function diagramsHtml(): string {
  const productions = grammarInstance(false).getSerializedGastProductions();
  return createSyntaxDiagramsCode(productions).replace(GENERATED_NOTE, OUR_NOTE);
}
