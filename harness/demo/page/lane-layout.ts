// Where each place of a lane stands in its drawing: four columns as mail flows (Internet, Exchange, processor, CRM),
// Exchange's places grouped by server (transport on the left, mailboxes in three columns beside it: a wide, short
// drawing, so that both lanes fit one above the other on a projector's screen). Computed once in
// TypeScript so the SVG and the player script (which puts message dots inside the boxes) agree on every coordinate.
import type { DemoLane, DemoPlace, PlaceColumn } from '../demo-data.js';

/** The drawing's width in SVG units; every lane shares it so the two lanes line up on the page. */
export const LANE_VIEW_W = 1200;
/** Dots: radius and the distance between neighbours, in SVG units (sized for a projector, not a laptop). */
export const DOT_R = 5;
export const DOT_PITCH = 13;

const TOP = 34; // below the column headings
const BOTTOM = 8;
const MIN_BODY_H = 150;
const COLUMN_GAP = 6;
const GROUP_HEADER_H = 20;
const GROUP_PAD = 6;
const MAILBOX_H = 54;
const TRANSPORT_W = 90;
const MAILBOX_COLUMNS = 3;

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface PlaceBox extends Rect {
  readonly place: DemoPlace;
  /** Where the box's message dots go: below its label. */
  readonly dots: Rect;
}

export interface ServerGroup extends Rect {
  readonly server: string;
}

export interface ColumnHeading {
  readonly column: PlaceColumn;
  readonly text: string;
  readonly x: number;
}

export interface LaneLayout {
  readonly height: number;
  readonly boxes: readonly PlaceBox[];
  readonly groups: readonly ServerGroup[];
  readonly headings: readonly ColumnHeading[];
}

const COLUMN_X: Readonly<Record<PlaceColumn, { x: number; w: number }>> = {
  internet: { x: 8, w: 150 },
  exchange: { x: 178, w: 640 },
  processor: { x: 840, w: 165 },
  crm: { x: 1027, w: 165 },
};

/** Tenths of a unit are finer than a projector shows and keep the page's numbers short. */
function tenth(v: number): number {
  return Math.round(v * 10) / 10;
}

function withDots(place: DemoPlace, r: Rect): PlaceBox {
  const box = { x: tenth(r.x), y: tenth(r.y), w: tenth(r.w), h: tenth(r.h) };
  return { place, ...box, dots: { x: box.x + 7, y: box.y + 24, w: tenth(box.w - 14), h: tenth(Math.max(box.h - 28, DOT_PITCH)) } };
}

/** Exchange's places, one group per server: its transport (tall, left) and its mailboxes (in rows of three). */
function layoutExchange(places: readonly DemoPlace[]): { boxes: PlaceBox[]; groups: ServerGroup[]; bottom: number } {
  const servers: string[] = [];
  for (const p of places) {
    const server = p.server ?? '';
    if (!servers.includes(server)) servers.push(server);
  }
  const { x, w } = COLUMN_X.exchange;
  const boxes: PlaceBox[] = [];
  const groups: ServerGroup[] = [];
  let y = TOP;
  for (const server of servers) {
    const mine = places.filter((p) => (p.server ?? '') === server);
    const transports = mine.filter((p) => p.kind === 'transport');
    const mailboxes = mine.filter((p) => p.kind !== 'transport');
    const rows = Math.max(Math.ceil(mailboxes.length / MAILBOX_COLUMNS), transports.length, 1);
    const innerY = y + GROUP_HEADER_H;
    const innerH = rows * (MAILBOX_H + GROUP_PAD) - GROUP_PAD;
    const transportH = (innerH - GROUP_PAD * (transports.length - 1)) / Math.max(transports.length, 1);
    transports.forEach((p, i) => {
      boxes.push(withDots(p, { x: x + GROUP_PAD, y: innerY + i * (transportH + GROUP_PAD), w: TRANSPORT_W, h: transportH }));
    });
    const left = transports.length > 0 ? x + GROUP_PAD * 2 + TRANSPORT_W : x + GROUP_PAD;
    const mailboxW = (x + w - GROUP_PAD - left - GROUP_PAD * (MAILBOX_COLUMNS - 1)) / MAILBOX_COLUMNS;
    mailboxes.forEach((p, i) => {
      const col = i % MAILBOX_COLUMNS;
      const row = Math.floor(i / MAILBOX_COLUMNS);
      boxes.push(withDots(p, { x: left + col * (mailboxW + GROUP_PAD), y: innerY + row * (MAILBOX_H + GROUP_PAD), w: mailboxW, h: MAILBOX_H }));
    });
    const h = GROUP_HEADER_H + innerH + GROUP_PAD;
    groups.push({ server, x, y, w, h });
    y += h + COLUMN_GAP + 4;
  }
  return { boxes, groups, bottom: y };
}

/** A column of places stacked to fill the lane's height (a lone place takes it all: CRM gathers most dots). */
function layoutStack(places: readonly DemoPlace[], column: PlaceColumn, bodyH: number): PlaceBox[] {
  const { x, w } = COLUMN_X[column];
  const n = places.length;
  const h = (bodyH - COLUMN_GAP * (n - 1)) / Math.max(n, 1);
  return places.map((p, i) => withDots(p, { x, y: TOP + i * (h + COLUMN_GAP), w, h }));
}

function processorHeading(lane: DemoLane): string {
  if (lane.places.some((p) => p.kind === 'router')) return 'E-mail Router';
  if (lane.places.some((p) => p.kind === 'sss')) return 'Server-side sync';
  return 'Processor';
}

export function layoutLane(lane: DemoLane): LaneLayout {
  const inColumn = (c: PlaceColumn) => lane.places.filter((p) => p.column === c);
  const exchange = layoutExchange(inColumn('exchange'));
  const bodyH = Math.max(exchange.bottom - COLUMN_GAP - 4 - TOP, MIN_BODY_H);
  const boxes = [
    ...layoutStack(inColumn('internet'), 'internet', bodyH),
    ...exchange.boxes,
    ...layoutStack(inColumn('processor'), 'processor', bodyH),
    ...layoutStack(inColumn('crm'), 'crm', bodyH),
  ];
  const headings: ColumnHeading[] = [
    { column: 'internet', text: 'Internet', x: COLUMN_X.internet.x },
    { column: 'exchange', text: 'Exchange', x: COLUMN_X.exchange.x },
    { column: 'processor', text: processorHeading(lane), x: COLUMN_X.processor.x },
    { column: 'crm', text: 'CRM', x: COLUMN_X.crm.x },
  ];
  return { height: TOP + bodyH + BOTTOM, boxes, groups: exchange.groups, headings };
}
