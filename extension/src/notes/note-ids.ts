// Names the manifest (package.json) and the code must agree on for notes, the reference and the walkthrough.

export const NOTE_COMMANDS = {
    newNote: 'credal.newNote',
    openSample: 'credal.openSample',
    openReference: 'credal.openReference'
} as const;

/** The walkthrough's id as VS Code names it: `<publisher>.<name>#<walkthrough id>`. */
export const WALKTHROUGH_ID = 'credal.gettingStarted';

/** Files the commands open, relative to the extension root; the .vsix ships them. */
export const REFERENCE_PATH = 'docs/language.md';
export const SAMPLE_PATH = 'samples/knightian-coin.cred';
