// The player's controls (play, step, caption by caption, next fault, speed, start and end, whether play stops at each
// caption), the keyboard shortcuts in a help panel the trainer opens with `?` (written out on the page they took rows
// a projector's screen needs for the lanes), and a legend of what the dots' colours mean.
import { html, type SafeHtml } from '../../report/html.js';
import { SPEEDS } from './page-payload.js';

/** Each shortcut: its keys, either of which does it (or, with pair, the first does the first half of what, the
 * second the second: "faster / slower"), and what it does. */
export const SHORTCUTS: ReadonlyArray<{ readonly keys: readonly string[]; readonly what: string; readonly pair?: true }> = [
  { keys: ['Space'], what: 'play / pause' },
  { keys: ['→'], what: 'next event' },
  { keys: ['←'], what: 'previous event' },
  { keys: ['Page Down', '.'], what: 'next caption' },
  { keys: ['Page Up', ','], what: 'previous caption' },
  { keys: ['P'], what: 'pause at each caption: on / off' },
  { keys: ['N'], what: 'next fault or operation' },
  { keys: ['+', '−'], what: 'faster / slower', pair: true },
  { keys: ['Home', 'End'], what: 'start / end', pair: true },
  { keys: ['?'], what: 'this help' },
  { keys: ['Esc'], what: 'close the inspector or this help' },
];

function shortcutHtml(s: (typeof SHORTCUTS)[number]): SafeHtml {
  const joiner = s.pair ? ' / ' : ' or ';
  return html`<li><span class="keys">${s.keys.map((k, i) => html`${i > 0 ? joiner : ''}<kbd>${k}</kbd>`)}</span> <span>${s.what}</span></li>`;
}

export const LEGEND: ReadonlyArray<readonly [cls: string, what: string]> = [
  ['m-moving', 'on its way'],
  ['m-tracked', 'tracked'],
  ['m-tossed', 'tossed'],
  ['m-dup', 'duplicate prevented'],
  ['m-retry', 'queued, sender retries'],
  ['m-lost', 'lost or untracked'],
];

export function controlsHtml(speed: number, operations: number, captions: number): SafeHtml {
  const options = SPEEDS.map((s, i) => html`<option value="${i}"${i === speed ? html` selected` : ''}>${s.label} per second</option>`);
  const noCaptions = captions === 0 ? html` disabled` : '';
  return html`<section class="controls" aria-label="Player">
<button type="button" id="btn-start" title="Back to the start (Home)">Start</button>
<button type="button" id="btn-play" class="primary" title="Play or pause (Space)">▶ Play</button>
<button type="button" id="btn-step" title="Next event (→)">Step →</button>
<button type="button" id="btn-prev-caption" title="Previous caption (Page Up or ,)"${noCaptions}>◀ Caption</button>
<button type="button" id="btn-next-caption" title="Next caption (Page Down or .)"${noCaptions}>Caption ▶</button>
<button type="button" id="btn-next-op" title="Next fault or operation (N)"${operations === 0 ? html` disabled` : ''}>Next fault</button>
<button type="button" id="btn-end" title="To the end (End)">End</button>
<label class="speed"><span class="speed-word">Speed </span><select id="speed">${options}</select></label>
<label class="pause-at" title="Play stops at each instant the lesson says something (P)"><input type="checkbox" id="pause-at-captions" checked> pause at captions</label>
<button type="button" id="btn-help" title="Keyboard shortcuts (?)" aria-expanded="false" aria-controls="help">Keys ?</button>
<div id="help" class="help" hidden><h2>Keyboard shortcuts</h2><ul class="shortcuts" aria-label="Keyboard shortcuts">${SHORTCUTS.map(shortcutHtml)}</ul><p>Click a dot, or a message in a lane's list, to follow it; click a marker or a caption tick on the time line to jump there.</p></div>
<ul class="legend" aria-label="Legend">${LEGEND.map(([c, w]) => html`<li data-legend="${c}"><svg viewBox="0 0 12 12" width="12" height="12"><circle class="dot ${c}" cx="6" cy="6" r="5"></circle></svg> ${w}</li>`)}<li><span class="swatch forward"></span> forward mailbox</li><li><span class="swatch down"></span> down</li><li><span class="swatch disabled"></span> disabled by sync</li><li><b class="count-key">12</b> messages in a box</li></ul>
</section>`;
}
