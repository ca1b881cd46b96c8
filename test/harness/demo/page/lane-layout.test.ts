// Where a lane's places go: inside the drawing, never on top of each other, in their columns left to right, and each
// box with room for at least one dot, however many mailboxes a server holds.
import { describe, expect, it } from 'vitest';
import type { DemoPlace } from '../../../../harness/demo/demo-data.js';
import { DOT_PITCH, LANE_VIEW_W, layoutLane, type Rect } from '../../../../harness/demo/page/lane-layout.js';
import { demoFixture, laneOf } from '../../../helpers/demo-fixture.js';

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}
function inside(inner: Rect, outer: Rect): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h;
}

describe('layoutLane', () => {
  const crowded: DemoPlace[] = [
    { id: 'internet', label: 'Internet', kind: 'internet', column: 'internet', server: null },
    ...['ex1', 'ex2'].map((server): DemoPlace => ({ id: `server:${server}`, label: `${server} transport`, kind: 'transport', column: 'exchange', server })),
    ...Array.from({ length: 9 }, (_, i): DemoPlace => ({ id: `mailbox:u${i}`, label: `u${i}@contoso.example`, kind: 'user-mailbox', column: 'exchange', server: i < 5 ? 'ex1' : 'ex2' })),
    { id: 'sss', label: 'Server-side sync', kind: 'sss', column: 'processor', server: null },
    { id: 'crm', label: 'CRM', kind: 'crm', column: 'crm', server: null },
  ];
  const lanes = [...demoFixture().lanes, laneOf('sss', 'crowded', crowded, [])];

  it.each(lanes.map((l) => [l.title, l] as const))('%s: boxes inside the drawing, apart, dots inside their boxes', (_, lane) => {
    const layout = layoutLane(lane);
    const drawing = { x: 0, y: 0, w: LANE_VIEW_W, h: layout.height };
    expect(layout.boxes.map((b) => b.place.id).sort()).toEqual(lane.places.map((p) => p.id).sort());
    for (const box of layout.boxes) {
      expect(inside(box, drawing), box.place.id).toBe(true);
      expect(inside(box.dots, box), `${box.place.id} dots`).toBe(true);
      expect(box.dots.w >= DOT_PITCH && box.dots.h >= DOT_PITCH, `${box.place.id} has room for a dot`).toBe(true);
      for (const other of layout.boxes) if (other !== box) expect(overlaps(box, other), `${box.place.id} / ${other.place.id}`).toBe(false);
    }
    for (const group of layout.groups) {
      for (const box of layout.boxes.filter((b) => b.place.server === group.server)) expect(inside(box, group), box.place.id).toBe(true);
    }
    const order = ['internet', 'exchange', 'processor', 'crm'];
    for (const a of layout.boxes) for (const b of layout.boxes) {
      if (order.indexOf(a.place.column) < order.indexOf(b.place.column)) expect(a.x + a.w).toBeLessThan(b.x);
    }
  });
});
