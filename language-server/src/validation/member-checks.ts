/**
 * `D.` without a member name (LANGUAGE §8.7, §8.9): one E-SYNTAX on the first token that is wrong, the one
 * after the dot, instead of a misparse of the call around it.
 */
import { GrammarUtils, type ValidationAcceptor } from 'langium';
import type { MemberAccess } from '../generated/ast.js';
import { IssueCodes } from '../diagnostics/codes.js';

export function checkMemberName(access: MemberAccess, accept: ValidationAcceptor): void {
    if (access.member !== undefined || !access.$cstNode) return;
    const dot = GrammarUtils.findNodeForKeyword(access.$cstNode, '.');
    if (!dot) return;
    const text = access.$cstNode.root.fullText;
    let at = dot.end;
    while (at < text.length && /\s/.test(text[at]!)) at++;
    const found = at < text.length ? text.slice(at).match(/^(\S+?)(?=[\s,)\]}]|$)|^\S/)?.[0] ?? text[at]! : undefined;
    const before = text.slice(0, at);
    const line = before.split('\n').length - 1;
    const character = at - (before.lastIndexOf('\n') + 1);
    const name = access.receiver?.ref?.$refText ?? '';
    accept('error', `expected the name of an act or policy after \`${name}.\`, found ${found ? `\`${found}\`` : 'the end of the note'}`, {
        node: access, range: { start: { line, character }, end: { line, character: character + (found?.length ?? 0) } },
        data: { code: IssueCodes.Syntax }
    });
}
