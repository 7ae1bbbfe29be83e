/**
 * What each keyword means in one line, and the section of the language reference (docs/language.md)
 * that explains it: the hover on a keyword shows both, with a link the editor opens through the
 * extension's `credal.openReference` command. A test checks every anchor against the reference's headings.
 */

/** The command (extension/src/notes/note-ids.ts) that opens the reference at a section. */
export const OPEN_REFERENCE_COMMAND = 'credal.openReference';

interface KeywordReference {
    readonly summary: string;
    /** The GitHub-style anchor of a heading of docs/language.md. */
    readonly anchor: string;
}

const DECLARATIONS = 'declarations';

export const KEYWORD_REFERENCES: ReadonlyMap<string, KeywordReference> = new Map<string, KeywordReference>([
    ['let', { summary: 'Declares a constant: an exact rational number.', anchor: 'constants-let' }],
    ['set', { summary: 'Declares a finite set (the possible outcomes).', anchor: 'finite-sets-set' }],
    ['event', { summary: 'Declares an event: a subset of a finite set.', anchor: 'events-event' }],
    ['dist', { summary: 'Declares a probability distribution on a finite set.', anchor: 'distributions-dist' }],
    ['gamble', { summary: 'Declares a gamble: a payoff, utility or random variable on a finite set.', anchor: 'gambles-gamble' }],
    ['credal', { summary: 'Declares a credal set: a closed convex set of distributions.', anchor: 'credal-sets-credal' }],
    ['decision', { summary: 'Declares a decision problem: a belief and a menu of acts.', anchor: 'decision-problems-decision' }],
    ['ddt', { summary: 'Declares a disambiguative (DDT) decision problem: belief, policies, utility or loss.', anchor: 'ddt-problems-ddt' }],
    ['belief', { summary: 'The credal set a decision or DDT problem is decided under.', anchor: 'decision-problems-decision' }],
    ['acts', { summary: 'The acts of a decision problem, each a gamble of utilities (maximised).', anchor: 'decision-problems-decision' }],
    ['losses', { summary: 'The acts of a decision problem, each a gamble of losses (minimised).', anchor: 'decision-problems-decision' }],
    ['policies', { summary: 'The policies of a DDT problem, each with the outcomes consistent with it.', anchor: 'ddt-problems-ddt' }],
    ['consistent', { summary: 'The event E_π of the outcomes in which the agent follows the policy.', anchor: 'ddt-problems-ddt' }],
    ['utility', { summary: 'The payoff of a DDT problem, maximised.', anchor: 'ddt-problems-ddt' }],
    ['loss', { summary: 'The payoff of a DDT problem as a loss, minimised.', anchor: 'ddt-problems-ddt' }],
    ['semantics', { summary: 'How a DDT problem treats mass inconsistent with a policy (strict, nirvana0).', anchor: 'ddt-problems-ddt' }],
    ['inconsistent', { summary: 'What a DDT problem does with a policy its belief rules out.', anchor: 'ddt-problems-ddt' }],
    ['eval', { summary: 'Evaluates an expression exactly; the value shows inline and in the preview.', anchor: 'queries-and-claims-eval-assert' }],
    ['assert', { summary: 'A claim checked on save; a false claim is the error E-ASSERT.', anchor: 'queries-and-claims-eval-assert' }],
    ['hull', { summary: 'The convex hull of distributions, or of a union of credal sets.', anchor: 'credal-sets-credal' }],
    ['vacuous', { summary: 'Total ignorance: every distribution on the set (or supported on an event).', anchor: 'credal-sets-credal' }],
    ['uniform', { summary: 'The uniform distribution on the set.', anchor: 'distributions-dist' }],
    ['rest', { summary: 'The mass the other entries leave: 1 minus their sum.', anchor: 'distributions-dist' }],
    ['else', { summary: 'The value of every element a gamble literal does not list.', anchor: 'gambles-gamble' }],
    ['all', { summary: 'The event of the whole set.', anchor: 'events-event' }],
    ['none', { summary: 'The empty event.', anchor: 'events-event' }],
    ['on', { summary: 'Names the finite set a declaration lives on.', anchor: DECLARATIONS }],
    ['conventions', { summary: 'The note\'s own conventions (zero-probability conditioning, DDT semantics, inconsistent policies): they override the settings and CLI flags.',
        anchor: 'a-note-fixes-its-own-conventions-85' }],
    ['conditioning', { summary: 'The zero-probability conditioning rule of the note: `regular` or `natural`.',
        anchor: 'a-note-fixes-its-own-conventions-85' }]
]);

/** Where the conventions and their words are explained. */
export const CONVENTIONS_ANCHOR = 'a-note-fixes-its-own-conventions-85';

/** The anchors for builtin functions and decision rules, which have their own hovers. */
export const FUNCTIONS_ANCHOR = 'query-functions';
export const RULES_ANCHOR = 'decision-rules';

/** A Markdown link that opens the reference at `anchor` (plain text for clients that do not run commands). */
export function referenceLink(anchor: string, label = 'Language reference'): string {
    return `[${label} ↗](command:${OPEN_REFERENCE_COMMAND}?${encodeURIComponent(JSON.stringify([anchor]))})`;
}

/** The hover of a keyword: its summary and a link to its section; undefined for words without an entry. */
export function keywordHover(word: string): string | undefined {
    const entry = KEYWORD_REFERENCES.get(word);
    return entry ? `**${word}** (keyword): ${entry.summary}\n\n${referenceLink(entry.anchor)}` : undefined;
}
