/** Derived facts of evaluated values (see value-facts.ts). */
export { type OptimalityRegions } from './decision-facts.js';
export type { Fact, FactLimits } from './fact.js';
export { DEFAULT_FACT_TIMEOUT_MS, ValueFacts } from './value-facts.js';
export { type TreeFacts } from './tree-facts.js';
