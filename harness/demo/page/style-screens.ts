// The stylesheet's answer to a projector's screen (1280 x 720, 1024 x 768): smaller headings, captions and counters
// and less space between them, so that both lanes fit the window together once the player has fitted the drawings
// (script-fit.ts). The drawings' words keep their size in drawing units, which the player keeps at 12 pixels or more.
export const SCREENS_CSS = `
@media (max-height: 940px) {
  main { padding: 4px 16px 6px; }
  .kicker { display: none; }
  h1 { font-size: 22px; margin: 0 0 1px; }
  .description { -webkit-line-clamp: 1; font-size: 14px; }
  .sampled { margin: 0; font-size: 13px; }
  .clock { font-size: 21px; }
  .elapsed { font-size: 14px; }
  /* The legend takes a second line at 1280 pixels for what the readers' marks mean (read-marks.ts): its lines, and
     the gaps above it and the drawings, are a little tighter, so lesson 4 still fits a 1280 x 720 window. */
  .controls { margin: 4px 0 2px; gap: 2px 8px; }
  .controls button, .controls select { font-size: 15px; padding: 2px 9px; }
  .controls .speed, .controls .pause-at { font-size: 15px; }
  ul.legend { font-size: 12.5px; gap: 0 12px; line-height: 1.25; }
  .scrubber { margin: 0 0 2px; }
  .scrubber input[type=range] { height: 18px; }
  .caption { padding: 3px 10px; margin: 4px 0; }
  .caption .main { font-size: 17px; line-height: 1.25; }
  .caption .main .line + .line { margin-top: 3px; padding-top: 3px; }
  .caption .sub { font-size: 14px; line-height: 1.3; }
  section.lane { padding-top: 2px; margin-top: 2px; }
  .lane-body { margin-top: 2px; }
  /* The verdict beside the title, which has the lane's width (on two lines if it must: never cut). */
  .lane-title { flex-wrap: nowrap; }
  .lane-title h2 { font-size: 17px; }
  .lane-caption .main { font-size: 15.5px; }
  .lane-caption .sub { font-size: 13.5px; }
  .verdict { font-size: 12.5px; padding: 0 8px; }
  /* Each counter on one line (its number, then its name): half the height of the stacked ones. */
  .counter { display: flex; align-items: baseline; gap: 5px; min-width: 0; padding: 0 8px 0 6px; border-top: 1px solid var(--line);
    border-left: 5px solid var(--accent); }
  .counter .value { font-size: 21px; }
  .counter .name { font-size: 12.5px; }
  .recent-item { font-size: 13px; }
  .recent-item .who { font-size: 12px; }
}
/* A 1024-pixel screen: the title, the buttons and the legend each keep to one line. */
@media (max-width: 1100px) {
  main { padding-left: 12px; padding-right: 12px; }
  h1 { font-size: 20px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  .clock { font-size: 19px; }
  .controls { gap: 2px 6px; }
  .controls button, .controls select { font-size: 14px; padding: 2px 7px; }
  .controls button.primary { min-width: 6em; }
  .controls .speed, .controls .pause-at { font-size: 14px; }
  .controls .speed-word { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  ul.legend { font-size: 12px; gap: 0 7px; }
  .scrubber .op-label { font-size: 12px; }
  .lane-body { gap: 8px; }
  .caption .main, .lane-caption .main { font-size: 15px; }
  .caption .sub, .lane-caption .sub { font-size: 13px; }
  .counters { gap: 5px; }
  .counter .name { font-size: 12px; }
}
/* A screen too narrow for the drawing, at a readable size, beside the caption (the player says so: script-fit.ts)
   gives the drawing the whole width; the caption and the list go below. */
main.one-column .lane-body { grid-template-columns: minmax(0, 1fr); }
main.one-column .recent { height: auto; min-height: 0; max-height: 12em; container-type: normal; }
/* A phone (320 pixels): the title wraps rather than be cut to a letter. */
@media (max-width: 600px) {
  h1 { white-space: normal; overflow-wrap: anywhere; }
  header.top { flex-wrap: wrap; }
}
`;
