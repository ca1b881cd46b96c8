// One lane's drawing: column headings, Exchange's server groups, a box per place with its label and a count of the
// messages in it, and an empty layer the player script fills with message dots. Hand-written SVG, as the run report.
// Mailboxes are named without the mail domain they all share (the server group names it once): short labels stay
// whole and readable when the player shrinks the drawing to fit both lanes on a projector's screen. For a screen
// reader the drawing is a group named by its lane, described by the lane's status line (lane-html.ts); the boxes are
// hidden from it (the status line says what they show) and the dots are what it can reach, one Tab stop per lane.
import { html, type SafeHtml } from '../../report/html.js';
import type { DemoLane, DemoPlace } from '../demo-data.js';
import { LANE_VIEW_W, type LaneLayout, type PlaceBox } from './lane-layout.js';

/** Average glyph width of the box labels' 14px font, in SVG units, for a wide sans (DejaVu): enough to cut a
 * label before it overflows the box. */
const LABEL_CHAR_W = 8.2;

/** A label cut to fit its box, the cut marked with an ellipsis (the whole label stays in the box's tooltip). */
export function fitLabel(label: string, widthUnits: number): string {
  const max = Math.max(Math.floor(widthUnits / LABEL_CHAR_W), 3);
  return label.length <= max ? label : `${label.slice(0, max - 1)}…`;
}

function domainOf(label: string): string {
  const at = label.lastIndexOf('@');
  return at < 0 ? '' : label.slice(at + 1);
}

/** The mail domain every mailbox of the lane has, or null when they differ (or one has none). */
export function sharedDomain(places: readonly DemoPlace[]): string | null {
  const domains = new Set(places.filter((p) => p.column === 'exchange' && p.kind !== 'transport').map((p) => domainOf(p.label)));
  const [only] = [...domains];
  return domains.size === 1 && only !== undefined && only !== '' ? only : null;
}

/** What a box says: its label, less the server's name on a transport (the server group around it names the server)
 * and less the shared domain on a mailbox. */
export function boxLabel(place: DemoPlace, domain: string | null = null): string {
  const prefix = `${place.server ?? ''} `;
  if (place.kind === 'transport') return place.server !== null && place.label.startsWith(prefix) ? place.label.slice(prefix.length) : place.label;
  const suffix = `@${domain ?? ''}`;
  return domain !== null && place.column === 'exchange' && place.label.endsWith(suffix) ? place.label.slice(0, -suffix.length) : place.label;
}

function boxSvg(box: PlaceBox, domain: string | null): SafeHtml {
  const { place, x, y, w, h } = box;
  // The count straddles the box's top edge (on a white halo), so the label below it can use the box's whole width.
  return html`<g class="place kind-${place.kind}" data-place="${place.id}"><title>${place.label}</title>
<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="5"></rect>
<text class="label" x="${x + 7}" y="${y + 18}">${fitLabel(boxLabel(place, domain), w - 14)}</text>
<text class="count" x="${x + w - 6}" y="${y + 5}" text-anchor="end"></text>
<text class="down-tag" x="${x + w - 7}" y="${y + h - 6}" text-anchor="end">DOWN</text>
<text class="disabled-tag" x="${x + w - 7}" y="${y + h - 6}" text-anchor="end">DISABLED</text></g>
`;
}

export function laneSvg(lane: DemoLane, layout: LaneLayout): SafeHtml {
  const domain = sharedDomain(lane.places);
  const headings = layout.headings.map((hd) => html`<text class="heading" x="${hd.x}" y="20">${hd.text}</text>`);
  const groups = layout.groups.map((g) =>
    html`<g class="server" data-server="${g.server}"><rect x="${g.x}" y="${g.y}" width="${g.w}" height="${g.h}" rx="7"></rect>
<text class="server-name" x="${g.x + 8}" y="${g.y + 15}">${g.server === '' ? 'Exchange' : `server ${g.server}`}${domain === null ? '' : ` · @${domain}`}</text></g>
`);
  return html`<svg class="lane-svg" data-lane="${lane.id}" viewBox="0 0 ${LANE_VIEW_W} ${layout.height}" role="group" aria-label="${lane.title}" aria-describedby="status-${lane.id}">
<g aria-hidden="true">
${headings}
${groups}
${layout.boxes.map((b) => boxSvg(b, domain))}
</g>
<g class="dots" role="group" aria-label="Messages: the arrow keys move between them, Enter opens one"></g>
</svg>`;
}
