/**
 * Builtin calls: the query functions of LANGUAGE §4.1 and the constructors of §3.4–3.6. Each reads its
 * arguments with the kinds it needs (a literal argument lives on the set of the credal set or
 * distribution beside it) and calls the engine; engine failures are reported at the call.
 */
import { GrammarUtils, type AstNode } from 'langium';
import { isAMeasureLiteral, isBinaryExpression, isBraceLiteral, isNameRef, type BinaryExpression, type Call, type Expression } from '../generated/ast.js';
import { closestName } from '../linking/edit-distance.js';
import { targetOf } from '../linking/safe-ref.js';
import type { Outcome } from '../math/budget.js';
import * as credal from '../math/credal.js';
import * as infra from '../math/infra/infra.js';
import { SCORING_RULES, type Rule } from '../math/decision.js';
import { Rational } from '../math/rational.js';
import { beliefLiteral, dempsterCall, finiteOutsideDecision, mixture, mobiusCall } from './belief-functions.js';
import { conditionalOutsideBlock, conditionCall, isConditionalArgument } from './conditioning.js';
import { EvalContext, sourceText } from './context.js';
import { ANY, coerce, evaluate, evaluateAs, evaluateNumber, strongProduct, type Want } from './expressions.js';
import { factorIndexOf } from './finite-sets.js';
import {
    credalCall, generatorsCall, ibprobCall, ibupdateCall, infraHull, infraLowerE, infraMixCall, isCrispCall, kernelApplication,
    normalizeCall,
    wantsInfraMix
} from './infra.js';
import { elementOf, hullOfItems } from './literals.js';
import { chooseIn, policyValueIn, scoreIn, solveDdtIn } from './problem-solvers.js';
import {
    isError,
    type CredalValue, type DdtValue, type DecisionValue, type DistributionValue, type ErrorValue, type EventValue,
    type FiniteSet, type GambleValue, type SetValue, type TreeValue, type Value
} from './values.js';
import { chooseInTree, strategiesOf, strategyValue } from './tree-queries.js';
import { IssueCodes } from '../diagnostics/codes.js';

/** What an argument position accepts: drives which declared names completion offers there. */
export type Slot =
    | 'credal' | 'distribution' | 'event' | 'gamble' | 'eventOrGamble' | 'set' | 'problem' | 'ddt' | 'rule'
    | 'act' | 'element' | 'number' | 'infra' | 'kernel' | 'conditioningRule' | 'any';

type Run = (ctx: EvalContext, call: Call, want: Want) => Value;

/** One builtin function: what completion, hover and highlighting show, and how the evaluator runs it. */
interface BuiltinFunction {
    readonly name: string;
    /** Fewest and most arguments. */
    readonly arity: readonly [number, number];
    /** The kind of each argument (the last repeats). */
    readonly args: readonly Slot[];
    /** How a call is written, in Unicode (hover, completion, arity messages). */
    readonly signature: string;
    /** The textbook notation of the result, when there is one: `P̲_K(E)`. */
    readonly notation?: string;
    /** What it returns, in words. */
    readonly returns: string;
    /** `rule`: `hurwicz(α)` builds a decision rule; completion and hover list it with the rules. */
    readonly category: 'query' | 'constructor' | 'decision' | 'rule';
    readonly doc: string;
    readonly run: Run;
}

/** The builtin functions of LANGUAGE.md §3.4–3.6 and §4.1: the one table of names, signatures and implementations. */
export const BUILTINS: readonly BuiltinFunction[] = [
    {
        name: 'P', arity: [2, 2], args: ['distribution', 'event'], signature: 'P(p, E)', returns: 'number', category: 'query',
        doc: 'Probability of the event E under the distribution p. Inside a constraint block, `P(E)` is the probability under the unknown member of the credal set.',
        run: (ctx, call) => distributionQuery(ctx, call, 'event')
    },
    {
        name: 'E', arity: [2, 2], args: ['distribution', 'gamble'], signature: 'E(p, f)', returns: 'number', category: 'query',
        doc: 'Expectation of the gamble f under the distribution p. Inside a constraint block, `E[f]` is the expectation under the unknown member.',
        run: (ctx, call) => distributionQuery(ctx, call, 'gamble')
    },
    {
        name: 'lowerP', arity: [2, 2], args: ['infra', 'event'], signature: 'lowerP(K, E)', notation: 'P̲_K(E)', returns: 'number', category: 'query',
        doc: 'Lower probability: min over p ∈ K of p(E). For an infradistribution H: E_H(1_E).',
        run: (ctx, call) => boundQuery(ctx, call, 'event', credal.lowerE, true)
    },
    {
        name: 'upperP', arity: [2, 2], args: ['credal', 'event'], signature: 'upperP(K, E)', notation: 'P̄_K(E)', returns: 'number',
            category: 'query',
        doc: 'Upper probability: max over p ∈ K of p(E) = 1 − P̲_K(Eᶜ).',
        run: (ctx, call) => boundQuery(ctx, call, 'event', credal.upperE)
    },
    {
        name: 'lowerE', arity: [2, 2], args: ['infra', 'gamble'], signature: 'lowerE(K, f)', notation: 'E̲_K(f)', returns: 'number', category: 'query',
        doc: 'Lower expectation (lower prevision): min over p ∈ K of E_p[f]; the supremum buying price of f. '
            + 'For an infradistribution H: E_H(f) = min over generators of m(f) + b (f in [0, 1] unless H is crisp).',
        run: (ctx, call) => boundQuery(ctx, call, 'gamble', credal.lowerE, true)
    },
    {
        name: 'upperE', arity: [2, 2], args: ['credal', 'gamble'], signature: 'upperE(K, f)', notation: 'Ē_K(f)', returns: 'number',
            category: 'query',
        doc: 'Upper expectation (upper prevision): max over p ∈ K of E_p[f] = −E̲_K(−f).',
        run: (ctx, call) => boundQuery(ctx, call, 'gamble', credal.upperE)
    },
    {
        name: 'interval', arity: [2, 2], args: ['credal', 'eventOrGamble'], signature: 'interval(K, f) · interval(K, E)',
            returns: 'interval',
        category: 'query', doc: '[E̲_K(f), Ē_K(f)], or [P̲_K(E), P̄_K(E)] for an event.', run: intervalQuery
    },
    {
        name: 'vertices', arity: [1, 1], args: ['credal'], signature: 'vertices(K)', returns: 'set of points', category: 'query',
        doc: 'The extreme points of K, as tuples in element order.', run: verticesQuery
    },
    {
        name: 'tv', arity: [2, 2], args: ['distribution', 'distribution'], signature: 'tv(p, q)', returns: 'number', category: 'query',
        doc: 'Total-variation distance max_A |p(A) − q(A)|.', run: tvQuery
    },
    {
        name: 'isEmpty', arity: [1, 1], args: ['credal'], signature: 'isEmpty(K)', returns: 'boolean', category: 'query',
        doc: 'Whether the constraints incur sure loss (no distribution satisfies them).',
        run: (ctx, call) => booleanQuery(ctx, call, (K) => mapOutcome(credal.isEmpty(K, ctx.budget), (r) => r.empty), true)
    },
    {
        name: 'isPrecise', arity: [1, 1], args: ['credal'], signature: 'isPrecise(K)', returns: 'boolean', category: 'query',
        doc: 'Whether K is a single distribution.', run: (ctx, call) => booleanQuery(ctx, call, (K) => credal.isPrecise(K, ctx.budget))
    },
    {
        name: 'isVacuous', arity: [1, 1], args: ['credal'], signature: 'isVacuous(K)', returns: 'boolean', category: 'query',
        doc: 'Whether K is the whole simplex ΔX.', run: (ctx, call) => booleanQuery(ctx, call, (K) => credal.isVacuous(K, ctx.budget))
    },
    {
        name: 'contains', arity: [2, 2], args: ['credal', 'distribution'], signature: 'contains(K, p)', returns: 'boolean',
            category: 'query',
        doc: 'Whether p ∈ K.', run: containsQuery
    },
    {
        name: 'subset', arity: [2, 2], args: ['credal', 'credal'], signature: 'subset(K₁, K₂)', returns: 'boolean', category: 'query',
        doc: 'Whether K₁ ⊆ K₂.', run: subsetQuery
    },
    {
        name: 'dim', arity: [1, 1], args: ['credal'], signature: 'dim(K)', returns: 'number', category: 'query',
        doc: 'Affine dimension of K.', run: dimQuery
    },
    {
        name: 'choose', arity: [1, 2], args: ['problem', 'rule'], signature: 'choose(D, rule) · choose(T, rule) · choose(N)', returns: 'set of acts',
        category: 'decision', run: chooseQuery,
        doc: 'The acts that the rule admits in decision problem D (ties returned whole), the strategies it admits in decision tree T '
            + '(normal form), or the DDT-optimal policies of N.'
    },
    {
        name: 'chooseBackward', arity: [2, 2], args: ['problem', 'rule'], signature: 'chooseBackward(T, rule)', returns: 'set of strategies',
        category: 'decision', run: (ctx, call) => treeQuery(ctx, call, 'backward'),
        doc: 'Normal-form backward induction in decision tree T: at each decision node the rule keeps the partial strategies it admits '
            + 'under the belief conditioned on the event reaching the node (Huntley–Troffaes; improb\'s get_norm_back_opt).'
    },
    {
        name: 'strategies', arity: [1, 1], args: ['problem'], signature: 'strategies(T)', returns: 'set of strategies',
        category: 'decision', run: (ctx, call) => treeQuery(ctx, call, 'strategies'),
        doc: 'Every strategy of decision tree T: its choices in depth-first order joined with `_` (`sounding_drill_skip_drill`).'
    },
    {
        name: 'value', arity: [2, 3], args: ['problem', 'act', 'rule'], signature: 'value(D, act, rule) · value(T, strategy, rule) · value(N, policy)',
        returns: 'number', category: 'decision', run: valueQuery,
        doc: 'The score the rule ranks the act (or a tree\'s strategy, among all strategies) by (maximin → E̲, maximax → Ē, hurwicz(α) → the mix, '
            + 'minimaxRegret → the maximal regret), or the DDT value of a policy.'
    },
    {
        name: 'hull', arity: [1, Infinity], args: ['credal', 'credal', 'credal', 'credal'], signature: 'hull{p, q, …} · hull(K₁ ∪ K₂)',
        returns: 'credal set', category: 'constructor', doc: 'Convex hull of distributions (or of a union of credal sets).',
            run: hullConstructor
    },
    {
        name: 'vacuous', arity: [1, 1], args: ['event'], signature: 'vacuous · vacuous(A)', returns: 'credal set', category: 'constructor',
        doc: 'Total ignorance: the whole simplex ΔX, or the distributions supported on the event A.', run: vacuousConstructor
    },
    {
        name: 'contamination', arity: [2, 2], args: ['distribution', 'number'], signature: 'contamination(p₀, ε)', returns: 'credal set',
        category: 'constructor', doc: 'ε-contamination (linear–vacuous mixture): (1 − ε)·p₀ + ε·ΔX.',
        run: (ctx, call, want) => ballConstructor(ctx, call, want, 'contamination')
    },
    {
        name: 'tvball', arity: [2, 2], args: ['distribution', 'number'], signature: 'tvball(p₀, δ)', returns: 'credal set',
            category: 'constructor',
        doc: 'Total-variation ball {q : TV(p₀, q) ≤ δ}.', run: (ctx, call, want) => ballConstructor(ctx, call, want, 'tvball')
    },
    {
        name: 'marginal', arity: [2, 2], args: ['infra', 'set'], signature: 'marginal(K, X)',
            returns: 'credal set (an infradistribution for a non-crisp H)', category: 'constructor',
        doc: 'Push-forward of K on a product to its factor X; of an infradistribution H, each generator (m, b) pushed forward.',
        run: marginalConstructor
    },
    {
        name: 'strong', arity: [2, 2], args: ['credal', 'credal'], signature: 'strong(K₁, K₂)', notation: 'K₁ ⊠ K₂', returns: 'credal set',
            category: 'constructor',
        doc: 'Strong product: the hull of the products of the vertices (strong independence).',
        run: (ctx, call) => strongProduct(ctx, call.arguments[0], call.arguments[1], call)
    },
    {
        name: 'mix', arity: [1, Infinity], args: ['credal', 'credal', 'credal', 'credal'],
        signature: 'mix(w₁: K₁, w₂: K₂, …)', notation: 'Σ wᵢ Kᵢ', returns: 'distribution (of distributions) or credal set', category: 'constructor',
        doc: 'Finite mixture; the weights sum to 1. Of distributions: a distribution. Of credal sets (v1.1): {Σ wᵢ pᵢ : pᵢ ∈ Kᵢ}, with E̲(f) = Σ wᵢ E̲_{Kᵢ}(f); not the hull of the union. '
            + 'With an infradistribution among the parts (v2): E(f) = Σ wᵢ E_Hᵢ(f).',
        run: (ctx, call, want) => (wantsInfraMix(ctx, call, want)
            ? infraMixCall(ctx, call, callSet(ctx, call, want)) : mixture(ctx, call, callSet(ctx, call, want)))
    },
    {
        name: 'belief', arity: [1, 1], args: ['any'], signature: 'belief{A: m(A), …}', notation: 'Bel(A) = Σ_{F ⊆ A} m(F)',
            returns: 'credal set', category: 'constructor',
        doc: 'A belief function (Dempster–Shafer) by its Möbius masses on non-empty focal events, summing to 1: the credal set {p : P(A) ≥ Bel(A) for every A}.',
        run: (ctx, call, want) => beliefLiteral(ctx, call, callSet(ctx, call, want))
    },
    {
        name: 'dempster', arity: [2, 2], args: ['credal', 'credal'], signature: 'dempster(Bel₁, Bel₂)', notation: 'Bel₁ ⊕ Bel₂',
            returns: 'credal set', category: 'constructor',
        doc: "Dempster's rule of combination: conjunctive combination of the masses, normalised by 1 − conflict; total conflict is E-DEMPSTER-CONFLICT.",
        run: dempsterCall
    },
    {
        name: 'mobius', arity: [2, 2], args: ['credal', 'event'], signature: 'mobius(K, A)',
            notation: 'm(A) = Σ_{B ⊆ A} (−1)^{|A∖B|} P̲_K(B)', returns: 'number', category: 'query',
        doc: "The Möbius value of K's lower probability at the event A (a belief function's mass on A).",
        run: mobiusCall
    },
    {
        name: 'finite', arity: [1, 1], args: ['distribution', 'distribution', 'distribution', 'distribution'],
            signature: 'finite{p₁, p₂, …}', returns: 'a decision\'s belief',
        category: 'constructor',
        doc: 'A finite, non-convex set of distributions, only as a decision\'s belief: every rule equals that of the hull except E-admissibility, which asks one of the listed distributions. Elsewhere E-NONCONVEX.',
        run: (ctx, call) => finiteOutsideDecision(ctx, call)
    },
    {
        name: 'condition', arity: [3, 3], args: ['credal', 'event', 'conditioningRule'], signature: 'condition(K, B, regular | natural)',
            notation: 'K | B', returns: 'credal set',
        category: 'constructor',
        doc: 'Generalized Bayes conditioning with the zero-probability rule given in the call: `regular` (only distributions with P(B) > 0) or `natural` (vacuous on B when P̲(B) = 0).',
        run: conditionCall
    },
    // ── Version 2: infradistributions (LANGUAGE §7) ──
    {
        name: 'generators', arity: [1, 1], args: ['infra'], signature: 'generators(H)', returns: 'set of a-measures', category: 'query',
        doc: 'The minimal generators (m, b) of an infradistribution: those that are not another generator plus an sa-measure.', run: generatorsCall
    },
    {
        name: 'ibprob', arity: [3, 3], args: ['infra', 'event', 'gamble'], signature: 'ibprob(H, L, g)', notation: 'Pᵍ_H(L)', returns: 'number',
        category: 'query', doc: 'Pᵍ_H(L) = E_H(1_L + g·1_{¬L}) − E_H(g·1_{¬L}), the normaliser of the infra-Bayesian update (g in [0, 1]).', run: ibprobCall
    },
    {
        name: 'isCrisp', arity: [1, 1], args: ['infra'], signature: 'isCrisp(H)', returns: 'boolean', category: 'query',
        doc: 'Whether every minimal generator has b = 0 and m(X) = 1 (H is then a credal set).', run: isCrispCall
    },
    {
        name: 'credal', arity: [1, 1], args: ['infra'], signature: 'credal(H)', returns: 'credal set', category: 'constructor',
        doc: 'The credal set of a crisp infradistribution (E-NOT-CRISP otherwise).', run: credalCall
    },
    {
        name: 'normalize', arity: [1, 1], args: ['infra'], signature: 'normalize(H)', returns: 'infradistribution', category: 'constructor',
        doc: 'Subtract min b from every b, then divide every (m, b) by min(m(X) + b) − min b.', run: normalizeCall
    },
    {
        name: 'ibupdate', arity: [3, 3], args: ['infra', 'event', 'gamble'], signature: 'ibupdate(H, L, g)', notation: 'H|ᵍ_L', returns: 'infradistribution',
        category: 'constructor', run: ibupdateCall,
        doc: 'The infra-Bayesian update on the event L with off-event utility g ∈ [0, 1]: (m|_L, b + m(g·1_{¬L}) − E_H(0★g)) / Pᵍ_H(L), pruned.'
    },
    {
        name: 'point', arity: [1, 1], args: ['element'], signature: 'point(x)', returns: 'distribution', category: 'constructor',
        doc: 'Dirac mass δₓ at the element x.', run: pointConstructor
    },
    {
        name: 'compl', arity: [1, 1], args: ['event'], signature: 'compl(A)', returns: 'event', category: 'constructor',
        doc: 'Complement X ∖ A of an event.', run: complement
    },
    {
        name: 'hurwicz', arity: [1, 1], args: ['any'], signature: 'hurwicz(α)', returns: 'decision rule', category: 'rule',
        doc: 'Hurwicz rule with optimism α ∈ [0, 1].', run: hurwiczRule
    }
];

const BUILTIN_BY_NAME: ReadonlyMap<string, BuiltinFunction> = new Map(BUILTINS.map((builtin) => [builtin.name, builtin]));

/** The builtins called as functions in expressions (completion, hover, highlighting); `hurwicz` is listed with the rules. */
export const FUNCTIONS: readonly BuiltinFunction[] = BUILTINS.filter((builtin) => builtin.category !== 'rule');

export const FUNCTION_BY_NAME: ReadonlyMap<string, BuiltinFunction> = new Map(FUNCTIONS.map((builtin) => [builtin.name, builtin]));

/** `lowerP(K, E) = P̲_K(E)`: the signature with its notation, as hover and completion show it. */
export function shownSignature(builtin: BuiltinFunction): string {
    return builtin.notation ? `${builtin.signature} = ${builtin.notation}` : builtin.signature;
}

export function evaluateCall(ctx: EvalContext, call: Call, want: Want): Value {
    if (typeof call.callee !== 'string') return { kind: 'error', code: IssueCodes.Syntax, message: 'missing function name', reported: true };
    const builtin = BUILTIN_BY_NAME.get(call.callee);
    const kernel = builtin ? undefined : ctx.inference.kernelOf(call);
    if (kernel) return kernelApplication(ctx, call, kernel);
    if (!builtin) {
        const best = closestName(call.callee, BUILTINS.map((b) => b.name));
        const calleeRange = call.$cstNode ? GrammarUtils.findNodeForProperty(call.$cstNode, 'callee')?.range : undefined;
        return ctx.fail(IssueCodes.Unresolved, `unknown function \`${call.callee}\`${best ? `; did you mean \`${best}\`?` : ''}`,
            { node: call, property: 'callee' },
            { data: best && calleeRange ? { suggestion: best, replaceRange: calleeRange } : {} });
    }
    const count = call.arguments.length;
    const [min, max] = builtin.arity;
    if ((call.callee === 'P' || call.callee === 'E') && count === 1 && isConditionalArgument(call.arguments[0])) {
        return ctx.fail(IssueCodes.Type, conditionalOutsideBlock(call.callee === 'P' ? 'P' : 'E', call.arguments[0] as BinaryExpression),
            { node: call });
    }
    if ((call.callee === 'P' || call.callee === 'E') && count === 1) {
        return ctx.fail(IssueCodes.Type,
            `${call.callee}(…) with one argument is the ${call.callee === 'P' ? 'probability' : 'expectation'} of the unknown distribution, meaningful only inside a constraint block; use ${builtin.signature}, or lower/upper bounds of a credal set`, { node: call });
    }
    if (count < min || count > max) {
        return ctx.fail(IssueCodes.Type,
            `${call.callee} takes ${min === max ? min : `${min} to ${max}`} argument${max === 1 ? '' : 's'}: ${builtin.signature}; got ${count}`, { node: call, property: 'callee' });
    }
    return builtin.run(ctx, call, want);
}

// ---------------------------------------------------------------- argument readers

function argument(call: Call, i: number): Expression | undefined {
    return call.arguments[i] as Expression | undefined;
}

/** The set a call's arguments live on, judged from the first argument that can tell. */
function callSet(ctx: EvalContext, call: Call, want: Want): FiniteSet | undefined {
    return want.set ?? ctx.setOf(call) ?? ctx.contextSet(call);
}

/** A credal set argument (a distribution is its singleton set). */
function credalArgument(ctx: EvalContext, call: Call, i: number, set?: FiniteSet): CredalValue | ErrorValue {
    const node = argument(call, i);
    const value = evaluateAs(ctx, node, { kind: 'credal', set: set ?? (node ? ctx.setOf(node) : undefined) });
    return value as CredalValue | ErrorValue;
}

function distributionArgument(ctx: EvalContext, call: Call, i: number, set?: FiniteSet): DistributionValue | ErrorValue {
    const node = argument(call, i);
    return evaluateAs(ctx, node, { kind: 'distribution', set: set ?? (node ? ctx.setOf(node) ?? ctx.contextSet(node)
        : undefined) }) as DistributionValue | ErrorValue;
}

/** An engine outcome as a value, or an error at the call (an empty set blamed on the declaration it came from). */
function fromOutcome<T>(ctx: EvalContext, outcome: Outcome<T>, call: Call, make: (value: T) => Value, credalArg?: AstNode): Value {
    if (outcome.ok) return make(outcome.value);
    const error = outcome.error;
    if ((error.code === IssueCodes.Empty || error.code === IssueCodes.DdtEmpty) && credalArg && isNameRef(credalArg)
        && targetOf(credalArg.ref)) {
        const name = credalArg.ref.$refText;
        const what = error.code === IssueCodes.Empty ? 'which is empty (its assessments incur sure loss)'
            : 'whose belief rules out a policy';
        ctx.note('info', IssueCodes.DependsOnError, `depends on ${name}, ${what}`, { node: credalArg }, { dependsOn: name });
        return { kind: 'error', code: error.code, message: `depends on ${name}, ${what}`, reported: true, dependsOn: name };
    }
    return ctx.engineFailure(error, { node: call }, call.callee);
}

function mapOutcome<T, U>(outcome: Outcome<T>, f: (value: T) => U): Outcome<U> {
    return outcome.ok ? { ok: true, value: f(outcome.value) } : outcome;
}

const number = (value: Rational): Value => ({ kind: 'number', value });
const indicator = (e: EventValue): Rational[] => e.members.map((m) => (m ? Rational.ONE : Rational.ZERO));

// ---------------------------------------------------------------- queries

function distributionQuery(ctx: EvalContext, call: Call, second: 'event' | 'gamble'): Value {
    const first = evaluateAs(ctx, argument(call, 0), { kind: 'any', set: callSet(ctx, call, ANY) });
    if (isError(first)) return first;
    if (first.kind === 'credal') {
        const alt = second === 'event' ? 'lowerP(K, E) / upperP(K, E)' : 'lowerE(K, f) / upperE(K, f)';
        return ctx.fail(IssueCodes.Type, `${call.callee}(p, …) needs a distribution; for a credal set use ${alt}`, { node: argument(call,
            0)! });
    }
    const p = coerce(ctx, first, { kind: 'distribution', set: callSet(ctx, call, ANY) }, argument(call, 0)!);
    if (isError(p)) return p;
    const dist = p as DistributionValue;
    const arg = evaluateAs(ctx, argument(call, 1), { kind: second, set: dist.set });
    if (isError(arg)) return arg;
    const f = second === 'event' ? indicator(arg as EventValue) : (arg as GambleValue).f;
    return number(Rational.dot(dist.p, f));
}

/** lowerE/upperE/lowerP/upperP; the lower ones also take an infradistribution (`infraToo`). */
function boundQuery(ctx: EvalContext, call: Call, second: 'event' | 'gamble', query: typeof credal.lowerE, infraToo = false): Value {
    const node = argument(call, 0);
    const want = { kind: 'credal' as const, set: callSet(ctx, call, ANY) ?? (node ? ctx.setOf(node) : undefined) };
    const raw = evaluate(ctx, node, want);
    if (infraToo && raw.kind === 'infra') return infraLowerE(ctx, raw, call, second);
    const K = (node ? coerce(ctx, raw, want, node) : raw) as CredalValue | ErrorValue;
    if (isError(K)) return K;
    const arg = evaluateAs(ctx, argument(call, 1), { kind: second, set: K.set });
    if (isError(arg)) return arg;
    const f = second === 'event' ? indicator(arg as EventValue) : (arg as GambleValue).f;
    return fromOutcome(ctx, query(K.credal, f, ctx.budget), call, number, argument(call, 0));
}

function intervalQuery(ctx: EvalContext, call: Call): Value {
    const K = credalArgument(ctx, call, 0, callSet(ctx, call, ANY));
    if (isError(K)) return K;
    const raw = evaluate(ctx, argument(call, 1), { kind: 'any', set: K.set });
    if (isError(raw)) return raw;
    const arg = raw.kind === 'event' ? raw : coerce(ctx, raw, { kind: 'gamble', set: K.set }, argument(call, 1)!);
    if (isError(arg)) return arg;
    const f = arg.kind === 'event' ? indicator(arg) : (arg as GambleValue).f;
    return fromOutcome(ctx, credal.interval(K.credal, f, ctx.budget), call, (i) => ({ kind: 'interval', lower: i.lower, upper: i.upper }),
        argument(call, 0));
}

function verticesQuery(ctx: EvalContext, call: Call): Value {
    const K = credalArgument(ctx, call, 0);
    if (isError(K)) return K;
    const r = credal.vertices(K.credal, ctx.budget);
    if (!r.ok && r.error.code === IssueCodes.Budget && (r.error.data as { reason?: string } | undefined)?.reason !== 'cancelled') {
        return ctx.fail(IssueCodes.Budget,
            `vertex enumeration of ${sourceText(argument(call, 0))} stopped: over budget (${r.error.message}); LP-based queries (lowerE, upperE, lowerP, upperP, interval, isEmpty, contains) still answer exactly`,
            { node: call }, { data: { reason: (r.error.data as { reason?: string } | undefined)?.reason } });
    }
    return fromOutcome(ctx, r, call, (points) => ({ kind: 'points', points, set: K.set }), argument(call, 0));
}

function tvQuery(ctx: EvalContext, call: Call): Value {
    const p = distributionArgument(ctx, call, 0, callSet(ctx, call, ANY));
    if (isError(p)) return p;
    const q = distributionArgument(ctx, call, 1, p.set);
    if (isError(q)) return q;
    return fromOutcome(ctx, credal.tv(p.p, q.p), call, (r) => number(r.distance));
}

function booleanQuery(ctx: EvalContext, call: Call, query: (K: credal.CredalSet) => Outcome<boolean>, emptinessItself = false): Value {
    const K = credalArgument(ctx, call, 0);
    if (isError(K)) return K;
    return fromOutcome(ctx, query(K.credal), call, (value) => ({ kind: 'boolean', value }), emptinessItself ? undefined : argument(call,
        0));
}

function containsQuery(ctx: EvalContext, call: Call): Value {
    const K = credalArgument(ctx, call, 0, callSet(ctx, call, ANY));
    if (isError(K)) return K;
    const p = evaluateAs(ctx, argument(call, 1), { kind: 'distribution', set: K.set });
    if (isError(p)) return p;
    return fromOutcome(ctx, credal.contains(K.credal, (p as DistributionValue).p, ctx.budget), call, (value) => ({ kind: 'boolean',
        value }), argument(call, 0));
}

function subsetQuery(ctx: EvalContext, call: Call): Value {
    const K1 = credalArgument(ctx, call, 0, callSet(ctx, call, ANY));
    if (isError(K1)) return K1;
    const K2 = credalArgument(ctx, call, 1, K1.set);
    if (isError(K2)) return K2;
    return fromOutcome(ctx, credal.subset(K1.credal, K2.credal, ctx.budget), call, (value) => ({ kind: 'boolean', value }));
}

function dimQuery(ctx: EvalContext, call: Call): Value {
    const K = credalArgument(ctx, call, 0);
    if (isError(K)) return K;
    return fromOutcome(ctx, credal.dim(K.credal, ctx.budget), call, (d) => number(Rational.of(d)), argument(call, 0));
}

function problemArgument(ctx: EvalContext, call: Call): DecisionValue | DdtValue | TreeValue | ErrorValue {
    const node = argument(call, 0);
    const value = evaluate(ctx, node, ANY);
    if (isError(value) || value.kind === 'decision' || value.kind === 'ddt' || value.kind === 'tree') return value as DecisionValue | DdtValue | TreeValue | ErrorValue;
    return ctx.fail(IssueCodes.Type, `${call.callee}(…) needs a decision problem, a decision tree or a DDT problem, got ${value.kind === 'credal' ? 'a credal set' : `\`${sourceText(node)}\``}`, { node: node ?? call });
}

function ruleArgument(ctx: EvalContext, node: AstNode | undefined): Rule | ErrorValue {
    const value = evaluate(ctx, node, ANY);
    if (isError(value)) return value;
    if (value.kind !== 'rule') {
        return ctx.fail(IssueCodes.Type,
            'expected a decision rule: maximin, maximax, hurwicz(α), intervalDominance, maximality, eAdmissibility, minimaxRegret or admissibility', { node: node! });
    }
    return value.rule;
}

function chooseQuery(ctx: EvalContext, call: Call): Value {
    const problem = problemArgument(ctx, call);
    if (isError(problem)) return problem;
    if (problem.kind === 'ddt') {
        if (call.arguments.length > 1) {
            return ctx.fail(IssueCodes.Type, `${problem.name} is a DDT problem, which has its own rule: write choose(${problem.name})`,
                { node: argument(call, 1)! });
        }
        return fromOutcome(ctx, solveDdtIn(problem, ctx.budget), call, (r) => ({ kind: 'names', names: r.optimal }), argument(call, 0));
    }
    if (call.arguments.length < 2) return ctx.fail(IssueCodes.Type,
        `choose(${problem.name}, rule) needs a rule, e.g. choose(${problem.name}, maximin)`, { node: call });
    const rule = ruleArgument(ctx, argument(call, 1));
    if (isError(rule)) return rule;
    if (problem.kind === 'tree') return chooseInTree(ctx, problem, rule, false, call);
    return fromOutcome(ctx, chooseIn(problem, rule, ctx.budget), call, (r) => ({ kind: 'names', names: r.chosen }), argument(call, 0));
}

function valueQuery(ctx: EvalContext, call: Call): Value {
    const problem = problemArgument(ctx, call);
    if (isError(problem)) return problem;
    const memberNode = argument(call, 1);
    const member = isNameRef(memberNode) ? memberNode.ref.$refText : sourceText(memberNode);
    if (problem.kind === 'tree') {
        if (call.arguments.length < 3) return ctx.fail(IssueCodes.Type, `value(${problem.name}, ${member}, rule) needs a scoring rule: maximin, maximax, hurwicz(α) or minimaxRegret`, { node: call });
        const rule = ruleArgument(ctx, argument(call, 2));
        return isError(rule) ? rule : strategyValue(ctx, problem, member, rule, memberNode ?? call, argument(call, 2)!);
    }
    const silent = (memberNode as { ref?: { error?: { silent?: boolean } } } | undefined)?.ref?.error?.silent === true;
    if (isNameRef(memberNode) && !targetOf(memberNode.ref) && !silent) {
        return { kind: 'error', code: IssueCodes.Unresolved, message: `\`${member}\` is unknown`, reported: true };
    }
    if (problem.kind === 'ddt') {
        if (call.arguments.length > 2) {
            return ctx.fail(IssueCodes.Type, `${problem.name} is a DDT problem: value(${problem.name}, policy) takes no rule`,
                { node: argument(call, 2)! });
        }
        return fromOutcome(ctx, policyValueIn(problem, member, ctx.budget), call, number, argument(call, 0));
    }
    if (call.arguments.length < 3) {
        return ctx.fail(IssueCodes.Type,
            `value(${problem.name}, ${member}, rule) needs a scoring rule: maximin, maximax, hurwicz(α) or minimaxRegret`, { node: call });
    }
    const rule = ruleArgument(ctx, argument(call, 2));
    if (isError(rule)) return rule;
    if (!SCORING_RULES.includes(rule.kind) && !problem.infra) {
        return ctx.fail(IssueCodes.Type, `${rule.kind} chooses a set of acts and gives no score; value(…) needs maximin, maximax, hurwicz(α) or minimaxRegret`, { node: argument(call, 2)! });
    }
    return fromOutcome(ctx, scoreIn(problem, member, rule, ctx.budget), call, number, argument(call, 0));
}

/** `chooseBackward(T, rule)` and `strategies(T)`: queries of decision trees only. */
function treeQuery(ctx: EvalContext, call: Call, which: 'backward' | 'strategies'): Value {
    const problem = problemArgument(ctx, call);
    if (isError(problem)) return problem;
    if (problem.kind !== 'tree') {
        return ctx.fail(IssueCodes.Type, `${call.callee}(…) needs a decision tree; ${problem.name} is a ${problem.kind === 'ddt' ? 'DDT problem' : 'decision problem'}`, { node: argument(call, 0)! });
    }
    if (which === 'strategies') return strategiesOf(ctx, problem, call);
    const rule = ruleArgument(ctx, argument(call, 1));
    return isError(rule) ? rule : chooseInTree(ctx, problem, rule, true, call);
}

function hurwiczRule(ctx: EvalContext, call: Call): Value {
    const alpha = evaluateNumber(ctx, argument(call, 0));
    if (isError(alpha)) return alpha;
    if (alpha.sign() < 0 || alpha.gt(Rational.ONE)) {
        return ctx.fail(IssueCodes.ParamRange, `Hurwicz α = ${alpha} is outside [0, 1] (α is the weight of optimism)`,
            { node: argument(call, 0)! },
            { data: { parameter: 'alpha', value: String(alpha) } });
    }
    return { kind: 'rule', rule: { kind: 'hurwicz', alpha } };
}

// ---------------------------------------------------------------- constructors

function hullConstructor(ctx: EvalContext, call: Call, want: Want): Value {
    const set = want.set ?? ctx.setOf(call);
    const only = call.arguments[0];
    if (call.arguments.length === 1 && isBraceLiteral(only) && only.items.some(isAMeasureLiteral)) {
        return infraHull(ctx, only.items, set, call);
    }
    if (call.arguments.length === 1 && isBraceLiteral(only)) return hullOfItems(ctx, only.items, set, call, false);
    // `hull(K1 ∪ K2 ∪ …)`: the operands of the union, in order (iteratively: a union may be long).
    const items: AstNode[] = [];
    const pending: (AstNode | undefined)[] = [...call.arguments].reverse();
    while (pending.length > 0) {
        const node = pending.pop();
        if (isBinaryExpression(node) && node.op === '∪') pending.push(node.right, node.left);
        else if (node) items.push(node);
    }
    return hullOfItems(ctx, items, set, call, false);
}

function vacuousConstructor(ctx: EvalContext, call: Call, want: Want): Value {
    const set = callSet(ctx, call, want) ?? ctx.contextSet(argument(call, 0)!);
    const event = evaluateAs(ctx, argument(call, 0), { kind: 'event', set });
    if (isError(event)) return event;
    const e = event as EventValue;
    const r = credal.vacuous(e.set.size, e.members);
    if (!r.ok && r.error.code === IssueCodes.Empty) return ctx.fail(IssueCodes.Empty,
        'vacuous(∅) is empty: the event must contain at least one element', { node: argument(call, 0)! });
    return r.ok ? { kind: 'credal', set: e.set, credal: r.value, origin: 'vacuous' } : ctx.engineFailure(r.error, { node: call });
}

function ballConstructor(ctx: EvalContext, call: Call, want: Want, which: 'contamination' | 'tvball'): Value {
    const p0 = distributionArgument(ctx, call, 0, callSet(ctx, call, want));
    if (isError(p0)) return p0;
    const radius = evaluateNumber(ctx, argument(call, 1));
    if (isError(radius)) return radius;
    if (radius.sign() < 0 || radius.gt(Rational.ONE)) {
        const symbol = which === 'contamination' ? 'ε' : 'δ';
        return ctx.fail(IssueCodes.ParamRange, `${symbol} = ${radius} is outside [0, 1]`, { node: argument(call, 1)! },
            { data: { parameter: which === 'contamination' ? 'epsilon' : 'delta', value: String(radius) } });
    }
    const r = which === 'contamination' ? credal.contamination(p0.p, radius) : credal.tvBall(p0.p, radius);
    if (!r.ok) return ctx.engineFailure(r.error, { node: call });
    for (const note of r.value.notes) {
        if (note.code === IssueCodes.Precise || note.code === IssueCodes.Vacuous) ctx.note('info', note.code, note.message,
            { node: argument(call, 1)! });
    }
    return { kind: 'credal', set: p0.set, credal: r.value, origin: which };
}

function pointConstructor(ctx: EvalContext, call: Call, want: Want): Value {
    const node = argument(call, 0)!;
    const set = want.set ?? ctx.contextSet(node) ?? ctx.setOf(node) ?? ctx.contextSet(call);
    if (!set) return ctx.unknownSet('cannot tell which set this element is from; add `on <set>` to the declaration', node);
    const index = elementOf(ctx, node, set);
    if (typeof index !== 'number') return index;
    return { kind: 'distribution', set, p: Array.from({ length: set.size }, (_, i) => (i === index ? Rational.ONE : Rational.ZERO)) };
}

function complement(ctx: EvalContext, call: Call, want: Want): Value {
    const event = evaluateAs(ctx, argument(call, 0), { kind: 'event', set: callSet(ctx, call, want) });
    if (isError(event)) return event;
    const e = event as EventValue;
    return { kind: 'event', set: e.set, members: e.members.map((m) => !m) };
}

function marginalConstructor(ctx: EvalContext, call: Call): Value {
    const first = evaluate(ctx, argument(call, 0), { kind: 'any', set: ctx.setOf(argument(call, 0)!) });
    if (isError(first)) return first;
    // A non-crisp infradistribution is pushed forward generator by generator; anything else as a credal set.
    const K = first.kind === 'infra' && !infra.isCrisp(first.infra) ? first : credalArgument(ctx, call, 0);
    if (isError(K)) return K;
    const target = evaluate(ctx, argument(call, 1), ANY);
    if (isError(target)) return target;
    if (target.kind !== 'set') return ctx.fail(IssueCodes.Type, `marginal(K, X) needs a set X, got \`${sourceText(argument(call, 1))}\``,
        { node: argument(call, 1)! });
    const onto = (target as SetValue).set;
    const factors = onto.factorSites.map((site, f) => factorIndexOf(K.set, { ...onto, factorSites: [site], factors: [onto.factors[f]!] }));
    if (factors.some((f) => f < 0)) {
        return ctx.fail(IssueCodes.Type, `${onto.label} is not a factor of ${K.set.label}`, { node: argument(call, 1)! });
    }
    const sizes = K.set.factors.map((f) => f.length);
    const stride = (f: number): number => sizes.slice(f + 1).reduce((a, b) => a * b, 1);
    const map = Array.from({ length: K.set.size }, (_, index) =>
        factors.reduce((acc, f) => acc * sizes[f]! + (Math.floor(index / stride(f)) % sizes[f]!), 0));
    if (K.kind === 'infra') {
        const pushed = infra.pushForward(K.infra, map, onto.size, ctx.budget);
        return pushed.ok ? { kind: 'infra', set: onto, infra: pushed.value, origin: 'marginal' } : ctx.engineFailure(pushed.error, { node: call });
    }
    const r = credal.pushForward(K.credal, map, onto.size);
    return r.ok ? { kind: 'credal', set: onto, credal: r.value, origin: 'marginal' } : ctx.engineFailure(r.error, { node: call });
}
