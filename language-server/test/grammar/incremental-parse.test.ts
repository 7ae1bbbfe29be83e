import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AstUtils, CstUtils, isReference, type AstNode, type CstNode, type ParseResult } from 'langium';
import { describe, expect, it } from 'vitest';
import { generatedNote } from '../../../bench/lsp/generated-note.js';
import { spliceParse } from '../../src/syntax/statement-splice.js';
import { applyEdit, randomEdit, seededRandom } from '../support/random-edits.js';
import { credalTestKit } from './credal-test-kit.js';

// The incremental parse against a full parse of the same text, after every one of many random edits:
// the same AST (with containers and indices), the same CST leaves with their offsets and positions,
// the same ranges of every node, the same errors.

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SAMPLES = readdirSync(path.join(ROOT, 'samples')).filter((name) => name.endsWith('.cred')).sort();
const EDITS = Number(process.env.CREDAL_INCREMENTAL_EDITS ?? 25);

const { services } = credalTestKit();
const parser = services.Credal.parser.LangiumParser;
const parse = (text: string): ParseResult<AstNode> => parser.parse(text);

function dump(result: ParseResult<AstNode>): unknown {
    const root = result.value;
    const nodes = AstUtils.streamAst(root).map((node) => {
        const own: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(node)) {
            if (key.startsWith('$')) continue;
            const items = Array.isArray(value) ? value : [value];
            own[key] = items.map((item: unknown) => isReference(item)
                ? `ref ${item.$refText} @${item.$refNode?.offset}`
                : item && typeof item === 'object' ? (item as AstNode).$type : item);
        }
        const container = node.$container;
        return {
            type: node.$type, own, property: node.$containerProperty, index: node.$containerIndex,
            containerType: container?.$type, containerStart: container?.$cstNode?.offset,
            cst: node.$cstNode && { offset: node.$cstNode.offset, range: node.$cstNode.range, text: node.$cstNode.text }
        };
    }).toArray();
    const leaves = CstUtils.streamCst(root.$cstNode!).filter((cst: CstNode) => !('content' in cst)).map((leaf) => ({
        offset: leaf.offset, length: leaf.length, range: leaf.range, hidden: leaf.hidden, text: leaf.text,
        astType: leaf.astNode.$type, parentStart: leaf.container?.offset
    })).toArray();
    const errors = [...result.lexerErrors.map((e) => e.message), ...result.parserErrors.map((e) => e.message)];
    return { nodes, leaves, errors, text: root.$cstNode?.root.fullText };
}

function editSequence(name: string, text: string, seed: number, edits: number): { spliced: number; full: number } {
    const random = seededRandom(seed);
    let current = text;
    let result = parse(current);
    let clean = current;
    const counts = { spliced: 0, full: 0 };
    for (let k = 0; k < edits; k++) {
        // Like typing: an edit that breaks the note is often undone (or completed) by the next one.
        const broken = result.lexerErrors.length + result.parserErrors.length > 0;
        const edit = broken && random() < 0.6 ? { offset: 0, length: current.length, text: clean } : randomEdit(current, random);
        const next = applyEdit(current, edit);
        const spliced = spliceParse(result, current, next, parse);
        const full = parse(next);
        if (full.lexerErrors.length + full.parserErrors.length === 0) clean = next;
        if (spliced) {
            counts.spliced++;
            expect(dump(spliced), `${name}, edit ${k}: ${JSON.stringify(edit).slice(0, 200)}`).toEqual(dump(full));
            result = spliced;
        } else {
            counts.full++;
            result = full;
        }
        current = next;
    }
    return counts;
}

describe('incremental parsing equals a full parse', () => {
    it.each(SAMPLES)('random edits of %s', (name) => {
        const text = readFileSync(path.join(ROOT, 'samples', name), 'utf8');
        const counts = editSequence(name, text, name.length * 7919, EDITS);
        expect(counts.spliced + counts.full).toBe(EDITS);
    }, 300_000);

    it('random edits of a generated note: many edits are spliced', () => {
        const counts = editSequence('generated', generatedNote(120), 20261207, EDITS * 2);
        // Random character edits leave about half the statements they touch broken, and a broken fragment is
        // parsed whole; the rest must splice (24 of 50 with this seed and grammar).
        expect(counts.spliced).toBeGreaterThan((EDITS * 2) / 3);
    }, 300_000);

    it('an edit in the middle re-parses only the touched statement and keeps the other nodes', () => {
        const text = 'set S = {a, b}\nlet x = 1\n/** doc */\nlet y = x + 2\nlet z = y\n';
        const before = parse(text);
        const statements = [...(before.value as AstNode & { statements: AstNode[] }).statements];
        const next = text.replace('x + 2', 'x + 23');
        const spliced = spliceParse(before, text, next, parse)!;
        expect(dump(spliced)).toEqual(dump(parse(next)));
        const after = (spliced.value as AstNode & { statements: AstNode[] }).statements;
        expect(after[0]).toBe(statements[0]);
        expect(after[1]).toBe(statements[1]);
        expect(after[2]).not.toBe(statements[2]);
        expect(after[3]).toBe(statements[3]);
    });

    it('a splice that would change the tree\'s structure falls back to a full parse', () => {
        const text = 'let x = 1\nlet y = 2\nlet z = 3\n';
        expect(spliceParse(parse(text), text, text.replace('2', '(2'), parse)).toBeUndefined();
        const unclosed = text.replace('let y', '/* let y');
        expect(spliceParse(parse(text), text, unclosed, parse)).toBeUndefined();
    });
});
