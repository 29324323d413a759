/**
 * The builtin functions as the editor presents them: each one's signature,
 * its argument counts (spec §6: a call with any other count evaluates to
 * ERROR) and a one-line meaning. Names are looked up case-insensitively.
 */

/** One builtin function. */
export interface BuiltinInfo {
  /** The canonical spelling. */
  name: string;
  /** Parameters as written in a signature, `[x]` optional, `...` repeated. */
  params: string;
  /** The type of the result, in words. */
  returns: string;
  /** Fewest arguments accepted. */
  minArgs: number;
  /** Most arguments accepted (Infinity: any number). */
  maxArgs: number;
  /** What it does, in one line. */
  summary: string;
  /** Exists only inside HTCondor daemons (not evaluated by this library). */
  daemonOnly?: boolean;
}

type Row = [
  name: string,
  params: string,
  returns: string,
  min: number,
  max: number,
  summary: string,
];

const rows: Row[] = [
  // §6.1 type predicates
  ['isUndefined', 'x', 'boolean', 1, 1, 'Whether x is UNDEFINED.'],
  ['isError', 'x', 'boolean', 1, 1, 'Whether x is ERROR.'],
  ['isString', 'x', 'boolean', 1, 1, 'Whether x is a string.'],
  ['isInteger', 'x', 'boolean', 1, 1, 'Whether x is an integer (booleans are not).'],
  ['isReal', 'x', 'boolean', 1, 1, 'Whether x is a real.'],
  ['isBoolean', 'x', 'boolean', 1, 1, 'Whether x is a boolean (0 and 1 are not).'],
  ['isList', 'x', 'boolean', 1, 1, 'Whether x is a list.'],
  ['isClassAd', 'x', 'boolean', 1, 1, 'Whether x is a ClassAd.'],
  ['isAbstime', 'x', 'boolean', 1, 1, 'Whether x is an absolute time.'],
  ['isReltime', 'x', 'boolean', 1, 1, 'Whether x is a relative time.'],
  // §6.2 control and meta
  [
    'ifThenElse',
    'cond, then, else',
    'any',
    3,
    3,
    'Evaluates only the branch that cond selects; UNDEFINED if cond is.',
  ],
  [
    'eval',
    'text',
    'any',
    1,
    1,
    'Parses a string as an expression and evaluates it in the current ad.',
  ],
  [
    'unparse',
    'attr',
    'string',
    1,
    1,
    'The text of the named attribute\'s expression ("" when absent).',
  ],
  [
    'unresolved',
    'attr, [regex]',
    'string or boolean',
    1,
    2,
    "The attribute's references that the ad does not define; with a regex, whether one matches.",
  ],
  ['debug', 'x', 'any', 1, 1, 'Returns x unchanged (HTCondor logs its evaluation).'],
  // §6.3 conversion
  ['int', 'x', 'integer', 1, 1, 'x converted to an integer (reals truncated, strings parsed).'],
  ['real', 'x', 'real', 1, 1, 'x converted to a real ("INF" and "NaN" included).'],
  ['string', 'x', 'string', 1, 1, 'x converted to a string (other values unparsed).'],
  [
    'bool',
    'x',
    'boolean',
    1,
    1,
    'x converted to a boolean (numbers: nonzero; strings "true"/"false").',
  ],
  [
    'absTime',
    '[t, [offset]]',
    'absolute time',
    0,
    2,
    'An absolute time: now, from epoch seconds, or (literal string) parsed as a date.',
  ],
  [
    'relTime',
    't',
    'relative time',
    1,
    1,
    'A relative time from seconds, or (literal string) parsed as a duration.',
  ],
  // §6.4 math
  ['floor', 'x', 'integer', 1, 1, 'The largest integer not above x.'],
  ['ceiling', 'x', 'integer', 1, 1, 'The smallest integer not below x.'],
  ['ceil', 'x', 'integer', 1, 1, 'The smallest integer not below x (same as ceiling).'],
  ['round', 'x', 'integer', 1, 1, 'x rounded to the nearest integer, ties to even.'],
  [
    'pow',
    'base, exponent',
    'integer or real',
    2,
    2,
    'base raised to exponent (integer for integer operands and exponent >= 0).',
  ],
  [
    'quantize',
    'a, b',
    'number',
    2,
    2,
    'a rounded up to a multiple of b, or to the first element of list b that is at least a.',
  ],
  ['random', '[x]', 'integer or real', 0, 1, 'A random number in [0, x) (x defaults to 1.0).'],
  // §6.5 strings
  [
    'strcat',
    'a, ...',
    'string',
    0,
    Infinity,
    'Its arguments converted to strings and concatenated.',
  ],
  [
    'join',
    'sep, a, ... | sep, list | list',
    'string',
    0,
    Infinity,
    'The items (or the list elements) joined with sep; UNDEFINED items are skipped.',
  ],
  [
    'substr',
    's, offset, [length]',
    'string',
    2,
    3,
    'Part of s from offset (negative: from the end), length bytes (negative: stop that far from the end).',
  ],
  ['size', 'x', 'integer', 1, 1, 'The length of a string, list or ClassAd.'],
  ['toUpper', 's', 'string', 1, 1, 'The string upper-cased (ASCII only).'],
  ['toLower', 's', 'string', 1, 1, 'The string lower-cased (ASCII only).'],
  ['strcmp', 'a, b', 'integer', 2, 2, 'Compares two strings byte by byte: -1, 0 or 1.'],
  ['stricmp', 'a, b', 'integer', 2, 2, 'Compares two strings ignoring ASCII case: -1, 0 or 1.'],
  // §6.6 versions
  [
    'versioncmp',
    'left, right',
    'integer',
    2,
    2,
    'Compares two version strings, numbers by value: negative, 0 or positive.',
  ],
  ['versionLT', 'left, right', 'boolean', 2, 2, 'Whether version left sorts before version right.'],
  [
    'versionLE',
    'left, right',
    'boolean',
    2,
    2,
    'Whether version left sorts before or equal to version right.',
  ],
  ['versionGT', 'left, right', 'boolean', 2, 2, 'Whether version left sorts after version right.'],
  [
    'versionGE',
    'left, right',
    'boolean',
    2,
    2,
    'Whether version left sorts after or equal to version right.',
  ],
  ['versionEQ', 'left, right', 'boolean', 2, 2, 'Whether two version strings are identical.'],
  [
    'version_in_range',
    'version, min, max',
    'boolean',
    3,
    3,
    'Whether min <= version <= max in version order.',
  ],
  // §6.7 regular expressions
  [
    'regexp',
    'pattern, target, [options]',
    'boolean',
    2,
    3,
    'Whether the regular expression matches somewhere in target.',
  ],
  [
    'regexpMember',
    'pattern, list, [options]',
    'boolean',
    2,
    3,
    'Whether the regular expression matches some string in the list.',
  ],
  [
    'regexps',
    'pattern, target, replacement, [options]',
    'string',
    3,
    4,
    'The replacement with \\N groups filled in from the first match.',
  ],
  [
    'replace',
    'pattern, target, replacement, [options]',
    'string',
    3,
    4,
    'target with its first match replaced.',
  ],
  [
    'replaceAll',
    'pattern, target, replacement, [options]',
    'string',
    3,
    4,
    'target with every match replaced.',
  ],
  // §6.8 lists
  [
    'member',
    'x, list',
    'boolean',
    2,
    2,
    'Whether some element equals x (==, strings ignore case).',
  ],
  ['identicalMember', 'x, list', 'boolean', 2, 2, 'Whether some element is identical to x (=?=).'],
  ['sum', 'list', 'number', 1, 1, 'The sum of the numeric elements (UNDEFINED ones skipped).'],
  ['avg', 'list', 'real', 1, 1, 'The average of the numeric elements (UNDEFINED ones skipped).'],
  ['min', 'list', 'number', 1, 1, 'The smallest element; UNDEFINED for an empty list.'],
  ['max', 'list', 'number', 1, 1, 'The largest element; UNDEFINED for an empty list.'],
  [
    'anyCompare',
    'op, list, value',
    'boolean',
    3,
    3,
    'Whether `element op value` holds for some element (op a string such as "<").',
  ],
  [
    'allCompare',
    'op, list, value',
    'boolean',
    3,
    3,
    'Whether `element op value` holds for every element (op a string such as "<").',
  ],
  // §6.9 time
  ['time', '', 'integer', 0, 0, 'The current time in seconds since the epoch.'],
  ['currentTime', '', 'absolute time', 0, 0, 'The current time as an absolute time.'],
  ['timeZoneOffset', '', 'relative time', 0, 0, "The host's current offset from UTC."],
  ['dayTime', '', 'relative time', 0, 0, 'Seconds since local midnight.'],
  ['getYear', 't', 'integer', 1, 1, 'The year of an absolute time (local time zone).'],
  ['getMonth', 't', 'integer', 1, 1, 'The month (1-12) of an absolute time.'],
  ['getDayOfYear', 't', 'integer', 1, 1, 'The day of the year (0-based) of an absolute time.'],
  ['getDayOfMonth', 't', 'integer', 1, 1, 'The day of the month (1-31) of an absolute time.'],
  ['getDayOfWeek', 't', 'integer', 1, 1, 'The day of the week (0 = Sunday) of an absolute time.'],
  ['getDays', 't', 'integer', 1, 1, 'The whole days of a relative time.'],
  [
    'getHours',
    't',
    'integer',
    1,
    1,
    'The hour of an absolute time, or the hours part of a relative time.',
  ],
  [
    'getMinutes',
    't',
    'integer',
    1,
    1,
    'The minute of an absolute time, or the minutes part of a relative time.',
  ],
  [
    'getSeconds',
    't',
    'integer',
    1,
    1,
    'The second of an absolute time, or the seconds part of a relative time.',
  ],
  [
    'splitTime',
    't',
    'ClassAd',
    1,
    1,
    'A time broken into fields (Year, Month, Day, ... or Days, Hours, ...).',
  ],
  ['formatTime', '[t, [format]]', 'string', 0, 2, 'A time formatted with strftime (default "%c").'],
  ['interval', 'seconds', 'string', 1, 1, 'Seconds written as [days+]hh:mm:ss.'],
  // §6.10 core string list
  [
    'stringListsIntersect',
    'list1, list2, [delimiters]',
    'boolean',
    2,
    3,
    'Whether two delimited string lists share an item.',
  ],
  // §6.11 HTCondor compat layer
  [
    'stringListSize',
    'list, [delimiters]',
    'integer',
    1,
    2,
    'The number of items in a delimited string list.',
  ],
  [
    'stringListSum',
    'list, [delimiters]',
    'number',
    1,
    2,
    'The sum of the numbers in a delimited string list.',
  ],
  [
    'stringListAvg',
    'list, [delimiters]',
    'number',
    1,
    2,
    'The average of the numbers in a delimited string list.',
  ],
  [
    'stringListMin',
    'list, [delimiters]',
    'number',
    1,
    2,
    'The smallest number in a delimited string list.',
  ],
  [
    'stringListMax',
    'list, [delimiters]',
    'number',
    1,
    2,
    'The largest number in a delimited string list.',
  ],
  [
    'stringListMember',
    'x, list, [delimiters]',
    'boolean',
    2,
    3,
    'Whether x is an item of a delimited string list (case-sensitive).',
  ],
  [
    'stringListIMember',
    'x, list, [delimiters]',
    'boolean',
    2,
    3,
    'Whether x is an item of a delimited string list (ignoring case).',
  ],
  [
    'stringListSubsetMatch',
    'list1, list2, [delimiters]',
    'boolean',
    2,
    3,
    'Whether every item of list1 is in list2 (case-sensitive).',
  ],
  [
    'stringListISubsetMatch',
    'list1, list2, [delimiters]',
    'boolean',
    2,
    3,
    'Whether every item of list1 is in list2 (ignoring case).',
  ],
  [
    'stringList_regexpMember',
    'pattern, list, [delimiters, [options]]',
    'boolean',
    2,
    4,
    'Whether the regular expression matches an item of a delimited string list.',
  ],
  [
    'split',
    's, [separators]',
    'list',
    1,
    2,
    'A string split into a list of strings (default separators: comma, space, tab).',
  ],
  ['splitUserName', 'name', 'list', 1, 1, 'user@domain split into { user, domain }.'],
  ['splitSlotName', 'name', 'list', 1, 1, 'slot@host split into { slot, host }.'],
  [
    'evalInEachContext',
    'expr, list',
    'list',
    2,
    2,
    'expr evaluated inside each ClassAd of the list.',
  ],
  ['countMatches', 'expr, list', 'integer', 2, 2, 'How many ClassAds of the list make expr true.'],
  [
    'envV1ToV2',
    'env',
    'string',
    1,
    1,
    'An environment string in the old (V1) syntax rewritten in the new (V2) syntax.',
  ],
  [
    'mergeEnvironment',
    'env, ...',
    'string',
    0,
    Infinity,
    'V2 environment strings merged, later ones winning.',
  ],
  [
    'listToArgs',
    'list, [version]',
    'string',
    1,
    2,
    'A list of arguments written as an HTCondor argument string.',
  ],
  [
    'argsToList',
    'args, [version]',
    'list',
    1,
    2,
    'An HTCondor argument string split into a list of arguments.',
  ],
  [
    'userHome',
    'user, [default]',
    'string',
    1,
    2,
    "A user's home directory (when the daemon allows the lookup).",
  ],
  [
    'userMap',
    'mapName, user, [preferred, [default]]',
    'string',
    2,
    4,
    'The value a user maps to in a configured user map.',
  ],
];

const daemonRows: Row[] = [
  [
    'ResourcesInUseByUser',
    '',
    'number',
    0,
    Infinity,
    "The negotiator's count of resources the job's user is using.",
  ],
  [
    'ResourcesInUseByUsersGroup',
    '',
    'number',
    0,
    Infinity,
    "The negotiator's count of resources the job's accounting group is using.",
  ],
  [
    'SlotEval',
    'slot, expr, ...',
    'any',
    0,
    Infinity,
    'An expression evaluated in the context of another slot of the startd.',
  ],
];

const byLowerName = new Map<string, BuiltinInfo>();
for (const [name, params, returns, minArgs, maxArgs, summary] of rows)
  byLowerName.set(name.toLowerCase(), { name, params, returns, minArgs, maxArgs, summary });
for (const [name, params, returns, minArgs, maxArgs, summary] of daemonRows)
  byLowerName.set(name.toLowerCase(), {
    name,
    params,
    returns,
    minArgs,
    maxArgs,
    summary,
    daemonOnly: true,
  });

/** The builtin named `name` (any case), if there is one. */
export function builtinInfo(name: string): BuiltinInfo | undefined {
  return byLowerName.get(name.toLowerCase());
}

/** Every builtin the editor knows, the daemon-only ones included. */
export function allBuiltins(): BuiltinInfo[] {
  return [...byLowerName.values()];
}

/** A builtin's signature as shown in hovers: `substr(s, offset, [length]) -> string`. */
export function builtinSignature(b: BuiltinInfo): string {
  return `${b.name}(${b.params}) -> ${b.returns}`;
}

/** A builtin's accepted argument counts in words: `2`, `2 to 3`, `at least 1`. */
export function arityText(b: BuiltinInfo): string {
  if (b.maxArgs === Infinity) return b.minArgs === 0 ? 'any number' : `at least ${b.minArgs}`;
  return b.minArgs === b.maxArgs ? String(b.minArgs) : `${b.minArgs} to ${b.maxArgs}`;
}
