// Where a lane's places go, in both forms of the drawing: inside the drawing, never on top of each other, each box
// with room for at least one dot and tall enough for its label's lines, however many mailboxes a server holds; the
// row's columns left to right in mail's order and the same in both lanes, the stack's sections top to bottom.
import { describe, expect, it } from 'vitest';
import type { DemoLane, DemoPlace } from '../../../../harness/demo/demo-data.js';
import { boxLabel, sharedDomain } from '../../../../harness/demo/page/box-labels.js';
import { boxHeight } from '../../../../harness/demo/page/box-metrics.js';
import { DOT_PITCH, DRAWING_FORMS, layoutDrawings, type LaneLayout, type Rect } from '../../../../harness/demo/page/lane-layout.js';
import { STACK_W } from '../../../../harness/demo/page/layout-stack.js';
import { demoFixture, laneOf } from '../../../helpers/demo-fixture.js';

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}
function inside(inner: Rect, outer: Rect): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h;
}

const ORDER = ['internet', 'exchange', 'processor', 'crm'];

describe('layoutDrawings', () => {
  const crowded: DemoPlace[] = [
    { id: 'internet', label: 'Internet', kind: 'internet', column: 'internet', server: null },
    ...['ex1', 'ex2'].map((server): DemoPlace => ({ id: `server:${server}`, label: `${server} transport`, kind: 'transport', column: 'exchange', server })),
    ...Array.from({ length: 9 }, (_, i): DemoPlace => ({ id: `mailbox:u${i}`, label: `u${i}@contoso.example`, kind: 'user-mailbox', column: 'exchange', server: i < 5 ? 'ex1' : 'ex2' })),
    { id: 'sss', label: 'Server-side sync', kind: 'sss', column: 'processor', server: null },
    { id: 'crm', label: 'CRM', kind: 'crm', column: 'crm', server: null },
  ];
  const [router, sss] = demoFixture().lanes;
  const pairs: Array<[string, DemoLane[]]> = [['the fixture', [router, sss]], ['a crowded sync lane', [router, laneOf('sss', 'crowded', crowded, [])]]];

  it.each(pairs.flatMap(([name, lanes]) => DRAWING_FORMS.flatMap((form) => lanes.map((lane) => [`${name}, ${form}, ${lane.id}`, form, lanes, lane] as const))))(
    '%s: boxes inside the drawing, apart, tall enough for their labels, dots inside them',
    (_, form, lanes, lane) => {
      const layout: LaneLayout = layoutDrawings(lanes)[form][lane.id];
      const drawing = { x: 0, y: 0, w: layout.width, h: layout.height };
      expect(layout.boxes.map((b) => b.place.id).sort()).toEqual(lane.places.map((p) => p.id).sort());
      for (const box of layout.boxes) {
        expect(inside(box, drawing), box.place.id).toBe(true);
        expect(inside(box.dots, box), `${box.place.id} dots`).toBe(true);
        expect(box.dots.w >= DOT_PITCH && box.dots.h >= DOT_PITCH, `${box.place.id} has room for a dot`).toBe(true);
        expect(box.h, `${box.place.id}: its ${box.lines.length} lines and a row of dots`).toBeGreaterThanOrEqual(boxHeight(box.lines.length, 1) - 0.1);
        for (const other of layout.boxes) if (other !== box) expect(overlaps(box, other), `${box.place.id} / ${other.place.id}`).toBe(false);
      }
      for (const group of layout.groups) {
        expect(inside(group, drawing), group.server).toBe(true);
        for (const box of layout.boxes.filter((b) => b.place.server === group.server)) expect(inside(box, group), box.place.id).toBe(true);
        for (const other of layout.groups) if (other !== group) expect(overlaps(group, other), `${group.server} / ${other.server}`).toBe(false);
      }
      // Mail's order: left to right in a row, top to bottom in a stack.
      for (const a of layout.boxes) for (const b of layout.boxes) {
        if (ORDER.indexOf(a.place.column) >= ORDER.indexOf(b.place.column)) continue;
        if (form === 'row') expect(a.x + a.w, `${a.place.id} left of ${b.place.id}`).toBeLessThan(b.x);
        else expect(a.y + a.h, `${a.place.id} above ${b.place.id}`).toBeLessThan(b.y);
      }
    },
  );

  it('gives both lanes the same width and the same columns, and the stack a phone\'s width', () => {
    for (const [name, lanes] of pairs) {
      const layouts = layoutDrawings(lanes);
      expect(layouts.row.router.width, name).toBe(layouts.row.sss.width);
      expect(layouts.stack.router.width, name).toBe(STACK_W);
      expect(layouts.stack.sss.width, name).toBe(STACK_W);
      const xs = (l: LaneLayout, column: string) => [...new Set(l.boxes.filter((b) => b.place.column === column && b.place.kind !== 'transport').map((b) => b.x))];
      for (const column of ['internet', 'processor', 'crm']) expect(xs(layouts.row.router, column), `${name}: ${column}`).toEqual(xs(layouts.row.sss, column));
    }
  });

  it('keeps every label of the fixture and the crowded lane whole: no ellipsis, the same words', () => {
    for (const [, lanes] of pairs) {
      const layouts = layoutDrawings(lanes);
      for (const form of DRAWING_FORMS) for (const lane of lanes) {
        const domain = sharedDomain(lane.places);
        for (const box of layouts[form][lane.id].boxes) {
          expect(box.lines.join(' ').replace(/\s+/g, ''), `${form} ${box.place.id}`).toBe(boxLabel(box.place, domain).replace(/\s+/g, ''));
        }
      }
    }
  });

  it('puts a server\'s transport beside its mailboxes, or first among them where that is narrower', () => {
    const layouts = layoutDrawings([router, sss]);
    const transport = layouts.row.router.boxes.find((b) => b.place.id === 'server:ex1');
    const paul = layouts.row.router.boxes.find((b) => b.place.id === 'mailbox:paul@contoso.example');
    // The fixture's servers hold two mailboxes at most: the transport stands left of them, as tall as they are.
    expect(transport && paul && transport.x + transport.w < paul.x && transport.y === paul.y).toBe(true);
    // Nine mailboxes on two servers: five in a row beside the transport would be wider than four cells a row.
    const many = layoutDrawings([router, laneOf('sss', 'crowded', crowded, [])]).row.sss.boxes;
    const ex2 = many.find((b) => b.place.id === 'server:ex2');
    const u5 = many.find((b) => b.place.id === 'mailbox:u5');
    expect(ex2 && u5 && ex2.y === u5.y && ex2.x < u5.x).toBe(true);
  });
});
