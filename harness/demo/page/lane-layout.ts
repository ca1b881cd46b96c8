// Where each place of a lane stands in its drawing, in two forms: a row of columns for a screen that has the width
// (layout-row.ts) and a stack for a narrow one (layout-stack.ts). Computed once in TypeScript so the SVG and the
// player script (which puts message dots inside the boxes, and picks the form that fits the window: script-forms.ts)
// agree on every coordinate.
import type { DemoLane, LaneId } from '../demo-data.js';
import type { LaneLayout } from './box-metrics.js';
import { layoutRow } from './layout-row.js';
import { layoutStack } from './layout-stack.js';

export type { LaneLayout, PlaceBox, Rect, ServerGroup } from './box-metrics.js';
export { DOT_PITCH, DOT_R } from './box-metrics.js';

export const DRAWING_FORMS = ['row', 'stack'] as const;
export type DrawingForm = (typeof DRAWING_FORMS)[number];

/** Per form, per lane: its layout. */
export type LaneLayouts = Readonly<Record<DrawingForm, Readonly<Record<LaneId, LaneLayout>>>>;

function byLane(lanes: readonly DemoLane[], layouts: readonly LaneLayout[]): Record<LaneId, LaneLayout> {
  return Object.fromEntries(lanes.map((lane, i) => [lane.id, layouts[i]])) as Record<LaneId, LaneLayout>;
}

export function layoutDrawings(lanes: readonly DemoLane[]): LaneLayouts {
  return { row: byLane(lanes, layoutRow(lanes)), stack: byLane(lanes, layoutStack(lanes)) };
}
