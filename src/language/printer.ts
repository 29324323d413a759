/**
 * The ClassAd printer: AST to text, byte-identical to HTCondor's unparser in
 * new and old syntax (spec §7). It never adds or removes parentheses.
 *
 * The printer is iterative (an explicit work stack), so a tree of any depth,
 * such as a million-term `1+1+...+1`, prints without exhausting the stack.
 * Output is a byte string (see bytes.ts): new syntax is pure ASCII; old
 * syntax writes string bytes raw.
 */
import type * as A from './ast.js';
import { asciiLower } from './bytes.js';
import { formatRealNew, formatRealOld } from './numberFormat.js';
import { recordEntries } from './recordOrder.js';
import { formatAbsTimeText, formatRelTimeText } from './timeText.js';

/** Printer options. */
export interface PrintOptions {
  /** Old ClassAd syntax: reals as %.16G, `=?=`/`=!=`, strings unescaped. */
  oldSyntax?: boolean;
  /**
   * HTCondor's pretty printer (the `unparse()` function, spec §7.9): every
   * record and list broken over lines — a record opens on a new line indented
   * 4 more than the enclosing level, its attributes 4 further in, each but the
   * last followed by `"; "`; lists likewise with a step of 3 and `,`.
   */
  pretty?: boolean;
}

const RECORD_INDENT = 4;
const LIST_INDENT = 3;

const reservedNames = new Set(['error', 'false', 'is', 'isnt', 'parent', 'true', 'undefined']);

const escapes: Record<number, string> = {
  7: '\\a',
  8: '\\b',
  9: '\\t',
  10: '\\n',
  11: '\\v',
  12: '\\f',
  13: '\\r',
  92: '\\\\',
};

function octal(c: number): string {
  return '\\' + c.toString(8).padStart(3, '0');
}

/** Quotes bytes with the given delimiter (`"` or `'`) in new or old syntax. */
export function quoteBytes(bytes: string, delimiter: '"' | "'", oldSyntax = false): string {
  const q = delimiter.charCodeAt(0);
  let plain = true;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes.charCodeAt(i);
    if (c === q || (!oldSyntax && (c < 0x20 || c >= 0x7f || c === 92))) {
      plain = false;
      break;
    }
  }
  if (plain) return delimiter + bytes + delimiter;
  let out = delimiter;
  let run = 0;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes.charCodeAt(i);
    let rep: string | undefined;
    if (c === q) rep = '\\' + delimiter;
    else if (!oldSyntax && (c < 0x20 || c >= 0x7f || c === 92)) rep = escapes[c] ?? octal(c);
    if (rep !== undefined) {
      out += bytes.slice(run, i) + rep;
      run = i + 1;
    }
  }
  return out + bytes.slice(run) + delimiter;
}

/** Prints an attribute name, in single quotes when it is not a plain identifier or is reserved. */
export function printName(name: string, oldSyntax = false): string {
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !reservedNames.has(asciiLower(name))) return name;
  return quoteBytes(name, "'", oldSyntax);
}

/** Prints a real the way the unparser does in the given syntax. */
export function printReal(value: number, oldSyntax = false): string {
  return oldSyntax ? formatRealOld(value) : formatRealNew(value);
}

/** Output text, an expression still to print, or an action on the indentation (pretty). */
type Work = A.Expr | string | (() => string);

/** Prints an expression in canonical new (or old) syntax. */
export function printExpr(expr: A.Expr, options: PrintOptions = {}): string {
  const old = options.oldSyntax === true;
  const pretty = options.pretty === true;
  let out = '';
  let indent = 0;
  const newline = (): string => '\n' + ' '.repeat(indent);
  const stack: Work[] = [expr];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item === 'string') {
      out += item;
      continue;
    }
    if (typeof item === 'function') {
      out += item();
      continue;
    }
    switch (item.kind) {
      case 'Integer':
        out += item.value.toString();
        break;
      case 'Real':
        out += old ? formatRealOld(item.value) : formatRealNew(item.value);
        break;
      case 'String':
        out += quoteBytes(item.value, '"', old);
        break;
      case 'Boolean':
        out += item.value ? 'true' : 'false';
        break;
      case 'Undefined':
        out += 'undefined';
        break;
      case 'Error':
        out += 'error';
        break;
      case 'AbsTime':
        out += `absTime("${formatAbsTimeText(item.secs, item.offset)}")`;
        break;
      case 'RelTime':
        out += `relTime("${formatRelTimeText(item.seconds)}")`;
        break;
      case 'AttributeRef':
        if (item.scope) stack.push(item.name, '.', item.scope);
        else out += (item.absolute ? '.' : '') + printName(item.name, old);
        break;
      case 'Paren':
        stack.push(')', item.inner, '(');
        break;
      case 'Unary':
        stack.push(item.operand, ' ' + item.op);
        break;
      case 'Binary': {
        const op = old ? item.op : item.op === '=?=' ? 'is' : item.op === '=!=' ? 'isnt' : item.op;
        stack.push(item.right, ` ${op} `, item.left);
        break;
      }
      case 'Ternary':
        stack.push(item.otherwise, ' : ', item.then, ' ? ', item.cond);
        break;
      case 'Elvis':
        stack.push(item.right, ' ?: ', item.left);
        break;
      case 'Subscript':
        stack.push(']', item.index, '[', item.target);
        break;
      case 'Call':
        out += item.name + '(';
        pushJoined(stack, item.args, ',', ')');
        break;
      case 'List':
        if (pretty) {
          const items = item.items;
          stack.push(() => {
            indent -= LIST_INDENT;
            const close = newline() + '}';
            indent -= LIST_INDENT;
            return close;
          });
          for (let i = items.length - 1; i >= 0; i--) {
            if (i < items.length - 1) stack.push(',');
            stack.push(items[i]!, newline);
          }
          stack.push(() => {
            indent += LIST_INDENT;
            const open = newline() + '{';
            indent += LIST_INDENT;
            return open;
          });
          break;
        }
        out += '{ ';
        pushJoined(stack, item.items, ',', ' }');
        break;
      case 'Record': {
        if (pretty) {
          const entries = recordEntries(item);
          stack.push(() => {
            indent -= RECORD_INDENT;
            const close = newline() + ']';
            indent -= RECORD_INDENT;
            return close;
          });
          for (let i = entries.length - 1; i >= 0; i--) {
            const entry = entries[i]!;
            if (i < entries.length - 1) stack.push('; ');
            stack.push(entry.value, () => newline() + printName(entry.name, old) + ' = ');
          }
          stack.push(() => {
            indent += RECORD_INDENT;
            const open = newline() + '[';
            indent += RECORD_INDENT;
            return open;
          });
          break;
        }
        out += '[ ';
        const entries = recordEntries(item);
        stack.push(' ]');
        for (let i = entries.length - 1; i >= 0; i--) {
          const e = entries[i]!;
          stack.push(e.value, printName(e.name, old) + ' = ');
          if (i > 0) stack.push('; ');
        }
        break;
      }
      case 'Invalid':
        throw new Error('cannot print an expression that has syntax errors');
    }
  }
  return out;
}

function pushJoined(stack: Work[], items: A.Expr[], separator: string, close: string): void {
  stack.push(close);
  for (let i = items.length - 1; i >= 0; i--) {
    stack.push(items[i]!);
    if (i > 0) stack.push(separator);
  }
}

/**
 * Prints a top-level ad in old long form, `Name = expr` lines each ending in
 * `\n`, in the order given.
 */
export function printOldAdLines(entries: { name: string; value: A.Expr }[]): string {
  let out = '';
  for (const e of entries) out += `${e.name} = ${printExpr(e.value, { oldSyntax: true })}\n`;
  return out;
}
