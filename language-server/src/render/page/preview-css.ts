/**
 * The look of the preview and the standalone page. Colours come from VS Code's theme variables when
 * the page is a webview, and fall back to a light theme (or a dark one, by the system setting) in a
 * plain browser. KaTeX errors take `--credal-error-color`.
 */
export const PREVIEW_CSS = `
:root {
  --credal-fg: var(--vscode-editor-foreground, #1f2328);
  --credal-bg: var(--vscode-editor-background, #ffffff);
  --credal-muted: var(--vscode-descriptionForeground, #59636e);
  --credal-border: var(--vscode-panel-border, #d1d9e0);
  --credal-accent: var(--vscode-textLink-foreground, #0969da);
  --credal-ok: var(--vscode-testing-iconPassed, #1a7f37);
  --credal-error-color: var(--vscode-errorForeground, #cf222e);
  --credal-chosen-bg: var(--vscode-editor-selectionHighlightBackground, rgba(84, 174, 255, 0.18));
  --credal-head-bg: var(--vscode-editorWidget-background, #f6f8fa);
  color-scheme: light dark;
}
/* A plain browser in dark mode; in a VS Code webview the theme's variables still win. */
@media (prefers-color-scheme: dark) {
  :root {
    --credal-fg: var(--vscode-editor-foreground, #e6edf3);
    --credal-bg: var(--vscode-editor-background, #0d1117);
    --credal-muted: var(--vscode-descriptionForeground, #9198a1);
    --credal-border: var(--vscode-panel-border, #3d444d);
    --credal-accent: var(--vscode-textLink-foreground, #4493f8);
    --credal-ok: var(--vscode-testing-iconPassed, #3fb950);
    --credal-error-color: var(--vscode-errorForeground, #f85149);
    --credal-chosen-bg: var(--vscode-editor-selectionHighlightBackground, rgba(56, 139, 253, 0.22));
    --credal-head-bg: var(--vscode-editorWidget-background, #151b23);
  }
}
body.vscode-light { color-scheme: light; }
body.vscode-dark, body.vscode-high-contrast { color-scheme: dark; }
body.vscode-high-contrast { --credal-border: var(--vscode-contrastBorder, #6fc3df); }
body.credal-page {
  margin: 0 auto; max-width: 52rem; padding: 2rem 1.5rem 4rem;
  font: 16px/1.55 -apple-system, "Segoe UI", "Helvetica Neue", Arial, sans-serif;
  color: var(--credal-fg); background: var(--credal-bg);
}
.credal-block { margin: 0 0 1.1rem; padding: 0.1rem 0 0.1rem 0.9rem; border-left: 3px solid transparent; }
.credal-block-declaration { border-left-color: var(--credal-border); }
.credal-block-eval, .credal-block-assert { border-left-color: var(--credal-accent); }
.credal-block-error { border-left-color: var(--credal-error-color); }
.credal-block-prose { padding-left: 0; }
.credal-prose h1 { font-size: 1.7rem; margin: 0.4rem 0 0.8rem; }
.credal-prose h2 { font-size: 1.3rem; margin: 1.6rem 0 0.6rem; border-bottom: 1px solid var(--credal-border); padding-bottom: 0.2rem; }
.credal-prose h3 { font-size: 1.1rem; }
.credal-prose p { margin: 0.5rem 0; }
.credal-prose code, .credal-prose pre { font-family: var(--vscode-editor-font-family, ui-monospace, Menlo, Consolas, monospace); font-size: 0.9em; }
.credal-prose pre { padding: 0.6rem 0.8rem; border: 1px solid var(--credal-border); border-radius: 4px; overflow-x: auto; }
.credal-prose a { color: var(--credal-accent); }
.credal-prose table { border-collapse: collapse; margin: 0.5rem 0; }
.credal-prose th, .credal-prose td { border: 1px solid var(--credal-border); padding: 0.2rem 0.6rem; text-align: left; }
.credal-math { display: flex; flex-wrap: wrap; align-items: baseline; column-gap: 0.8rem; overflow-x: auto; overflow-y: hidden; }
.credal-math .katex-display { margin: 0.4rem 0; text-align: left; }
.credal-math .katex-display > .katex { text-align: left; }
.math-display { overflow-x: auto; overflow-y: hidden; }
.credal-note { color: var(--credal-muted); white-space: nowrap; }
.credal-claim-ok { color: var(--credal-ok); font-weight: bold; }
.credal-claim-failed { color: var(--credal-error-color); font-weight: bold; }
.credal-text { margin: 0.3rem 0; }
.credal-error { color: var(--credal-error-color); }
.credal-muted { color: var(--credal-muted); font-style: italic; }
.credal-ok { color: var(--credal-ok); }
.credal-table-figure { margin: 0.5rem 0 0.7rem; }
.credal-table-caption { color: var(--credal-muted); font-size: 0.92em; padding-bottom: 0.3rem; }
.credal-table-wrap { max-width: 100%; overflow-x: auto; }
.credal-table { border-collapse: collapse; font-size: 0.92em; }
.credal-table th, .credal-table td { border: 1px solid var(--credal-border); padding: 0.25rem 0.6rem; text-align: center; }
.credal-table thead th { font-weight: 600; background: var(--credal-head-bg); }
.credal-table tbody th { text-align: left; font-weight: normal; }
.credal-table .credal-chosen { background: var(--credal-chosen-bg); color: var(--credal-ok); font-weight: bold; }
.credal-table .credal-cell-muted { color: var(--credal-muted); }
.credal-table-compact { font-size: 0.85em; }
.credal-table-figure-compact .credal-table-caption { font-size: 0.85em; }
.credal-table-compact th, .credal-table-compact td { padding: 0.15rem 0.5rem; }
/* improb's layout: act, lower, upper, then one narrow column per rule, its title wrapped at spaces. */
.credal-table-decision th, .credal-table-decision td { padding: 0.2rem 0.4rem; }
.credal-table-decision th:nth-child(n+4), .credal-table-decision td:nth-child(n+4) { padding: 0.2rem 0.2rem; font-size: 0.76em; }
.credal-table-decision thead th:nth-child(n+4) { min-width: 3em; max-width: 6.5em; white-space: normal; vertical-align: bottom; line-height: 1.25; }
.credal-table-decision td:nth-child(n+4) { white-space: nowrap; }
.credal-table-decision tr > :first-child { position: sticky; left: 0; z-index: 1; background: var(--credal-bg); }
.credal-table-decision thead tr > :first-child { background: var(--credal-head-bg); }
.credal-picture { margin: 0.4rem 0 0.8rem; color: var(--credal-fg); }
.credal-picture figcaption { font-size: 0.85em; color: var(--credal-muted); }
.credal-picture svg { max-width: 100%; height: auto; overflow: visible; }
.credal-picture .credal-set { fill: var(--credal-accent); stroke: var(--credal-accent); }
.katex-error { color: var(--credal-error-color); }
`;
