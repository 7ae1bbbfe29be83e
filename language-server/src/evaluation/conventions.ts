/**
 * The conventions a note may leave open (LANGUAGE §8.5): zero-probability conditioning, the DDT semantics
 * and the handling of inconsistent DDT policies. The most specific word wins: a problem's own clause
 * (or `condition(K, B, rule)`'s argument), then the note's `conventions { … }` block, then the editor
 * setting or CLI flag. Every reader that shows a result names the convention and where it came from.
 */
import { AstUtils, type AstNode } from 'langium';
import { isConventions, isModel, type Conventions } from '../generated/ast.js';
import {
    DDT_INCONSISTENT, DDT_SEMANTICS, SETTING_NAMES, ZERO_CONDITIONING,
    type DdtInconsistentSetting, type DdtSemanticsSetting, type EvaluationSettings, type ZeroConditioningSetting
} from './settings.js';
import { valueDescription } from '../settings/settings-table.js';

/** Where a convention in force comes from, most specific first. */
export type ConventionSource = 'note' | 'conventions' | 'setting';

interface ConventionChoice<T extends string> {
    readonly value: T;
    readonly from: ConventionSource;
}

/** The words each `conventions` key accepts (the first is the default). */
export const CONVENTION_WORDS = {
    conditioning: ZERO_CONDITIONING,
    ddt: DDT_SEMANTICS,
    inconsistent: DDT_INCONSISTENT
} as const;

export type ConventionKey = keyof typeof CONVENTION_WORDS;

/** The note's `conventions` block in force: the first one (a second is an error, validation/conventions-checks.ts). */
function conventionsBlock(node: AstNode): Conventions | undefined {
    const model = AstUtils.findRootNode(node);
    return isModel(model) ? model.statements.find(isConventions) : undefined;
}

/** The word the note's block gives for `key`, when it gives a valid one. */
function noteWord<K extends ConventionKey>(node: AstNode, key: K): (typeof CONVENTION_WORDS)[K][number] | undefined {
    const entry = conventionsBlock(node)?.entries.find((e) => e.key === key);
    const allowed = CONVENTION_WORDS[key] as readonly string[];
    return entry && allowed.includes(entry.value) ? entry.value as (typeof CONVENTION_WORDS)[K][number] : undefined;
}

export function conditioningConvention(node: AstNode, settings: EvaluationSettings): ConventionChoice<ZeroConditioningSetting> {
    const word = noteWord(node, 'conditioning');
    return word ? { value: word, from: 'conventions' } : { value: settings.zeroConditioning, from: 'setting' };
}

export function ddtSemanticsConvention(node: AstNode, settings: EvaluationSettings,
    clause: DdtSemanticsSetting | undefined): ConventionChoice<DdtSemanticsSetting> {
    if (clause) return { value: clause, from: 'note' };
    const word = noteWord(node, 'ddt');
    return word ? { value: word, from: 'conventions' } : { value: settings.ddtSemantics, from: 'setting' };
}

export function inconsistentConvention(node: AstNode, settings: EvaluationSettings,
    clause: DdtInconsistentSetting | undefined): ConventionChoice<DdtInconsistentSetting> {
    if (clause) return { value: clause, from: 'note' };
    const word = noteWord(node, 'inconsistent');
    return word ? { value: word, from: 'conventions' } : { value: settings.ddtInconsistent, from: 'setting' };
}

const SETTING_OF = {
    conditioning: SETTING_NAMES.zeroConditioning, ddt: SETTING_NAMES.ddtSemantics, inconsistent: SETTING_NAMES.ddtInconsistent
} as const satisfies Record<ConventionKey, string>;

/** What a convention word means (the description its setting gives it), for hover and completion. */
export function conventionWordDoc(key: ConventionKey, word: string): string | undefined {
    return valueDescription(SETTING_OF[key], word);
}
const FLAG_OF: Readonly<Record<ConventionKey, string>> = {
    conditioning: '--zero-conditioning', ddt: '--ddt-semantics', inconsistent: '--ddt-inconsistent'
};

/** "from the note's `conventions`", "default from `credal.…` (CLI `--…`)", "from the problem's own clause". */
export function conventionOrigin(key: ConventionKey, from: ConventionSource | 'argument'): string {
    switch (from) {
        case 'note': return 'from the problem\'s own clause';
        case 'argument': return 'from the argument of `condition`';
        case 'conventions': return 'from the note\'s `conventions`';
        case 'setting': return `default from setting \`${SETTING_OF[key]}\` (CLI \`${FLAG_OF[key]}\`)`;
    }
}
