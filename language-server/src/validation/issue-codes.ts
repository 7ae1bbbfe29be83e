/**
 * Every stable diagnostic code of the language server, in one list (LANGUAGE.md §5, SEMANTICS.md §A.9,
 * plus the project's own). Checks carry the code in `diagnostic.data.code`. The linker and validators
 * use this object as `IssueCodes`, the evaluator as `EvalCodes` (evaluation/issues.ts re-exports it);
 * docs/diagnostics.md explains each code, and a test keeps the two in step.
 */
export const IssueCodes = {
    // ── Syntax and names (linking, on every change) ──
    /** The text does not parse (reported with a sentence, never a token dump). */
    Syntax: 'E-SYNTAX',
    /** A name that is declared nowhere (or an act/policy name unknown to its problem); offers the closest name. */
    Unresolved: 'E-UNRESOLVED',
    /** A name or integer that is not an element of the (known) set the literal lives on. */
    ElementUnknown: 'E-ELEM-UNKNOWN',
    /** A name declared twice in the same scope (file, problem). */
    DuplicateName: 'E-DUP-NAME',
    /** A set literal lists an element twice. */
    SetDuplicate: 'E-SET-DUP',
    /** A set with no elements (also an empty range `{3..1}`). */
    SetEmpty: 'E-SET-EMPTY',
    /** Declarations (or acts) defined in terms of themselves (K → L → K). */
    Cycle: 'E-CYCLE',
    /** An object of the wrong kind, or on the wrong set, or a malformed construct the grammar allows. */
    Type: 'E-TYPE',

    // ── Values (the evaluator) ──
    /** A `{…}` gamble without `else` that leaves some element without a value. */
    GamblePartial: 'E-GAMBLE-PARTIAL',
    /** A negative mass or mixture weight, or `rest` that would be negative. */
    DistNeg: 'E-DIST-NEG',
    /** Masses (or mixture weights) that do not sum exactly to 1; the message gives the sum and what is missing. */
    DistSum: 'E-DIST-SUM',
    /** A bound on a probability outside [0, 1]. */
    BoundRange: 'E-BOUND-RANGE',
    /** An interval `[l, u]` with l > u. */
    BoundOrder: 'E-BOUND-ORDER',
    /** A strict relation (`<`, `>`, `≠`) in a constraint block: credal sets are closed. */
    Strict: 'E-STRICT',
    /** An open or half-open interval in a constraint block: credal sets are closed. */
    Open: 'E-OPEN',
    /** A bare union of credal sets (not convex); `hull(…)` is meant. */
    NonConvex: 'E-NONCONVEX',
    /** A credal set with no distribution (sure loss), with the Dutch-book combination; or `vacuous(∅)`. */
    Empty: 'E-EMPTY',
    /** ε, δ or Hurwicz α outside [0, 1]. */
    ParamRange: 'E-PARAM-RANGE',
    /** Conditioning on an event whose upper probability is 0. */
    CondNull: 'E-COND-NULL',
    /** A DDT policy that the belief rules out (Θ_π = ∅), under `inconsistent error`. */
    DdtEmpty: 'E-DDT-EMPTY',
    /** A computation stopped over its budget (vertex enumeration, LP, huge numbers, sets, nesting). */
    Budget: 'E-BUDGET',
    /** An `assert` whose claim is false; the message shows both sides' actual values. */
    Assert: 'E-ASSERT',
    /** Division by an expression whose value is 0. */
    DivByZero: 'E-DIV-ZERO',
    /** An a-measure with a negative mass or a negative b (LANGUAGE §7.1). */
    InfraNeg: 'E-INFRA-NEG',
    /** A declared infradistribution with min b ≠ 0 or min (m(X) + b) ≠ 1; the quick fix wraps it in `normalize(…)`. */
    InfraNorm: 'E-INFRA-NORM',
    /** A credal-set-only query on a non-crisp infradistribution; the message names the infra query to use. */
    NotCrisp: 'E-NOT-CRISP',
    /** A kernel that gives no credal set to an element of its `from` set and has no `else`. */
    KernelPartial: 'E-KERNEL-PARTIAL',
    /** A kernel value (or an argument of `k(x)`, or the left side of `⋉`) on the wrong set. */
    KernelSet: 'E-KERNEL-SET',
    /** A rule other than maximin on a decision whose belief is a non-crisp infradistribution. */
    RuleInfra: 'E-RULE-INFRA',
    /** A gamble, off-event utility or payoff outside [0, 1] where an infradistribution needs it; gives the rescaling. */
    IbRange: 'E-IB-RANGE',
    /** An infra-Bayesian update on an event with P^g_H(L) = 0. */
    IbNull: 'E-IB-NULL',
    /** A bug in the server, reported on the statement instead of crashing the editor. */
    Internal: 'E-INTERNAL',
    /** The engine rejected the shape of its input (normally caught earlier by a more specific code). */
    Input: 'E-INPUT',
    /** An assessment that is not tight: the natural extension is stricter; offers to tighten it. */
    NotCoherent: 'W-NOT-COHERENT',
    /** Conditioning on an event of lower probability 0: regular and natural extension differ. */
    ZeroCond: 'W-ZERO-COND',
    /** A DDT outcome that no policy's consistent set contains. */
    DdtUnreachable: 'W-DDT-UNREACHABLE',
    /** A hull lists the same distribution twice. */
    DupGen: 'W-DUP-GEN',
    /** A bare list of distributions read as their convex hull. */
    Hull: 'I-HULL',
    /** A hull generator or a constraint that the others already imply. */
    Redundant: 'I-REDUNDANT',
    /** A credal set that is a single distribution (a hull of one point; ε or δ = 0; found on save for others). */
    Precise: 'I-PRECISE',
    /** A constructor whose parameter makes the set vacuous (`contamination(p, 1)`, `tvball(p, 1)`). */
    Vacuous: 'I-VACUOUS',
    /** Elements a distribution mapping does not list have mass 0. */
    ImplicitZero: 'I-IMPLICIT-ZERO',
    /** The save-time checks of a credal set (emptiness, coherence, redundancy) stopped over budget. */
    EnumLimit: 'I-ENUM-LIMIT',
    /** "depends on K, which has errors": one note at the use, instead of a cascade. */
    DependsOnError: 'I-DEPENDS',

    // ── Not diagnostics: markers inside values, never shown in the Problems panel ──
    /** A value left to the expensive pass while typing (silent, never cached). */
    Deferred: 'DEFERRED',
    /** A fact for hover or preview not computed because what it needs failed or was skipped. */
    Skipped: 'I-SKIPPED'
} as const;

export type IssueCode = typeof IssueCodes[keyof typeof IssueCodes];

/** Codes that mark values internally and never reach a diagnostic. */
export const INTERNAL_CODES: ReadonlySet<string> = new Set([IssueCodes.Deferred, IssueCodes.Skipped]);

/** The `data` of every Credal diagnostic. */
export interface CredalDiagnosticData {
    code: string;
    [key: string]: unknown;
}
