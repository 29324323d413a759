/**
 * Attribute-name interning for the long-form reader: every spelling read
 * gets a small integer id, and every case-insensitive name a key id, so ads
 * hold integers and share one copy of each name.
 */
import { asciiLower } from '../language/bytes.js';

/** Interned attribute names: spelling ids and case-insensitive key ids. */
export class NameTable {
  /** Spellings by id. */
  readonly spellings: string[] = [];
  /** The key id of each spelling id. */
  readonly keyOf: number[] = [];
  private readonly spellingIds = new Map<string, number>();
  private readonly keyIds = new Map<string, number>();

  /** The id of a spelling, added if new. */
  intern(name: string): number {
    let id = this.spellingIds.get(name);
    if (id === undefined) {
      id = this.spellings.length;
      this.spellings.push(name);
      this.spellingIds.set(name, id);
      const key = asciiLower(name);
      let keyId = this.keyIds.get(key);
      if (keyId === undefined) {
        keyId = this.keyIds.size;
        this.keyIds.set(key, keyId);
      }
      this.keyOf.push(keyId);
    }
    return id;
  }

  /** The key id of a name in any spelling, or -1 if no ad using this table has it. */
  keyId(name: string): number {
    const id = this.spellingIds.get(name);
    if (id !== undefined) return this.keyOf[id]!;
    return this.keyIds.get(asciiLower(name)) ?? -1;
  }

  /** How many spellings are interned. */
  get size(): number {
    return this.spellings.length;
  }
}
