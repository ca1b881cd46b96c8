// The trainer view as one self-contained HTML document: the two lanes' drawings, the player's controls, captions,
// counters and inspector, with inline CSS, SVG and script and a content security policy that forbids every network
// fetch, so the file plays the same on a projector with no network. The same data gives the same bytes.
import { html, trusted } from '../../report/html.js';
import { SCRIPTED_PAGE_CSP, pageHead } from '../../report/page-head.js';
import type { DemoData } from '../demo-data.js';
import { controlsHtml } from './controls-html.js';
import { DEMO_SCRIPT } from './demo-script.js';
import { DEMO_CSS } from './demo-style.js';
import { headerHtml } from './header-html.js';
import { laneHtml } from './lane-html.js';
import { layoutDrawings } from './lane-layout.js';
import { jsonForScriptBlock, pagePayload } from './page-payload.js';
import { readsLegend } from './read-marks.js';
import { scrubberHtml } from './scrubber-html.js';

/** The run report's policy: nothing from the network, only what is inline. */

export function renderDemoPage(data: DemoData): string {
  const layouts = layoutDrawings(data.lanes);
  const payload = pagePayload(data, layouts);
  return html`${pageHead(`${data.title} (mailflow-sim trainer view)`, DEMO_CSS, SCRIPTED_PAGE_CSP)}
<body>
<main>
${headerHtml(data)}
${controlsHtml(payload.speed, data.operations.length, data.captions.length, readsLegend(data))}
${scrubberHtml(data)}
<section id="shared-caption" class="caption shared-caption" aria-label="Caption"><p class="main"></p><p class="sub"></p></section>
<div id="announcer" class="visually-hidden" aria-live="polite" aria-atomic="true"></div>
${data.lanes.map((lane) => laneHtml(lane, { row: layouts.row[lane.id], stack: layouts.stack[lane.id] }))}
</main>
<aside id="inspector" hidden aria-label="Message inspector"><button type="button" id="inspector-close" title="Close (Esc)">Close ✕</button><div id="inspector-body"></div></aside>
<script type="application/json" id="demo-data">${trusted(jsonForScriptBlock(payload))}</script>
<script>${trusted(DEMO_SCRIPT)}</script>
</body>
</html>
`.value;
}
