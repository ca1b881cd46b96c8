// A message's path as a small table of virtual time, step and detail, with the gap of a trimmed path stated. Its
// column headers are for screen readers (a table without them reads as bare cells); the look needs none.
import { html, type SafeHtml } from './html.js';
import { timeLabel } from './time-ticks.js';
import type { TrimmedPath } from './trimmed-path.js';

export function pathHtml(path: TrimmedPath): SafeHtml {
  const rows = path.steps.map((s, i) => html`${path.leftOut > 0 && i === path.leftOutAfter ? html`<tr class="gap"><td colspan="3">… ${path.leftOut.toLocaleString('en-US')} steps left out …</td></tr>` : null}<tr><td class="t">${timeLabel(s.atMs)}</td><td class="s">${s.step}</td><td class="mono">${s.detail}</td></tr>`);
  return html`<table class="path"><thead class="visually-hidden"><tr><th scope="col">time</th><th scope="col">step</th><th scope="col">detail</th></tr></thead><tbody>${rows}</tbody></table>`;
}

export function pathStepCount(path: TrimmedPath): number {
  return path.steps.length + path.leftOut;
}
