/**
 * The workspace index, with each note's reference descriptions (what "find references" and rename
 * read) computed when first asked for instead of after every keystroke: building them walks the whole
 * note, a large share of a keystroke's cost in a long one. Names are file-wide (credal-scope-provider.ts),
 * so no note's references can point into another note and a change never affects other documents.
 */
import {
    AstUtils, DefaultIndexManager, type AstNode, type LangiumDocument, type ReferenceDescription, type ReferenceInfo, type Stream, type URI
} from 'langium';

type DescriptionProvider = { createInfoDescriptions(info: ReferenceInfo): ReferenceDescription[] };

export class LazyReferenceIndex extends DefaultIndexManager {
    private readonly pending = new Map<string, LangiumDocument>();

    override async updateReferences(document: LangiumDocument): Promise<void> {
        const uri = document.uri.toString();
        this.referenceIndex.delete(uri);
        this.pending.set(uri, document);
    }

    override findAllReferences(targetNode: AstNode, astNodePath: string): Stream<ReferenceDescription> {
        for (const [uri, document] of this.pending) {
            const workspace = this.serviceRegistry.getServices(document.uri).workspace;
            const provider = workspace.ReferenceDescriptionProvider as unknown as DescriptionProvider;
            const descriptions: ReferenceDescription[] = [];
            for (const node of AstUtils.streamAst(document.parseResult.value)) {
                AstUtils.streamReferences(node).forEach((info) => {
                    if (!info.reference.error) descriptions.push(...provider.createInfoDescriptions(info));
                });
            }
            this.referenceIndex.set(uri, descriptions);
        }
        this.pending.clear();
        return super.findAllReferences(targetNode, astNodePath);
    }

    override isAffected(document: LangiumDocument, changedUris: Set<string>): boolean {
        return this.pending.has(document.uri.toString()) ? false : super.isAffected(document, changedUris);
    }

    override removeReferences(uri: URI): void {
        this.pending.delete(uri.toString());
        super.removeReferences(uri);
    }
}
