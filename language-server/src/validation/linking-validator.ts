import { AstUtils, GrammarUtils, type AstNode, type ValidationAcceptor, type ValidationChecks } from 'langium';
import type { DiagnosticRelatedInformation } from 'vscode-languageserver';
import {
    isActsClause, isPoliciesClause, isSetDeclaration,
    type CredalAstType, type DdtDeclaration, type DecisionDeclaration, type Model,
    type AMeasureLiteral, type SetLiteral, type SetRange, type SetRef
} from '../generated/ast.js';
import { targetOf } from '../linking/safe-ref.js';
import { checkConventionBlocks, checkConventionEntries } from './conventions-checks.js';
import { checkMemberName } from './member-checks.js';
import { cyclesOf } from '../linking/dependency-cycles.js';
import { IssueCodes } from '../diagnostics/codes.js';

type Named = AstNode & { name: string };

/**
 * Checks that need only the linked AST, no evaluation: duplicate names, empty sets and duplicate
 * elements, dependency cycles, `on` naming something that is not a set, repeated clauses, and the
 * words reserved for a later version (§3.9). Later validators register their own checks beside these.
 */
export class LinkingValidator {
    checks(): ValidationChecks<CredalAstType> {
        return {
            Model: [this.checkDuplicateNames, this.checkCycles, checkConventionBlocks],
            Conventions: checkConventionEntries,
            MemberAccess: checkMemberName,
            SetLiteral: this.checkSetLiteral,
            SetRange: this.checkSetRange,
            SetRef: this.checkSetRef,
            DecisionDeclaration: this.checkProblem,
            DdtDeclaration: this.checkProblem,
            AMeasureLiteral: this.checkAMeasureLabels
        };
    }

    checkDuplicateNames(model: Model, accept: ValidationAcceptor): void {
        reportDuplicates(model.statements.filter(hasName), 'is already declared', accept);
    }

    checkCycles(model: Model, accept: ValidationAcceptor): void {
        const cycles = cyclesOf(model);
        for (const declaration of model.statements) {
            const cycle = cycles.get(declaration);
            if (!cycle) {
                continue;
            }
            accept('error', `\`${cycle[0]}\` is defined in terms of itself: ${cycle.join(' → ')}`, {
                node: declaration, property: 'name', data: { code: IssueCodes.Cycle, cycle }
            });
        }
    }

    checkSetLiteral(literal: SetLiteral, accept: ValidationAcceptor): void {
        if (literal.elements.length === 0) {
            accept('error', 'a set needs at least one element', { node: literal, data: { code: IssueCodes.SetEmpty } });
            return;
        }
        const seen = new Map<string, Named>();
        for (const element of literal.elements) {
            const first = seen.get(element.name);
            if (first) {
                accept('error', `\`${element.name}\` is listed twice in this set`, {
                    node: element, property: 'name', data: { code: IssueCodes.SetDuplicate },
                    relatedInformation: related(first, `first listed here`)
                });
            } else if (element.name !== undefined) {
                seen.set(element.name, element);
            }
        }
    }

    checkSetRange(range: SetRange, accept: ValidationAcceptor): void {
        if (range.from !== undefined && range.to !== undefined && BigInt(range.from) > BigInt(range.to)) {
            accept('error', `the range {${range.from} .. ${range.to}} is empty: the first bound is larger than the last`, {
                node: range, data: { code: IssueCodes.SetEmpty }
            });
        }
    }

    checkSetRef(ref: SetRef, accept: ValidationAcceptor): void {
        const target = targetOf(ref.set);
        if (target && !isSetDeclaration(target)) {
            accept('error', `\`${ref.set.$refText}\` is not a set; \`on\` needs a finite set declared with \`set\``, {
                node: ref, property: 'set', data: { code: IssueCodes.Type }
            });
        }
    }

    checkProblem(problem: DecisionDeclaration | DdtDeclaration, accept: ValidationAcceptor): void {
        const members = problem.clauses.flatMap((clause): AstNode[] =>
            isActsClause(clause) ? clause.acts : isPoliciesClause(clause) ? clause.policies : []);
        reportDuplicates(members, `is already ${problem.$type === 'DecisionDeclaration' ? 'an act' : 'a policy'} of ${problem.name}`,
            accept);
        const seen = new Map<string, AstNode>();
        for (const clause of problem.clauses) {
            const keyword = clause.$type === 'ActsClause' || clause.$type === 'PayoffClause' ? 'payoff' : clause.$type;
            const first = seen.get(keyword);
            if (first) {
                accept('error', `${clauseWords(clause.$type)} is given twice in ${problem.name}; keep one`, {
                    node: clause, data: { code: IssueCodes.Syntax }, relatedInformation: related(first, 'first given here')
                });
            } else {
                seen.set(keyword, clause);
            }
        }
    }

    /** `(m: …, b: …)`: the labels are names to the parser, so their spelling is checked here. */
    checkAMeasureLabels(literal: AMeasureLiteral, accept: ValidationAcceptor): void {
        for (const [property, label, expected] of [['massLabel', literal.massLabel, 'm'], ['offsetLabel', literal.offsetLabel, 'b']] as const) {
            if (label !== expected) {
                accept('error', `an a-measure is written (m: <measure>, b: <number>); found \`${label}:\` where \`${expected}:\` belongs`, {
                    node: literal, property, data: { code: IssueCodes.Syntax }
                });
            }
        }
    }
}

function hasName(node: AstNode): node is Named {
    return typeof (node as Partial<Named>).name === 'string';
}

/** Reports every declaration after the first of the same name, pointing back at the first. */
function reportDuplicates(nodes: readonly AstNode[], verb: string, accept: ValidationAcceptor): void {
    const first = new Map<string, Named>();
    for (const node of nodes.filter(hasName)) {
        const earlier = first.get(node.name);
        if (earlier) {
            accept('error', `\`${node.name}\` ${verb} (line ${lineOf(earlier)}); a name may be declared once`, {
                node, property: 'name', data: { code: IssueCodes.DuplicateName },
                relatedInformation: related(earlier, `first declaration of \`${node.name}\``)
            });
        } else {
            first.set(node.name, node);
        }
    }
}

function related(node: AstNode, message: string): DiagnosticRelatedInformation[] {
    const range = (GrammarUtils.findNodeForProperty(node.$cstNode, 'name') ?? node.$cstNode)?.range;
    const document = AstUtils.findRootNode(node).$document;
    return range && document ? [{ location: { uri: document.uri.toString(), range }, message }] : [];
}

function lineOf(node: AstNode): number {
    return (node.$cstNode?.range.start.line ?? 0) + 1;
}

function clauseWords(type: string): string {
    switch (type) {
        case 'BeliefClause': return '`belief`';
        case 'ActsClause': case 'PayoffClause': return 'the payoff (`acts`/`losses` or `utility`/`loss`)';
        case 'PoliciesClause': return '`policies`';
        case 'SemanticsClause': return '`semantics`';
        case 'InconsistentClause': return '`inconsistent`';
        default: return 'this clause';
    }
}

