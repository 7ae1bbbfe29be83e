import { stream, type AstNodeDescription, type Scope, type Stream } from 'langium';

/**
 * A scope that looks names up in a map instead of scanning a list: Langium's default scope scans the
 * note's declarations once per reference, quadratic in a long note. Same answers as that scope: the
 * first description of a name wins, and all elements come in declaration order, then the outer ones.
 */
export class IndexedScope implements Scope {
    private readonly byName = new Map<string, AstNodeDescription[]>();

    constructor(private readonly elements: readonly AstNodeDescription[], private readonly outer: Scope | undefined) {
        for (const element of elements) {
            const named = this.byName.get(element.name);
            if (named) named.push(element);
            else this.byName.set(element.name, [element]);
        }
    }

    getElement(name: string): AstNodeDescription | undefined {
        return this.byName.get(name)?.[0] ?? this.outer?.getElement(name);
    }

    getElements(name: string): Stream<AstNodeDescription> {
        const local = stream(this.byName.get(name) ?? []);
        return this.outer ? local.concat(this.outer.getElements(name)) : local;
    }

    getAllElements(): Stream<AstNodeDescription> {
        const local = stream(this.elements);
        return this.outer ? local.concat(this.outer.getAllElements()) : local;
    }
}
