/** Registers every builtin family (imported for its side effect). */
import './types.js';
import './control.js';
import './conversion.js';
import './math.js';
import './string.js';
import './version.js';
import './regex.js';
import './list.js';
import './stringList.js';
import './condor.js';
import './time.js';
