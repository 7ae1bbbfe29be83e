/**
 * The rule selector of a decision tree's drawing (LANGUAGE §9.3). The server marks the drawing (protocol.ts,
 * TreeMarkup): the figure names the tree, the rule it highlights as rendered and every rule of the summary;
 * each decision branch lists the rules whose chosen strategies take it. This adds a row of toggle buttons
 * above the drawing and moves the highlight (a class) to the picked rule's branches; nothing is computed
 * and nothing asked of the server. The pick is kept by tree name, so it survives the drawing being
 * rendered again, until the reader, a code lens or a hover link picks another rule.
 */
import { TreeMarkup } from '../../language-server/src/protocol.js';

const SELECTOR_CLASS = 'credal-tree-rules';
const BUTTON_CLASS = 'credal-tree-rule';

interface RuleChoice {
    kind: string;
    title: string;
}

export class TreeRules {
    /** The picked rule of each tree, by name. */
    private readonly picked: Map<string, string>;

    /** `changed` hears the reader's picks (not those of `select`), with every pick so far. */
    constructor(saved: Record<string, string> | undefined, private readonly changed: (tree: string, rule: string,
        all: Record<string, string>) => void) {
        this.picked = new Map(Object.entries(saved ?? {}).filter(([tree, rule]) => typeof tree === 'string' && typeof rule === 'string'));
    }

    /** A lens or hover link picked `rule` for `tree`: shown now in every drawing of the tree, and in those still to come. */
    select(tree: string, rule: string, root: ParentNode): void {
        this.picked.set(tree, rule);
        for (const figure of figures(root)) if (figure.dataset.tree === tree) this.show(figure);
    }

    /** Every pick so far (for the webview's saved state). */
    all(): Record<string, string> {
        return Object.fromEntries(this.picked);
    }

    /** Gives each tree drawing under `root` its selector (once) and the highlight of its tree's picked rule. */
    decorate(root: ParentNode): void {
        for (const figure of figures(root)) {
            if (!figure.querySelector(`:scope > .${SELECTOR_CLASS}`)) this.addSelector(figure);
            this.show(figure);
        }
    }

    private addSelector(figure: HTMLElement): void {
        const rules = rulesOf(figure);
        if (rules.length < 2) return;
        const row = document.createElement('div');
        row.className = SELECTOR_CLASS;
        row.setAttribute('role', 'group');
        row.setAttribute('aria-label', `Highlight the branches of the strategies a rule chooses in ${figure.dataset.tree ?? 'the tree'}`);
        for (const rule of rules) {
            const button = document.createElement('button');
            button.type = 'button';
            button.className = BUTTON_CLASS;
            button.dataset.rule = rule.kind;
            button.textContent = rule.title;
            button.title = `Thick branches: the strategies ${rule.title} chooses (normal form)`;
            button.addEventListener('click', () => this.pick(figure, rule.kind));
            row.appendChild(button);
        }
        figure.insertBefore(row, figure.firstChild);
    }

    private pick(figure: HTMLElement, rule: string): void {
        const tree = figure.dataset.tree;
        if (tree === undefined) return;
        this.picked.set(tree, rule);
        for (const other of figures(figure.ownerDocument)) if (other.dataset.tree === tree) this.show(other);
        this.changed(tree, rule, this.all());
    }

    /** Moves the highlight of one drawing to its tree's picked rule (the rendered one if none, or if the tree lost that rule). */
    private show(figure: HTMLElement): void {
        const rules = rulesOf(figure);
        const wanted = figure.dataset.tree === undefined ? undefined : this.picked.get(figure.dataset.tree);
        const rule = rules.find(r => r.kind === wanted) ?? rules.find(r => r.kind === figure.dataset.rule);
        if (!rule) return;
        for (const branch of Array.from(figure.querySelectorAll<SVGElement>(`.${TreeMarkup.branch}`))) {
            const taking = (branch.getAttribute('data-rules') ?? '').split(' ');
            branch.classList.toggle(TreeMarkup.chosen, taking.includes(rule.kind));
        }
        const name = figure.querySelector(`.${TreeMarkup.ruleName}`);
        if (name && name.textContent !== rule.title) name.textContent = rule.title;
        for (const button of Array.from(figure.querySelectorAll<HTMLButtonElement>(`.${BUTTON_CLASS}`))) {
            button.setAttribute('aria-pressed', String(button.dataset.rule === rule.kind));
        }
        // For the tests: the rule this drawing highlights now.
        figure.dataset.shownRule = rule.kind;
    }
}

function figures(root: ParentNode): HTMLElement[] {
    return Array.from(root.querySelectorAll<HTMLElement>(`figure.${TreeMarkup.figure}`));
}

/** The figure's `data-rules`: a JSON list of [kind, title]; anything else counts as no rules. */
function rulesOf(figure: HTMLElement): RuleChoice[] {
    try {
        const parsed: unknown = JSON.parse(figure.dataset.rules ?? '[]');
        if (!Array.isArray(parsed)) return [];
        return parsed.flatMap((entry: unknown) => Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'string'
            ? [{ kind: entry[0], title: entry[1] }] : []);
    } catch {
        return [];
    }
}
