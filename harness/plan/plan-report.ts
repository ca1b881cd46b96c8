// `mailflow plan --report FILE`: the plans' outcome as one self-contained HTML page for a design review (inline CSS
// and SVG, no script, a content security policy that forbids every fetch). Same results -> same bytes.
import { html, type SafeHtml } from '../report/html.js';
import { pageHead } from '../report/page-head.js';
import { runComparisonHtml, sweepComparisonHtml } from './plan-report-compare-html.js';
import { runSectionHtml, type ReportedRun } from './plan-report-run-html.js';
import { PLAN_REPORT_CSS } from './plan-report-style.js';
import { sweepSectionHtml, type ReportedSweep } from './plan-report-sweep-html.js';

export type { ReportedRun } from './plan-report-run-html.js';
export type { ReportedSweep } from './plan-report-sweep-html.js';

/** Plans run once each, or (`--sweep`) each over several seeds; more than one plan adds the side-by-side part. */
export type PlanReportInput =
  | { readonly kind: 'runs'; readonly plans: readonly ReportedRun[] }
  | { readonly kind: 'sweeps'; readonly plans: readonly ReportedSweep[] };

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** The page, without a final newline (writers add it). */
export function renderPlanReport(input: PlanReportInput): string {
  const names = input.plans.map((p) => p.result.plan);
  const title = names.length === 1 ? `Cutover plan ${names[0] ?? ''}` : `Cutover plans compared: ${names.join(', ')}`;
  const body = input.kind === 'runs'
    ? html`${input.plans.length > 1 ? runComparisonHtml(input.plans) : null}${input.plans.map((p, i) => runSectionHtml(p, i))}`
    : html`${input.plans.length > 1 ? sweepComparisonHtml(input.plans) : null}${input.plans.map((p, i) => sweepSectionHtml(p, i))}`;
  return html`${pageHead(`${title} (mailflow-sim plan report)`, PLAN_REPORT_CSS, CSP)}
<body>
<main>
${headerHtml(input, title)}
${body}
</main>
</body>
</html>
`.value.trimEnd();
}

function headerHtml(input: PlanReportInput, title: string): SafeHtml {
  const what = input.kind === 'runs'
    ? 'Each plan was compiled into a scenario and run in virtual time: per Test & Enable batch, what the router and server-side sync tracked and what was never tracked, and why.'
    : `Each plan was run with ${input.plans[0]?.result.seeds.length ?? 0} seeds (run k's seed derives from the plan's seed and k): medians and 95th percentiles show how much luck is in each figure.`;
  return html`<header>
<p class="kicker">mailflow-sim cutover plan report</p>
<h1>${title}</h1>
<p class="description">${what} Grades: Perfect (nothing lost, untracked or tracked twice), Good (nothing lost or tracked twice, at most 0.1 % untracked), Investigate (nothing lost, at most 1 % untracked and at most 1 duplicate activity per 10,000 tracked), Poor (anything worse).</p>
${input.plans.length < 2 ? null : html`<nav><p>${input.plans.map((p, i) => html`${i > 0 ? ' · ' : ''}<a href="#plan-${i + 1}">${p.result.plan}</a>`)}</p></nav>`}
</header>`;
}
