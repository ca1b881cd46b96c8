// The trainer view's stylesheet, inlined so the file opens anywhere with no network. Sized for a projector at the
// back of a room: large captions and counters, thick strokes, colours that survive a washed-out beam. The page's
// frame, header, captions and inspector are here; the controls, the lanes and the small screens have files of their own.
import { CONTROLS_CSS } from './style-controls.js';
import { VISUALLY_HIDDEN_CSS } from '../../report/visually-hidden.js';
import { LANES_CSS } from './style-lanes.js';
import { SCREENS_CSS } from './style-screens.js';

const PAGE_CSS = `
/* Every dot's colour at least 3:1 on white and on a down box's grey (the review measured 2.69:1 for duplicate
   prevented, 2.60:1 for tossed); --control-line the same for the controls' borders and the slider's track. */
:root { --tracked: #1b7f3b; --tossed: #6e737b; --dup: #9a6a00; --bad: #c62828; --moving: #1a56a8; --muted: #555b63;
  --queued: #f5c518; --queued-ring: #5c4300; --line: #d5d8dc; --forward: #fff1d6; --forward-line: #e08a00; --down: #e6e6e6;
  --control-line: #767c84; --reader: #00695c; --reader-ring: #00897b; --stopped-chip: #dfe2e6; }
* { box-sizing: border-box; }
/* Said to a screen reader, not shown: the lanes' status lines, the announcer, a listed message's fate. */
${VISUALLY_HIDDEN_CSS}
body { margin: 0; font: 17px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d1f22; background: #f4f5f7; }
main { max-width: 1800px; margin: 0 auto; padding: 10px 22px 12px; background: #fff; min-height: 100vh; }
.mono, code { font-family: ui-monospace, Menlo, Consolas, monospace; }
header.top { display: flex; gap: 24px; align-items: flex-start; justify-content: space-between; }
.titles { min-width: 0; }
.kicker { color: var(--muted); font-size: 14px; margin: 0; }
h1 { font-size: 30px; margin: 2px 0 4px; line-height: 1.15; }
.about { display: flex; align-items: flex-end; gap: 8px; }
.description { margin: 0; max-width: 110ch; color: #33373c; font-size: 15px; display: -webkit-box; -webkit-line-clamp: 2;
  -webkit-box-orient: vertical; overflow: hidden; }
header.about-open .description { display: block; }
#btn-about { flex: none; font: inherit; font-size: 14px; padding: 0 2px; border: 0; background: none; color: var(--moving);
  text-decoration: underline; cursor: pointer; }
#btn-about[hidden] { display: none; }
.sampled { margin: 4px 0 0; font-size: 14px; color: #7a4b00; }
.clock-box { text-align: right; flex: none; }
.clock { font: 600 28px/1.1 ui-monospace, Menlo, Consolas, monospace; white-space: nowrap; }
.elapsed { color: var(--muted); font-size: 16px; font-variant-numeric: tabular-nums; white-space: nowrap; }
.caption { border-left: 5px solid var(--moving); background: #f2f6fc; padding: 6px 12px; margin: 6px 0; }
.caption p { margin: 0; }
.caption.quiet { visibility: hidden; }
.caption .main { font-size: 21px; font-weight: 600; line-height: 1.3; }
/* Every caption of one instant, one under another in the lesson's order. */
.caption .main .line { display: block; }
.caption .main .line + .line { margin-top: 5px; padding-top: 5px; border-top: 1px solid rgba(26, 86, 168, .25); }
/* A step's own caption standing in for the lesson's: a few lines at most (they change with every step). */
.caption .main.happening { display: -webkit-box; -webkit-line-clamp: 3; -webkit-box-orient: vertical; overflow: hidden; }
.caption .main.happening .line { display: inline; }
.caption .sub { font-size: 16px; color: #33373c; display: -webkit-box; -webkit-line-clamp: 3; -webkit-box-orient: vertical; overflow: hidden; }
.caption .sub:empty { display: none; }
.caption .sub.whole { display: block; }
#shared-caption { border-left-color: #6a1b9a; background: #f6f0fa; }
#shared-caption .sub { -webkit-line-clamp: 2; }
#inspector { position: fixed; top: 0; right: 0; bottom: 0; width: min(500px, 92vw); background: #fff; box-shadow: -6px 0 24px rgba(0,0,0,.25);
  padding: 12px 18px 24px; overflow: auto; z-index: 10; }
#inspector[hidden] { display: none; }
#inspector-close { float: right; font: inherit; font-size: 15px; padding: 3px 10px; border: 1px solid var(--control-line); border-radius: 6px; background: #fff; cursor: pointer; }
#inspector h2 { font-size: 20px; margin: 4px 0 8px; overflow-wrap: anywhere; }
#inspector h2:focus { outline: 2px solid var(--moving); outline-offset: 2px; }
#inspector dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0 0 10px; font-size: 15px; }
#inspector dt { color: var(--muted); }
#inspector dd { margin: 0; overflow-wrap: anywhere; font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 14px; }
table.steps { border-collapse: collapse; width: 100%; font-size: 14px; }
table.steps td { border-top: 1px solid var(--line); padding: 4px 6px; vertical-align: top; }
table.steps td.time { white-space: pre; font-variant-numeric: tabular-nums; color: var(--muted); }
table.steps td.rules, table.steps td.reason { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 13px; }
table.steps .cap { color: #1d1f22; }
table.steps .detail { color: var(--muted); font-size: 12.5px; overflow-wrap: anywhere; }
table.steps tr.future { opacity: .4; }
table.steps tr.current { background: #fff4cc; }
`;

export const DEMO_CSS = PAGE_CSS + CONTROLS_CSS + LANES_CSS + SCREENS_CSS;
