// One lane's drawing: Exchange's server groups, a box per place with its label (on as many lines as it needs) and a
// count of the messages in it, and an empty layer the player script fills with message dots. Hand-written SVG, as the
// run report. Each form of the drawing (lane-layout.ts) is a group of its own: the row form is drawn, the stack form
// waits in a template until the player needs it (script-forms.ts). For a screen reader the drawing is a group named
// by its lane, described by the lane's status line (lane-html.ts); the boxes are hidden from it (the status line says
// what they show) and the dots are what it can reach, one Tab stop per lane.
import { html, type SafeHtml } from '../../report/html.js';
import type { DemoLane } from '../demo-data.js';
import { COUNT_BASELINE, GROUP_BASELINE, INSET, LABEL_BASELINE, LINE_PITCH, TAG_BASELINE, tenth } from './box-metrics.js';
import type { DrawingForm, LaneLayout, PlaceBox, ServerGroup } from './lane-layout.js';
import { readPlaces, readRingsSvg, upToSvg } from './read-marks.js';

/** Lines of text, each a tspan at its own baseline. */
function lines(cls: string, x: number, y: number, texts: readonly string[]): SafeHtml {
  const spans = texts.map((t, i) => html`<tspan x="${tenth(x)}" y="${tenth(y + i * LINE_PITCH)}">${t}</tspan>`);
  return html`<text class="${cls}">${spans}</text>`;
}

function boxSvg(box: PlaceBox): SafeHtml {
  const { place, x, y, w, h } = box;
  // The count straddles the box's top edge (on a white halo), above the label, which can use the box's whole width.
  return html`<g class="place kind-${place.kind}" data-place="${place.id}"><title>${place.label}</title>
<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="5"></rect>
${lines('label', x + INSET, y + LABEL_BASELINE, box.lines)}
<text class="count" x="${tenth(x + w - INSET)}" y="${tenth(y + COUNT_BASELINE)}" text-anchor="end"></text>
<text class="down-tag" x="${tenth(x + w - INSET)}" y="${tenth(y + h - TAG_BASELINE)}" text-anchor="end">DOWN</text>
<text class="disabled-tag" x="${tenth(x + w - INSET)}" y="${tenth(y + h - TAG_BASELINE)}" text-anchor="end">DISABLED</text></g>
`;
}

function groupSvg(g: ServerGroup): SafeHtml {
  return html`<g class="server" data-server="${g.server}"><title>${g.lines.join(' ')}</title><rect x="${g.x}" y="${g.y}" width="${g.w}" height="${g.h}" rx="7"></rect>
${lines('server-name', g.x + 8, g.y + GROUP_BASELINE, g.lines)}</g>
`;
}

/** What a form of the drawing shows that does not move: the groups and the boxes (and where the readers read, R8, S6). */
export function drawingForm(form: DrawingForm, layout: LaneLayout, read: ReadonlySet<string> = new Set()): SafeHtml {
  return html`<g class="drawing-form" data-form="${form}" data-view="0 0 ${layout.width} ${layout.height}" aria-hidden="true">
${layout.groups.map(groupSvg)}
${read.size === 0 ? '' : readRingsSvg(layout, read)}
${layout.boxes.map(boxSvg)}
${read.size === 0 ? '' : upToSvg(layout, read)}
</g>`;
}

/** The lane's drawing in `form`, the other forms in templates after it. */
export function laneSvg(lane: DemoLane, layouts: Readonly<Record<DrawingForm, LaneLayout>>, form: DrawingForm = 'row'): SafeHtml {
  const shown = layouts[form];
  const read = readPlaces(lane);
  const others = (Object.keys(layouts) as DrawingForm[]).filter((f) => f !== form)
    .map((f) => html`<template class="drawing-form" data-lane="${lane.id}" data-form="${f}"><svg>${drawingForm(f, layouts[f], read)}</svg></template>`);
  return html`<svg class="lane-svg" data-lane="${lane.id}" viewBox="0 0 ${shown.width} ${shown.height}" role="group" aria-label="${lane.title}" aria-describedby="status-${lane.id}">
${drawingForm(form, shown, read)}
<g class="dots" role="group" aria-label="Messages: the arrow keys move between them, Enter opens one"></g>
</svg>${others}`;
}
