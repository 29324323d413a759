/**
 * The ClassAd language service: editor-agnostic functions from a document's
 * text (and a position, as a UTF-16 offset) to plain data. No Node-only
 * imports: it runs in a browser as well (job_queue.log documents need a
 * `Buffer` global there).
 */

/** Document kinds, and the kind of a file by its name. */
export { documentKindFor, isJobQueueLogName, type DocumentKind } from './documentKind.js';
/** Diagnostics: syntax errors and the rules' findings. */
export { getDiagnostics, type ServiceDiagnostic, type Severity } from './diagnostics.js';
/** Hover: builtin signatures, attribute definitions and values. */
export { getHover, type HoverResult } from './hover.js';
/** Completion: builtins, the document's attributes, well-known attributes after TARGET./MY. */
export { getCompletions, type CompletionEntry, type CompletionResult } from './completion.js';
/** Formatting through the project's printer. */
export { formatDocument, type FormattingResult, type TextEditData } from './formatting.js';
/** Document symbols: ads and their attributes. */
export { getDocumentSymbols, type SymbolData } from './symbols.js';
/** The builtin functions' signatures, argument counts and meanings. */
export { builtinInfo, allBuiltins, type BuiltinInfo } from './builtins.js';
/** Well-known HTCondor job and machine attributes. */
export { knownAttribute, allKnownAttributes, type KnownAttribute } from './knownAttributes.js';
/** Every diagnostic rule. */
export { allRules } from './rules/index.js';
/** The shape of a diagnostic rule. */
export type { DiagnosticRule } from './rules/rule.js';
