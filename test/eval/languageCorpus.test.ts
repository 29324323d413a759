// The operator, lexing, parsing and scoping cases of corpus/language, both modes.
// (Each builtin family has its own corpus test under test/eval/functions/.)
import { describe, expect, it } from 'vitest';
import { failures, loadCases } from './corpus.js';

const files = [
  'arith',
  'bitwise',
  'compare',
  'func-type',
  'lex-ident',
  'lex-int',
  'lex-real',
  'lex-string',
  'list',
  'logic',
  'meta',
  'old-input',
  'parse',
  'record',
  'scope',
  'scope-match',
  'semantics',
  'shift',
  'ternary',
];

describe('corpus/language', () => {
  for (const file of files) {
    it(`${file}: every case, HTCondor default and strict`, () => {
      expect(failures(loadCases(file))).toEqual([]);
    });
  }
});
