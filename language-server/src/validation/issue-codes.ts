/**
 * Stable diagnostic codes, carried in `diagnostic.data.code` (LANGUAGE.md §5, SEMANTICS.md §A.9).
 * One list for the whole language server: later validators add their codes here.
 */
export const IssueCodes = {
    /** The text does not parse (reported with a sentence, never a token dump). */
    Syntax: 'E-SYNTAX',
    /** A name that is declared nowhere (or an act/policy name unknown to its problem). */
    Unresolved: 'E-UNRESOLVED',
    /** A name or integer that is not an element of the (known) set the literal lives on. */
    ElementUnknown: 'E-ELEM-UNKNOWN',
    /** A name declared twice in the same scope (file, problem). */
    DuplicateName: 'E-DUP-NAME',
    /** A set literal lists an element twice. */
    SetDuplicate: 'E-SET-DUP',
    /** A set with no elements. */
    SetEmpty: 'E-SET-EMPTY',
    /** Declarations defined in terms of themselves (K → L → K). */
    Cycle: 'E-CYCLE',
    /** An object of the wrong kind, or on the wrong set. */
    Type: 'E-TYPE'
} as const;

export type IssueCode = typeof IssueCodes[keyof typeof IssueCodes];

/** The `data` of every Credal diagnostic. */
export interface CredalDiagnosticData {
    code: string;
    [key: string]: unknown;
}
