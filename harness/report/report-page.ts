// The whole report as one self-contained HTML document: inline CSS, SVG and script, and a content security policy
// that forbids every network fetch, so the file shows the same thing anywhere, offline.
import { html, trusted } from './html.js';
import { latencyHtml, timelineHtml } from './charts-html.js';
import { messageTableHtml } from './message-table-html.js';
import type { ReportData } from './report-data.js';
import { REPORT_SCRIPT } from './report-script.js';
import { REPORT_CSS } from './report-style.js';
import { checksHtml, countsHtml, headerHtml } from './summary-html.js';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

export function reportHtml(data: ReportData): string {
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>${data.run.scenario}: ${data.run.verdict.toUpperCase()} (mailflow-sim report)</title>
<style>${trusted(REPORT_CSS)}</style>
</head>
<body>
<main>
${headerHtml(data)}
${countsHtml(data)}
${checksHtml(data)}
${timelineHtml(data)}
${latencyHtml(data)}
${messageTableHtml(data)}
</main>
<script>${trusted(REPORT_SCRIPT)}</script>
</body>
</html>
`.value;
}
