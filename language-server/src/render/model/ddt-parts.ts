import type { DdtValue } from '../../evaluation/values.js';
import { latexName } from '../latex/names.js';
import { latexRational } from '../latex/numbers.js';
import { latexSetElements, latexVector } from '../latex/values.js';
import type { Cell, Part } from './parts.js';
import type { RenderEnv } from './render-env.js';

/**
 * A DDT problem (SEMANTICS Part B): the disambiguation formula, then one row per policy with its
 * consistency event E_π, its value V(π), Murphy's worst-case vertex, and the optimal policies marked.
 */
export function ddtValueParts(value: DdtValue, beliefTex: string, env: RenderEnv): Part[] {
    const { problem } = value;
    const loss = problem.orientation === 'loss';
    const nirvana = problem.semantics?.kind === 'nirvana0';
    const parts: Part[] = [{
        type: 'math',
        tex: `\\Theta_\\pi=${beliefTex}\\cap\\Delta E_\\pi,\\qquad V(\\pi)=${loss ? '\\max' : '\\min'}_{\\mu\\in\\Theta_\\pi}E_\\mu[${loss ? 'L' : 'U'}],\\qquad \\pi^*\\in\\arg${loss ? '\\min' : '\\max'}_\\pi V(\\pi)`,
        remark: nirvana ? 'nirvana0 semantics: mass outside E_π earns the top value' : undefined
    }];
    const solved = env.values.facts.ddtFacts(value).solution(env.limits());
    if (!solved.ok) {
        parts.push({ type: 'text', tone: 'error', text: `${solved.error.code}: ${solved.error.message}` });
        return parts;
    }
    const head: Cell[] = [{ text: 'policy' }, { tex: 'E_\\pi' }, { tex: 'V(\\pi)' }, { text: 'optimal' }, { text: 'worst case' }];
    const rows = solved.value.policies.map((result, i) => {
        const policy = problem.policies[i];
        const consistent = policy ? latexSetElements(value.set, policy.consistent) : '';
        return [
            { tex: latexName(result.policy) },
            { tex: consistent },
            result.status === 'ok' && result.value ? { tex: latexRational(result.value) } : { text: result.status },
            solved.value.optimal.includes(result.policy) ? { text: '✓', mark: true } : { text: '' },
            result.worstVertex ? { tex: latexVector(result.worstVertex) } : { text: '' }
        ];
    });
    parts.push({ type: 'table', caption: `${value.name}: value of each policy (✓ = optimal)`, head, rows });
    return parts;
}
