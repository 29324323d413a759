/**
 * The rules file (`jobq-rules/1`): one ClassAd, in new or old syntax, that
 * lists attributes by shape.
 *
 * ```
 * [
 *   // add to the shipped rules (false: replace them)
 *   Extends = true;
 *   // the shape of every attribute not listed: path, list, remap, text or none
 *   Default = "text";
 *   Path = { "MyInputDir", "SUBMIT_Iwd" };
 *   List = { "MyInputFiles" };
 *   Remap = { "MyRemaps" };
 *   Text = { "MyNotes" };
 *   None = { "GlobalJobId" };
 * ]
 * ```
 *
 * or the same in old syntax (`Path = { "MyInputDir" }`, one per line).
 * Every key is optional; a listed attribute replaces its shipped rule.
 */
import { readFileSync } from 'node:fs';
import type * as A from '../language/ast.js';
import { lineColumnAt } from '../language/diagnostics.js';
import { parseAdDocument } from '../language/document.js';
import { quoteBytes } from '../language/printer.js';
import { JobqInputError, type JobqIssue } from './issues.js';
import { defaultRules, Rules, SHAPES, type Shape } from './rules.js';

const keyShapes: Record<string, Shape> = {
  path: 'path',
  list: 'list',
  remap: 'remap',
  text: 'text',
  none: 'none',
};

/** Parses a rules file's text (a byte string). Throws JobqInputError naming file, line and column. */
export function parseRulesFile(text: string, file = '<rules>'): Rules {
  const issues: JobqIssue[] = [];
  const error = (offset: number, message: string) => {
    const { line, column } = lineColumnAt(text, offset);
    issues.push({ severity: 'error', code: 'rules', line, column, message });
  };
  const doc = parseAdDocument(text, { binary: true });
  for (const d of doc.errors) error(d.start, d.message);
  if (issues.length > 0) throw new JobqInputError(file, issues);
  if (doc.ads.length !== 1) {
    error(
      doc.ads[1]?.start ?? 0,
      `expected exactly one ClassAd of rules, found ${doc.ads.length} (see the jobq-rules/1 format)`,
    );
    throw new JobqInputError(file, issues);
  }
  let extend = true;
  let defaultShape: Shape | undefined;
  const listed: { name: string; shape: Shape; offset: number }[] = [];
  const seen = new Map<string, { shape: Shape; offset: number }>();
  const shapeNames = SHAPES.join(', ');
  for (const attr of doc.ads[0]!.attrs) {
    const key = attr.name.toLowerCase();
    const v = attr.value;
    if (key === 'extends') {
      if (v.kind !== 'Boolean') error(v.start, 'Extends must be true or false');
      else extend = v.value;
    } else if (key === 'default') {
      const shape = v.kind === 'String' ? keyShapes[v.value.toLowerCase()] : undefined;
      if (!shape) error(v.start, `Default must be one of the strings ${shapeNames}`);
      else defaultShape = shape;
    } else if (keyShapes[key]) {
      const shape = keyShapes[key]!;
      const items: A.Expr[] = v.kind === 'List' ? v.items : [v];
      for (const item of items) {
        if (item.kind !== 'String' || !/^[A-Za-z_][A-Za-z0-9_.]*$/.test(item.value)) {
          error(item.start, `${attr.name} lists attribute names: expected a string such as "Iwd"`);
          continue;
        }
        const prior = seen.get(item.value.toLowerCase());
        if (prior) {
          const { line } = lineColumnAt(text, prior.offset);
          error(
            item.start,
            `${item.value} is listed twice (also as ${prior.shape} at line ${line}; names ignore case)`,
          );
          continue;
        }
        seen.set(item.value.toLowerCase(), { shape, offset: item.start });
        listed.push({ name: item.value, shape, offset: item.start });
      }
    } else {
      error(
        attr.nameStart,
        `unknown rules attribute ${JSON.stringify(attr.name)}: expected Extends, Default, Path, List, Remap, Text or None`,
      );
    }
  }
  if (issues.length > 0) throw new JobqInputError(file, issues);
  const rules = extend ? defaultRules() : new Rules('text');
  if (defaultShape) rules.defaultShape = defaultShape;
  for (const r of listed) rules.set(r.name, r.shape);
  return rules;
}

/** Reads a rules file (bytes, latin1). */
export function readRulesFile(path: string): Rules {
  return parseRulesFile(readFileSync(path === '-' ? 0 : path).toString('latin1'), path);
}

/** The rules as a rules file (new syntax, complete: `Extends = false`). */
export function formatRules(rules: Rules): string {
  let out = '[\n';
  out +=
    '  // jobqmd rewrite rules (format jobq-rules/1): attributes by shape; names ignore case.\n';
  out += '  // path: one path per string; list: paths separated by commas or blanks;\n';
  out +=
    '  // remap: src=dst pairs separated by ";"; text: paths anywhere; none: never rewritten.\n';
  out += '  Extends = false;\n';
  out += `  Default = "${rules.defaultShape}";\n`;
  for (const [shape, names] of rules.byShape()) {
    const key = shape[0]!.toUpperCase() + shape.slice(1);
    if (names.length === 0) {
      out += `  ${key} = {  };\n`;
      continue;
    }
    out += `  ${key} = {\n`;
    out += names.map((n) => `    ${quoteBytes(n, '"')}`).join(',\n');
    out += '\n  };\n';
  }
  return out + ']\n';
}
