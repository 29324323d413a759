// The `configmd` command for the tests: the real executable (bin/configmd.js
// over the bundle that `npm test`'s pretest builds), with the same arguments.
await import('../../bin/configmd.js');
