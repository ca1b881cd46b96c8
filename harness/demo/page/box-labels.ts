// What a lane's boxes say, and on which lines. Mailboxes are named without the mail domain they all share (the server
// group names it once) and a transport without its server's name (the group names it too), so that most labels are
// one short word. A label wider than its box wraps between words, a word too long for a line breaks after an `@`,
// `.`, `-` or `,` (an address, a host name), else where the line is full; only a label longer than its lines allow
// ends in an ellipsis. The place's whole name is the box's tooltip either way.
import type { DemoPlace } from '../demo-data.js';
import { textWidth, type Weight } from './text-width.js';

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

/** What a box says: its label, less the server's name on a transport and less the shared domain on a mailbox. */
export function boxLabel(place: DemoPlace, domain: string | null = null): string {
  const prefix = `${place.server ?? ''} `;
  if (place.kind === 'transport') return place.server !== null && place.label.startsWith(prefix) ? place.label.slice(prefix.length) : place.label;
  const suffix = `@${domain ?? ''}`;
  return domain !== null && place.column === 'exchange' && place.label.endsWith(suffix) ? place.label.slice(0, -suffix.length) : place.label;
}

/** A server group's name: the Exchange server, and the domain its mailboxes share when they do. */
export function groupName(server: string, domain: string | null): string {
  return `${server === '' ? 'Exchange' : `Exchange ${server}`}${domain === null ? '' : ` · @${domain}`}`;
}

export interface TextStyle {
  readonly size: number;
  readonly weight: Weight;
}

const BREAK_AFTER = /[@.\-,/_]/;

/** The longest start of `word` that fits `width` (at least one character), ending after a break character if one
 * does. */
function head(word: string, width: number, style: TextStyle): string {
  const chars = [...word];
  let fits = 1;
  while (fits < chars.length && textWidth(chars.slice(0, fits + 1).join(''), style.size, style.weight) <= width) fits++;
  if (fits === chars.length) return word;
  for (let i = fits; i > 1; i--) if (BREAK_AFTER.test(chars[i - 1] ?? '')) return chars.slice(0, i).join('');
  return chars.slice(0, fits).join('');
}

/** `text` on lines no wider than `width`, at most `maxLines` of them (the last cut with an ellipsis if need be). */
export function wrapText(text: string, width: number, style: TextStyle, maxLines: number): string[] {
  const fits = (s: string) => textWidth(s, style.size, style.weight) <= width;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    const joined = line === '' ? word : `${line} ${word}`;
    if (fits(joined)) { line = joined; continue; }
    if (line !== '') lines.push(line);
    let rest = word;
    while (!fits(rest)) {
      const part = head(rest, width, style);
      lines.push(part);
      rest = rest.slice(part.length);
    }
    line = rest;
  }
  if (line !== '') lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines - 1);
  let last = lines.slice(maxLines - 1).join(' ');
  while (last.length > 0 && !fits(`${last}…`)) last = [...last].slice(0, -1).join('');
  return [...kept, `${last.trimEnd()}…`];
}

/** The widest of `lines`, as set in `style`. */
export function linesWidth(lines: readonly string[], style: TextStyle): number {
  return Math.max(0, ...lines.map((l) => textWidth(l, style.size, style.weight)));
}
