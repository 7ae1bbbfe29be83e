import { isComparison, type Assert, type Eval } from '../../generated/ast.js';
import type { Value } from '../../evaluation/values.js';
import { latexExpression } from '../latex/expression.js';
import { latexName } from '../latex/names.js';
import { approximation } from '../latex/numbers.js';
import { latexValue } from '../latex/values.js';
import { credalValueParts } from './credal-parts.js';
import { isPending } from '../../evaluation/evaluator.js';
import { errorParts } from './declaration-parts.js';
import type { Part } from './parts.js';
import type { RenderEnv } from './render-env.js';

/** `eval q` → `q = value` (with the decimal beside a non-terminating number). */
export function evalParts(node: Eval, env: RenderEnv): Part[] {
    const result = env.values.resultOf(node, env.token);
    const query = latexExpression(node.value, env.latexContext());
    const lhs = node.name ? `${latexName(node.name)}=${query}` : query;
    const value = result.value;
    const valueTex = latexValue(value);
    if (valueTex !== undefined) {
        return [{ type: 'math', tex: `${lhs}=${valueTex}`, approx: approximationOf(value) }];
    }
    if (value.kind === 'credal') {
        return [{ type: 'math', tex: lhs }, ...credalValueParts(lhs, node.name ?? 'result', value, env, [])];
    }
    if (value.kind === 'error') return [{ type: 'math', tex: lhs }, ...errorParts(value)];
    return [{ type: 'math', tex: lhs }];
}

/** `assert a rel b` with ✓, or ✗ and both sides' actual values. */
export function assertParts(node: Assert, env: RenderEnv): Part[] {
    const result = env.values.resultOf(node, env.token);
    const claim = latexExpression(node.value, env.latexContext());
    if (isPending(result.value)) return [{ type: 'math', tex: claim }, ...errorParts(result.value)];
    const ok = result.ok === true;
    const parts: Part[] = [{ type: 'math', tex: claim, claim: ok ? 'holds' : 'fails' }];
    if (ok) return parts;
    if (result.value.kind === 'error') return [...parts, ...errorParts(result.value)];
    if (isComparison(node.value) && result.left && result.right) {
        const left = latexValue(result.left);
        const right = latexValue(result.right);
        if (left !== undefined && right !== undefined) {
            parts.push({ type: 'text', tone: 'error', text: 'The claim is false. Actual values:' });
            parts.push({ type: 'math', tex: `${latexExpression(node.value.left, env.latexContext())}=${left},\\qquad ${latexExpression(node.value.right, env.latexContext())}=${right}` });
            return parts;
        }
    }
    for (const side of [result.left, result.right]) {
        if (side?.kind === 'error') return [...parts, ...errorParts(side)];
    }
    parts.push({ type: 'text', tone: 'error', text: 'The claim is false.' });
    return parts;
}

function approximationOf(value: Value): string | undefined {
    return value.kind === 'number' ? approximation(value.value) : undefined;
}
