// The player's controls (play, step, caption by caption, next fault, speed, start and end, whether play stops at each
// caption), the keyboard shortcuts in a help panel the trainer opens with `?` (written out on the page they took rows
// a projector's screen needs for the lanes) with a switch that turns the single-key ones off (WCAG 2.1.4: a screen
// reader's or speech user's keys must not set the player going), and a legend of what the dots' colours and shapes mean.
import { html, type SafeHtml } from '../../report/html.js';
import { dotShapes, type FateClass } from './dot-shapes.js';
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

export const LEGEND: ReadonlyArray<readonly [cls: FateClass, what: string]> = [
  ['m-moving', 'on its way'],
  ['m-tracked', 'tracked'],
  ['m-tossed', 'tossed'],
  ['m-dup', 'duplicate prevented'],
  ['m-retry', 'queued, sender retries'],
  ['m-lost', 'lost or untracked'],
];

/** The legend's and the latest messages' shapes: a little larger than a dot's, in a 12-pixel box. */
const ICON_SHAPES = dotShapes(4.6);

/** A fate's shape as a small decorative picture (the words next to it say the same). */
export function fateIcon(cls: FateClass): SafeHtml {
  return html`<svg class="fate-icon" viewBox="-6 -6 12 12" width="12" height="12" aria-hidden="true" focusable="false"><path class="dot ${cls}" d="${ICON_SHAPES[cls]}"></path></svg>`;
}

/** `readsLegend`: what the readers' marks mean (read-marks.ts), at the legend's end; '' where no lane has readers. */
export function controlsHtml(speed: number, operations: number, captions: number, readsLegend: SafeHtml | '' = ''): SafeHtml {
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
<div id="help" class="help" hidden><h2>Keyboard shortcuts</h2><label class="keys-on"><input type="checkbox" id="shortcuts-on" checked> single-key shortcuts on (off: only Page Up, Page Down and Esc still work, for a presenter's remote)</label><ul class="shortcuts" aria-label="Keyboard shortcuts">${SHORTCUTS.map(shortcutHtml)}</ul><p>Click a dot, or a message in a lane's list, to follow it; or Tab to a lane's messages, move between them with the arrow keys and open one with Enter. Click a marker or a caption tick on the time line to jump there.</p></div>
<ul class="legend" aria-label="Legend">${LEGEND.map(([c, w]) => html`<li data-legend="${c}">${fateIcon(c)} ${w}</li>`)}<li><span class="swatch forward" aria-hidden="true"></span> forward mailbox</li><li><span class="swatch down" aria-hidden="true"></span> down</li><li><span class="swatch disabled" aria-hidden="true"></span> disabled by sync</li><li><b class="count-key">12</b> messages in a box</li>${readsLegend}</ul>
</section>`;
}
