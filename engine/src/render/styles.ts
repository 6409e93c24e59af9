// The letter's styles. Colours are custom properties: the export sets a light theme, the preview VS Code's theme.
export const letterStyles = `
.imr-page {
  color: var(--imr-fg);
  background: var(--imr-bg);
  font-family: var(--imr-font);
  font-size: var(--imr-font-size);
  line-height: 1.5;
  max-width: 52rem;
  margin: 0 auto;
  padding: 1.5rem 2rem 4rem;
  overflow-wrap: break-word;
}
.imr-page a { color: var(--imr-link); }
.summary {
  border: 1px solid var(--imr-border);
  background: var(--imr-summary-bg);
  border-radius: 4px;
  padding: 0.75rem 1.25rem;
  margin-bottom: 2rem;
  font-family: var(--imr-ui-font);
  font-size: 0.9em;
}
.summary-title { font-size: 1.1em; margin: 0 0 0.5rem; }
.summary-heading { font-size: 1em; margin: 0.9rem 0 0.3rem; }
.summary-facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 1rem; margin: 0; }
.summary-facts dt { color: var(--imr-muted); }
.summary-facts dd { margin: 0; }
.summary-missing { color: var(--imr-muted); font-style: italic; }
.summary-items { margin: 0; padding-left: 1.5rem; }
.summary-items li { margin: 0.15rem 0; }
.summary-counts { margin: 0.2rem 0; }
.count-error .count-number { color: var(--imr-error); font-weight: 600; }
.count-warning .count-number { color: var(--imr-warning); font-weight: 600; }
.count-info .count-number, .count-hint .count-number { color: var(--imr-info); font-weight: 600; }
.summary-findings { margin: 0.3rem 0 0; padding-left: 0; list-style: none; }
.finding { margin: 0.2rem 0; padding-left: 0.6rem; border-left: 3px solid var(--imr-info); }
.finding-error { border-left-color: var(--imr-error); }
.finding-warning { border-left-color: var(--imr-warning); }
.finding-line { white-space: nowrap; }
.finding-severity { color: var(--imr-muted); text-transform: uppercase; font-size: 0.8em; letter-spacing: 0.04em; }
.finding-rule { color: var(--imr-muted); font-family: var(--imr-mono-font); font-size: 0.85em; }
.letter-header { margin-bottom: 1.5rem; }
.letter-case { margin: 0; font-weight: 600; }
.letter-section { margin: 0 0 1.75rem; }
.section-title {
  font-size: 1.05em;
  font-weight: 700;
  letter-spacing: 0.03em;
  margin: 0 0 0.75rem;
  padding-bottom: 0.25rem;
  border-bottom: 1px solid var(--imr-border);
  break-after: avoid;
}
.letter p { margin: 0 0 0.6rem; }
.item {
  margin: 1.25rem 0;
  padding: 0.25rem 0 0.25rem 1rem;
  border-left: 3px solid var(--imr-border);
}
.item.decision-upheld { border-left-color: var(--imr-upheld); }
.item.decision-overturned { border-left-color: var(--imr-overturned); }
.item.decision-flagged { border-left-style: dashed; }
.item-header { font-size: 1em; font-weight: 700; margin: 0 0 0.6rem; break-after: avoid; }
.decision {
  display: inline-block;
  margin-left: 0.4rem;
  padding: 0 0.55rem;
  border: 1px solid currentColor;
  border-radius: 999px;
  font-size: 0.85em;
  font-weight: 700;
  letter-spacing: 0.02em;
  white-space: nowrap;
}
.decision.decision-upheld { color: var(--imr-upheld); }
.decision.decision-overturned { color: var(--imr-overturned); }
.decision.decision-flagged { border-style: dashed; color: var(--imr-error); }
.decision.decision-flagged::before { content: "\\26A0\\FE0E  "; }
.decision.decision-unknown, .decision.decision-missing { color: var(--imr-error); }
.field { margin: 0 0 0.75rem; }
.field-label { font-weight: 700; }
.credentials { margin: 0.5rem 0 0.75rem; }
.credential { display: flex; gap: 0.5rem; margin: 0.1rem 0; }
.credential dt { font-weight: 700; }
.credential dd { margin: 0; }
.raw-html {
  font-family: var(--imr-mono-font);
  font-size: 0.9em;
  color: var(--imr-muted);
  border: 1px dotted var(--imr-border);
  padding: 0 0.2rem;
  white-space: pre-wrap;
}
pre.raw-html { padding: 0.4rem 0.6rem; }
.image-placeholder { color: var(--imr-muted); font-style: italic; }
.letter img { max-width: 100%; }
.letter blockquote { margin: 0 0 0.6rem; padding-left: 1rem; border-left: 3px solid var(--imr-border); color: var(--imr-muted); }
.letter pre, .letter code { font-family: var(--imr-mono-font); }
.letter-unavailable { color: var(--imr-muted); font-style: italic; }
`;

/** The export's own theme, and what printing keeps and drops. */
export const exportStyles = `
:root {
  --imr-fg: #1a1a1a;
  --imr-bg: #ffffff;
  --imr-muted: #5c5c5c;
  --imr-border: #c8c8c8;
  --imr-link: #0b57a3;
  --imr-summary-bg: #f5f6f8;
  --imr-error: #b3261e;
  --imr-warning: #8a5a00;
  --imr-info: #1f5fa8;
  --imr-upheld: #9a3412;
  --imr-overturned: #166534;
  --imr-font: "Times New Roman", Times, Georgia, serif;
  --imr-ui-font: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  --imr-mono-font: ui-monospace, "SF Mono", Consolas, "Liberation Mono", monospace;
  --imr-font-size: 12pt;
}
html, body { margin: 0; background: var(--imr-bg); }
.print-controls { font-family: var(--imr-ui-font); font-size: 0.85rem; color: var(--imr-muted); margin: 0 0 0.5rem; }
@page { size: letter; margin: 1in; }
@media print {
  :root { --imr-fg: #000; --imr-muted: #333; }
  .imr-page { max-width: none; padding: 0; }
  .print-controls { display: none; }
  /* The summary is for the people checking the draft; it prints only when asked for. */
  .summary { display: none; }
  .print-summary .summary { display: block; break-after: page; }
  /* Its own rule: a browser without :has() drops only this one. */
  .imr-page:has(.print-summary-toggle:checked) .summary { display: block; break-after: page; }
  .imr-page a { color: inherit; text-decoration: none; }
  .item-header, .section-title { break-after: avoid; }
  .letter p { orphans: 3; widows: 3; }
}
`;
