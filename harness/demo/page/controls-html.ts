// The player's controls (play, step, next fault, speed, start and end), the keyboard shortcuts written out where the
// trainer can see them, and a legend of what the dots' colours mean.
import { html, type SafeHtml } from '../../report/html.js';
import { SPEEDS } from './page-payload.js';

const SHORTCUTS: ReadonlyArray<readonly [key: string, what: string]> = [
  ['Space', 'play / pause'],
  ['→', 'next event'],
  ['←', 'previous event'],
  ['N', 'next fault or operation'],
  ['+ / −', 'faster / slower'],
  ['Home / End', 'start / end'],
  ['Esc', 'close the inspector'],
];

const LEGEND: ReadonlyArray<readonly [cls: string, what: string]> = [
  ['m-moving', 'on its way'],
  ['m-tracked', 'tracked in CRM'],
  ['m-tossed', 'tossed'],
  ['m-dup', 'duplicate prevented'],
  ['m-retry', 'refused, sender retries'],
  ['m-lost', 'lost or untracked'],
];

export function controlsHtml(speed: number, operations: number): SafeHtml {
  const options = SPEEDS.map((s, i) => html`<option value="${i}"${i === speed ? html` selected` : ''}>${s.label} per second</option>`);
  return html`<section class="controls" aria-label="Player">
<button type="button" id="btn-start" title="Back to the start (Home)">Start</button>
<button type="button" id="btn-play" class="primary" title="Play or pause (Space)">▶ Play</button>
<button type="button" id="btn-step" title="Next event (→)">Step →</button>
<button type="button" id="btn-next-op" title="Next fault or operation (N)"${operations === 0 ? html` disabled` : ''}>Next fault</button>
<button type="button" id="btn-end" title="To the end (End)">End</button>
<label class="speed">Speed <select id="speed">${options}</select></label>
<ul class="shortcuts" aria-label="Keyboard shortcuts">${SHORTCUTS.map(([k, w]) => html`<li><kbd>${k}</kbd> ${w}</li>`)}</ul>
<ul class="legend" aria-label="Legend">${LEGEND.map(([c, w]) => html`<li><svg viewBox="0 0 12 12" width="12" height="12"><circle class="dot ${c}" cx="6" cy="6" r="5"></circle></svg> ${w}</li>`)}<li><span class="swatch forward"></span> forward mailbox</li><li><span class="swatch down"></span> out of service</li><li><b class="count-key">12</b> messages in a box now</li></ul>
</section>`;
}
