// Fails early, with the fix, when the Node running the tests is too old, and says so when it is older than the
// locked toolchain declares. Langium's parser library (chevrotain 13) and commander 15 declare Node 22.12; the
// code runs on Node 20.19 or later too (scripts/node20-polyfills.mjs supplies what Langium 4.4 uses), so there
// `npm ci` prints engine warnings and this script only notes it. Plain syntax, so that any old Node can run it.
var DECLARED = [22, 12];
var WORKS = [20, 19];
var found = process.versions.node.split('.').map(Number);
function below(version) { return found[0] < version[0] || (found[0] === version[0] && found[1] < version[1]); }
if (below(WORKS)) {
    console.error('Credal Notes needs Node.js ' + WORKS.join('.') + ' or later (' + DECLARED.join('.') + ' or later recommended); '
        + 'this is Node ' + process.versions.node + '.\n'
        + 'Install Node 22 or 24 LTS (https://nodejs.org, or your package manager), then run `npm ci && npm test` again.');
    process.exit(1);
}
if (below(DECLARED)) {
    console.warn('Note: Node ' + process.versions.node + ' works, but the toolchain declares Node ' + DECLARED.join('.')
        + ' (hence npm\'s engine warnings); .ci/run tests on Node 24.');
}
