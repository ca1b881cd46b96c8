// The whole report as one self-contained HTML document: inline CSS, SVG and script, and a content security policy
// that forbids every network fetch, so the file shows the same thing anywhere, offline.
import { html, trusted } from './html.js';
import { latencyHtml, timelineHtml } from './charts-html.js';
import { SCRIPTED_PAGE_CSP, pageHead } from './page-head.js';
import { messageTableHtml } from './message-table-html.js';
import type { ReportData } from './report-data.js';
import { REPORT_SCRIPT } from './report-script.js';
import { SCROLL_BOX_SCRIPT } from './scroll-box-script.js';
import { REPORT_CSS } from './report-style.js';
import { checksHtml, countsHtml, headerHtml } from './summary-html.js';


export function reportHtml(data: ReportData): string {
  return html`${pageHead(`${data.run.scenario}: ${data.run.verdict.toUpperCase()} (mailflow-sim report)`, REPORT_CSS, SCRIPTED_PAGE_CSP)}
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
<script>${trusted(SCROLL_BOX_SCRIPT)}</script>
</body>
</html>
`.value;
}
