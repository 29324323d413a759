/**
 * `npm run grammar`: writes grammar/diagrams.html, the railroad diagrams of
 * the ClassAd parser. Run as `node dist/cli/grammar.js OUT`.
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { diagramsHtml } from '../language/diagrams.js';

/** Writes the railroad-diagram page of the parser's grammar to `path`. */
export function writeDiagrams(path: string): void {
  writeFileSync(path, diagramsHtml(), 'utf8');
}

const script = process.argv[1];
if (script !== undefined && import.meta.url === pathToFileURL(script).href) {
  const out = process.argv[2];
  if (out === undefined || process.argv.length > 3) {
    process.stderr.write('usage: node dist/cli/grammar.js OUT.html\n');
    process.exitCode = 2;
  } else {
    writeDiagrams(out);
  }
}
