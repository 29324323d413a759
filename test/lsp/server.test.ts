// The real language server as a child process, over stdio, through an LSP
// client library: initialize, didOpen / didChange / didClose, the published
// diagnostics with their ranges, hover, completion, formatting and symbols.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspClient } from './client.js';
import { cursor, positionOf, spans } from './markers.js';

let client: LspClient;

beforeAll(async () => {
  client = await LspClient.start();
});

afterAll(async () => {
  expect(await client.stop()).toBe(0);
});

/** The range a test marked, as LSP positions. */
function lspRange(text: string, span: { start: number; end: number }) {
  return { start: positionOf(text, span.start), end: positionOf(text, span.end) };
}

describe('initialize', () => {
  it('announces incremental sync, hover, completion after ".", formatting and symbols', () => {
    const caps = client.initialized.capabilities;
    expect(caps.textDocumentSync).toMatchObject({ openClose: true, change: 2 });
    expect(caps.hoverProvider).toBe(true);
    expect(caps.completionProvider?.triggerCharacters).toEqual(['.']);
    expect(caps.documentFormattingProvider).toBe(true);
    expect(caps.documentSymbolProvider).toBe(true);
    expect(client.initialized.serverInfo?.name).toBe('classad-lsp');
  });
});

describe('diagnostics', () => {
  it('publishes every finding of a new-syntax ad on open, with codes and exact ranges', async () => {
    const marked = [
      '[',
      '  ⟦RequestMemmory⟧ = 2048;',
      '  A = ⟦strcatt⟧("a", 1);',
      '  B = ⟦"a" + 1⟧;',
      "  C = Owner == ⟦'alice'⟧;",
      '  D = 1 + ⟦;⟧',
      ']',
      '[ E = ⟦substr("x")⟧ ]',
    ].join('\n');
    const { text, spans: expected } = spans(marked);
    const uri = 'file:///work/job.ad';
    await client.open(uri, text);
    const published = await client.diagnostics(uri, 1);
    expect(published.diagnostics.map((d) => [d.code, d.range])).toEqual([
      ['attribute-typo', lspRange(text, expected[0]!)],
      ['unknown-function', lspRange(text, expected[1]!)],
      ['always-error', lspRange(text, expected[2]!)],
      ['single-quoted-string', lspRange(text, expected[3]!)],
      [2001, lspRange(text, expected[4]!)],
      ['argument-count', lspRange(text, expected[5]!)],
    ]);
    expect(published.diagnostics.every((d) => d.source === 'classad')).toBe(true);
    expect(published.diagnostics.map((d) => d.severity)).toEqual([2, 2, 2, 2, 1, 1]);
  });

  it('republishes after an incremental change, for the new version', async () => {
    const uri = 'file:///work/change.ad';
    const text = 'A = 1\nB = "a" + 1\n';
    await client.open(uri, text);
    expect((await client.diagnostics(uri, 1)).diagnostics.map((d) => d.code)).toEqual([
      'always-error',
    ]);
    // Replace `"a"` on line 2 by `2`.
    await client.change(uri, 2, [
      { range: { start: { line: 1, character: 4 }, end: { line: 1, character: 7 } }, text: '2' },
    ]);
    expect((await client.diagnostics(uri, 2)).diagnostics).toEqual([]);
    await client.change(uri, 3, [
      { range: { start: { line: 0, character: 4 }, end: { line: 0, character: 5 } }, text: '1 +' },
    ]);
    const after = await client.diagnostics(uri, 3);
    expect(after.diagnostics.map((d) => [d.code, d.range])).toEqual([
      [2002, { start: { line: 0, character: 7 }, end: { line: 0, character: 7 } }],
    ]);
  });

  it('measures ranges in UTF-16 code units', async () => {
    const { text, spans: expected } = spans('[ Owner = "jürgen 😀"; X = ⟦"😀" * 2⟧ ]');
    const uri = 'file:///work/unicode.classad';
    await client.open(uri, text);
    const published = await client.diagnostics(uri, 1);
    expect(published.diagnostics.map((d) => [d.code, d.range])).toEqual([
      ['always-error', lspRange(text, expected[0]!)],
    ]);
    expect(published.diagnostics[0]!.range.start.character).toBe(27);
  });

  it('recognizes job_queue.log by name and checks each record and value', async () => {
    const { text, spans: expected } = spans(
      '101 1.0 Job Machine\n103 1.0 Iwd "C:\\condor⟦\\"⟧ && 1\n103 ⟦1x0⟧ Owner "a"\n103 1.0 Cmd ⟦"x" * 2⟧\n',
    );
    const uri = 'file:///var/lib/condor/spool/job_queue.log';
    await client.open(uri, text, 'plaintext');
    const published = await client.diagnostics(uri, 1);
    const codes = published.diagnostics.map((d) => d.code);
    expect(codes).toContain(1002);
    const checked = published.diagnostics.filter((d) => d.code !== 1002);
    expect(checked.map((d) => [d.code, d.range])).toEqual([
      ['old-backslash-quote', lspRange(text, expected[0]!)],
      ['jobq-bad-key', lspRange(text, expected[1]!)],
      ['always-error', lspRange(text, expected[2]!)],
    ]);
  });

  it('clears the diagnostics of a closed document', async () => {
    const uri = 'file:///work/closed.ad';
    await client.open(uri, 'A = 1 +\n');
    expect((await client.diagnostics(uri, 1)).diagnostics).toHaveLength(1);
    await client.close(uri);
    expect((await client.diagnostics(uri)).diagnostics).toEqual([]);
  });
});

describe('hover', () => {
  it("shows a builtin's signature and meaning", async () => {
    const { text, offset } = cursor('[ A = str|cat("a", 1) ]');
    const uri = 'file:///work/hover1.ad';
    await client.open(uri, text);
    const hover = await client.hover(uri, positionOf(text, offset));
    expect(hover?.contents).toMatchObject({ kind: 'markdown' });
    expect((hover!.contents as { value: string }).value).toContain('strcat(a, ...) -> string');
    expect(hover!.range).toEqual({
      start: positionOf(text, 6),
      end: positionOf(text, 12),
    });
  });

  it("shows an attribute's definition and value", async () => {
    const { text, offset } = cursor(
      'RequestMemory = 1024 * 2\nRequirements = TARGET.Memory >= Request|Memory\n',
    );
    const uri = 'file:///work/hover2.ad';
    await client.open(uri, text);
    const hover = await client.hover(uri, positionOf(text, offset));
    const value = (hover!.contents as { value: string }).value;
    expect(value).toContain('RequestMemory = 1024 * 2');
    expect(value).toContain('Value: `2048`');
  });
});

describe('completion', () => {
  it('offers machine attributes after TARGET. in a job ad', async () => {
    const { text, offset } = cursor('MyType = "Job"\nRequirements = TARGET.|\n');
    const uri = 'file:///work/complete.ad';
    await client.open(uri, text);
    const items = await client.completion(uri, positionOf(text, offset));
    const labels = items.map((i) => i.label);
    expect(labels).toContain('Memory');
    expect(labels).toContain('OpSys');
    expect(labels).not.toContain('RequestMemory');
    const memory = items.find((i) => i.label === 'Memory')!;
    expect(memory.textEdit).toEqual({
      range: { start: positionOf(text, offset), end: positionOf(text, offset) },
      newText: 'Memory',
    });
  });

  it('offers builtins and the ad attributes where an expression goes', async () => {
    const { text, offset } = cursor('[ Cpus = 4; Rank = str| ]');
    const uri = 'file:///work/complete2.ad';
    await client.open(uri, text);
    const labels = (await client.completion(uri, positionOf(text, offset))).map((i) => i.label);
    expect(labels).toContain('strcat');
    expect(labels).toContain('Cpus');
  });
});

describe('formatting', () => {
  it('formats through the printer', async () => {
    const text = '[a=1;b=  2+3]\n';
    const uri = 'file:///work/format.ad';
    await client.open(uri, text);
    const edits = await client.formatting(uri);
    const doc = TextDocument.create(uri, 'classad', 1, text);
    expect(TextDocument.applyEdits(doc, edits)).toBe('[\n  a = 1;\n  b = 2 + 3;\n]\n');
  });

  it('leaves a document with syntax errors alone', async () => {
    const uri = 'file:///work/format-broken.ad';
    await client.open(uri, '[a=1+]\n');
    expect(await client.formatting(uri)).toEqual([]);
  });
});

describe('document symbols', () => {
  it('lists the ads and their attributes', async () => {
    const text = 'Name = "slot1@host"\nCpus = 4\n\nName = "slot2@host"\nCpus = 8\n';
    const uri = 'file:///work/symbols.ad';
    await client.open(uri, text);
    const symbols = await client.symbols(uri);
    expect(symbols.map((s) => [s.name, s.children?.map((c) => c.name)])).toEqual([
      ['slot1@host', ['Name', 'Cpus']],
      ['slot2@host', ['Name', 'Cpus']],
    ]);
    expect(symbols[1]!.children![1]!.selectionRange).toEqual({
      start: { line: 4, character: 0 },
      end: { line: 4, character: 4 },
    });
  });
});
