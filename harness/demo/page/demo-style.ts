// The trainer view's stylesheet, inlined so the file opens anywhere with no network. Sized for a projector at the
// back of a room: large captions and counters, thick strokes, colours that survive a washed-out beam.
export const DEMO_CSS = `
:root { --tracked: #1b7f3b; --tossed: #8a8f98; --dup: #e08a00; --bad: #c62828; --moving: #1a56a8; --muted: #555b63;
  --line: #d5d8dc; --forward: #fff1d6; --forward-line: #e08a00; --down: #e6e6e6; }
* { box-sizing: border-box; }
body { margin: 0; font: 17px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d1f22; background: #f4f5f7; }
main { max-width: 1800px; margin: 0 auto; padding: 10px 22px 24px; background: #fff; min-height: 100vh; }
.mono, code { font-family: ui-monospace, Menlo, Consolas, monospace; }
header.top { display: flex; gap: 24px; align-items: flex-start; justify-content: space-between; }
.kicker { color: var(--muted); font-size: 14px; margin: 0; }
h1 { font-size: 30px; margin: 2px 0 4px; line-height: 1.15; }
.description { margin: 0; max-width: 110ch; color: #33373c; font-size: 15px; display: -webkit-box; -webkit-line-clamp: 2;
  -webkit-box-orient: vertical; overflow: hidden; }
.sampled { margin: 4px 0 0; font-size: 14px; color: #7a4b00; }
.clock-box { text-align: right; flex: none; }
.clock { font: 600 28px/1.1 ui-monospace, Menlo, Consolas, monospace; white-space: nowrap; }
.elapsed { color: var(--muted); font-size: 16px; font-variant-numeric: tabular-nums; white-space: nowrap; }
.controls { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 10px; margin: 10px 0 4px; }
.controls button, .controls select { font: inherit; font-size: 16px; padding: 5px 12px; border: 1px solid #9aa0a6; border-radius: 6px;
  background: #fff; cursor: pointer; }
.controls button:disabled { opacity: .45; cursor: default; }
.controls button.primary { background: var(--moving); border-color: var(--moving); color: #fff; min-width: 7.5em; font-weight: 600; }
.controls .speed { font-size: 16px; }
ul.shortcuts, ul.legend { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 2px 14px; font-size: 13.5px;
  color: var(--muted); }
/* On a wide screen the shortcuts share the buttons' row; the legend always has its own. */
ul.shortcuts { margin-left: auto; }
ul.legend { flex-basis: 100%; }
kbd { font: 12.5px ui-monospace, Menlo, Consolas, monospace; border: 1px solid #b8bcc2; border-bottom-width: 2px; border-radius: 4px;
  padding: 0 5px; background: #f8f9fa; color: #1d1f22; }
.legend svg { vertical-align: -1px; }
.count-key { color: var(--moving); }
.swatch { display: inline-block; width: 14px; height: 12px; border-radius: 2px; vertical-align: -1px; border: 2px solid; }
.swatch.forward { background: var(--forward); border-color: var(--forward-line); }
.swatch.down { background: var(--down); border-color: #9aa0a6; border-style: dashed; }
.scrubber { margin: 2px 0 6px; }
.scrubber .track { position: relative; padding: 0 9px; }
.scrubber .marks { position: relative; height: 36px; }
.scrubber .band { position: absolute; top: 4px; bottom: 0; background: repeating-linear-gradient(135deg, #f6c9c9 0 6px, #fbe3e3 6px 12px);
  border-left: 2px solid var(--bad); border-right: 2px solid var(--tracked); }
.scrubber .op-mark { position: absolute; top: 0; bottom: 0; width: 0; padding: 0; margin: 0; border: 0; border-left: 3px solid #6a1b9a;
  background: none; cursor: pointer; }
.scrubber .op-label { position: absolute; z-index: 2; left: 3px; white-space: nowrap; font-size: 12.5px; color: #4a148c; font-weight: 600;
  background: rgba(255,255,255,.85); padding: 0 3px; }
.scrubber .op-label.row-0 { top: 0; }
.scrubber .op-label.row-1 { top: 17px; }
.scrubber .caption-mark { position: absolute; bottom: 0; width: 8px; height: 8px; margin-left: -4px; border-radius: 50%; background: var(--moving); }
.scrubber input[type=range] { -webkit-appearance: none; appearance: none; display: block; width: calc(100% + 18px); margin: 0 -9px;
  height: 20px; background: transparent; }
.scrubber input[type=range]::-webkit-slider-runnable-track { height: 6px; background: #cfd3d8; border-radius: 3px; }
.scrubber input[type=range]::-webkit-slider-thumb { -webkit-appearance: none; width: 18px; height: 18px; margin-top: -6px; border-radius: 50%;
  background: var(--moving); border: 2px solid #fff; box-shadow: 0 0 0 1px var(--moving); }
.scrubber .ticks { position: relative; height: 18px; font-size: 12.5px; color: var(--muted); }
.scrubber .tick { position: absolute; transform: translateX(-50%); white-space: nowrap; }
.caption { border-left: 5px solid var(--moving); background: #f2f6fc; padding: 6px 12px; margin: 6px 0; min-height: 2.2em; }
.caption p { margin: 0; }
.caption.quiet { visibility: hidden; }
.caption .main { font-size: 21px; font-weight: 600; line-height: 1.3; }
/* Room for two lines (or a line and its note), so most captions do not push the drawing down while the clock runs
   (and the drawings' fit to the window, made once, holds). */
.caption { min-height: 4em; }
.caption .sub { font-size: 16px; color: #33373c; }
.caption .sub:empty { display: none; }
#shared-caption { border-left-color: #6a1b9a; background: #f6f0fa; }
section.lane { border-top: 2px solid var(--line); padding-top: 6px; margin-top: 6px; }
/* The caption takes the lane's whole width: a lesson's captions run to two or three sentences. */
.lane-head { display: grid; grid-template-columns: minmax(0, 1fr) auto; grid-template-areas: "title counters" "caption caption";
  align-items: center; gap: 4px 18px; }
.lane-title { grid-area: title; display: flex; flex-wrap: wrap; align-items: baseline; gap: 2px 12px; min-width: 0; }
.lane-head .lane-caption { grid-area: caption; margin: 0; }
.lane-head .counters { grid-area: counters; }
.lane-title h2 { margin: 0; font-size: 21px; line-height: 1.2; }
.verdict { padding: 1px 10px; border-radius: 4px; font-weight: 700; font-size: 14px; letter-spacing: .04em; color: #fff; background: #a15c00; }
.verdict.pass { background: var(--tracked); }
.verdict.fail { background: var(--bad); }
.run-summary { margin: 0; flex-basis: 100%; font-size: 13.5px; color: var(--muted); }
.counters { display: flex; gap: 8px; }
.counter { border: 1px solid var(--line); border-top: 5px solid; border-radius: 6px; padding: 2px 10px; min-width: 86px; text-align: center; }
.counter .value { display: block; font-size: 30px; font-weight: 700; line-height: 1.1; font-variant-numeric: tabular-nums; }
.counter .name { display: block; font-size: 13px; color: var(--muted); white-space: nowrap; }
.c-tracked { border-top-color: var(--tracked); }
.c-tossed { border-top-color: var(--tossed); }
.c-duplicatesPrevented { border-top-color: var(--dup); }
.c-untracked, .c-lost { border-top-color: var(--bad); }
.lane-body { display: grid; grid-template-columns: minmax(0, 1fr) clamp(260px, 21vw, 400px); gap: 14px; align-items: start; margin-top: 6px; }
/* The list never makes a lane taller than its drawing: it shows as many messages as fit beside it. */
.recent { position: relative; height: 0; min-height: 100%; overflow: hidden; }
/* The last message that does not fit fades out (an overlay: a mask costs a frame's time on a software-drawn page). */
.recent::after { content: ""; position: absolute; left: 0; right: 0; bottom: 0; height: 36px; pointer-events: none;
  background: linear-gradient(to bottom, rgba(255, 255, 255, 0), #fff); }
/* A narrow screen gives the drawing the whole width (its labels stay readable); the list goes below it, one row. */
@media (max-width: 1300px) {
  .lane-body { grid-template-columns: minmax(0, 1fr); }
  .recent { height: auto; min-height: 0; }
  .recent::after { display: none; }
  .recent h3 { display: none; }
  /* One row: the rows after the first are given no height. */
  ol.recent-list { display: grid; grid-template-columns: repeat(auto-fill, minmax(230px, 1fr)); grid-template-rows: auto;
    grid-auto-rows: 0; gap: 0 6px; }
  ol.recent-list li { overflow: hidden; min-height: 0; }
}
.drawing { position: relative; }
.empty { position: absolute; left: 40%; top: 45%; margin: 0; color: var(--muted); font-size: 18px; }
svg.lane-svg { width: 100%; height: auto; display: block; }
svg .heading { font-size: 16px; font-weight: 700; fill: var(--muted); }
svg g.server > rect { fill: #f7f8fa; stroke: #aeb4bb; stroke-width: 1.5; }
svg .server-name { font-size: 13px; fill: var(--muted); font-weight: 600; }
svg g.place > rect { fill: #fff; stroke: #7b838c; stroke-width: 1.5; }
svg g.place .label { font-size: 13.5px; fill: #1d1f22; }
svg g.place .count { font-size: 14px; fill: var(--moving); font-weight: 700; stroke: #fff; stroke-width: 4px; paint-order: stroke; }
svg g.place .down-tag { display: none; font-size: 12px; font-weight: 800; fill: #6b6f75; letter-spacing: .1em; }
svg g.kind-forward-mailbox > rect { fill: var(--forward); stroke: var(--forward-line); stroke-width: 3; }
svg g.kind-queue-mailbox > rect { fill: #eef4ff; }
svg g.kind-router > rect, svg g.kind-sss > rect { fill: #eef4ff; stroke: var(--moving); stroke-width: 2.5; }
svg g.kind-crm > rect { fill: #eff8f1; stroke: var(--tracked); stroke-width: 2.5; }
svg g.kind-internet > rect { fill: #f5f5f5; }
svg g.down > rect { fill: var(--down) !important; stroke: #9aa0a6 !important; stroke-dasharray: 6 4; }
svg g.place.down .label { fill: #6b6f75; }
svg g.place.down .down-tag { display: inline; }
.dot { fill: var(--moving); stroke: #fff; stroke-width: 1.2; cursor: pointer; transition: transform .45s ease-in-out, fill .3s; }
.dot.m-tracked { fill: var(--tracked); }
.dot.m-tossed { fill: var(--tossed); }
.dot.m-dup { fill: var(--dup); }
.dot.m-lost { fill: var(--bad); }
.dot.m-retry { fill: var(--bad); stroke: var(--bad); stroke-opacity: .35; animation: flash .7s ease-in-out infinite alternate; }
.dot.selected { stroke: #111; stroke-width: 3; }
.msg-path polyline { fill: none; stroke: #111; stroke-width: 3; stroke-linejoin: round; stroke-linecap: round; pointer-events: none; }
.msg-path .done { stroke-opacity: .6; }
.msg-path .todo { stroke-opacity: .35; stroke-dasharray: 2 7; }
/* A refused attempt pulses a ring around the dot: visible from the back of the room, never fading the dot itself. */
@keyframes flash { from { stroke-width: 0; } to { stroke-width: 8px; } }
.recent h3 { margin: 0 0 4px; font-size: 14px; color: var(--muted); text-transform: uppercase; letter-spacing: .06em; }
ol.recent-list { list-style: none; margin: 0; padding: 0; }
.recent-item { display: grid; grid-template-columns: auto 1fr; gap: 0 8px; width: 100%; text-align: left; font: inherit; font-size: 14px;
  padding: 3px 6px 3px 10px; margin: 0 0 3px; border: 1px solid var(--line); border-left: 5px solid var(--moving); border-radius: 4px;
  background: #fff; cursor: pointer; }
.recent-item .when { font-variant-numeric: tabular-nums; color: var(--muted); }
.recent-item .what { font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.recent-item .who { grid-column: 1 / -1; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; color: #33373c; font-size: 13px; }
.recent-item.m-tracked { border-left-color: var(--tracked); }
.recent-item.m-tossed { border-left-color: var(--tossed); }
.recent-item.m-dup { border-left-color: var(--dup); }
.recent-item.m-lost, .recent-item.m-retry { border-left-color: var(--bad); }
#inspector { position: fixed; top: 0; right: 0; bottom: 0; width: min(500px, 92vw); background: #fff; box-shadow: -6px 0 24px rgba(0,0,0,.25);
  padding: 12px 18px 24px; overflow: auto; z-index: 10; }
#inspector[hidden] { display: none; }
#inspector-close { float: right; font: inherit; font-size: 15px; padding: 3px 10px; border: 1px solid #9aa0a6; border-radius: 6px; background: #fff; cursor: pointer; }
#inspector h2 { font-size: 20px; margin: 4px 0 8px; overflow-wrap: anywhere; }
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
/* A short screen (a 720p or 800p projector): smaller headings and captions, one line of description and of run
   summary, so the lanes start higher; the drawings keep their size (their labels must stay readable). */
@media (max-height: 860px) {
  h1 { font-size: 23px; }
  .description { -webkit-line-clamp: 1; font-size: 14px; }
  .clock { font-size: 22px; }
  .controls { margin-top: 6px; }
  .controls button, .controls select { font-size: 15px; padding: 3px 10px; }
  ul.shortcuts, ul.legend { font-size: 12.5px; }
  .scrubber .marks { height: 32px; }
  .caption .main { font-size: 18px; }
  .caption .sub { font-size: 14.5px; }
  .lane-title h2 { font-size: 18px; }
  .run-summary { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  .counter { min-width: 70px; padding: 1px 8px; }
  .counter .value { font-size: 24px; }
  .counter .name { font-size: 12px; }
}
`;
