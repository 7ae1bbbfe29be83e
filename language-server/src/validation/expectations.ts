/**
 * `expect CODE in K` (LANGUAGE §8.6): a note that demonstrates an error. The diagnostics with that code
 * inside the declaration K are shown as information ("expected: …", message and data kept whole), so
 * the file passes `credal check`; if K raises no such diagnostic, E-EXPECT at the `expect`. Whether K
 * raises it is known only once every check has run (emptiness, say, is found on save), so E-EXPECT is
 * decided on full validations only; the save-aware validator carries it between saves like the others.
 */
import { GrammarUtils, type LangiumDocument } from 'langium';
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver';
import { isExpect, isModel, type Expect } from '../generated/ast.js';
import { targetOf } from '../linking/safe-ref.js';
import { IssueCodes } from '../diagnostics/codes.js';

/** The codes of SEMANTICS.md §A.9: the only ones an `expect` may name. */
const EXPECTABLE_CODES: ReadonlySet<string> = new Set([
    'E-SET-EMPTY', 'E-SET-DUP', 'E-ELEM-UNKNOWN', 'E-TYPE', 'E-GAMBLE-PARTIAL', 'E-DIST-NEG', 'E-DIST-SUM', 'E-BOUND-RANGE',
    'E-BOUND-ORDER', 'E-STRICT', 'E-OPEN', 'E-NONCONVEX', 'E-EMPTY', 'E-PARAM-RANGE', 'E-COND-NULL', 'E-IB-RANGE', 'E-IB-NULL',
    'E-INFRA-NEG', 'E-INFRA-NORM', 'E-NOT-CRISP', 'E-KERNEL-PARTIAL', 'E-KERNEL-SET', 'E-RULE-INFRA', 'E-DEMPSTER-CONFLICT',
    'E-TREE-PARTITION', 'E-DDT-EMPTY', 'W-NOT-COHERENT', 'W-ZERO-COND', 'W-DDT-UNREACHABLE', 'W-DUP-GEN',
    'I-HULL', 'I-REDUNDANT', 'I-PRECISE', 'I-IMPLICIT-ZERO', 'I-ENUM-LIMIT'
]);

const codeOf = (diagnostic: Diagnostic): unknown => (diagnostic.data as { code?: unknown } | undefined)?.code ?? diagnostic.code;

function within(inner: Range, outer: Range): boolean {
    const before = (a: Range['start'], b: Range['start']): boolean => a.line < b.line || (a.line === b.line && a.character <= b.character);
    return before(outer.start, inner.start) && before(inner.end, outer.end);
}

/**
 * The diagnostics with every expected one turned into information (same index), then the E-EXPECT
 * diagnostics of expectations that nothing met (only when `decide`: every check has run).
 */
export function applyExpectations(document: LangiumDocument, diagnostics: readonly Diagnostic[], decide: boolean): Diagnostic[] {
    const model = document.parseResult?.value;
    const expects = isModel(model) ? model.statements.filter(isExpect) : [];
    if (expects.length === 0) return [...diagnostics];
    const out = [...diagnostics];
    const unmet: Diagnostic[] = [];
    for (const expect of expects) {
        const code = codeText(expect);
        if (!EXPECTABLE_CODES.has(code)) {
            unmet.push(expectDiagnostic(expect,
                `only the codes of SEMANTICS.md §A.9 can be expected, and \`${code}\` is not one of them (E-EMPTY, W-ZERO-COND, I-REDUNDANT, …)`, 'code'));
            continue;
        }
        // An unresolved target is reported by linking.
        const range = targetOf(expect.target)?.$cstNode?.range;
        if (!range) continue;
        let met = false;
        out.forEach((diagnostic, i) => {
            if (codeOf(diagnostic) !== code || !within(diagnostic.range, range)) return;
            met = true;
            if ((diagnostic.data as { expected?: boolean } | undefined)?.expected) return;
            out[i] = {
                ...diagnostic, severity: DiagnosticSeverity.Information, message: `expected: ${diagnostic.message}`,
                data: { ...(diagnostic.data as object | undefined), expected: true }
            };
        });
        if (!met && decide) {
            unmet.push(expectDiagnostic(expect, `\`${expect.target.$refText}\` was expected to raise ${code} but is fine`));
        }
    }
    return [...out, ...unmet];
}

/** The code as written, without the spaces the grammar tolerates between its words. */
export function codeText(expect: Expect): string {
    return (expect.code ?? '').replace(/\s+/g, '');
}

function expectDiagnostic(expect: Expect, message: string, property?: 'code'): Diagnostic {
    const cst = expect.$cstNode!;
    const range = (property && GrammarUtils.findNodeForProperty(cst, property)?.range) || cst.range;
    return { severity: DiagnosticSeverity.Error, range, message, source: 'credal', data: { code: IssueCodes.Expect } };
}

