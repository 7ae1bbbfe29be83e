/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, ch => HTML_ENTITIES[ch]);
}

const HTML_ENTITIES: Record<string, string> = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#39;'
};
