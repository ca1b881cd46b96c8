// How wide each kind of box is, the same in both lanes (so that their columns line up, one lane above the other)
// and in both forms of the drawing: wide enough for its label on as few lines as its box can give it (a mailbox's on
// one line, since a line more makes every row of mailboxes taller), for the tags it may show (DOWN, DISABLED) and,
// for CRM, where most messages end, for a dot per message.
import type { DemoLane, DemoPlace, PlaceColumn } from '../demo-data.js';
import { CRM } from '../lane-places.js';
import { boxLabel, groupName, linesWidth, sharedDomain, wrapText, type TextStyle } from './box-labels.js';
import { DOT_PITCH, GROUP_STYLE, INSET, LABEL_STYLE, MAX_LABEL_LINES, PAD, TAG_STYLE, tagsOf } from './box-metrics.js';

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
    mailbox: widest(lanes, (p) => p.column === 'exchange' && p.kind !== 'transport', 1),
    processor: widest(lanes, (p) => p.column === 'processor', TALL_BOX_LINES),
    crm: widest(lanes, (p) => p.column === 'crm', TALL_BOX_LINES),
    groupName: Math.ceil(Math.min(linesWidth(names, GROUP_STYLE), MAX_GROUP_NAME_W) + 2 * PAD + 4),
  };
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
