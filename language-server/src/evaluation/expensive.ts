/**
 * The checks that need LPs or vertex enumeration, run on save: emptiness with the Dutch-book certificate
 * in words (E-EMPTY), non-tight assessments with the natural extension (W-NOT-COHERENT), redundant
 * generators and constraints (I-REDUNDANT), singleton sets (I-PRECISE), and DDT policies the belief
 * rules out (E-DDT-EMPTY). Over budget, the declaration gets I-ENUM-LIMIT instead.
 */
import { AstUtils, type AstNode } from 'langium';
import { isCredalDeclaration, isDdtDeclaration, isPoliciesClause, type DdtDeclaration } from '../generated/ast.js';
import * as credal from '../math/credal.js';
import type { CoherenceEntry } from '../math/credal.js';
import { solveDdtIn } from './problem-solvers.js';
import type { Rational } from '../math/rational.js';
import { EvalContext, rangeOf, sourceText } from './context.js';
import { type RelatedIssueInfo } from './issues.js';
import type { ConstraintSource, CredalValue, DdtValue, Value } from './values.js';
import { IssueCodes } from '../diagnostics/codes.js';
import { nodeAtSite } from '../linking/source-site.js';

/** A written assessment with its nodes found again in the current tree (a value holds only their sites). */
interface Assessment extends ConstraintSource {
    readonly node: AstNode;
    readonly boundNode?: AstNode;
}

function assessments(K: CredalValue, declaration: AstNode): Map<string, Assessment> {
    const found = new Map<string, Assessment>();
    for (const [id, source] of K.sources?.constraints ?? []) {
        const node = nodeAtSite(source.at, declaration);
        if (node) found.set(id, { ...source, node, boundNode: source.bound && nodeAtSite(source.bound, declaration) });
    }
    return found;
}

export function expensiveIssues(ctx: EvalContext, declaration: AstNode, value: Value): void {
    if (isCredalDeclaration(declaration) && value.kind === 'credal') credalIssues(ctx, declaration, value);
    if (isDdtDeclaration(declaration) && value.kind === 'ddt') ddtIssues(ctx, declaration, value);
}

const inside = (node: AstNode, declaration: AstNode): boolean => AstUtils.hasContainerOfType(node, (n) => n === declaration);

function overBudget(ctx: EvalContext, declaration: AstNode, message: string): void {
    if (message === 'cancelled' || ctx.isCancelled()) { ctx.uncacheable = true; return; }
    ctx.note('info', IssueCodes.EnumLimit,
        `the checks of this credal set (emptiness, coherence, redundancy) stopped over budget: ${message}; LP-based queries still answer exactly`,
        { node: declaration, property: 'name' });
}

function credalIssues(ctx: EvalContext, declaration: AstNode, K: CredalValue): void {
    const notes = credal.diagnose(K.credal, ctx.budget);
    if (!notes.ok) {
        if (notes.error.code === IssueCodes.Budget) overBudget(ctx, declaration, notes.error.message);
        return;
    }
    const sources = assessments(K, declaration);
    for (const note of notes.value) {
        switch (note.code) {
            case IssueCodes.Empty: emptiness(ctx, declaration, K, sources,
                note.data as { certificate?: credal.SureLossCertificate }); break;
            case IssueCodes.NotCoherent: break; // grouped per assessment below
            case IssueCodes.Redundant: redundancy(ctx, declaration, K, sources,
                note.data as { generators?: number[]; constraints?: string[] }); break;
            case IssueCodes.Precise:
                ctx.note('info', IssueCodes.Precise,
                    `${(declaration as { name?: string }).name ?? 'this credal set'} is a single distribution`, { node: declaration,
                        property: 'name' });
                break;
        }
    }
    const loose = notes.value.filter((n) => n.code === IssueCodes.NotCoherent).map((n) => n.data as CoherenceEntry);
    const byId = new Map<string, CoherenceEntry[]>();
    for (const entry of loose) byId.set(entry.id, [...(byId.get(entry.id) ?? []), entry]);
    for (const [id, entries] of byId) {
        const source = sources.get(id);
        if (source && inside(source.node, declaration)) notCoherent(ctx, source, entries);
    }
}

const NUMBER_WORDS: Readonly<Record<number, string>> = { 2: 'two', 3: 'three', 4: 'four', 5: 'five', 6: 'six', 7: 'seven', 8: 'eight',
    9: 'nine', 10: 'ten' };

const REL_WORDS: Record<string, string> = { '>=': '≥', '<=': '≤', '=': '=' };

const FLIP: Record<string, string> = { '>=': '<=', '<=': '>=', '=': '=' };

/** An engine row's relation and value in the user's written form (form = sign · a·p + offset). */
function inWrittenTerms(source: ConstraintSource, rel: string, value: Rational): { rel: string; value: Rational } {
    return { rel: source.sign > 0 ? rel : FLIP[rel]!, value: (source.sign > 0 ? value : value.neg()).add(source.offset) };
}

function notCoherent(ctx: EvalContext, source: Assessment, all: readonly CoherenceEntry[]): void {
    const writes = (rel: string): boolean => source.written.includes(rel) || source.written.includes('=');
    const entries = all.filter((e) => writes(e.rel)).map((e) => {
        const assessed = inWrittenTerms(source, e.rel, e.assessed);
        return { rel: assessed.rel, assessed: assessed.value, tight: inWrittenTerms(source, e.rel, e.naturalExtension).value };
    });
    if (entries.length === 0) return;
    const lower = entries.find((e) => e.rel === '>=');
    const upper = entries.find((e) => e.rel === '<=');
    const parts = entries.map((e) =>
        `${e.rel === '>=' ? 'lower' : 'upper'} bound ${e.assessed} is never attained: the other assessments force ${source.form} ${REL_WORDS[e.rel]} ${e.tight}`);
    const bound = source.boundNode;
    let replacement: string | undefined;
    if (bound?.$type === 'Interval') {
        const lo = lower ? String(lower.tight) : sourceText((bound as { lower?: AstNode }).lower);
        const hi = upper ? String(upper.tight) : sourceText((bound as { upper?: AstNode }).upper);
        replacement = `[${lo}, ${hi}]`;
    } else if (entries.length === 1 && bound) {
        replacement = String(entries[0]!.tight);
    }
    ctx.note('warning', IssueCodes.NotCoherent, parts.join('; '), { node: source.node }, {
        form: source.form,
        lower: lower ? String(lower.tight) : undefined,
        upper: upper ? String(upper.tight) : undefined,
        assessedLower: lower ? String(lower.assessed) : undefined,
        assessedUpper: upper ? String(upper.assessed) : undefined,
        replacement,
        replaceRange: replacement ? rangeOf(bound) : undefined,
    });
}

/** E-EMPTY with the sure-loss combination in words and related information at each constraint. */
function emptiness(ctx: EvalContext, declaration: AstNode, K: CredalValue, sources: ReadonlyMap<string, Assessment>,
    data: { certificate?: credal.SureLossCertificate }): void {
    const name = (declaration as { name?: string }).name ?? 'this credal set';
    const certificate = data.certificate;
    const terms = certificate?.terms.filter((t) => sources.has(t.id)) ?? [];
    if (certificate && terms.length > 0 && !terms.some((t) => inside(sources.get(t.id)!.node, declaration))) {
        // The contradiction lives in another declaration, which reports it; say so once here.
        const owner = AstUtils.getContainerOfType(sources.get(terms[0]!.id)!.node,
            (n) => isCredalDeclaration(n)) as { name?: string } | undefined;
        ctx.note('info', IssueCodes.DependsOnError,
            `depends on ${owner?.name ?? 'another credal set'}, which is empty (its assessments incur sure loss)`,
            { node: declaration, property: 'name' }, { dependsOn: owner?.name });
        return;
    }
    const described = terms.map((t) => {
        const source = sources.get(t.id)!;
        const rhs = rhsOf(K.credal, t.id, t.rel);
        const written = rhs ? inWrittenTerms(source, t.rel, rhs) : undefined;
        const text = written ? `${source.form} ${REL_WORDS[written.rel]} ${written.value}`
            : `${source.form} ${REL_WORDS[t.rel]} ${sourceText(source.boundNode)}`;
        return { term: t, source, text: `${t.multiplier} × (${text})` };
    });
    const gamble = certificate ? `(${certificate.gamble.map(String).join(', ')})` : undefined;
    const message = described.length > 0 && gamble
        ? `${name} is empty: the assessments incur sure loss. Accepting ${described.map((d) => d.text).join(' and ')} yields the gamble ${gamble}, which loses in every outcome (a Dutch book)`
        : `${name} is empty: no distribution satisfies all of its constraints`;
    const related: RelatedIssueInfo[] = described.map((d) => ({ node: d.source.node,
        message: `multiplier ${d.term.multiplier} in the sure-loss combination` }));
    ctx.note('error', IssueCodes.Empty, message, { node: declaration, property: 'name' }, {
        certificate: certificate ? { terms: certificate.terms.map((t) => ({ id: t.id, rel: t.rel, multiplier: String(t.multiplier) })),
            gamble: certificate.gamble.map(String) } : undefined,
    }, related);
}

/** The right-hand side of assessment `id` with relation `rel`, looked up in the set's structure. */
function rhsOf(K: credal.CredalSet, id: string, rel: string): Rational | undefined {
    const s = K.structure;
    if (s.kind === 'constraints') return s.constraints.find((c) => c.id === id && c.rel === rel)?.rhs;
    if (s.kind === 'intervals') {
        const x = s.ids.indexOf(id);
        return x < 0 ? undefined : rel === '<=' ? s.upper[x] : s.lower[x];
    }
    if (s.kind === 'intersection') {
        for (const part of s.parts) {
            const r = rhsOf(part, id, rel);
            if (r) return r;
        }
    }
    return undefined;
}

function redundancy(ctx: EvalContext, declaration: AstNode, K: CredalValue, sources: ReadonlyMap<string, Assessment>,
    data: { generators?: number[]; constraints?: string[] }): void {
    const generators = K.sources?.generators ?? [];
    for (const index of data.generators ?? []) {
        const site = generators[index];
        const node = site && nodeAtSite(site, declaration);
        if (node && inside(node, declaration)) {
            ctx.note('info', IssueCodes.Redundant,
                `\`${sourceText(node)}\` is not an extreme point: it is a mixture of the other generators and can be removed`,
                { node }, { generator: index, deleteRange: rangeOf(node) });
        }
    }
    const redundant = [...new Set(data.constraints ?? [])].map((id) => ({ id, source: sources.get(id) }))
        .filter((r) => r.source && inside(r.source.node, declaration));
    const count = redundant.length;
    for (const { id, source } of redundant) {
        // Each is implied by the others, but removing them all may change the set: say so, and fix one at a time.
        const message = count === 1 ? 'this constraint is implied by the others and can be removed'
            : `this constraint is implied by the others; any one of these ${NUMBER_WORDS[count] ?? String(count)} can be removed, not all`;
        const related = count === 1 ? undefined : redundant.filter((r) => r.id !== id).map((r) => ({ node: r.source!.node,
            message: 'also implied by the others' }));
        ctx.note('info', IssueCodes.Redundant, message, { node: source!.node }, { constraint: id, deleteRange: rangeOf(source!.node) },
            related);
    }
}

function ddtIssues(ctx: EvalContext, declaration: DdtDeclaration, N: DdtValue): void {
    const r = solveDdtIn(N, ctx.budget);
    const policyNode = (name: string): AstNode => declaration.clauses.filter(isPoliciesClause)
        .flatMap((c) => c.policies).find((p) => p.name === name) ?? declaration;
    if (!r.ok) {
        const policy = (r.error.data as { policy?: string } | undefined)?.policy;
        if (r.error.code === IssueCodes.DdtEmpty && policy) {
            ctx.note('error', IssueCodes.DdtEmpty,
                `the belief rules out policy ${policy}: no distribution in it is consistent with ${policy} (Θ_${policy} is empty); fix the belief, or write \`inconsistent exclude\` to drop such policies`,
                { node: policyNode(policy), property: 'name' }, { policy });
        } else if (r.error.code === IssueCodes.Budget) {
            overBudget(ctx, declaration, r.error.message);
        } else if (r.error.code !== IssueCodes.Empty) {
            ctx.note('error', r.error.code, r.error.message, { node: declaration, property: 'name' });
        }
        return;
    }
    for (const note of r.value.notes) {
        if (note.code !== IssueCodes.DdtEmpty) continue;
        const policy = (note.data as { policy: string }).policy;
        ctx.note(note.severity === 'warning' ? 'warning' : 'info', IssueCodes.DdtEmpty, note.message, { node: policyNode(policy),
            property: 'name' }, { policy });
    }
}
