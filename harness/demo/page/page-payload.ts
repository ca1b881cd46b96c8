// What the player script reads: the demo's data as is, plus what TypeScript already worked out (where each place's
// dots go, when each place is out of service, the speeds on offer), embedded as JSON in a data block the script
// parses. The JSON is escaped so no value can close the block (`</script>`) or start markup.
import type { DemoData, LaneId } from '../demo-data.js';
import { dotShapes, type FateClass } from './dot-shapes.js';
import { MIN_PX_PER_UNIT } from './drawing-type.js';
import { DOT_PITCH, DOT_R, DRAWING_FORMS, type DrawingForm, type LaneLayouts } from './lane-layout.js';
import { laneOutages, outageSpans } from './outage-spans.js';
import { routerStops } from './read-marks.js';

/** Speeds on offer: virtual milliseconds per real second, as a trainer names them. */
export const SPEEDS: ReadonlyArray<{ readonly label: string; readonly msPerS: number }> = [
  { label: '10 s', msPerS: 10_000 },
  { label: '1 min', msPerS: 60_000 },
  { label: '10 min', msPerS: 600_000 },
  { label: '1 h', msPerS: 3_600_000 },
  { label: '6 h', msPerS: 21_600_000 },
  { label: '1 day', msPerS: 86_400_000 },
];

/** About a minute of watching for the whole run: the slowest speed that plays it in at most this long. */
const WATCH_S = 60;

export function defaultSpeedIndex(endMs: number): number {
  const i = SPEEDS.findIndex((s) => endMs / s.msPerS <= WATCH_S);
  return i < 0 ? SPEEDS.length - 1 : i;
}

export interface PagePayload {
  readonly data: DemoData;
  /** Per form of the drawing, per lane, per place id: the rectangle its dots fill, as [x, y, w, h] in SVG units. */
  readonly dotAreas: Readonly<Record<DrawingForm, Readonly<Record<LaneId, Readonly<Record<string, readonly [number, number, number, number]>>>>>>;
  /** Per lane: intervals during which places (and the servers they stand on) are out of service. */
  readonly outages: Readonly<Record<LaneId, ReadonlyArray<{ fromMs: number; toMs: number; places: string[]; servers: string[] }>>>;
  readonly speeds: typeof SPEEDS;
  readonly speed: number;
  /** The dots' radius and pitch, and each fate's shape at that radius (dot-shapes.ts). */
  readonly dot: { readonly r: number; readonly pitch: number; readonly shapes: Readonly<Record<FateClass, string>> };
  /** The least pixels per drawing unit: at that scale the drawings' smallest words are 12 pixels (drawing-type.ts). */
  readonly minPxPerUnit: number;
  /** Per lane: when the router stops reading for good (its switch to sync, R14; read-marks.ts), or null. */
  readonly routerStops: Readonly<Record<LaneId, number | null>>;
}

type Areas = Record<string, readonly [number, number, number, number]>;

export function pagePayload(data: DemoData, layouts: LaneLayouts): PagePayload {
  const spans = outageSpans(data);
  const dotAreas = Object.fromEntries(DRAWING_FORMS.map((form) => [form, {}])) as Record<DrawingForm, Record<LaneId, Areas>>;
  const outages = {} as Record<LaneId, Array<{ fromMs: number; toMs: number; places: string[]; servers: string[] }>>;
  for (const lane of data.lanes) {
    for (const form of DRAWING_FORMS) {
      const areas: Areas = {};
      for (const box of layouts[form][lane.id].boxes) areas[box.place.id] = [box.dots.x, box.dots.y, box.dots.w, box.dots.h];
      dotAreas[form][lane.id] = areas;
    }
    outages[lane.id] = laneOutages(lane, spans).map((o) => {
      const servers = lane.places.filter((p) => o.places.includes(p.id) && p.kind === 'transport' && p.server !== null).map((p) => p.server as string);
      return { ...o, servers };
    });
  }
  return { data, dotAreas, outages, speeds: SPEEDS, speed: defaultSpeedIndex(data.endMs), dot: { r: DOT_R, pitch: DOT_PITCH, shapes: dotShapes(DOT_R) },
    minPxPerUnit: MIN_PX_PER_UNIT, routerStops: routerStops(data) };
}

const JSON_ESCAPES: Readonly<Record<string, string>> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };

/** JSON that is safe inside `<script type="application/json">`: the same value once parsed, no `<` or `&` in the text. */
export function jsonForScriptBlock(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => JSON_ESCAPES[c] as string);
}
