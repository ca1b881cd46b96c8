// What a lane's drawing shows of its readers (lane.reads, harness/demo/read-watch.ts): a ring around a mailbox the
// router or sync is reading (R8: every minute; S5: a cycle every 5 minutes), dashed red for a read that did not reach
// it, and on the box's top left edge how far the reader has read the mailbox as the clock shows it: the router's
// ThresholdDate for the mailbox (R8), sync's watermark (S6). The player (script-reads.ts) fills them in; here they are
// placed, and the legend says what they mean. The rings lie under the boxes, so no word is ever covered by one; the
// positions over them, on a white halo as the counts are.
import { html, type SafeHtml } from '../../report/html.js';
import type { DemoData, DemoLane, DemoOperation, LaneId } from '../demo-data.js';
import { INSET, READ_RING, tenth, UP_TO_BASELINE, type LaneLayout } from './box-metrics.js';

/** A ThresholdDate of 0001-01-01 (the router reads the whole Inbox, R8). */
export const ROUTER_FROM_START = '0001';
/** No watermark (sync reads all since the mailbox was enabled, or since Process Email From, S2a, S6). */
export const SSS_NO_WATERMARK = '—';
/** Every form a position takes: a time of day (the widest digits), or one of the two above. */
export const UP_TO_TEXTS: readonly string[] = ['00:00', ROUTER_FROM_START, SSS_NO_WATERMARK];

/** The operation that stops the router for the organisation (R14). */
const SWITCH_VERB = 'switchToServerSideSync';

/** The mailboxes of the lane that its readers read. */
export function readPlaces(lane: DemoLane): Set<string> {
  return new Set((lane.reads ?? []).map((r) => r.place));
}

/**
 * When the router stops reading in a lane: its first switch to server-side sync (R14), or null (it never does). From
 * then on a mailbox's ThresholdDate is the router's last word on it and used by nobody: sync does not take it over
 * but reads from Process Email From (S2a) and keeps a watermark of its own (S6). Until sync's batch first reads the
 * mailbox the drawing still shows that ThresholdDate (the last reader's position; no mark would say nobody ever read
 * it), but grey, struck through and on a grey tag, so that a cutover lane does not look as if the router still read
 * Omar's and Lena's Inboxes on from there.
 */
export function routerStopMs(lane: DemoLane, operations: readonly DemoOperation[]): number | null {
  const at = operations.filter((o) => o.verb === SWITCH_VERB && (o.lane === lane.id || o.lane === 'both')).map((o) => o.atMs);
  return at.length === 0 ? null : Math.min(...at);
}

/** Per lane, routerStopMs: what the player needs to grey the router's positions after the switch. */
export function routerStops(data: DemoData): Record<LaneId, number | null> {
  const stops = {} as Record<LaneId, number | null>;
  for (const lane of data.lanes) stops[lane.id] = routerStopMs(lane, data.operations);
  return stops;
}

/** Does some mailbox of the lane show a ThresholdDate after the router stopped (a lane that cuts over, lesson 4)? */
function showsStoppedRouter(lane: DemoLane, operations: readonly DemoOperation[]): boolean {
  const stop = routerStopMs(lane, operations);
  return stop !== null && (lane.reads ?? []).some((r) => r.by === 'router' && r.reads[0] !== undefined && r.reads[0] < stop);
}

/**
 * What the read marks mean, as entries of the page's legend. They stood in each lane's head, beside its title, and
 * were cut there to an ellipsis on a 1024-pixel projector (lesson 4's titles leave 200 pixels); the legend has
 * the room on the line it takes anyway, and the lanes keep their height. Which reader keeps which position is said
 * once for both lanes: a lane's processor box names its reader. Empty where no lane has readers.
 */
export function readsLegend(data: DemoData): SafeHtml | '' {
  const by = new Set(data.lanes.flatMap((lane) => (lane.reads ?? []).map((r) => r.by)));
  if (by.size === 0) return '';
  const what = by.size === 2 ? 'ThresholdDate R8, watermark S6' : by.has('router') ? 'ThresholdDate, R8' : 'watermark, S6';
  const upTo = html`<li data-legend="up-to" title="${`The time on a mailbox's edge: how far its reader has read it, the received time of the last message it took (the router's ThresholdDate, R8; sync's watermark, S6); it takes only mail received after that. ${ROUTER_FROM_START}: a ThresholdDate of 0001-01-01, the whole Inbox (R8); ${SSS_NO_WATERMARK}: no watermark yet (S6).`}"><b class="up-to-key" aria-hidden="true">10:31</b> read up to (${what})</li>`;
  const stopped = data.lanes.some((lane) => showsStoppedRouter(lane, data.operations))
    ? html`<li data-legend="up-to-stopped" title="After the switch to server-side sync the router reads no more (R14): a mailbox keeps its last ThresholdDate, used by nobody, until sync reads it from Process Email From (S2a) and shows its own watermark (S6)."><b class="up-to-key stopped" aria-hidden="true">10:31</b> router stopped, unused (R14)</li>`
    : '';
  return html`<li data-legend="reading" title="A ring round a mailbox: its reader is reading its Inbox (R8: the router every minute; S5: sync a cycle every 5 minutes; S3: a Test &amp; Enable)."><span class="swatch reading" aria-hidden="true"></span> being read</li>${upTo}${stopped}`;
}

/** The rings, for under the boxes. */
export function readRingsSvg(layout: LaneLayout, read: ReadonlySet<string>): SafeHtml {
  const rings = layout.boxes.filter((b) => read.has(b.place.id)).map((b) => html`<rect class="read-ring" data-place="${b.place.id}" x="${tenth(b.x - READ_RING)}" y="${tenth(b.y - READ_RING)}" width="${tenth(b.w + 2 * READ_RING)}" height="${tenth(b.h + 2 * READ_RING)}" rx="8"></rect>`);
  return html`<g class="read-rings">${rings}</g>`;
}

/** The positions, for over the boxes: empty until the reader first reads the mailbox. The words go in the tspan,
 * which carries the white halo (style-lanes.ts), so that a struck-through position's line is not haloed. */
export function upToSvg(layout: LaneLayout, read: ReadonlySet<string>): SafeHtml {
  const texts = layout.boxes.filter((b) => read.has(b.place.id)).map((b) => html`<text class="up-to" data-place="${b.place.id}" x="${tenth(b.x + INSET)}" y="${tenth(b.y + UP_TO_BASELINE)}"><tspan></tspan></text>`);
  return html`<g class="up-tos">${texts}</g>`;
}
