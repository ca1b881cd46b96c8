// The plan report's stylesheet: the run report's page style (its badge colours, scroll boxes, narrow-screen and print
// rules; a grade badge takes the pass, unknown or fail class) plus the plan sections' own pieces.
import { REPORT_CSS } from '../report/report-style.js';

export const PLAN_REPORT_CSS = `${REPORT_CSS}
section.plan { margin-top: 28px; }
section.plan > h2 { overflow-wrap: anywhere; }
section.plan .counts { grid-template-columns: repeat(auto-fill, minmax(112px, 1fr)); }
table.side-by-side .badge { font-size: 12px; }
section.plan > h2 .verdict { font-size: 14px; padding: 1px 10px; }
h3 { font-size: 15px; margin: 18px 0 6px; }
ul.recommendations { margin: 6px 0; padding-left: 22px; max-width: 110ch; overflow-wrap: anywhere; }
ul.recommendations li { margin: 4px 0; }
/* A figure's name heads its row (scope=row) and reads as the row's text, not as the small grey column headers. */
table.side-by-side th[scope="row"], table.sweep th[scope="row"] { color: #222; font-size: 14px; font-weight: 400; }
table.side-by-side th[scope="row"].sub, table.sweep th[scope="row"].sub { padding-left: 24px; color: var(--muted); }
table.side-by-side td.bad, table.sweep td.bad { color: var(--fail); font-weight: 600; }
table.sweep, table.side-by-side, table.batches { width: auto; min-width: 50%; }
details.batch-table { margin-top: 8px; }
#comparison figure { margin-top: 18px; }
/* The links between plans are of no use on paper. */
@media print {
  header nav { display: none; }
}
`;
