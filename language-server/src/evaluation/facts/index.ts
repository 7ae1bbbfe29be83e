/** Derived facts of evaluated values (see value-facts.ts). */
export { MAX_ELEMENT_ROWS, type CredalFacts } from './credal-facts.js';
export { type DdtFacts } from './ddt-facts.js';
export { REGION_SET_SIZES, type ActRegion, type DecisionFacts, type OptimalityRegions } from './decision-facts.js';
export type { Fact, FactLimits } from './fact.js';
export { DEFAULT_FACT_TIMEOUT_MS, ValueFacts, type FactRequest } from './value-facts.js';
export { type TreeFacts } from './tree-facts.js';
