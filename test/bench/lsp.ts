/**
 * Language server benchmark: how long diagnostics take for a 5,000-line ad
 * file after a change. The file is the first 5,000 lines of the bundled pool
 * of slot ads (corpus/match/machines.ads, old long form), and the same ads in
 * new syntax. Each run changes one value in the middle of the file (so
 * nothing is cached) and measures:
 *
 *   (a) the language service alone: getDiagnostics on the changed text;
 *   (b) end to end: didChange sent to the real server process over stdio
 *       until its publishDiagnostics for that version arrives (the server's
 *       debounce included).
 *
 * Prints the median of several runs, in ms; the target is under 100 ms.
 *
 *   node dist-bench/test/bench/lsp.js [RUNS]
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { formatAdDocument } from '../../src/language/format.js';
import { getDiagnostics } from '../../src/lsp/service/diagnostics.js';

const RUNS = Number(process.argv[2] ?? 21);
const LINES = 5000;
const root = join(import.meta.dirname, '../../..');
const serverModule = join(import.meta.dirname, '../../src/lsp/server.js');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** The first `LINES` lines of the pool, cut at an ad boundary, in old and new syntax. */
function files(): { name: string; text: string }[] {
  const lines = readFileSync(join(root, 'corpus/match/machines.ads'), 'utf8').split('\n');
  let n = LINES;
  while (n > 0 && lines[n - 1] !== '') n--;
  const old = lines.slice(0, n).join('\n');
  const converted = formatAdDocument(old, { to: 'new' }).output!.split('\n');
  let m = Math.min(LINES, converted.length);
  while (m > 0 && converted[m - 1] !== ']') m--;
  const neu = converted.slice(0, m).join('\n') + '\n';
  return [
    { name: `old syntax, ${n} lines`, text: old },
    { name: `new syntax, ${m} lines`, text: neu },
  ];
}

/** The text with the digit at `at` changed (a different document every run). */
function changed(text: string, at: number, run: number): string {
  return text.slice(0, at) + String(run % 10) + text.slice(at + 1);
}

/** A digit in the middle of the file to change. */
function digitNearMiddle(text: string): number {
  let i = Math.floor(text.length / 2);
  while (!/[0-9]/.test(text[i]!)) i++;
  return i;
}

function serviceTimes(text: string): number[] {
  const at = digitNearMiddle(text);
  const times: number[] = [];
  for (let run = 0; run < RUNS + 10; run++) {
    const t = changed(text, at, run);
    const t0 = performance.now();
    getDiagnostics(t, 'ad');
    const ms = performance.now() - t0;
    if (run >= 10) times.push(ms); // the first runs warm the JIT
  }
  return times;
}

function positionAt(text: string, offset: number) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

async function serverTimes(text: string, uri: string): Promise<number[]> {
  const child = spawn(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import(${JSON.stringify(pathToFileURL(serverModule).href)}).then((m) => m.startServer())`,
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  const waiting = new Map<number, (p: PublishDiagnosticsParams) => void>();
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    if (p.uri === uri && p.version !== undefined) waiting.get(p.version)?.(p);
  });
  connection.listen();
  const published = (version: number) =>
    new Promise<PublishDiagnosticsParams>((resolve) => waiting.set(version, resolve));
  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    capabilities: {},
  });
  await connection.sendNotification(InitializedNotification.type, {});
  const opened = published(1);
  await connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'classad', version: 1, text },
  });
  await opened;
  const at = digitNearMiddle(text);
  const position = positionAt(text, at);
  const times: number[] = [];
  for (let run = 0; run < RUNS + 10; run++) {
    const version = run + 2;
    const arrived = published(version);
    const t0 = performance.now();
    await connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [
        {
          range: {
            start: position,
            end: { line: position.line, character: position.character + 1 },
          },
          text: String(run % 10),
        },
      ],
    });
    await arrived;
    const ms = performance.now() - t0;
    if (run >= 10) times.push(ms);
  }
  connection.dispose();
  child.kill();
  return times;
}

async function main(): Promise<void> {
  for (const { name, text } of files()) {
    const count = getDiagnostics(text, 'ad').length;
    const service = median(serviceTimes(text));
    const server = median(
      await serverTimes(text, `file:///bench/${name.split(',')[0]!.replace(' ', '-')}.ad`),
    );
    console.log(
      `lsp diagnostics after a change, ${name} (${count} findings): ` +
        `service ${service.toFixed(1)} ms, end to end ${server.toFixed(1)} ms ` +
        `(median of ${RUNS}; server debounce 30 ms included; target < 100 ms)`,
    );
  }
}

await main();
