/**
 * The derived facts of evaluated values, for hover, inlay hints, code lenses, preview and CLI: the one
 * place besides the evaluator itself that asks the engine about a value, so no reader computes twice
 * or differently. Facts live as long as their value (values are cached per document version), and each
 * fact is computed on first request under the caller's limits.
 */
import { AstUtils, DocumentCache, type AstNode, type LangiumDocument } from 'langium';
import type { LangiumSharedCoreServices } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import { isCall, type Call } from '../../generated/ast.js';
import type { Rational } from '../../math/rational.js';
import type { EvaluationSettings } from '../settings.js';
import type { CredalValue, DdtValue, DecisionValue, InfraValue, TreeValue, Value } from '../values.js';
import { credalFacts, type CredalFacts } from './credal-facts.js';
import { ddtFacts, type DdtFacts } from './ddt-facts.js';
import { decisionFacts, type DecisionFacts } from './decision-facts.js';
import { infraFacts, type InfraFacts } from './infra-facts.js';
import type { FactLimits } from './fact.js';
import { treeFacts, type TreeFacts } from './tree-facts.js';

/** How long a reader may wait for one engine query by default (the evaluator's own limit may be larger). */
export const DEFAULT_FACT_TIMEOUT_MS = 2000;

interface FactRequest {
    readonly token?: CancellationToken;
    /** At most this long per engine query (never more than the evaluator's own timeout). */
    readonly timeoutMs?: number;
}

/** What the facts need from the evaluator. */
interface FactsHost {
    readonly settings: EvaluationSettings;
    valueOf(node: AstNode, token?: CancellationToken): Value;
}

export class ValueFacts {
    private readonly credal = new WeakMap<CredalValue, CredalFacts>();
    /** By value, then by the note's α's: a value outlives edits (value-carry.ts), the α's used elsewhere in the note may not. */
    private readonly decision = new WeakMap<DecisionValue, Map<string, DecisionFacts>>();
    private readonly ddt = new WeakMap<DdtValue, DdtFacts>();
    private readonly tree = new WeakMap<TreeValue, Map<string, TreeFacts>>();
    private readonly alphas: DocumentCache<string, readonly Rational[]>;

    constructor(private readonly host: FactsHost, shared: LangiumSharedCoreServices) {
        this.alphas = new DocumentCache(shared);
    }

    /** Limits for one engine query: the evaluator's step budget, the request's time and cancellation. */
    limits(request: FactRequest = {}): FactLimits {
        const token = request.token;
        return {
            maxSteps: this.host.settings.maxSteps,
            timeoutMs: Math.min(this.host.settings.timeoutMs, request.timeoutMs ?? DEFAULT_FACT_TIMEOUT_MS),
            isCancelled: token ? () => token.isCancellationRequested : undefined,
        };
    }

    /** `where`: any node of the note, whose gambles' E_H are listed. */
    infraFacts(value: InfraValue, where?: AstNode): InfraFacts {
        return infraFacts(value, where, (node) => this.host.valueOf(node));
    }

    credalFacts(value: CredalValue): CredalFacts {
        return remembered(this.credal, value, () => credalFacts(value));
    }

    /** `where`: any node of the note, so that Hurwicz is judged with the α the note uses. */
    decisionFacts(value: DecisionValue, where?: AstNode): DecisionFacts {
        const alphas = where ? this.hurwiczAlphas(where) : [];
        return remembered(remembered(this.decision, value, () => new Map()), alphas.join(','), () => decisionFacts(value, alphas));
    }

    ddtFacts(value: DdtValue): DdtFacts {
        return remembered(this.ddt, value, () => ddtFacts(value));
    }

    /** `where`: any node of the note (Hurwicz with the α the note uses). */
    treeFacts(value: TreeValue, where?: AstNode): TreeFacts {
        const alphas = where ? this.hurwiczAlphas(where) : [];
        return remembered(remembered(this.tree, value, () => new Map()), alphas.join(','), () => treeFacts(value, alphas));
    }

    /** Every distinct α of a valid `hurwicz(α)` in the note, in order of appearance. */
    hurwiczAlphas(where: AstNode): readonly Rational[] {
        let document: LangiumDocument;
        try {
            document = AstUtils.getDocument(where);
        } catch {
            return [];
        }
        const uri = document.uri.toString();
        const known = this.alphas.get(uri, 'hurwicz');
        if (known) return known;
        const alphas: Rational[] = [];
        for (const node of AstUtils.streamAst(document.parseResult.value)) {
            if (!isCall(node) || (node as Call).callee !== 'hurwicz') continue;
            const rule = this.host.valueOf(node);
            if (rule.kind === 'rule' && rule.rule.kind === 'hurwicz'
                && !alphas.some((alpha) => alpha.eq((rule.rule as { alpha: Rational }).alpha))) {
                alphas.push(rule.rule.alpha);
            }
        }
        this.alphas.set(uri, 'hurwicz', alphas);
        return alphas;
    }
}

function remembered<K, V>(map: { get(key: K): V | undefined; set(key: K, value: V): unknown }, key: K, make: () => V): V {
    let value = map.get(key);
    if (!value) {
        value = make();
        map.set(key, value);
    }
    return value;
}
