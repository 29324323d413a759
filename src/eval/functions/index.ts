/** Registers every builtin family (imported for its side effect). */
import './types.js';
