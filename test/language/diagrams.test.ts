import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagramsHtml } from '../../src/language/diagrams.js';
import { grammarInstance } from '../../src/language/parser.js';

const checkedIn = new URL('../../grammar/diagrams.html', import.meta.url);
const REGENERATE = 'grammar/diagrams.html is stale: run `npm run grammar` and commit the result';

/** Every rule of the parser, in the order it defines them. */
function parserRules(): string[] {
  return Object.keys(grammarInstance(false).getGAstProductions());
}

interface SerializedNode {
  type: string;
  name?: string;
  definition?: SerializedNode[];
}

/** The serialized grammar that the page embeds. */
function embeddedGrammar(html: string): SerializedNode[] {
  const match = /window\.serializedGrammar = (\[[\s\S]*?\]);\s*<\/script>/.exec(html);
  if (!match) throw new Error('no serialized grammar in the diagrams page');
  return JSON.parse(match[1]!) as SerializedNode[];
}

/** Names of the rules referenced anywhere under `nodes`. */
function referencedRules(nodes: SerializedNode[], out = new Set<string>()): Set<string> {
  for (const node of nodes) {
    if (node.type === 'NonTerminal' && node.name !== undefined) out.add(node.name);
    if (node.definition) referencedRules(node.definition, out);
  }
  return out;
}

describe('railroad diagrams', () => {
  it('grammar/diagrams.html matches the parser', () => {
    expect(existsSync(checkedIn), REGENERATE).toBe(true);
    const onDisk = readFileSync(checkedIn, 'utf8');
    const generated = diagramsHtml();
    // A plain comparison first, so a stale file fails with the instruction, not a huge diff.
    expect(onDisk === generated, REGENERATE).toBe(true);
  });

  it('are the same on every run', () => {
    expect(diagramsHtml()).toBe(diagramsHtml());
  });

  it('draw every rule of the parser', () => {
    const rules = embeddedGrammar(diagramsHtml());
    expect(rules.every((r) => r.type === 'Rule')).toBe(true);
    expect(rules.map((r) => r.name)).toEqual(parserRules());
    expect(parserRules()).toContain('expression');
    expect(parserRules()).toContain('record');
  });

  it('refer only to rules they draw', () => {
    const drawn = parserRules();
    for (const name of referencedRules(embeddedGrammar(diagramsHtml()))) {
      expect(drawn).toContain(name);
    }
  });
});
