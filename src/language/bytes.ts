/**
 * Byte strings.
 *
 * ClassAd strings are byte strings (HTCondor's `size("é")` is 2). This library
 * keeps them as JavaScript strings whose code units are all in 0..255, one per
 * byte ("binary strings", the `latin1` encoding of Node's Buffer). That makes
 * `length`, `charCodeAt` and slicing byte-exact and costs nothing for ASCII.
 * These helpers convert between such byte strings and ordinary Unicode text.
 */

/** Encodes Unicode text as a UTF-8 byte string. ASCII text is returned as is. */
export function utf8Encode(text: string): string {
  let ascii = true;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      out += text[i];
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    out += encodeCodePoint(c);
  }
  return out;
}

/** The UTF-8 bytes of one code point, as a byte string. */
export function encodeCodePoint(c: number): string {
  if (c < 0x80) return String.fromCharCode(c);
  if (c < 0x800) return String.fromCharCode(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
  if (c < 0x10000)
    return String.fromCharCode(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
  return String.fromCharCode(
    0xf0 | (c >> 18),
    0x80 | ((c >> 12) & 0x3f),
    0x80 | ((c >> 6) & 0x3f),
    0x80 | (c & 0x3f),
  );
}

/**
 * Decodes a UTF-8 byte string into Unicode text. Bytes that are not valid
 * UTF-8 become U+FFFD, as TextDecoder does.
 */
export function utf8Decode(bytes: string): string {
  let ascii = true;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes.charCodeAt(i) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return bytes;
  const array = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) array[i] = bytes.charCodeAt(i);
  return new TextDecoder('utf-8').decode(array);
}

/** Whether a byte string is valid UTF-8 (so it can be shown as text without loss). */
export function isValidUtf8(bytes: string): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes.charCodeAt(i);
    if (c < 0x80) continue;
    let extra: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) {
      extra = 1;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      extra = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      extra = 3;
      min = 0x10000;
    } else return false;
    let cp = c & (0x3f >> extra);
    for (let k = 1; k <= extra; k++) {
      const d = bytes.charCodeAt(i + k);
      if (!(d >= 0x80 && d <= 0xbf)) return false;
      cp = (cp << 6) | (d & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    i += extra;
  }
  return true;
}

/** ASCII-only lower-casing, as HTCondor's "C" locale does: bytes >= 0x80 are left alone. */
export function asciiLower(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) return s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
  }
  return s;
}
