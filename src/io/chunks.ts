/**
 * Input chunks for the streaming readers: bytes (`Uint8Array`) or byte
 * strings (one code unit per byte, as `Buffer#toString('latin1')` gives),
 * from any sync or async iterable. Browser-safe: no Node imports.
 */

/** A piece of input: raw bytes, or a byte string (code units 0..255). */
export type Chunk = Uint8Array | string;

/** Where a streaming reader takes its input from: any (async) iterable of chunks. */
export type ChunkSource = AsyncIterable<Chunk> | Iterable<Chunk>;

interface BufferLike {
  from(
    array: ArrayBufferLike,
    offset: number,
    length: number,
  ): { toString(encoding: 'latin1'): string };
}

// Node's Buffer decodes latin1 natively; found by feature detection so this
// module also runs in a browser (TextDecoder's 'latin1' is windows-1252, not byte-exact).
const NodeBuffer = (globalThis as { Buffer?: BufferLike }).Buffer;

const PIECE = 8192;

/** Decodes bytes as latin1 (byte n becomes code unit n): exact for every byte value. */
export function decodeLatin1(bytes: Uint8Array): string {
  if (NodeBuffer)
    return NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
  return decodeLatin1Portable(bytes);
}

/** decodeLatin1 without Node's Buffer (what browsers run). */
export function decodeLatin1Portable(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += PIECE) {
    out += String.fromCharCode.apply(
      null,
      bytes.subarray(i, Math.min(i + PIECE, bytes.length)) as unknown as number[],
    );
  }
  return out;
}

/** A chunk as a byte string. */
export function chunkText(chunk: Chunk): string {
  return typeof chunk === 'string' ? chunk : decodeLatin1(chunk);
}

/** Encodes a byte string as bytes (code unit n becomes byte n; code units must be < 256). */
export function encodeLatin1(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}
