// The box a wide table or chart scrolls sideways in on a narrow screen (both reports), so that the page never does.
// Chromium and Firefox let Tab reach a scrollable box by themselves, Safari does not: without a tabindex, a keyboard
// could not scroll it there. So each box is a tab stop (tabindex="0"), named for a screen reader by what it holds
// (role="region" and aria-label: "a region, the timeline chart", not an unnamed group), with a focus ring. The run
// report's script takes the tab stop off where nothing overflows (scroll-box-script.ts); the plan report has no
// script, so every one of its boxes stays a tab stop.
import { html, type SafeHtml } from './html.js';

export function scrollBox(name: string, content: SafeHtml): SafeHtml {
  return html`<div class="scroll-x" role="region" aria-label="${name}" tabindex="0">${content}</div>`;
}

/**
 * The ring is the links' blue (7:1 on white), outside the box so that it is not scrolled away with the content; a
 * mouse click gives none (focus-visible). On paper nothing scrolls: what the box holds prints whole.
 */
export const SCROLL_BOX_CSS = `
.scroll-x { overflow-x: auto; }
.scroll-x:focus-visible { outline: 2px solid #1a56a8; outline-offset: 2px; }
@media print {
  .scroll-x { overflow: visible; }
}
`;
