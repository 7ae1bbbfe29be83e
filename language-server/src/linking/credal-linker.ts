import { DefaultLinker, type AstNodeDescription, type LinkingError, type ReferenceInfo } from 'langium';
import type { LangiumServices } from 'langium/lsp';
import type { SetInference } from './set-inference.js';
import { explainUnresolved } from './unresolved-explanation.js';
import type { DiagnosticCode } from '../diagnostics/codes.js';

/**
 * A linking error that knows its diagnostic code and, when there is one, the name it most likely means;
 * `silent` marks an integer that is simply a number.
 */
export interface CredalLinkingError extends LinkingError {
    code?: DiagnosticCode;
    suggestion?: string;
    silent?: boolean;
}

/** Langium's linker with messages a person understands and stable codes (E-UNRESOLVED, E-ELEM-UNKNOWN). */
export class CredalLinker extends DefaultLinker {
    private readonly inference: () => SetInference;

    constructor(services: LangiumServices & { linking: { SetInference: SetInference } }) {
        super(services);
        this.inference = () => services.linking.SetInference;
    }

    protected override createLinkingError(refInfo: ReferenceInfo, targetDescription?: AstNodeDescription): LinkingError {
        const error: CredalLinkingError = super.createLinkingError(refInfo, targetDescription);
        try {
            const explanation = explainUnresolved(refInfo, this.inference());
            if (explanation === 'silent') {
                error.silent = true;
                error.message = `\`${refInfo.reference.$refText}\` is a number here, not a reference`;
            } else {
                error.code = explanation.code;
                error.message = explanation.message;
                if (explanation.suggestion) error.suggestion = explanation.suggestion;
            }
        } catch {
            // Keep Langium's message rather than fail linking.
        }
        return error;
    }
}
