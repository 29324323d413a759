// The paper's programs for the tests: `classad schedd SUB ARGS` through the
// real CLI (the bundle that npm test's pretest builds), as bin/csar.js,
// bin/csi.js, ... run it.
const { main } = await import('../../dist/bundle/main.js');
process.exitCode = await main(['schedd', ...process.argv.slice(2)]);
