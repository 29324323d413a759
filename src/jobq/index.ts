/**
 * job_queue.log tools: the streaming record reader and writer, validation,
 * rewrite rules, macro maps, marshal, demarshal and the residual scan.
 */
export { checkLog, type CheckOptions, type CheckReport } from './check.js';
export { demarshalLog, DemarshalRewriter } from './demarshal.js';
export {
  formatIssue,
  IssueList,
  JobqInputError,
  JobqUsageError,
  type JobqIssue,
  type Severity,
} from './issues.js';
export { bufferSource, fileSource, toSource, type LogSource } from './logSource.js';
export {
  isWindowsPath,
  parseMapFile,
  readMapFile,
  RESERVED_MACROS,
  stripTrailingSeparators,
  type MacroEntry,
  type PathMap,
} from './mapFile.js';
export {
  marshalLog,
  MarshalRewriter,
  type RewriteOptions,
  type RewriteSummary,
} from './marshal.js';
export {
  isPathEnd,
  isPathStart,
  PrefixMatcher,
  type Prefix,
  type PrefixMatch,
} from './prefixes.js';
export { ProgressBar, type ProgressCallback } from './progress.js';
export {
  Op,
  RecordReader,
  type EolStyle,
  type RecordHandler,
  type RecordView,
} from './recordReader.js';
export {
  BufferSink,
  FileSink,
  NullSink,
  openOutput,
  removeStaleTemporaries,
  StdoutSink,
  type ByteSink,
} from './recordWriter.js';
export {
  DEFAULT_RULES,
  defaultRules,
  Rules,
  SHAPES,
  type AttributeRule,
  type Shape,
} from './rules.js';
export { formatRules, parseRulesFile, readRulesFile } from './rulesFile.js';
export { scanLog, type ScanHit, type ScanOptions, type ScanReport } from './scan.js';
export {
  demarshalString,
  MacroError,
  marshalString,
  newCounts,
  type RewriteCounts,
} from './stringRewrite.js';
export { runTransform, type LineRewriter, type TransformSummary } from './transform.js';
export { assignConsequences, corruptRecordConsequence, LogValidator } from './validation.js';
export { parseValue, stringLiterals, valueSyntaxError } from './valueParse.js';
export {
  applyEdits,
  rewriteValueStrings,
  sourceOffsetOf,
  ValueRewriteError,
  type TextEdit,
  type ValueRewrite,
} from './valueRewrite.js';
