/**
 * Decision trees (LANGUAGE §9) as engine trees: the set, the belief, and every node with the event that
 * reaches it, so that a chance node whose branches do not partition that event is E-TREE-PARTITION at the
 * node, naming the elements missing or covered twice. `observe F { a: … }` turns each element of the
 * factor F into the event "F = a"; `node ± c` adds c to every leaf below. Strategy names that clash are
 * E-DUP-NAME; strategies themselves are enumerated by the queries (under their budget).
 */
import type { AstNode } from 'langium';
import {
    isBeliefClause, isDecideNode, isObserveNode, isSetDeclaration, isTreeLeaf, isTreeRoot, isTreeShift,
    type ObserveNode, type TreeChoice, type TreeDeclaration, type TreeNode as TreeNodeAst
} from '../generated/ast.js';
import { targetOf } from '../linking/safe-ref.js';
import { Rational } from '../math/rational.js';
import {
    clashingNames, strategiesBelow, strategyCount, MAX_STRATEGIES, type DecisionNode, type TreeNode
} from '../math/tree/tree.js';
import { conditioningConvention } from './conventions.js';
import { sourceText, type EvalContext } from './context.js';
import { problemSet } from './problems.js';
import { evaluateAs, evaluateNumber } from './expressions.js';
import { factorIndexOf, factorOccurrences } from './finite-sets.js';
import { IssueCodes, type DiagnosticCode } from '../diagnostics/codes.js';
import type { IssueLocation } from './issues.js';
import {
    elementLabel, errorValue, isError,
    type CredalValue, type ErrorValue, type EventValue, type FiniteSet, type GambleValue, type TreeValue, type Value
} from './values.js';

/** Thrown inside the builder to stop at the first error (already reported); caught in `evaluateTree`. */
class Stop { constructor(readonly error: ErrorValue) {} }

export function evaluateTree(ctx: EvalContext, node: TreeDeclaration): Value {
    const set = problemSet(ctx, node);
    if (isError(set)) return set;
    const beliefClause = node.clauses.find(isBeliefClause);
    if (!beliefClause) {
        return ctx.fail(IssueCodes.Type, `${node.name} needs a \`belief\` clause: the credal set it is decided under`, { node,
            property: 'name' });
    }
    const roots = node.clauses.filter(isTreeRoot);
    if (roots.length === 0) {
        return ctx.fail(IssueCodes.Type, `${node.name} needs a root \`decide { … }\` (utilities) or \`losses { … }\``, { node,
            property: 'name' });
    }
    const root = roots[0]!;
    const belief = evaluateAs(ctx, beliefClause.belief, { kind: 'credal', set });
    const builder = new TreeBuilder(ctx, set);
    let built: DecisionNode;
    try {
        built = builder.decision(root, root.choices, everything(set.size), Rational.ZERO);
    } catch (e) {
        if (e instanceof Stop) return e.error;
        throw e;
    }
    if (isError(belief)) return belief;
    const convention = conditioningConvention(node, ctx.settings);
    const value: TreeValue = {
        kind: 'tree', set, name: node.name, conditioning: convention.value, conditioningFrom: convention.from,
        tree: { belief: (belief as CredalValue).credal, root: built, orientation: root.orientation === 'losses' ? 'loss' : 'utility' }
    };
    const clash = duplicateStrategy(value.tree.root, set.size);
    if (clash) {
        const message = `two strategies of ${node.name} are both named \`${clash}\` (choice names containing \`_\` run together); rename a choice`;
        return ctx.fail(IssueCodes.DuplicateName, message, { node, property: 'name' });
    }
    return value;
}

/** A clashing strategy name, if any (only checked when the strategies can be enumerated). */
function duplicateStrategy(root: DecisionNode, n: number): string | undefined {
    if (strategyCount(root) > BigInt(MAX_STRATEGIES)) return undefined;
    const list = strategiesBelow(root, n);
    return list.ok ? clashingNames(list.value)[0] : undefined;
}

const everything = (n: number): boolean[] => Array.from({ length: n }, () => true);

class TreeBuilder {
    constructor(private readonly ctx: EvalContext, private readonly set: FiniteSet) {}

    /** Report at `where` and stop building. */
    private stop(code: DiagnosticCode, message: string, where: IssueLocation): never {
        throw new Stop(this.ctx.fail(code, message, where));
    }

    node(node: TreeNodeAst | undefined, reach: boolean[], shift: Rational): TreeNode {
        if (!node) throw new Stop(errorValue('E-SYNTAX', 'missing node', { reported: true }));
        if (isTreeShift(node)) {
            const amount = evaluateNumber(this.ctx, node.amount);
            if (isError(amount)) throw new Stop(amount);
            return this.node(node.node, reach, shift.add(node.op === '+' ? amount : amount.neg()));
        }
        if (isDecideNode(node)) return this.decision(node, node.choices, reach, shift);
        if (isObserveNode(node)) return this.chance(node, reach, shift);
        if (isTreeLeaf(node)) {
            const payoff = evaluateAs(this.ctx, node.value, { kind: 'gamble', set: this.set });
            if (isError(payoff)) throw new Stop(payoff);
            return { kind: 'leaf', payoff: (payoff as GambleValue).f.map((v) => v.add(shift)) };
        }
        this.stop(IssueCodes.Type, 'expected a tree node: decide { … }, observe { … } or a gamble', { node });
    }

    decision(where: AstNode, choices: readonly TreeChoice[], reach: boolean[], shift: Rational): DecisionNode {
        if (choices.length === 0) this.stop(IssueCodes.Syntax, 'a decision node needs at least one choice: `decide { name = node, … }`',
            { node: where });
        const seen = new Set<string>();
        for (const choice of choices) {
            if (seen.has(choice.name)) this.stop(IssueCodes.DuplicateName, `\`${choice.name}\` is already a choice of this decision node`,
                { node: choice, property: 'name' });
            seen.add(choice.name);
        }
        return { kind: 'decision', branches: choices.map((c) => ({ choice: c.name, node: this.node(c.node, reach, shift) })) };
    }

    chance(node: ObserveNode, reach: boolean[], shift: Rational): TreeNode {
        const events = node.factor ? this.factorEvents(node) : node.branches.map((b) => this.eventOf(b.event, b));
        this.checkPartition(node, reach, events);
        return {
            kind: 'chance',
            branches: node.branches.map((b, i) => ({
                label: b.else ? 'else' : sourceText(b.event), event: events[i]!,
                node: this.node(b.node, reach.map((x, k) => x && events[i]![k]!), shift)
            }))
        };
    }

    private eventOf(expression: AstNode | undefined, branch: AstNode): boolean[] {
        if (!expression) this.stop(IssueCodes.Type, '`else` belongs to `observe F { … }` on a factor F; list the events instead',
            { node: branch });
        const event = evaluateAs(this.ctx, expression, { kind: 'event', set: this.set });
        if (isError(event)) throw new Stop(event);
        return [...(event as EventValue).members];
    }

    /** `observe F { a: …, else: … }`: the event "factor F takes value a"; `else` takes the unlisted values. */
    private factorEvents(node: ObserveNode): boolean[][] {
        const target = node.factor ? targetOf(node.factor) : undefined;
        if (!target) throw new Stop(errorValue(IssueCodes.Unresolved, 'unknown set', { reported: true }));
        const factorValue = this.ctx.host.declarationValue(target, this.ctx);
        const where = { node, property: 'factor' };
        if (isError(factorValue) && isSetDeclaration(target)) throw new Stop(factorValue);
        if (factorValue.kind !== 'set') {
            this.stop(IssueCodes.Type, `\`${node.factor?.$refText}\` is not a set; \`observe F { … }\` needs a factor of ${this.set.label} (or use \`observe { event: … }\`)`, where);
        }
        const factor = factorValue.set;
        const index = factorIndexOf(this.set, factor);
        const occurrences = factorOccurrences(this.set, factor);
        if (index < 0 || occurrences !== 1) {
            const why = index < 0 ? `is not a factor of ${this.set.label}`
                : `occurs ${occurrences} times among the factors of ${this.set.label}`;
            this.stop(IssueCodes.Type, `${factor.label} ${why}: \`observe F { … }\` needs a factor that occurs once; use \`observe { event: … }\` instead`, where);
        }
        const sizes = this.set.factors.map((f) => f.length);
        const stride = sizes.slice(index + 1).reduce((a, b) => a * b, 1);
        const valueAt = (x: number): number => Math.floor(x / stride) % sizes[index]!;
        const names = this.set.factors[index]!;
        const listed = new Set<number>();
        const values = node.branches.map((b) => {
            if (b.else) return undefined;
            const name = b.event && 'ref' in b.event ? (b.event as { ref: { $refText: string } }).ref.$refText : sourceText(b.event);
            const position = names.indexOf(name);
            if (position < 0) this.stop(IssueCodes.ElementUnknown, `\`${name}\` is not an element of ${factor.label}`, { node: b.event
                ?? b });
            listed.add(position);
            return position;
        });
        return values.map((v) => Array.from({ length: this.set.size },
            (_, x) => (v === undefined ? !listed.has(valueAt(x)) : valueAt(x) === v)));
    }

    private checkPartition(node: ObserveNode, reach: boolean[], events: boolean[][]): void {
        const missing: string[] = [], twice: string[] = [];
        reach.forEach((inReach, x) => {
            if (!inReach) return;
            const count = events.filter((e) => e[x]).length;
            if (count === 0) missing.push(elementLabel(this.set, x));
            else if (count > 1) twice.push(elementLabel(this.set, x));
        });
        if (missing.length === 0 && twice.length === 0) return;
        const list = (xs: string[]): string => (xs.length > 8 ? `${xs.slice(0, 8).join(', ')}, … (${xs.length} in all)` : xs.join(', '));
        const parts = [
            ...(missing.length > 0 ? [`${list(missing)} ${missing.length === 1 ? 'is' : 'are'} in no branch`] : []),
            ...(twice.length > 0 ? [`${list(twice)} ${twice.length === 1 ? 'is' : 'are'} in more than one branch`] : []),
        ];
        const reached = reach.every((x) => x) ? '' : ' reaching it';
        throw new Stop(this.ctx.fail(IssueCodes.TreePartition,
            `the branches of this observe node must partition the event${reached}: ${parts.join('; ')}`,
            { node, keyword: 'observe' }, { data: { missing, twice } }));
    }
}
