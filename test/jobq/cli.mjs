// Runs `jobqmd ARGS` for the tests: the real executable (bin/jobqmd.js over
// the bundle that `npm test`'s pretest builds).
await import('../../bin/jobqmd.js');
