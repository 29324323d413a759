/**
 * The lines of a `map/1` file (corpus/config/README.md), shared by jobqmd and
 * configmd: `# comments`, `[section]` lines (with an optional trailing
 * comment), and `NAME = value` lines, each value trimmed. Only the layout is
 * read here; what a section or a value may hold is the reader's business.
 */

/** One meaningful line of a map file. */
export type MapLine =
  | { kind: 'section'; name: string; line: number; column: number }
  | {
      kind: 'entry';
      section: string;
      name: string;
      value: string;
      line: number;
      /** 1-based column of the line's first non-blank character. */
      column: number;
      /** 1-based column of the `=`. */
      equalsColumn: number;
      /** 1-based column of the value: after `=` and the blanks that follow it. */
      valueColumn: number;
    }
  | { kind: 'bad'; text: string; line: number; column: number };

/**
 * Splits a map file's text into section, entry and unreadable lines (blank
 * and comment lines are skipped). Entries carry the section they are in,
 * `paths` until a section line says otherwise; section names are lower case.
 */
export function readMapLines(text: string): MapLine[] {
  const out: MapLine[] = [];
  let section = 'paths';
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  lines.forEach((raw, index) => {
    const line = index + 1;
    const l = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const t = l.trim();
    if (t === '' || t.startsWith('#')) return;
    const column = l.indexOf(t) + 1;
    const sec = /^\[([^\]]*)\]\s*(#.*)?$/.exec(t);
    if (sec) {
      section = sec[1]!.trim().toLowerCase();
      out.push({ kind: 'section', name: section, line, column });
      return;
    }
    const eq = l.indexOf('=');
    if (eq < 0) {
      out.push({ kind: 'bad', text: t, line, column });
      return;
    }
    const name = l.slice(0, eq).trim();
    const after = l.slice(eq + 1);
    const value = after.trim();
    const valueColumn = eq + 2 + (after.length - after.trimStart().length);
    out.push({
      kind: 'entry',
      section,
      name,
      value,
      line,
      column,
      equalsColumn: eq + 1,
      valueColumn,
    });
  });
  return out;
}
