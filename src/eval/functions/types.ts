/** Type predicates (spec §6.1): exactly one argument, always a boolean. */
import { bool, type ValueType } from '../values.js';
import { defineFunction } from './registry.js';

const predicates: [string, ValueType][] = [
  ['isUndefined', 'undefined'],
  ['isError', 'error'],
  ['isString', 'string'],
  ['isInteger', 'integer'],
  ['isReal', 'real'],
  ['isBoolean', 'boolean'],
  ['isList', 'list'],
  ['isClassAd', 'classad'],
  ['isAbstime', 'abstime'],
  ['isReltime', 'reltime'],
];

for (const [name, type] of predicates) {
  defineFunction(name, 1, 1, ([v]) => bool(v!.type === type));
}
