// The stylesheet of a lane: its title and verdict on one row, then its counters and drawing with, beside them, its
// caption and latest messages (side by side, the caption costs the lane no height and a lesson's two or three
// sentences read as a column), the boxes and dots of the drawing, and the dots' colours: each fate its own, a queued
// message too (and each its shape, dot-shapes.ts, for a viewer who cannot tell the colours apart).
import { TYPE } from './drawing-type.js';

export const LANES_CSS = `
section.lane { border-top: 2px solid var(--line); padding-top: 4px; margin-top: 4px; }
.lane-head { display: flex; align-items: center; justify-content: space-between; gap: 4px 18px; }
.lane-title { display: flex; flex-wrap: wrap; align-items: baseline; gap: 2px 12px; min-width: 0; }
.lane-title h2 { margin: 0; font-size: 21px; line-height: 1.2; }
.verdict { flex: none; padding: 1px 10px; border-radius: 4px; font-weight: 700; font-size: 14px; letter-spacing: .04em; color: #fff; background: #a15c00; }
.verdict.pass { background: var(--tracked); }
.verdict.fail { background: var(--bad); }
/* Over the drawing and no wider than it (contained: the counters do not widen the drawing's column, they wrap). */
.counters { display: flex; flex-wrap: wrap; gap: 4px 8px; margin-bottom: 4px; contain: inline-size; }
.counter { border: 1px solid var(--line); border-top: 5px solid var(--accent); border-radius: 6px; padding: 2px 10px; min-width: 86px; text-align: center; }
.counter .value { display: block; font-size: 30px; font-weight: 700; line-height: 1.1; font-variant-numeric: tabular-nums; }
.counter .name { display: block; font-size: 13px; color: var(--muted); white-space: nowrap; }
.c-tracked { --accent: var(--tracked); }
.c-tossed { --accent: var(--tossed); }
.c-duplicatesPrevented { --accent: var(--dup); }
.c-untracked, .c-lost { --accent: var(--bad); }
/* The drawing's column is as wide as the scale the player fits it to (script-fit.ts); the side takes the rest. */
.lane-body { display: grid; grid-template-columns: auto minmax(250px, 1fr); gap: 12px; margin-top: 4px; }
.drawing { position: relative; align-self: start; }
/* The side column is as tall as the drawing (or as its longest caption: the player reserves that much, so the lane
   does not grow while the clock runs); the list shows as many messages as fit below the caption. */
.lane-side { display: grid; grid-template-rows: auto minmax(0, 1fr); min-width: 0; overflow: hidden; }
.lane-side .lane-caption { margin: 0; }
.recent { position: relative; height: 0; min-height: 100%; overflow: hidden; margin-top: 6px; }
/* The last message that does not fit fades out (an overlay: a mask costs a frame's time on a software-drawn page). */
.recent::after { content: ""; position: absolute; left: 0; right: 0; bottom: 0; height: 30px; pointer-events: none;
  background: linear-gradient(to bottom, rgba(255, 255, 255, 0), #fff); }
/* A list with no room for a message shows nothing rather than half its heading (the room changes with the caption
   above it, so the list asks its own height). */
.recent { container-type: size; }
@container (max-height: 55px) { .recent > * { visibility: hidden; } }
.recent h3 { margin: 0 0 4px; font-size: 13px; color: var(--muted); text-transform: uppercase; letter-spacing: .06em; }
ol.recent-list { list-style: none; margin: 0; padding: 0; }
.recent-item { display: grid; grid-template-columns: auto 1fr; gap: 0 8px; width: 100%; text-align: left; font: inherit; font-size: 14px;
  padding: 2px 6px 2px 10px; margin: 0 0 3px; border: 1px solid var(--line); border-left: 5px solid var(--moving); border-radius: 4px;
  background: #fff; cursor: pointer; }
.recent-item .when { font-variant-numeric: tabular-nums; color: var(--muted); }
.recent-item .what { font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.recent-item .fate-icon { margin-right: 4px; }
.recent-item .who { grid-column: 1 / -1; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; color: #33373c; font-size: 13px; }
.recent-item.m-tracked { border-left-color: var(--tracked); }
.recent-item.m-tossed { border-left-color: var(--tossed); }
.recent-item.m-dup { border-left-color: var(--dup); }
.recent-item.m-lost { border-left-color: var(--bad); }
.recent-item.m-retry { border-left-color: var(--queued-ring); }
.empty { position: absolute; left: 40%; top: 45%; margin: 0; color: var(--muted); font-size: 18px; }
svg.lane-svg { width: 100%; height: auto; display: block; }
/* The words' sizes are the layout's (drawing-type.ts: it sizes the boxes for them), weights its width estimate's. */
svg g.server > rect { fill: #f7f8fa; stroke: #aeb4bb; stroke-width: 1.5; }
svg .server-name { font-size: ${TYPE.group}px; fill: var(--muted); font-weight: 700; }
svg g.place > rect { fill: #fff; stroke: #7b838c; stroke-width: 1.5; }
svg g.place .label { font-size: ${TYPE.label}px; fill: #1d1f22; }
/* A reader's position in a mailbox (R8's ThresholdDate, S6's watermark) on the box's top left edge, and a ring round
   the box while it reads (read-marks.ts): dark teal, the readers' colour, at least 4.5:1 on white. */
svg .up-to { font-size: ${TYPE.upTo}px; fill: var(--reader); font-variant-numeric: tabular-nums; }
svg .up-to tspan { stroke: #fff; stroke-width: 4px; paint-order: stroke; }
/* The router's ThresholdDate after the switch to sync (R14): nobody reads on from it, so grey, struck through and on
   a grey tag (read-marks.ts), 5.3:1. The halo is the tspan's: a line-through takes the paint of the element that
   declares it (with the halo's stroke it blotted out the digits' middle), and without the tag the line lay along the
   box's top edge and read as the edge. */
svg .up-to.stopped { fill: var(--muted); text-decoration: line-through; }
svg .up-to.stopped tspan { stroke: var(--stopped-chip); stroke-width: 8px; stroke-linejoin: round; }
svg .read-ring { fill: none; stroke: none; }
svg .read-ring.reading { stroke: var(--reader-ring); stroke-width: 3.5; }
svg .read-ring.reading.failed { stroke: var(--bad); stroke-dasharray: 5 3; }
svg g.place .count { font-size: ${TYPE.count}px; fill: var(--moving); font-weight: 700; stroke: #fff; stroke-width: 4px; paint-order: stroke; }
svg g.place .down-tag { display: none; font-size: ${TYPE.tag}px; font-weight: 700; fill: #4a4e54; }
svg g.kind-forward-mailbox > rect { fill: var(--forward); stroke: var(--forward-line); stroke-width: 3; }
svg g.kind-queue-mailbox > rect { fill: #eef4ff; }
svg g.kind-router > rect, svg g.kind-sss > rect { fill: #eef4ff; stroke: var(--moving); stroke-width: 2.5; }
svg g.kind-crm > rect { fill: #eff8f1; stroke: var(--tracked); stroke-width: 2.5; }
svg g.kind-internet > rect { fill: #f5f5f5; }
/* Greyed out, its words still 4.5:1 at their small size (#6b6f75 was 4.05:1 on the grey). */
svg g.down > rect { fill: var(--down) !important; stroke: var(--control-line) !important; stroke-dasharray: 6 4; }
svg g.place.down .label { fill: #4a4e54; }
svg g.place.down .down-tag { display: inline; }
/* A mailbox sync has disabled (S3, S4): up, still receiving, but read by nobody until a Test & Enable. */
svg g.place .disabled-tag { display: none; font-size: ${TYPE.tag}px; font-weight: 700; fill: var(--bad); }
svg g.place.disabled > rect { stroke: var(--bad) !important; stroke-width: 2.5 !important; stroke-dasharray: 3 3; }
svg g.place.disabled:not(.down) .disabled-tag { display: inline; }
.dot { fill: var(--moving); stroke: #fff; stroke-width: 1.2; stroke-linejoin: round; cursor: pointer; transition: transform .45s ease-in-out, fill .3s; }
.dot:focus { outline: none; }
.dot:focus-visible { stroke: #111; stroke-width: 3.5px; }
.dot.m-tracked { fill: var(--tracked); }
.dot.m-tossed { fill: var(--tossed); }
.dot.m-dup { fill: var(--dup); }
.dot.m-lost { fill: var(--bad); }
/* Queued at its sender (X1) is not lost: amber with a dark ring, where red would say the mail is gone. The ring pulses
   while the clock runs only (WCAG 2.2.2: paused, nothing moves). */
.dot.m-retry { fill: var(--queued); stroke: var(--queued-ring); stroke-width: 4px; stroke-opacity: .8; }
body.playing .dot.m-retry { stroke-opacity: .55; animation: flash .7s ease-in-out infinite alternate; }
.dot.selected { stroke: #111; stroke-width: 3; }
.msg-path polyline { fill: none; stroke: #111; stroke-width: 3; stroke-linejoin: round; stroke-linecap: round; pointer-events: none; }
.msg-path .done { stroke-opacity: .6; }
.msg-path .todo { stroke-opacity: .35; stroke-dasharray: 2 7; }
/* A refused attempt pulses a ring around the dot: visible from the back of the room, never fading the dot itself. */
@keyframes flash { from { stroke-width: 1.5px; } to { stroke-width: 8px; } }
/* Asked for less motion: dots jump rather than glide, and a queued one keeps a still, thick ring. */
@media (prefers-reduced-motion: reduce) {
  .dot { transition: none; }
  body.playing .dot.m-retry { animation: none; stroke-width: 4px; stroke-opacity: .8; }
}
`;
