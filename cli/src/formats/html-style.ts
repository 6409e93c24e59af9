// The HTML report's stylesheet, inlined into the page (the page loads nothing).
export const REPORT_CSS = `
:root {
  color-scheme: light dark;
  --text: #1f2328; --muted: #59636e; --line: #d1d9e0; --panel: #f6f8fa; --link: #0b57d0;
  --error: #c62828; --warning: #b26a00; --info: #1565c0; --clean: #2e7d32;
}
@media (prefers-color-scheme: dark) {
  :root {
    --text: #e6edf3; --muted: #9198a1; --line: #3d444d; --panel: #151b23; --link: #7cb1ff;
    --error: #ff6b6b; --warning: #e3a33b; --info: #6cb6ff; --clean: #57c15f;
  }
}
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1120px; padding: 24px 28px 48px; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--text); }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 32px 0 12px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h3 { font-size: 15px; margin: 24px 0 8px; word-break: break-all; }
a { color: var(--link); }
.meta { color: var(--muted); margin: 0; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; margin: 20px 0 0; padding: 0; list-style: none; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; background: var(--panel); }
.card .number { display: block; font-size: 26px; font-weight: 600; line-height: 1.2; }
.card .label { color: var(--muted); }
.card.error .number { color: var(--error); }
.card.warning .number { color: var(--warning); }
.card.info .number { color: var(--info); }
.card.clean .number { color: var(--clean); }
table { width: 100%; border-collapse: collapse; }
th, td { text-align: left; vertical-align: top; padding: 6px 10px; border-bottom: 1px solid var(--line); }
th { font-weight: 600; background: var(--panel); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; width: 6.5em; }
table.findings { table-layout: fixed; }
table.findings th:nth-child(1) { width: 6.5em; }
table.findings th:nth-child(2) { width: 7.5em; }
table.findings th:nth-child(3) { width: 14em; }
td.where { white-space: nowrap; font-variant-numeric: tabular-nums; }
td.file { word-break: break-all; }
td.rule { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
td.zero { color: var(--muted); }
tr:target { outline: 2px solid var(--link); }
.sev { display: inline-block; min-width: 5.2em; padding: 0 6px; border-radius: 10px; font-size: 12px; font-weight: 600; text-align: center; color: #fff; }
.sev-error { background: var(--error); }
.sev-warning { background: var(--warning); }
.sev-info, .sev-hint { background: var(--info); }
.status-clean { color: var(--clean); font-weight: 600; }
.chart { margin: 0 0 16px; }
.chart svg { width: 100%; height: auto; }
.chart a:hover text { text-decoration: underline; }
.chart-label { font-size: 13px; fill: var(--text); }
.chart-count { font-size: 12px; fill: var(--muted); }
.bar-error { fill: var(--error); background: var(--error); }
.bar-warning { fill: var(--warning); background: var(--warning); }
.bar-info { fill: var(--info); background: var(--info); }
figcaption { color: var(--muted); margin-top: 4px; }
.legend { margin-right: 14px; white-space: nowrap; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 5px; }
.empty { color: var(--muted); }
footer { margin-top: 40px; color: var(--muted); font-size: 12px; }
@media print {
  :root { color-scheme: light; --text: #000; --muted: #444; --line: #bbb; --panel: #f2f2f2; --link: #000; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  a { text-decoration: none; }
  thead { display: table-header-group; }
  tr, .card, .chart { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  .sev { color: #000; background: none; border: 1px solid #000; }
}
`;
