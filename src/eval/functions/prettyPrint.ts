/**
 * The pretty printer behind `unparse()` (spec §7.9): the new-syntax unparser,
 * except that every record and list is broken over lines. A record opens on a
 * new line indented 4 more than the enclosing level, its attributes sit 4
 * further in, each but the last followed by `"; "`; lists do the same with a
 * step of 3 and `,` separators. Parentheses are kept exactly as written.
 *
 * Iterative (an explicit work stack), so any depth of tree prints.
 */
import type * as A from '../../language/ast.js';
import { printExpr, printName } from '../../language/printer.js';
import { recordEntries } from '../../language/recordOrder.js';

const RECORD_INDENT = 4;
const LIST_INDENT = 3;

/** Output text, an expression still to print, or an action on the indentation. */
type Work = string | A.Expr | (() => string);

/** Pretty-prints an expression as HTCondor's `PrettyPrint` unparser does. */
export function prettyPrint(expr: A.Expr): string {
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
      case 'AttributeRef':
        if (item.scope) stack.push('.' + item.name, item.scope);
        else out += (item.absolute ? '.' : '') + printName(item.name);
        break;
      case 'Paren':
        stack.push(')', item.inner, '(');
        break;
      case 'Unary':
        stack.push(item.operand, ' ' + item.op);
        break;
      case 'Binary': {
        const op = item.op === '=?=' ? 'is' : item.op === '=!=' ? 'isnt' : item.op;
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
        stack.push(')');
        for (let i = item.args.length - 1; i >= 0; i--) {
          stack.push(item.args[i]!);
          if (i > 0) stack.push(',');
        }
        stack.push(item.name + '(');
        break;
      case 'List': {
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
      case 'Record': {
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
          stack.push(entry.value, () => newline() + printName(entry.name) + ' = ');
        }
        stack.push(() => {
          indent += RECORD_INDENT;
          const open = newline() + '[';
          indent += RECORD_INDENT;
          return open;
        });
        break;
      }
      default:
        // Literals print as the plain unparser prints them.
        out += printExpr(item);
    }
  }
  return out;
}
