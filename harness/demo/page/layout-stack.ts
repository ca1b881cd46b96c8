// The drawing for a narrow screen (a phone, or a page zoomed to 400 %): the same places as mail flows, top to bottom,
// each across the whole width: the Internet, each Exchange server's group (its transport and mailboxes in as many
// columns as fit), the processors side by side, CRM. The wide drawing shrunk to a phone's width had 3-pixel words;
// this one is as wide as a 320-pixel screen leaves, so its words keep their size.
import type { DemoLane, DemoPlace } from '../demo-data.js';
import { groupName, sharedDomain, wrapText } from './box-labels.js';
import {
  boxHeight, boxLines, DOT_PITCH, GAP, GROUP_STYLE, groupHead, INSET, MARGIN, PAD, placeBox, ROW_GAP, TOP, type LaneLayout,
  type PlaceBox, type ServerGroup,
} from './box-metrics.js';
import { boxWidths, crmMessages, placesIn, serversOf } from './box-widths.js';

/** In SVG units: what a 320-pixel screen leaves the drawing (its page's margins taken off), at a pixel per unit. */
export const STACK_W = 288;
const INNER_W = STACK_W - 2 * MARGIN;
/** CRM's box grows a row of dots for its messages, to this many rows. */
const MAX_CRM_ROWS = 6;

/** Boxes side by side across the width, from `y`, each with `dotRows` rows of dots; returns them and their bottom. */
function row(places: readonly DemoPlace[], domain: string | null, y: number, dotRows: number): { boxes: PlaceBox[]; bottom: number } {
  if (places.length === 0) return { boxes: [], bottom: y - GAP };
  const w = (INNER_W - GAP * (places.length - 1)) / places.length;
  const lines = places.map((p) => boxLines(p, domain, w));
  const h = boxHeight(Math.max(...lines.map((l) => l.length)), dotRows);
  return { boxes: places.map((p, i) => placeBox(p, { x: MARGIN + i * (w + GAP), y, w, h }, lines[i] ?? [])), bottom: y + h };
}

export function layoutStack(lanes: readonly DemoLane[]): LaneLayout[] {
  const widths = boxWidths(lanes);
  const cellMin = Math.max(widths.transport, widths.mailbox);
  const columns = Math.max(1, Math.floor((INNER_W - PAD) / (cellMin + PAD)));
  const cellW = (INNER_W - PAD - columns * PAD) / columns;
  return lanes.map((lane) => {
    const domain = sharedDomain(lane.places);
    const boxes: PlaceBox[] = [];
    const groups: ServerGroup[] = [];
    const internet = row(placesIn(lane, 'internet'), domain, TOP, 2);
    boxes.push(...internet.boxes);
    let y = internet.bottom + GAP;
    for (const server of serversOf(lane)) {
      const cells = placesIn(lane, 'exchange').filter((p) => (p.server ?? '') === server)
        .sort((a, b) => Number(b.kind === 'transport') - Number(a.kind === 'transport'));
      const name = wrapText(groupName(server, domain), INNER_W - 2 * PAD - 4, GROUP_STYLE, 2);
      const head = groupHead(name.length);
      const lines = cells.map((p) => boxLines(p, domain, cellW));
      const cellH = boxHeight(Math.max(1, ...lines.map((l) => l.length)), 1);
      cells.forEach((p, i) => {
        const at = { x: MARGIN + PAD + (i % columns) * (cellW + PAD), y: y + head + Math.floor(i / columns) * (cellH + ROW_GAP) };
        boxes.push(placeBox(p, { ...at, w: cellW, h: cellH }, lines[i] ?? []));
      });
      const rows = Math.max(Math.ceil(cells.length / columns), 1);
      const h = head + rows * (cellH + ROW_GAP) - ROW_GAP + PAD;
      groups.push({ server, lines: name, x: MARGIN, y, w: INNER_W, h });
      y += h + GAP;
    }
    const processors = row(placesIn(lane, 'processor'), domain, y, 2);
    boxes.push(...processors.boxes);
    const perRow = Math.max(1, Math.floor((INNER_W - 2 * INSET) / DOT_PITCH));
    const crmRows = Math.min(Math.max(Math.ceil(crmMessages(lane) / perRow), 2), MAX_CRM_ROWS);
    const crm = row(placesIn(lane, 'crm'), domain, processors.bottom + GAP, crmRows);
    boxes.push(...crm.boxes);
    return { width: STACK_W, height: Math.ceil(crm.bottom + MARGIN), boxes, groups };
  });
}
