/** The facts of a DDT problem: the solved problem (each policy's value and worst case, the optimum). */
import type { DdtResult } from '../../math/ddt.js';
import { solveDdtIn } from '../problem-solvers.js';
import type { DdtValue } from '../values.js';
import { budgetOf, factOf, FactMemo, type Fact, type FactLimits } from './fact.js';

export interface DdtFacts {
    solution(limits: FactLimits): Fact<DdtResult>;
}

export function ddtFacts(value: DdtValue): DdtFacts {
    const memo = new FactMemo();
    return {
        solution: (limits) => memo.get('solution', () => factOf(() => solveDdtIn(value, budgetOf(limits)))),
    };
}
