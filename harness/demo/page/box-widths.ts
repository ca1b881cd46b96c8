// How wide each kind of box is, the same in both lanes (so that their columns line up, one lane above the other)
// and in both forms of the drawing: wide enough for its label on as few lines as its box can give it (a mailbox's on
// one line, since a line more makes every row of mailboxes taller), for the tags it may show (DOWN, DISABLED) and,
// for CRM, where most messages end, for a dot per message; a mailbox a reader reads, for how far it has read beside
// the most messages it ever holds (both on its top edge).
import type { DemoLane, DemoPlace, PlaceColumn } from '../demo-data.js';
import { CRM } from '../lane-places.js';
import { boxLabel, groupName, linesWidth, sharedDomain, wrapText, type TextStyle } from './box-labels.js';
import { COUNT_STYLE, DOT_PITCH, GROUP_STYLE, INSET, LABEL_STYLE, MAX_LABEL_LINES, PAD, TAG_STYLE, tagsOf, UP_TO_GAP, UP_TO_STYLE } from './box-metrics.js';
import { UP_TO_TEXTS } from './read-marks.js';

/** The least box: room for four dots in a row. */
const MIN_BOX_W = 2 * INSET + 4 * DOT_PITCH;
/** A mailbox's or transport's label goes on a second line past this width (and a tall box's past its lines). */
const MAX_TEXT_W = 120;
/** Tall boxes (the Internet's, the processor's) take their labels on two lines rather than widen the drawing. */
const TALL_BOX_LINES = 2;
const MAX_CRM_COLUMNS = 10;
/** A server group's name is cut (its whole text in the group's tooltip) past this width. */
export const MAX_GROUP_NAME_W = 420;

export interface BoxWidths {
  readonly internet: number;
  readonly transport: number;
  readonly mailbox: number;
  readonly processor: number;
  /** CRM's box for its label and tag; its dots may widen it (crmWidth). */
  readonly crm: number;
  /** The widest server group name, with its margins. */
  readonly groupName: number;
}

/** The narrowest width (up to MAX_TEXT_W) at which `text` takes at most `lines` lines. */
function narrowest(text: string, style: TextStyle, lines: number): number {
  const whole = linesWidth([text], style);
  let w = Math.min(Math.ceil(linesWidth(text.split(/\s+/), style)), MAX_TEXT_W);
  while (w < Math.min(whole, MAX_TEXT_W) && wrapText(text, w, style, Number.MAX_SAFE_INTEGER).length > lines) w++;
  return linesWidth(wrapText(text, w, style, MAX_LABEL_LINES), style);
}

function boxWidth(lane: DemoLane, place: DemoPlace, domain: string | null, lines: number): number {
  const words = Math.max(narrowest(boxLabel(place, domain), LABEL_STYLE, lines), linesWidth(tagsOf(place, lane), TAG_STYLE));
  return Math.ceil(Math.max(MIN_BOX_W, words + 2 * INSET));
}

function widest(lanes: readonly DemoLane[], which: (p: DemoPlace) => boolean, lines: number): number {
  let w = MIN_BOX_W;
  for (const lane of lanes) {
    const domain = sharedDomain(lane.places);
    for (const p of lane.places) if (which(p)) w = Math.max(w, boxWidth(lane, p, domain, lines));
  }
  return w;
}

/** The lane's places in one column of the drawing. */
export function placesIn(lane: DemoLane, column: PlaceColumn): DemoPlace[] {
  return lane.places.filter((p) => p.column === column);
}

/** Every Exchange server of a lane, in the order its places come. */
export function serversOf(lane: DemoLane): string[] {
  const servers: string[] = [];
  for (const p of lane.places) if (p.column === 'exchange' && !servers.includes(p.server ?? '')) servers.push(p.server ?? '');
  return servers;
}

export function boxWidths(lanes: readonly DemoLane[]): BoxWidths {
  const names = lanes.flatMap((lane) => serversOf(lane).map((s) => groupName(s, sharedDomain(lane.places))));
  return {
    internet: widest(lanes, (p) => p.column === 'internet', TALL_BOX_LINES),
    transport: widest(lanes, (p) => p.column === 'exchange' && p.kind === 'transport', 1),
    mailbox: Math.max(widest(lanes, (p) => p.column === 'exchange' && p.kind !== 'transport', 1), readMailboxWidth(lanes)),
    processor: widest(lanes, (p) => p.column === 'processor', TALL_BOX_LINES),
    crm: widest(lanes, (p) => p.column === 'crm', TALL_BOX_LINES),
    groupName: Math.ceil(Math.min(linesWidth(names, GROUP_STYLE), MAX_GROUP_NAME_W) + 2 * PAD + 4),
  };
}

/**
 * A read mailbox's top edge holds how far its reader has read (at its left) and its count (at its right): room for
 * the widest position and the most messages any mailbox of the lanes holds at once. 0 when no lane draws reads.
 */
function readMailboxWidth(lanes: readonly DemoLane[]): number {
  if (!lanes.some((lane) => (lane.reads ?? []).length > 0)) return 0;
  const most = Math.max(0, ...lanes.map(mostInAMailbox));
  const count = linesWidth(['0'.repeat(String(most).length)], COUNT_STYLE);
  return Math.ceil(2 * INSET + linesWidth(UP_TO_TEXTS, UP_TO_STYLE) + UP_TO_GAP + count);
}

/** The most messages one of the lane's mailboxes holds at one instant (its count on the page). */
export function mostInAMailbox(lane: DemoLane): number {
  const mailboxes = new Set(lane.places.filter((p) => p.column === 'exchange' && p.kind !== 'transport').map((p) => p.id));
  const changes: Array<{ atMs: number; place: string; by: number }> = [];
  for (const m of lane.messages) {
    m.steps.forEach((s, i) => {
      const before = m.steps[i - 1]?.place;
      if (before === s.place) return;
      if (before !== undefined && mailboxes.has(before)) changes.push({ atMs: s.atMs, place: before, by: -1 });
      if (mailboxes.has(s.place)) changes.push({ atMs: s.atMs, place: s.place, by: 1 });
    });
  }
  // At one instant the leaving go first: the page shows the state after the instant.
  changes.sort((a, b) => a.atMs - b.atMs || a.by - b.by);
  const now = new Map<string, number>();
  let most = 0;
  for (const c of changes) {
    const n = (now.get(c.place) ?? 0) + c.by;
    now.set(c.place, n);
    most = Math.max(most, n);
  }
  return most;
}

/** How many of the lane's messages end in CRM: its box should have a dot's room for each. */
export function crmMessages(lane: DemoLane): number {
  return lane.messages.filter((m) => m.steps[m.steps.length - 1]?.place === CRM).length;
}

/** CRM's box: a dot for each of `messages` in rows of the box's dot area `dotsH` high, up to 10 columns. */
export function crmWidth(messages: number, dotsH: number, least: number): number {
  const rows = Math.max(1, Math.floor(dotsH / DOT_PITCH));
  const columns = Math.min(Math.ceil(messages / rows), MAX_CRM_COLUMNS);
  return Math.ceil(Math.max(columns * DOT_PITCH + 2 * INSET, least));
}
