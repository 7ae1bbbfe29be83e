/**
 * The builtin functions and decision rules of LANGUAGE.md §3–§4, with the kind of each argument: one
 * table for completion (which names fit a slot), hover on a builtin, and semantic highlighting.
 */

/** What a slot accepts: drives which declared names completion offers there. */
export type Slot =
    | 'credal' | 'distribution' | 'event' | 'gamble' | 'eventOrGamble' | 'set' | 'problem' | 'ddt' | 'rule'
    | 'act' | 'element' | 'number' | 'infra' | 'kernel' | 'any';

export interface Builtin {
    readonly name: string;
    /** Signature as shown to the user, in Unicode. */
    readonly signature: string;
    readonly doc: string;
    readonly args: readonly Slot[];
    /** What it returns, in words. */
    readonly returns: string;
    readonly category: 'query' | 'constructor' | 'decision';
}

export const BUILTINS: readonly Builtin[] = [
    { name: 'P', signature: 'P(p, A)', args: ['distribution', 'event'], returns: 'number', category: 'query', doc: 'Probability of the event A under the distribution p. Inside a constraint block, `P(A)` is the probability under the unknown member of the credal set.' },
    { name: 'E', signature: 'E(p, f)', args: ['distribution', 'gamble'], returns: 'number', category: 'query', doc: 'Expectation of the gamble f under the distribution p. Inside a constraint block, `E[f]` is the expectation under the unknown member.' },
    { name: 'lowerP', signature: 'lowerP(K, A) = P̲_K(A)', args: ['infra', 'event'], returns: 'number', category: 'query', doc: 'Lower probability: min over p ∈ K of p(A). For an infradistribution H: E_H(1_A).' },
    { name: 'upperP', signature: 'upperP(K, A) = P̄_K(A)', args: ['credal', 'event'], returns: 'number', category: 'query', doc: 'Upper probability: max over p ∈ K of p(A) = 1 − P̲_K(Aᶜ).' },
    { name: 'lowerE', signature: 'lowerE(K, f) = E̲_K(f)', args: ['infra', 'gamble'], returns: 'number', category: 'query', doc: 'Lower expectation (lower prevision): min over p ∈ K of E_p[f]; the supremum buying price of f. For an infradistribution H: E_H(f) = min over generators of m(f) + b (f in [0, 1] unless H is crisp).' },
    { name: 'upperE', signature: 'upperE(K, f) = Ē_K(f)', args: ['credal', 'gamble'], returns: 'number', category: 'query', doc: 'Upper expectation (upper prevision): max over p ∈ K of E_p[f] = −E̲_K(−f).' },
    { name: 'interval', signature: 'interval(K, f | A)', args: ['credal', 'eventOrGamble'], returns: 'interval', category: 'query', doc: '[E̲_K(f), Ē_K(f)], or [P̲_K(A), P̄_K(A)] for an event.' },
    { name: 'vertices', signature: 'vertices(K)', args: ['credal'], returns: 'set of points', category: 'query', doc: 'The extreme points of K, as tuples in element order.' },
    { name: 'tv', signature: 'tv(p, q)', args: ['distribution', 'distribution'], returns: 'number', category: 'query', doc: 'Total-variation distance max_A |p(A) − q(A)|.' },
    { name: 'isEmpty', signature: 'isEmpty(K)', args: ['credal'], returns: 'boolean', category: 'query', doc: 'Whether the constraints incur sure loss (no distribution satisfies them).' },
    { name: 'isPrecise', signature: 'isPrecise(K)', args: ['credal'], returns: 'boolean', category: 'query', doc: 'Whether K is a single distribution.' },
    { name: 'isVacuous', signature: 'isVacuous(K)', args: ['credal'], returns: 'boolean', category: 'query', doc: 'Whether K is the whole simplex ΔX.' },
    { name: 'contains', signature: 'contains(K, p)', args: ['credal', 'distribution'], returns: 'boolean', category: 'query', doc: 'Whether p ∈ K.' },
    { name: 'subset', signature: 'subset(K₁, K₂)', args: ['credal', 'credal'], returns: 'boolean', category: 'query', doc: 'Whether K₁ ⊆ K₂.' },
    { name: 'dim', signature: 'dim(K)', args: ['credal'], returns: 'number', category: 'query', doc: 'Affine dimension of K.' },
    { name: 'choose', signature: 'choose(D, rule) · choose(N)', args: ['problem', 'rule'], returns: 'set of acts', category: 'decision', doc: 'The acts that the rule admits in decision problem D (ties returned whole), or the DDT-optimal policies of N.' },
    { name: 'value', signature: 'value(D, act, rule) · value(N, policy)', args: ['problem', 'act', 'rule'], returns: 'number', category: 'decision', doc: 'The score the rule ranks the act by (maximin → E̲, maximax → Ē, hurwicz(α) → the mix, minimaxRegret → the maximal regret), or the DDT value of a policy.' },
    { name: 'hull', signature: 'hull{p, q, …} · hull(K₁ ∪ K₂)', args: ['credal', 'credal', 'credal', 'credal'], returns: 'credal set', category: 'constructor', doc: 'Convex hull of distributions (or of a union of credal sets).' },
    { name: 'vacuous', signature: 'vacuous · vacuous(A)', args: ['event'], returns: 'credal set', category: 'constructor', doc: 'Total ignorance: the whole simplex ΔX, or the distributions supported on the event A.' },
    { name: 'contamination', signature: 'contamination(p₀, ε)', args: ['distribution', 'number'], returns: 'credal set', category: 'constructor', doc: 'ε-contamination (linear–vacuous mixture): (1 − ε)·p₀ + ε·ΔX.' },
    { name: 'tvball', signature: 'tvball(p₀, δ)', args: ['distribution', 'number'], returns: 'credal set', category: 'constructor', doc: 'Total-variation ball {q : TV(p₀, q) ≤ δ}.' },
    { name: 'marginal', signature: 'marginal(K, X)', args: ['credal', 'set'], returns: 'credal set', category: 'constructor', doc: 'Push-forward of K on a product to its factor X.' },
    { name: 'strong', signature: 'strong(K₁, K₂) = K₁ ⊠ K₂', args: ['credal', 'credal'], returns: 'credal set', category: 'constructor', doc: 'Strong product: the hull of the products of the vertices (strong independence).' },
    { name: 'mix', signature: 'mix(w₁: p₁, w₂: p₂, …)', args: ['distribution', 'distribution', 'distribution', 'distribution'], returns: 'distribution', category: 'constructor', doc: 'Finite mixture; the weights sum to 1. With infradistributions: E(f) = Σ wᵢ E_Hᵢ(f).' },
    { name: 'point', signature: 'point(x)', args: ['element'], returns: 'distribution', category: 'constructor', doc: 'Dirac mass δₓ at the element x.' },
    { name: 'generators', signature: 'generators(H)', args: ['infra'], returns: 'set of a-measures', category: 'query', doc: 'The minimal generators (m, b) of an infradistribution: those that are not a generator of the others plus an sa-measure.' },
    { name: 'ibprob', signature: 'ibprob(H, L, g) = Pᵍ_H(L)', args: ['infra', 'event', 'gamble'], returns: 'number', category: 'query', doc: 'Pᵍ_H(L) = E_H(1_L + g·1_{¬L}) − E_H(g·1_{¬L}): the normaliser of the infra-Bayesian update (g in [0, 1]).' },
    { name: 'isCrisp', signature: 'isCrisp(H)', args: ['infra'], returns: 'boolean', category: 'query', doc: 'Whether every minimal generator has b = 0 and m(X) = 1 (H is then a credal set).' },
    { name: 'credal', signature: 'credal(H)', args: ['infra'], returns: 'credal set', category: 'constructor', doc: 'The credal set of a crisp infradistribution (E-NOT-CRISP otherwise).' },
    { name: 'normalize', signature: 'normalize(H)', args: ['infra'], returns: 'infradistribution', category: 'constructor', doc: 'Subtract min b from every b, then divide every (m, b) by min(m(X) + b) − min b.' },
    { name: 'ibupdate', signature: 'ibupdate(H, L, g) = H|ᵍ_L', args: ['infra', 'event', 'gamble'], returns: 'infradistribution', category: 'constructor', doc: 'The infra-Bayesian update on the event L with off-event utility g ∈ [0, 1]: (m|_L, b + m(g·1_{¬L}) − E_H(0★g)) / Pᵍ_H(L), pruned.' },
    { name: 'semidirect', signature: 'semidirect(K, k) = K ⋉ k', args: ['infra', 'kernel'], returns: 'credal set or infradistribution', category: 'constructor', doc: 'Semidirect product (marginal extension): p(x)·k_x(y) with p ∈ K and k_x ∈ k(x), on X × Y. Lower expectations by backward induction.' },
    { name: 'compl', signature: 'compl(A)', args: ['event'], returns: 'event', category: 'constructor', doc: 'Complement X ∖ A of an event.' }
];

export const BUILTIN_BY_NAME: ReadonlyMap<string, Builtin> = new Map(BUILTINS.map(builtin => [builtin.name, builtin]));

export interface RuleInfo {
    readonly name: string;
    readonly title: string;
    readonly doc: string;
    /** Rules with a score (`value(D, a, rule)` is defined). */
    readonly scored: boolean;
}

/** LANGUAGE.md §4.1 rules, in the order hovers and lenses list them. */
export const RULES: readonly RuleInfo[] = [
    { name: 'maximin', title: 'Γ-maximin', scored: true, doc: 'Acts with the greatest lower expectation E̲ (the infra-Bayesian rule).' },
    { name: 'maximax', title: 'Γ-maximax', scored: true, doc: 'Acts with the greatest upper expectation Ē.' },
    { name: 'hurwicz', title: 'Hurwicz(α)', scored: true, doc: 'Acts with the greatest α·Ē + (1 − α)·E̲; α is the optimism.' },
    { name: 'intervalDominance', title: 'interval dominance', scored: false, doc: 'Acts a with no b such that E̲(f_b) > Ē(f_a).' },
    { name: 'maximality', title: 'maximality', scored: false, doc: 'Acts a with no b such that E̲(f_b − f_a) > 0.' },
    { name: 'eAdmissibility', title: 'E-admissibility', scored: false, doc: 'Acts that are Bayes-optimal for some p ∈ K.' },
    { name: 'minimaxRegret', title: 'minimax regret', scored: true, doc: 'Acts with the least maximal regret max_b Ē(f_b − f_a).' },
    { name: 'admissibility', title: 'admissibility', scored: false, doc: 'Acts not dominated pointwise by another act.' }
];

export const RULE_BY_NAME: ReadonlyMap<string, RuleInfo> = new Map(RULES.map(rule => [rule.name, rule]));
