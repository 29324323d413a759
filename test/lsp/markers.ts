// Test texts with markers: `|` marks a cursor, `⟦ ⟧` mark ranges.

/** A text without its `|` cursor marker, and the cursor's offset. */
export function cursor(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('|');
  if (offset < 0 || marked.indexOf('|', offset + 1) >= 0)
    throw new Error(`expected exactly one | in ${JSON.stringify(marked)}`);
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}

/** A text without its `⟦ ⟧` range markers, and the ranges they enclosed (offsets into the text). */
export function spans(marked: string): { text: string; spans: { start: number; end: number }[] } {
  let text = '';
  const out: { start: number; end: number }[] = [];
  const open: number[] = [];
  for (const ch of marked) {
    if (ch === '⟦') open.push(text.length);
    else if (ch === '⟧') out.push({ start: open.pop()!, end: text.length });
    else text += ch;
  }
  if (open.length > 0) throw new Error(`unbalanced ⟦ in ${JSON.stringify(marked)}`);
  return { text, spans: out.sort((a, b) => a.start - b.start || a.end - b.end) };
}

/** The LSP position (0-based line, UTF-16 character) of an offset. */
export function positionOf(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}
