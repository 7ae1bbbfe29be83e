/**
 * Evaluator values across the worker boundary. `postMessage` clones plain data (bigints included) but
 * not class instances, so a value is sent as plain data: rationals tagged as `{ $q: [num, den] }`. Values
 * hold no syntax nodes (evaluation/values.ts): where something was written is a site, which means the
 * same in both threads. A value holding engine objects (credal sets, decision and DDT problems) is not sent: such a
 * statement is marked `local`, and the main thread builds it itself (constructing one is cheap; the
 * LP-heavy queries on it are what the worker takes away).
 */
import { Rational } from '../math/rational.js';
import type { StatementResult } from '../evaluation/evaluator.js';
import type { Value } from '../evaluation/values.js';

/** A value as plain, cloneable data. */
type TransferValue = unknown;

export interface TransferStatementResult {
    readonly kind: 'eval' | 'assert';
    /** The statement's value holds engine objects: evaluate it on the main thread instead. */
    readonly local: boolean;
    readonly value?: TransferValue;
    readonly ok?: boolean;
    readonly left?: TransferValue;
    readonly right?: TransferValue;
    readonly relation?: string;
}

class NotTransferable extends Error {}

function encode(value: unknown, depth: number): unknown {
    if (depth > 64) throw new NotTransferable();
    if (value === null || typeof value !== 'object') {
        if (typeof value === 'function' || typeof value === 'symbol') throw new NotTransferable();
        return value;
    }
    if (value instanceof Rational) return { $q: [value.num, value.den] };
    if (Array.isArray(value)) return value.map((item) => encode(item, depth + 1));
    if (Object.getPrototypeOf(value) !== Object.prototype) throw new NotTransferable();
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = encode(item, depth + 1);
    return out;
}

function decode(value: unknown): unknown {
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map(decode);
    const record = value as Record<string, unknown>;
    if (Array.isArray(record.$q)) return Rational.of(record.$q[0] as bigint, record.$q[1] as bigint);
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(record)) out[key] = decode(item);
    return out;
}

/** The value as plain data, or undefined when it holds engine objects. */
function encodeValue(value: Value | undefined): TransferValue | undefined {
    if (value === undefined) return undefined;
    try {
        return encode(value, 0);
    } catch (error) {
        if (error instanceof NotTransferable) return undefined;
        throw error;
    }
}

function decodeValue(value: TransferValue): Value {
    return decode(value) as Value;
}

export function encodeStatementResult(result: StatementResult): TransferStatementResult {
    const value = encodeValue(result.value);
    const left = encodeValue(result.left);
    const right = encodeValue(result.right);
    const local = value === undefined || (result.left !== undefined && left === undefined) || (result.right !== undefined
        && right === undefined);
    if (local) return { kind: result.kind, local: true };
    return { kind: result.kind, local: false, value, ok: result.ok, left, right, relation: result.relation };
}

/** The main thread's StatementResult for a worker result (issues stay with the worker's diagnostics). */
export function decodeStatementResult(result: TransferStatementResult): StatementResult | undefined {
    if (result.local || result.value === undefined) return undefined;
    return {
        kind: result.kind,
        value: decodeValue(result.value),
        ok: result.ok,
        left: result.left === undefined ? undefined : decodeValue(result.left),
        right: result.right === undefined ? undefined : decodeValue(result.right),
        relation: result.relation,
        issues: []
    };
}
