/** Every diagnostic rule, in the order their findings are computed. */
import { alwaysErrorRule } from './alwaysError.js';
import { argumentCountRule } from './argumentCount.js';
import { attributeTypoRule } from './attributeTypo.js';
import { jobQueueRecordRule } from './jobQueueRecord.js';
import { oldBackslashQuoteRule } from './oldBackslashQuote.js';
import type { DiagnosticRule } from './rule.js';
import { singleQuotedStringRule } from './singleQuotedString.js';
import { syntaxErrorsRule } from './syntaxErrors.js';
import { unknownFunctionRule } from './unknownFunction.js';

/** The rules getDiagnostics runs. */
export const allRules: readonly DiagnosticRule[] = [
  syntaxErrorsRule,
  jobQueueRecordRule,
  unknownFunctionRule,
  argumentCountRule,
  alwaysErrorRule,
  singleQuotedStringRule,
  attributeTypoRule,
  oldBackslashQuoteRule,
];
