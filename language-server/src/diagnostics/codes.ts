/**
 * Every stable diagnostic code, in one table (LANGUAGE.md §5, SEMANTICS.md §A.9, plus the project's own).
 *
 * This folder is a leaf: it imports nothing, so every layer, the pure engine (`math/`) included, uses it.
 * `DiagnosticCode` is derived from the table, and every producer and consumer of a code (`EngineError`,
 * `EngineNote`, `ErrorValue`, `EvalIssue`, the linker, the quick fixes) takes that type, so a code that is
 * not in the table does not compile. Code refers to entries by name: `IssueCodes.DistSum`.
 * docs/diagnostics.md explains each code; a test keeps the two in step.
 *
 * `severity` is the usual one (a few checks lower it by context, e.g. E-DDT-EMPTY under `exclude`);
 * `none` marks codes that live only inside values and never reach the Problems panel.
 */
export type CodeSeverity = 'error' | 'warning' | 'info' | 'none';

interface CodeEntry {
    readonly code: string;
    readonly severity: CodeSeverity;
    readonly title: string;
}

export const DIAGNOSTIC_TABLE = {
    // ── Syntax and names (linking, on every change) ──
    Syntax: { code: 'E-SYNTAX', severity: 'error', title: 'The text does not parse (reported with a sentence, never a token dump).' },
    TooLarge: { code: 'E-TOO-LARGE', severity: 'error', title: 'A note longer than the size cap (robustness/note-size.ts): not parsed at all.' },
    Unresolved: {
        code: 'E-UNRESOLVED', severity: 'error',
        title: 'A name declared nowhere (or an act/policy name unknown to its problem); offers the closest name.'
    },
    ElementUnknown: {
        code: 'E-ELEM-UNKNOWN', severity: 'error',
            title: 'A name or integer that is not an element of the (known) set the literal lives on.'
    },
    DuplicateName: { code: 'E-DUP-NAME', severity: 'error', title: 'A name declared twice in the same scope (file, problem).' },
    SetDuplicate: { code: 'E-SET-DUP', severity: 'error', title: 'A set literal lists an element twice.' },
    SetEmpty: { code: 'E-SET-EMPTY', severity: 'error', title: 'A set with no elements (also an empty range `{3..1}`).' },
    Cycle: { code: 'E-CYCLE', severity: 'error', title: 'Declarations (or acts) defined in terms of themselves (K → L → K).' },
    Type: {
        code: 'E-TYPE', severity: 'error',
        title: 'An object of the wrong kind, or on the wrong set, or a malformed construct the grammar allows.'
    },

    // ── Values (the evaluator) ──
    GamblePartial: { code: 'E-GAMBLE-PARTIAL', severity: 'error',
        title: 'A `{…}` gamble without `else` that leaves some element without a value.' },
    DistNeg: { code: 'E-DIST-NEG', severity: 'error', title: 'A negative mass or mixture weight, or `rest` that would be negative.' },
    DistSum: {
        code: 'E-DIST-SUM', severity: 'error',
        title: 'Masses (or mixture weights) that do not sum exactly to 1; the message gives the sum and what is missing.'
    },
    BoundRange: { code: 'E-BOUND-RANGE', severity: 'error', title: 'A bound on a probability outside [0, 1].' },
    BoundOrder: { code: 'E-BOUND-ORDER', severity: 'error', title: 'An interval `[l, u]` with l > u.' },
    Strict: { code: 'E-STRICT', severity: 'error',
        title: 'A strict relation (`<`, `>`, `≠`) in a constraint block: credal sets are closed.' },
    Open: { code: 'E-OPEN', severity: 'error', title: 'An open or half-open interval in a constraint block: credal sets are closed.' },
    NonConvex: { code: 'E-NONCONVEX', severity: 'error', title: 'A bare union of credal sets (not convex); `hull(…)` is meant.' },
    Empty: {
        code: 'E-EMPTY', severity: 'error',
        title: 'A credal set with no distribution (sure loss), with the Dutch-book combination; or `vacuous(∅)`.'
    },
    ParamRange: { code: 'E-PARAM-RANGE', severity: 'error', title: 'ε, δ or Hurwicz α outside [0, 1].' },
    CondNull: { code: 'E-COND-NULL', severity: 'error', title: 'Conditioning on an event whose upper probability is 0.' },
    DdtEmpty: { code: 'E-DDT-EMPTY', severity: 'error', title: 'A DDT policy that the belief rules out (Θ_π = ∅), under `inconsistent error`.' },
    TreePartition: {
        code: 'E-TREE-PARTITION', severity: 'error',
        title: 'A decision tree\'s chance node whose events do not partition the event that reaches it (v1.2).'
    },
    Budget: {
        code: 'E-BUDGET', severity: 'error',
        title: 'A computation stopped over its budget (vertex enumeration, LP, huge numbers, sets, nesting).'
    },
    Expect: {
        code: 'E-EXPECT', severity: 'error',
        title: '`expect CODE in K` where K does not raise CODE, or CODE is not one of SEMANTICS.md §A.9 (v1.1).'
    },
    DempsterConflict: {
        code: 'E-DEMPSTER-CONFLICT', severity: 'error',
        title: 'Dempster\'s rule on totally conflicting belief functions: nothing is left to normalise (v1.1).'
    },
    Assert: { code: 'E-ASSERT', severity: 'error',
        title: 'An `assert` whose claim is false; the message shows both sides\' actual values.' },
    DivByZero: { code: 'E-DIV-ZERO', severity: 'error', title: 'Division by an expression whose value is 0.' },
    Internal: { code: 'E-INTERNAL', severity: 'error',
        title: 'A bug in the server, reported on the statement instead of crashing the editor.' },
    Input: {
        code: 'E-INPUT', severity: 'error',
        title: 'The engine rejected the shape of its input (normally caught earlier by a more specific code).'
    },
    NotCoherent: {
        code: 'W-NOT-COHERENT', severity: 'warning',
        title: 'An assessment that is not tight: the natural extension is stricter; offers to tighten it.'
    },
    ZeroCond: {
        code: 'W-ZERO-COND', severity: 'warning',
        title: 'Conditioning on an event of lower probability 0: regular and natural extension differ.'
    },
    TrivialConstraint: {
        code: 'W-TRIVIAL-CONSTRAINT', severity: 'warning',
        title: 'A constraint whose unknown cancels and that every distribution satisfies (`P(none) <= 0`); it can be removed (v1.1).'
    },
    DdtUnreachable: { code: 'W-DDT-UNREACHABLE', severity: 'warning', title: 'A DDT outcome that no policy\'s consistent set contains.' },
    DupGen: { code: 'W-DUP-GEN', severity: 'warning', title: 'A hull lists the same distribution twice.' },
    Hull: { code: 'I-HULL', severity: 'info', title: 'A bare list of distributions read as their convex hull.' },
    Redundant: { code: 'I-REDUNDANT', severity: 'info', title: 'A hull generator or a constraint that the others already imply.' },
    Precise: {
        code: 'I-PRECISE', severity: 'info',
        title: 'A credal set that is a single distribution (a hull of one point; ε or δ = 0; found on save for others).'
    },
    Vacuous: {
        code: 'I-VACUOUS', severity: 'info',
        title: 'A constructor whose parameter makes the set vacuous (`contamination(p, 1)`, `tvball(p, 1)`).'
    },
    ImplicitZero: { code: 'I-IMPLICIT-ZERO', severity: 'info', title: 'Elements a distribution mapping does not list have mass 0.' },
    EnumLimit: {
        code: 'I-ENUM-LIMIT', severity: 'info',
        title: 'The save-time checks of a credal set (emptiness, coherence, redundancy) stopped over budget.'
    },
    DependsOnError: {
        code: 'I-DEPENDS', severity: 'info', title: '"depends on K, which has errors": one note at the use, instead of a cascade.'
    },
    MathRefused: {
        code: 'W-MATH-REFUSED', severity: 'warning',
        title: 'A prose formula the preview will not typeset: it defines a macro (`\\def`, `\\newcommand`, …) or is over-long.'
    },

    // ── Version 2: infradistributions (LANGUAGE §7) ──
    InfraNeg: { code: 'E-INFRA-NEG', severity: 'error', title: 'An a-measure with a negative mass or a negative b (LANGUAGE §7.1).' },
    InfraNorm: {
        code: 'E-INFRA-NORM', severity: 'error',
        title: 'A declared infradistribution with min b ≠ 0 or min (m(X) + b) ≠ 1; the quick fix wraps it in `normalize(…)`.'
    },
    NotCrisp: {
        code: 'E-NOT-CRISP', severity: 'error',
        title: 'A credal-set-only query on a non-crisp infradistribution; the message names the infra query to use.'
    },
    KernelPartial: {
        code: 'E-KERNEL-PARTIAL', severity: 'error', title: 'A kernel that gives no credal set to an element of its `from` set and has no `else`.'
    },
    KernelSet: {
        code: 'E-KERNEL-SET', severity: 'error', title: 'A kernel value (or the left side of `⋉`) on another set than the kernel says.'
    },
    RuleInfra: {
        code: 'E-RULE-INFRA', severity: 'error', title: 'A rule other than maximin on a decision whose belief is a non-crisp infradistribution.'
    },
    IbRange: {
        code: 'E-IB-RANGE', severity: 'error',
        title: 'A gamble, off-event utility or payoff outside [0, 1] where an infradistribution needs it; gives the rescaling.'
    },
    IbNull: { code: 'E-IB-NULL', severity: 'error', title: 'An infra-Bayesian update on an event with P^g_H(L) = 0.' },

    // ── Not diagnostics: codes of values, never shown in the Problems panel ──
    Deferred: { code: 'DEFERRED', severity: 'none', title: 'A value left to the expensive pass while typing (silent, never cached).' },
    Pending: {
        code: 'PENDING', severity: 'none', title: 'A value being computed by the background worker; shown as … until it arrives.'
    },
    Skipped: {
        code: 'I-SKIPPED', severity: 'none',
        title: 'A fact for hover or preview not computed because what it needs failed or was skipped.'
    },
    Unknown: { code: 'E-UNKNOWN', severity: 'none', title: 'What `credal check` prints for a diagnostic without a code (none should).' }
} as const satisfies Record<string, CodeEntry>;

type CodeName = keyof typeof DIAGNOSTIC_TABLE;

/** A stable code: the union of the table's codes. */
export type DiagnosticCode = (typeof DIAGNOSTIC_TABLE)[CodeName]['code'];

type CodesByName = { readonly [K in CodeName]: (typeof DIAGNOSTIC_TABLE)[K]['code'] };

/** The codes by name, `IssueCodes.DistSum === 'E-DIST-SUM'`: how code refers to them. */
export const IssueCodes: CodesByName = codesByName();

function codesByName(): CodesByName {
    const entries = Object.entries(DIAGNOSTIC_TABLE).map(([name, entry]) => [name, entry.code]);
    return Object.freeze(Object.fromEntries(entries)) as CodesByName;
}

const ENTRY_BY_CODE: ReadonlyMap<string, CodeEntry> = new Map(Object.values(DIAGNOSTIC_TABLE).map((entry) => [entry.code, entry]));

/** The code itself when the table has it: narrows a code read from outside (a diagnostic, JSON). */
export function knownCode(code: string | undefined): DiagnosticCode | undefined {
    return code !== undefined && ENTRY_BY_CODE.has(code) ? (code as DiagnosticCode) : undefined;
}

/** Codes that live only inside values and never reach a diagnostic. */
export const INTERNAL_CODES: ReadonlySet<DiagnosticCode> = new Set(
    Object.values(DIAGNOSTIC_TABLE).filter((entry) => entry.severity === 'none').map((entry) => entry.code)
);
