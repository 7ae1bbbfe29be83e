import { FUNCTION_BY_NAME, type Slot } from '../../evaluation/builtins.js';
import { CONVENTION_WORDS, type ConventionKey } from '../../evaluation/conventions.js';

/** A token before the cursor (comments and whitespace dropped). */
export interface PlainToken {
    readonly text: string;
    readonly offset: number;
}

/**
 * Where the cursor is, read from the tokens before it (robust while the note is half-typed and
 * does not parse): what kind of thing belongs there.
 */
export type CompletionContext =
    | { readonly kind: 'statement' }
    | { readonly kind: 'slot'; readonly slot: Slot; readonly call?: CallSite }
    | { readonly kind: 'elements'; readonly braceOffset: number; readonly call?: CallSite; readonly factor?: number; readonly declaration?: DeclarationHead }
    | { readonly kind: 'acts'; readonly problem: string }
    | { readonly kind: 'clause'; readonly problem: 'decision' | 'ddt' }
    | { readonly kind: 'words'; readonly words: readonly string[] }
    /** A word of a convention: in a `conventions` block, a DDT's `semantics`/`inconsistent` clause, `condition(K, B, |)`. */
    | { readonly kind: 'convention'; readonly key: ConventionKey }
    | { readonly kind: 'declaration-value'; readonly declaration: DeclarationHead }
    | { readonly kind: 'none' };

/** The call a slot belongs to: `lowerE(K, |)` → callee lowerE, argument 1, first argument `K`. */
export interface CallSite {
    readonly callee: string;
    readonly argument: number;
    /** The first argument when it is a single name (its set decides elements and filters names). */
    readonly firstName?: string;
}

/** The head of the declaration the cursor is in: `credal K on Coin =`. */
export interface DeclarationHead {
    readonly keyword: string;
    readonly name?: string;
    readonly on?: string;
}

const STATEMENT_WORDS = new Set(['let', 'set', 'event', 'dist', 'gamble', 'credal', 'decision', 'ddt', 'eval', 'assert', 'infra',
    'kernel', 'conventions', 'expect']);
const DECISION_CLAUSES = new Set(['belief', 'acts', 'losses']);
const DDT_CLAUSES = new Set(['belief', 'policies', 'utility', 'loss', 'semantics', 'inconsistent']);
const RELATIONS = new Set(['==', '!=', '≠', '\\ne', '\\neq']);

export function completionContext(tokens: readonly PlainToken[], atLineStart: boolean): CompletionContext {
    const stack: number[] = [];
    let statementStart = 0;
    for (let i = 0; i < tokens.length; i++) {
        const text = tokens[i].text;
        if (text === '(' || text === '[' || text === '{') {
            stack.push(i);
        } else if (text === ')' || text === ']' || text === '}') {
            stack.pop();
        } else if (stack.length === 0 && STATEMENT_WORDS.has(text)) {
            statementStart = i;
        }
    }
    const last = tokens[tokens.length - 1]?.text;
    const head = declarationHead(tokens, statementStart);
    if (stack.length === 0) {
        return statementLevel(tokens, statementStart, head, atLineStart);
    }
    const openIndex = stack[stack.length - 1];
    const open = tokens[openIndex];
    const before = tokens[openIndex - 1]?.text;
    if (open.text === '(') {
        return insideParentheses(tokens, openIndex, stack, head);
    }
    if (open.text === '[') {
        if (before === 'E') return { kind: 'slot', slot: 'gamble' };
        if (before === '1') return { kind: 'slot', slot: 'event' };
        return { kind: 'slot', slot: 'number' };
    }
    // `{`
    if (before === 'acts' || before === 'losses' || before === 'policies') {
        if (last === '=') return { kind: 'slot', slot: 'gamble' };
        return { kind: 'none' }; // a new act or policy name
    }
    if (head.keyword === 'conventions' && openIndex === statementStart + 1) {
        if (last !== undefined && Object.hasOwn(CONVENTION_WORDS, last)) return { kind: 'convention', key: last as ConventionKey };
        return { kind: 'words', words: Object.keys(CONVENTION_WORDS) };
    }
    if (isProblemBody(tokens, openIndex)) {
        const problem = tokens[statementStart].text === 'ddt' ? 'ddt' : 'decision';
        switch (last) {
            case 'belief': return { kind: 'slot', slot: 'credal' };
            case 'utility': case 'loss': return { kind: 'slot', slot: 'gamble' };
            case 'semantics': return { kind: 'convention', key: 'ddt' };
            case 'inconsistent': return { kind: 'convention', key: 'inconsistent' };
            case 'top': return { kind: 'slot', slot: 'number' };
            default: return clauseOrValue(tokens, openIndex, problem);
        }
    }
    if (head.keyword === 'set' && openIndex === statementStart + 3) {
        return { kind: 'none' }; // declaring new elements
    }
    if (before === 'hull') {
        return { kind: 'slot', slot: 'credal' };
    }
    if (last === ':' || (last !== '{' && last !== ',' && last !== undefined && !isOperatorBeforeElement(last))) {
        return { kind: 'slot', slot: last === ':' ? 'number' : 'any' };
    }
    const compared = tokens[openIndex - 1];
    if (compared && RELATIONS.has(compared.text)) {
        const problem = chooseProblemBefore(tokens, openIndex - 1);
        if (problem) return { kind: 'acts', problem };
    }
    const call = enclosingCall(tokens, stack.slice(0, -1));
    const inCall = call && stack.length >= 2 && tokens[stack[stack.length - 2]].text === '(';
    return { kind: 'elements', braceOffset: open.offset, ...(inCall ? { call } : {}), declaration: head };
}

function statementLevel(tokens: readonly PlainToken[], start: number, head: DeclarationHead, atLineStart: boolean): CompletionContext {
    const last = tokens[tokens.length - 1]?.text;
    if (tokens.length === 0 || (atLineStart && tokens.length > 0 && !endsInOperator(last!))) {
        return { kind: 'statement' };
    }
    if (last === 'on') return { kind: 'slot', slot: 'set' };
    if (last === '=' && tokens.length - 1 > start && head.keyword !== 'eval') {
        return { kind: 'declaration-value', declaration: head };
    }
    if (STATEMENT_WORDS.has(last!) && last !== 'eval' && last !== 'assert') {
        return { kind: 'none' }; // a new name is being typed
    }
    if (tokens.length - 1 === start + 1 && head.keyword !== 'eval' && head.keyword !== 'assert') {
        return { kind: 'none' };
    }
    if (last === '|' || last === '\\mid') return { kind: 'slot', slot: 'event' };
    return { kind: 'slot', slot: head.keyword === 'credal' ? 'credal' : 'any' };
}

function insideParentheses(tokens: readonly PlainToken[], openIndex: number, stack: readonly number[],
    head: DeclarationHead): CompletionContext {
    const call = callSite(tokens, openIndex);
    if (!call) {
        // A tuple: inside an element literal on a product it names one factor's element.
        const outer = stack.length >= 2 ? tokens[stack[stack.length - 2]] : undefined;
        if (outer?.text === '{') {
            return { kind: 'elements', braceOffset: outer.offset, factor: commasAt(tokens, openIndex), declaration: head };
        }
        return { kind: 'slot', slot: 'any' };
    }
    if (call.callee === 'point') {
        return { kind: 'elements', braceOffset: tokens[openIndex].offset, call, declaration: head };
    }
    const builtin = FUNCTION_BY_NAME.get(call.callee);
    if (!builtin) {
        return { kind: 'slot', slot: 'any' };
    }
    if (call.callee === 'value' && call.argument === 1 && call.firstName) {
        return { kind: 'acts', problem: call.firstName };
    }
    if ((call.callee === 'choose' && call.argument === 1) || (call.callee === 'value' && call.argument === 2)) {
        return { kind: 'slot', slot: 'rule', call };
    }
    const slot = builtin.args[Math.min(call.argument, builtin.args.length - 1)] ?? 'any';
    return { kind: 'slot', slot, call };
}

function callSite(tokens: readonly PlainToken[], openIndex: number): CallSite | undefined {
    const callee = tokens[openIndex - 1]?.text;
    if (!callee || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(callee)) {
        return undefined;
    }
    const argument = commasAt(tokens, openIndex);
    const first = tokens[openIndex + 1];
    const afterFirst = tokens[openIndex + 2];
    const firstName = first && /^[A-Za-z_\u0370-\u03FF]/.test(first.text) && (afterFirst?.text === ',' || afterFirst === undefined)
        ? first.text : undefined;
    return { callee, argument, ...(firstName && argument > 0 ? { firstName } : {}) };
}

function enclosingCall(tokens: readonly PlainToken[], stack: readonly number[]): CallSite | undefined {
    for (let k = stack.length - 1; k >= 0; k--) {
        if (tokens[stack[k]].text === '(') {
            return callSite(tokens, stack[k]);
        }
    }
    return undefined;
}

/** Number of commas directly inside the bracket opened at `openIndex`, up to the end. */
function commasAt(tokens: readonly PlainToken[], openIndex: number): number {
    let depth = 0;
    let commas = 0;
    for (let i = openIndex + 1; i < tokens.length; i++) {
        const text = tokens[i].text;
        if (text === '(' || text === '[' || text === '{') depth++;
        else if (text === ')' || text === ']' || text === '}') depth--;
        else if (text === ',' && depth === 0) commas++;
    }
    return commas;
}

function declarationHead(tokens: readonly PlainToken[], start: number): DeclarationHead {
    const keyword = tokens[start]?.text ?? '';
    const name = tokens[start + 1]?.text;
    const on = tokens[start + 2]?.text === 'on' ? tokens[start + 3]?.text : undefined;
    return { keyword, ...(name && /^[A-Za-z_\u0370-\u03FF]/.test(name) ? { name } : {}), ...(on ? { on } : {}) };
}

/** `decision D on X {` / `ddt N {`: the brace opens a problem body. */
function isProblemBody(tokens: readonly PlainToken[], openIndex: number): boolean {
    for (let i = openIndex - 1; i >= 0 && i >= openIndex - 4; i--) {
        if (tokens[i].text === 'decision' || tokens[i].text === 'ddt') {
            return true;
        }
    }
    return false;
}

function clauseOrValue(tokens: readonly PlainToken[], openIndex: number, problem: 'decision' | 'ddt'): CompletionContext {
    const last = tokens[tokens.length - 1];
    if (tokens.length - 1 === openIndex || last.text === '}' || (DECISION_CLAUSES.has(tokens[tokens.length - 2]?.text ?? '')
        || DDT_CLAUSES.has(tokens[tokens.length - 2]?.text ?? ''))
        || /^[A-Za-z0-9_)\]]/.test(last.text)) {
        return { kind: 'clause', problem };
    }
    return { kind: 'slot', slot: 'any' };
}

function chooseProblemBefore(tokens: readonly PlainToken[], relationIndex: number): string | undefined {
    // `choose(D, rule) == {` : walk back to the matching `(`.
    let depth = 0;
    for (let i = relationIndex - 1; i >= 0; i--) {
        const text = tokens[i].text;
        if (text === ')') depth++;
        else if (text === '(') {
            depth--;
            if (depth === 0) {
                return tokens[i - 1]?.text === 'choose' ? tokens[i + 1]?.text : undefined;
            }
        }
    }
    return undefined;
}

function isOperatorBeforeElement(text: string): boolean {
    return ['∪', '\\cup', 'cup', '∩', '\\cap', 'cap', '∖', '\\setminus', 'minus'].includes(text);
}

function endsInOperator(text: string): boolean {
    return /^[-+*/^=<>≤≥≠∈∪∩∖×⊠|,:(]$/.test(text) || /^(\\[a-z]+|in|cup|cap|minus|on)$/.test(text);
}
