// The shapes the lane layouts share: a box (its label's lines at the top, its message dots below them, its count
// straddling its top edge, its DOWN or DISABLED tag in its bottom right corner) and how tall it must be so that none
// of its words touch another's: the browser's text boxes are a font's full ascent and descent high, and a test in
// Chromium checks that no two of them overlap (demo-page-text-chromium.test.ts).
import type { DemoLane, DemoPlace } from '../demo-data.js';
import { ASCENT, DESCENT, TYPE } from './drawing-type.js';
import { boxLabel, wrapText, type TextStyle } from './box-labels.js';

/** Dots: radius and the distance between neighbours, in SVG units (8 pixels across at the least scale: larger than
 * the 1200-unit drawing's 10 units shrunk to half a pixel each, and CRM's box holds a lesson's 60 in 8 columns). */
export const DOT_R = 4;
export const DOT_PITCH = 10;

export const LABEL_STYLE: TextStyle = { size: TYPE.label, weight: 'regular' };
export const GROUP_STYLE: TextStyle = { size: TYPE.group, weight: 'bold' };
export const TAG_STYLE: TextStyle = { size: TYPE.tag, weight: 'bold' };
export const UP_TO_STYLE: TextStyle = { size: TYPE.upTo, weight: 'regular' };
export const COUNT_STYLE: TextStyle = { size: TYPE.count, weight: 'bold' };

/** Between a box's sides and its words and dots. */
export const INSET = 6;
/** Between boxes in a server group, and around them. */
export const PAD = 6;
/** Between columns (or, stacked, rows) of the drawing: no less than ROW_GAP. */
export const GAP = 8;
/** Below a row of boxes: the next row's counts stick out above it, clear of this row's tags. */
export const ROW_GAP = 7;
/** A label's lines, at most (a longer label is cut, its whole text in the box's tooltip). */
export const MAX_LABEL_LINES = 3;

/** The count's baseline, below the box's top edge: its text sticks out above the edge by COUNT_ABOVE. */
export const COUNT_BASELINE = 4;
export const COUNT_ABOVE = ASCENT * TYPE.count - COUNT_BASELINE;
const COUNT_BOTTOM = COUNT_BASELINE + DESCENT * TYPE.count;
/**
 * A read mailbox's position (`10:31`) straddles the box's top edge at its left end, as the count does at its right:
 * the room above the box that the count needs (groupHead, ROW_GAP, TOP) holds it, the label below stays clear of it.
 */
export const UP_TO_BASELINE = COUNT_BASELINE;
/** Between the position and the count, on the box's top edge. */
export const UP_TO_GAP = 4;
/** Around a box being read: a ring this far outside its edge (under the box, so its words stay on top). */
export const READ_RING = 3.5;
/** The label's first baseline, below the count. */
export const LABEL_BASELINE = Math.ceil(COUNT_BOTTOM + 1 + ASCENT * TYPE.label);
export const LINE_PITCH = Math.ceil((ASCENT + DESCENT) * TYPE.label * 10) / 10;
/** The tag's baseline, above the box's bottom edge. */
export const TAG_BASELINE = 4;
/** A group's name's first baseline, below the group's top edge; its boxes start below its last line, far enough for
 * their counts. */
export const GROUP_BASELINE = Math.ceil(1 + ASCENT * TYPE.group);
export function groupHead(nameLines: number): number {
  return Math.ceil(GROUP_BASELINE + (nameLines - 1) * LINE_PITCH + DESCENT * TYPE.group + 1 + COUNT_ABOVE);
}
/** Above the top boxes, for their counts. */
export const TOP = Math.ceil(COUNT_ABOVE + 1);
/** Left, right and below: room for the boxes' strokes. */
export const MARGIN = 4;

/** The words a box may show in its corner: DOWN, and DISABLED on a mailbox sync disables in this lane. */
export function tagsOf(place: DemoPlace, lane: DemoLane): string[] {
  return (lane.disabled ?? []).some((d) => d.place === place.id) ? ['DOWN', 'DISABLED'] : ['DOWN'];
}

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface PlaceBox extends Rect {
  readonly place: DemoPlace;
  /** What the box says, a line each. */
  readonly lines: readonly string[];
  /** Where the box's message dots go: below its label. */
  readonly dots: Rect;
}

export interface ServerGroup extends Rect {
  readonly server: string;
  readonly lines: readonly string[];
}

export interface LaneLayout {
  readonly width: number;
  readonly height: number;
  readonly boxes: readonly PlaceBox[];
  readonly groups: readonly ServerGroup[];
}

function dotsTop(lines: number): number {
  return LABEL_BASELINE + (lines - 1) * LINE_PITCH + DESCENT * TYPE.label + 2;
}

/** How tall a box must be for `lines` of label and `dotRows` rows of dots (the tag, below the label, overlaps the
 * last row's right end only). */
export function boxHeight(lines: number, dotRows: number): number {
  return Math.ceil(dotsTop(lines) + dotRows * DOT_PITCH + 3);
}

/** What a box `width` wide says, a line each. */
export function boxLines(place: DemoPlace, domain: string | null, width: number): string[] {
  return wrapText(boxLabel(place, domain), width - 2 * INSET, LABEL_STYLE, MAX_LABEL_LINES);
}

/** Tenths of a unit are finer than a projector shows and keep the page's numbers short. */
export function tenth(v: number): number {
  return Math.round(v * 10) / 10;
}

export function placeBox(place: DemoPlace, r: Rect, lines: readonly string[]): PlaceBox {
  const box = { x: tenth(r.x), y: tenth(r.y), w: tenth(r.w), h: tenth(r.h) };
  const top = Math.ceil(dotsTop(lines.length));
  return { place, lines, ...box, dots: { x: tenth(box.x + INSET), y: tenth(box.y + top), w: tenth(box.w - 2 * INSET), h: tenth(Math.max(box.h - top - 3, DOT_PITCH)) } };
}
