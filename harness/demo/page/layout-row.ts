// The drawing for a screen wide enough for it beside the lane's caption (a projector's 1024 or 1280 pixels, or more):
// four columns as mail flows, left to right (the Internet, Exchange, the processor, CRM), Exchange's places grouped
// by server (its transport on the left and its mailboxes in up to four columns beside it, or, where that is narrower
// and no taller, the transport the first of four cells; one group under another), the other columns' boxes stacked
// to the lane's height. Both lanes get the same columns, so that they line up.
import type { DemoLane, DemoPlace, PlaceColumn } from '../demo-data.js';
import { groupName, sharedDomain, wrapText } from './box-labels.js';
import {
  boxHeight, boxLines, GAP, GROUP_STYLE, groupHead, MARGIN, PAD, placeBox, ROW_GAP, TOP, type LaneLayout, type PlaceBox,
  type ServerGroup,
} from './box-metrics.js';
import { boxWidths, crmMessages, crmWidth, placesIn, serversOf, type BoxWidths } from './box-widths.js';

const MAX_MAILBOX_COLUMNS = 4;

interface Column {
  readonly x: number;
  readonly w: number;
}

/** How a server group's boxes stand: its transport at the left, as tall as the group, and the mailboxes in `columns`
 * columns beside it; or (narrower, for a server with many mailboxes) the transport the first of `columns` cells, the
 * first column as wide as the transport. */
interface Arrangement {
  readonly transportLeft: boolean;
  readonly columns: number;
  /** The mailboxes' width. */
  readonly cellW: number;
  /** The group's width without its name. */
  readonly width: number;
}

function arrangement(lanes: readonly DemoLane[], widths: BoxWidths): Arrangement {
  let mailboxes = 1;
  let cells = 1;
  for (const lane of lanes) {
    for (const server of serversOf(lane)) {
      const mine = placesIn(lane, 'exchange').filter((p) => (p.server ?? '') === server);
      mailboxes = Math.max(mailboxes, mine.filter((p) => p.kind !== 'transport').length);
      cells = Math.max(cells, mine.length);
    }
  }
  const transports = lanes.some((lane) => lane.places.some((p) => p.kind === 'transport'));
  const left = Math.min(mailboxes, MAX_MAILBOX_COLUMNS);
  const a = { transportLeft: transports, columns: left, cellW: widths.mailbox, width: PAD + (transports ? widths.transport + PAD : 0) + left * (widths.mailbox + PAD) };
  const inRow = Math.min(cells, MAX_MAILBOX_COLUMNS);
  const b = { transportLeft: false, columns: inRow, cellW: widths.mailbox, width: PAD + Math.max(widths.transport, widths.mailbox) + PAD + (inRow - 1) * (widths.mailbox + PAD) };
  return transports && Math.ceil(cells / inRow) <= Math.ceil(mailboxes / left) && b.width < a.width ? b : a;
}

/** Exchange's places of one lane, a group per server, one group under another. */
function layoutExchange(lane: DemoLane, column: Column, at: Arrangement): { boxes: PlaceBox[]; groups: ServerGroup[]; bottom: number } {
  const domain = sharedDomain(lane.places);
  const boxes: PlaceBox[] = [];
  const groups: ServerGroup[] = [];
  let y = TOP;
  for (const server of serversOf(lane)) {
    const mine = placesIn(lane, 'exchange').filter((p) => (p.server ?? '') === server);
    const transports = at.transportLeft ? mine.filter((p) => p.kind === 'transport') : [];
    const cells = at.transportLeft ? mine.filter((p) => p.kind !== 'transport')
      : [...mine].sort((p, q) => Number(q.kind === 'transport') - Number(p.kind === 'transport'));
    const name = wrapText(groupName(server, domain), column.w - 2 * PAD - 4, GROUP_STYLE, 2);
    const head = groupHead(name.length);
    // The transport's column: beside the cells, or the cells' first.
    const firstW = at.width - PAD - (at.transportLeft ? at.columns : at.columns - 1) * (at.cellW + PAD) - PAD;
    const cellW = (i: number) => (!at.transportLeft && i % at.columns === 0 ? firstW : at.cellW);
    const cellX = (i: number) => (i % at.columns === 0 ? 0 : cellW(0) + PAD + ((i % at.columns) - 1) * (at.cellW + PAD));
    const cellLines = cells.map((p, i) => boxLines(p, domain, cellW(i)));
    const cellH = boxHeight(Math.max(1, ...cellLines.map((l) => l.length)), 1);
    const rows = Math.max(Math.ceil(cells.length / at.columns), transports.length, 1);
    const innerH = rows * (cellH + ROW_GAP) - ROW_GAP;
    const transportW = at.transportLeft ? firstW : 0;
    const transportH = (innerH - ROW_GAP * (transports.length - 1)) / Math.max(transports.length, 1);
    transports.forEach((p, i) => {
      boxes.push(placeBox(p, { x: column.x + PAD, y: y + head + i * (transportH + ROW_GAP), w: transportW, h: transportH }, boxLines(p, domain, transportW)));
    });
    const left = column.x + PAD + (at.transportLeft ? transportW + PAD : 0);
    cells.forEach((p, i) => {
      const xy = { x: left + cellX(i), y: y + head + Math.floor(i / at.columns) * (cellH + ROW_GAP) };
      boxes.push(placeBox(p, { ...xy, w: cellW(i), h: cellH }, cellLines[i] ?? []));
    });
    const h = head + innerH + PAD;
    groups.push({ server, lines: name, x: column.x, y, w: column.w, h });
    y += h + GAP;
  }
  return { boxes, groups, bottom: y - GAP };
}

/** A column's places stacked to fill the lane's height (a lone place takes it all: CRM gathers most dots). */
function layoutStack(places: readonly DemoPlace[], domain: string | null, column: Column, bodyH: number): PlaceBox[] {
  const n = places.length;
  const h = (bodyH - GAP * (n - 1)) / Math.max(n, 1);
  return places.map((p, i) => placeBox(p, { x: column.x, y: TOP + i * (h + GAP), w: column.w, h }, boxLines(p, domain, column.w)));
}

/** How tall a column of stacked boxes must be, each with its label and `dotRows` rows of dots. */
function stackHeight(places: readonly DemoPlace[], domain: string | null, width: number, dotRows: number): number {
  return places.reduce((sum, p, i) => sum + (i > 0 ? GAP : 0) + boxHeight(boxLines(p, domain, width).length, dotRows), 0);
}

/** Both lanes' drawings, in `lanes`' order. */
export function layoutRow(lanes: readonly DemoLane[]): LaneLayout[] {
  const widths = boxWidths(lanes);
  const at = arrangement(lanes, widths);
  const any = (c: PlaceColumn) => lanes.some((lane) => placesIn(lane, c).length > 0);
  const groupW = Math.max(at.width, widths.groupName);
  const internet: Column = { x: MARGIN, w: any('internet') ? widths.internet : 0 };
  const exchange: Column = { x: internet.x + internet.w + (internet.w > 0 ? GAP : 0), w: any('exchange') ? groupW : 0 };
  const processor: Column = { x: exchange.x + exchange.w + (exchange.w > 0 ? GAP : 0), w: any('processor') ? widths.processor : 0 };
  const crmX = processor.x + processor.w + (processor.w > 0 ? GAP : 0);
  const bodies = lanes.map((lane) => {
    const domain = sharedDomain(lane.places);
    const ex = layoutExchange(lane, exchange, at);
    const bodyH = Math.max(ex.bottom - TOP, stackHeight(placesIn(lane, 'internet'), domain, internet.w, 2),
      stackHeight(placesIn(lane, 'processor'), domain, processor.w, 2), stackHeight(placesIn(lane, 'crm'), domain, widths.crm, 4));
    return { lane, domain, ex, bodyH };
  });
  // CRM's box is as tall as the lane: how many columns of dots it needs follows from that.
  const crmW = Math.max(...bodies.map(({ lane, domain, bodyH }) => {
    const label = Math.max(1, ...placesIn(lane, 'crm').map((p) => boxLines(p, domain, widths.crm).length));
    return crmWidth(crmMessages(lane), bodyH - boxHeight(label, 0), widths.crm);
  }));
  const crm: Column = { x: crmX, w: any('crm') ? crmW : 0 };
  const width = Math.ceil(crm.x + crm.w + MARGIN);
  return bodies.map(({ lane, domain, ex, bodyH }) => ({
    width,
    height: Math.ceil(TOP + bodyH + MARGIN),
    boxes: [
      ...layoutStack(placesIn(lane, 'internet'), domain, internet, bodyH),
      ...ex.boxes,
      ...layoutStack(placesIn(lane, 'processor'), domain, processor, bodyH),
      ...layoutStack(placesIn(lane, 'crm'), domain, crm, bodyH),
    ],
    groups: ex.groups,
  }));
}
