// The page's top: which scenario this is and what it shows, and the virtual clock (the scenario's start plus the
// current time, in UTC) that the player keeps up to date. Says so when the lanes show a sample of their messages.
// The description is cut to fit (the lanes need the height) and opens in full with its "more" button.
import { html, type SafeHtml } from '../../report/html.js';
import type { DemoData } from '../demo-data.js';

/** The clock before the script runs: the scenario's start, as the script writes it (`2026-01-05 08:00:00 UTC`). */
export function clockText(startIso: string): string {
  const ms = Date.parse(startIso);
  return Number.isNaN(ms) ? startIso : `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

export function headerHtml(data: DemoData): SafeHtml {
  const sampled = data.sampled === null ? '' :
    html`<p class="sampled" data-sampled="${data.sampled.shown}">Showing ${data.sampled.shown.toLocaleString('en-US')} of ${data.sampled.total.toLocaleString('en-US')} messages per lane; the counters count them all.</p>`;
  return html`<header class="top">
<div class="titles">
<p class="kicker">mailflow-sim trainer view · <span class="mono">${data.scenario}</span></p>
<h1 title="${data.title}">${data.title}</h1>
<div class="about"><p class="description" id="description" title="${data.description}">${data.description}</p><button type="button" id="btn-about" aria-expanded="false" aria-controls="description" title="Read the whole description">more</button></div>
${sampled}
</div>
<div class="clock-box"><div id="clock" class="clock">${clockText(data.start)}</div><div id="elapsed" class="elapsed"></div></div>
</header>`;
}
