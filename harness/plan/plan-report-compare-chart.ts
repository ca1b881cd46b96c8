// Plans side by side as a chart: one panel per measure (untracked mail, the cutover's duration), one horizontal bar
// per plan, so the plan that leaves the least behind and the one that finishes first show at a glance.
import { CHART_WIDTH, COLOURS, FONT_PX, n, textCutTo, textWidthAtMost } from '../report/chart-kit.js';
import { html, type SafeHtml } from '../report/html.js';
import { timeLabel } from '../report/time-ticks.js';
import { UNTRACKED_COLOUR } from './plan-report-batch-chart.js';

export interface ComparedPlan {
  readonly name: string;
  readonly untracked: number;
  readonly durationMs: number;
}

/** Drawn at A4's printable width, as the run report's charts (chart-kit.ts): its 12-unit text prints at 12px. */
const WIDTH = CHART_WIDTH;
const ROW_PX = 24;
const PANEL_GAP_PX = 18;
/**
 * A plan's name takes at most a third of the drawing, so its bars keep the rest: a longer name is cut (its bar's
 * tooltip and the table under the chart have it whole). By width, not letters: 40 letters were 160 to 400 units.
 */
const NAME_ROOM = Math.round(WIDTH / 3);
const TITLE_STYLE = { px: FONT_PX + 1, bold: true } as const;
const VALUE_STYLE = { bold: true } as const;

interface Panel {
  readonly key: 'untracked' | 'durationMs';
  readonly title: string;
  readonly colour: string;
  readonly format: (value: number) => string;
}

const PANELS: readonly Panel[] = [
  { key: 'untracked', title: 'untracked messages (fewer is better)', colour: UNTRACKED_COLOUR, format: (v) => v.toLocaleString('en-US') },
  { key: 'durationMs', title: 'duration, switch to last mailbox enabled (shorter is sooner done)', colour: COLOURS.operation, format: (v) => timeLabel(v) },
];

/** The id of the page's sentence saying the chart (plan-report-chart-words.ts), which the chart points to. */
export const COMPARE_SUMMARY_ID = 'compare-summary';

const shortName = (name: string) => textCutTo(name, NAME_ROOM);

export function compareChart(plans: readonly ComparedPlan[]): SafeHtml {
  const labelRight = 16 + Math.max(...plans.map((p) => textWidthAtMost(shortName(p.name))));
  const barLeft = labelRight + 10;
  let y = 0;
  const panels = PANELS.map((panel) => {
    const top = y;
    y += 22 + plans.length * ROW_PX + PANEL_GAP_PX;
    // Each value is written after its bar: the widest of them has room before the drawing's edge.
    const valueRoom = 6 + Math.max(...plans.map((p) => textWidthAtMost(panel.format(p[panel.key]), VALUE_STYLE)));
    return panelHtml(panel, plans, { top, labelRight, barLeft, barWidth: WIDTH - barLeft - valueRoom });
  });
  return html`<svg class="chart a4-scale compare" viewBox="0 0 ${WIDTH} ${n(y)}" role="img" aria-labelledby="compare-title" aria-describedby="${COMPARE_SUMMARY_ID}" font-family="system-ui, sans-serif">
<title id="compare-title">The plans compared: untracked messages and duration</title>
${panels}
</svg>`;
}

function panelHtml(panel: Panel, plans: readonly ComparedPlan[], at: { top: number; labelRight: number; barLeft: number; barWidth: number }): SafeHtml {
  const max = Math.max(1, ...plans.map((p) => p[panel.key]));
  const rows = plans.map((p, i) => {
    const y = at.top + 22 + i * ROW_PX;
    const value = p[panel.key];
    const width = (value / max) * at.barWidth;
    return html`<g data-plan="${p.name}" data-measure="${panel.key}"><title>${p.name}: ${panel.format(value)}</title>
<text x="${n(at.labelRight)}" y="${n(y + 13)}" text-anchor="end" font-size="${FONT_PX}" fill="${COLOURS.text}">${shortName(p.name)}</text>
<rect x="${n(at.barLeft)}" y="${n(y + 2)}" width="${n(width)}" height="${ROW_PX - 6}" fill="${panel.colour}"/>
<text x="${n(at.barLeft + width + 6)}" y="${n(y + 15)}" font-size="${FONT_PX}" font-weight="600" fill="${COLOURS.text}">${panel.format(value)}</text></g>`;
  });
  // The title starts over the bars, or as far left as it needs to end within the drawing (over the names' column).
  const titleX = Math.max(0, Math.min(at.barLeft, WIDTH - textWidthAtMost(panel.title, TITLE_STYLE)));
  return html`<g class="panel"><text x="${n(titleX)}" y="${n(at.top + 14)}" font-size="${TITLE_STYLE.px}" font-weight="600" fill="${COLOURS.text}">${panel.title}</text>
<line x1="${n(at.barLeft)}" x2="${n(at.barLeft)}" y1="${n(at.top + 20)}" y2="${n(at.top + 22 + plans.length * ROW_PX)}" stroke="${COLOURS.axis}"/>
${rows}</g>`;
}
