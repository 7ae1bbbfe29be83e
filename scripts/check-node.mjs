// Fails early, with the fix, when the Node running the tests is older than the project needs. The locked
// toolchain declares Node 22.12: Langium's parser library (chevrotain 13) needs 22, and the command-line
// parser of langium-cli and KaTeX (commander 15) needs 22.12. Plain syntax, so that any old Node can run it.
var REQUIRED = [22, 12];
var found = process.versions.node.split('.').map(Number);
var tooOld = found[0] < REQUIRED[0] || (found[0] === REQUIRED[0] && found[1] < REQUIRED[1]);
if (tooOld) {
    console.error('Credal Notes needs Node.js ' + REQUIRED.join('.') + ' or later to build and test; this is Node '
        + process.versions.node + '.\n'
        + 'Install Node 22 or 24 LTS (https://nodejs.org, or your package manager), then run `npm ci && npm test` again.\n'
        + '(.ci/run brings its own Node 24.)');
    process.exit(1);
}
