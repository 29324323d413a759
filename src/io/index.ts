/**
 * Streaming input and output of ads: long form, new syntax and JSON. Node
 * helpers live in node.ts and are not re-exported here.
 */
export * from './adWriter.js';
export * from './chunks.js';
export * from './extentScanner.js';
export * from './inputError.js';
export * from './jsonAd.js';
export * from './jsonReader.js';
export * from './jsonWriter.js';
export * from './lines.js';
export * from './longFormAd.js';
export * from './longFormReader.js';
export * from './longFormWriter.js';
export * from './nameTable.js';
export * from './newSyntaxReader.js';
export * from './newSyntaxWriter.js';
export * from './parsedAd.js';
