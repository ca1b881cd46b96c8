// The stylesheet of the player's controls: the buttons, the keyboard help (a panel over the page, so it costs the
// lanes no height), the legend, and the time scrubber whose label rows the player lays out (script-scrubber.ts).
export const CONTROLS_CSS = `
.controls { position: relative; display: flex; flex-wrap: wrap; align-items: center; gap: 6px 10px; margin: 8px 0 4px; }
.controls button, .controls select { font: inherit; font-size: 16px; padding: 4px 12px; border: 1px solid var(--control-line); border-radius: 6px;
  background: #fff; cursor: pointer; }
.controls button:disabled { opacity: .45; cursor: default; }
.controls button.primary { background: var(--moving); border-color: var(--moving); color: #fff; min-width: 7.5em; font-weight: 600; }
.controls .speed, .controls .pause-at { font-size: 16px; white-space: nowrap; }
.controls .pause-at { cursor: pointer; }
.controls .pause-at input { width: 17px; height: 17px; vertical-align: -3px; margin: 0 2px 0 0; }
#btn-help { margin-left: auto; }
.help { position: absolute; z-index: 20; top: 100%; right: 0; width: min(520px, 94vw); background: #fff; border: 1px solid #b8bcc2;
  border-radius: 8px; box-shadow: 0 8px 28px rgba(0,0,0,.25); padding: 10px 16px 12px; font-size: 15px; }
.help[hidden] { display: none; }
.help h2 { font-size: 17px; margin: 0 0 6px; }
.help p { margin: 8px 0 0; color: var(--muted); font-size: 14px; }
.help .keys-on { display: block; margin: 0 0 8px; }
.help .keys-on input { width: 16px; height: 16px; vertical-align: -3px; margin: 0 4px 0 0; }
ul.shortcuts { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: max-content 1fr; gap: 3px 12px; }
ul.shortcuts li { display: contents; }
ul.legend { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 2px 14px; font-size: 13.5px; color: var(--muted);
  flex-basis: 100%; }
kbd { font: 12.5px ui-monospace, Menlo, Consolas, monospace; border: 1px solid #b8bcc2; border-bottom-width: 2px; border-radius: 4px;
  padding: 0 5px; background: #f8f9fa; color: #1d1f22; justify-self: start; }
.fate-icon { vertical-align: -1px; overflow: visible; }
.count-key { color: var(--moving); }
.swatch { display: inline-block; width: 14px; height: 12px; border-radius: 2px; vertical-align: -1px; border: 2px solid; }
.swatch.forward { background: var(--forward); border-color: var(--forward-line); }
.swatch.down { background: var(--down); border-color: var(--control-line); border-style: dashed; }
.swatch.reading { background: #fff; border-color: var(--reader-ring); border-width: 3px; border-radius: 4px; }
.up-to-key { color: var(--reader); font-weight: 400; font-variant-numeric: tabular-nums; }
.up-to-key.stopped { color: var(--muted); text-decoration: line-through; background: var(--stopped-chip); border-radius: 6px; padding: 0 3px; }
.swatch.disabled { background: #fff; border-color: var(--bad); border-style: dashed; border-width: 2px; }
.scrubber { margin: 2px 0 4px; }
.scrubber .track { position: relative; padding: 0 9px; }
.scrubber .marks { position: relative; height: 28px; }
.scrubber .band { position: absolute; top: 4px; bottom: 0; background: repeating-linear-gradient(135deg, #f6c9c9 0 6px, #fbe3e3 6px 12px);
  border-left: 2px solid var(--bad); border-right: 2px solid var(--tracked); }
.scrubber .op-mark { position: absolute; top: 0; bottom: 0; width: 0; padding: 0; margin: 0; border: 0; border-left: 3px solid #6a1b9a;
  background: none; cursor: pointer; }
.scrubber .op-label { position: absolute; z-index: 2; left: 3px; top: 0; height: 16px; white-space: nowrap; font-size: 12.5px;
  line-height: 16px; color: #4a148c; font-weight: 600; background: #fff; padding: 0 3px; overflow: hidden; text-overflow: ellipsis; }
.scrubber .op-mark:hover .op-label, .scrubber .op-mark:focus-visible .op-label { background: #f0e4f7; }
/* The marker is a 3-pixel line: its label carries the focus ring (the line's own outline was all but invisible). */
.scrubber .op-mark:focus-visible { outline: none; }
.scrubber .op-mark:focus-visible .op-label { outline: 2px solid #4a148c; outline-offset: 1px; overflow: visible; }
.scrubber .caption-row { position: absolute; left: 0; right: 0; bottom: 0; height: 14px; }
/* The lesson's captions: a tick to click for each instant the lesson says something. */
.scrubber .caption-mark { position: absolute; z-index: 3; top: 0; width: 14px; height: 14px; margin-left: -7px; padding: 0;
  border: 2px solid #fff; border-radius: 50%; background: var(--moving); cursor: pointer; }
.scrubber .caption-mark:hover, .scrubber .caption-mark:focus-visible { background: #0d3b7a; box-shadow: 0 0 0 2px var(--moving); }
.scrubber input[type=range] { -webkit-appearance: none; appearance: none; display: block; width: calc(100% + 18px); margin: 0 -9px;
  height: 20px; background: transparent; }
.scrubber input[type=range]::-webkit-slider-runnable-track { height: 6px; background: var(--control-line); border-radius: 3px; }
.scrubber input[type=range]::-webkit-slider-thumb { -webkit-appearance: none; width: 18px; height: 18px; margin-top: -6px; border-radius: 50%;
  background: var(--moving); border: 2px solid #fff; box-shadow: 0 0 0 1px var(--moving); }
.scrubber .ticks { position: relative; height: 17px; font-size: 12.5px; color: var(--muted); }
.scrubber .tick { position: absolute; transform: translateX(-50%); white-space: nowrap; }
/* Windows High Contrast paints backgrounds over: the fault bands, the slider's track and the legend's swatches lost
   what they say. Where the colour is the information it stays; elsewhere a system colour draws the line. */
@media (forced-colors: active) {
  .scrubber .band, .swatch, .fate-icon { forced-color-adjust: none; }
  .scrubber .band { border-color: CanvasText; }
  .scrubber input[type=range] { forced-color-adjust: none; }
  .scrubber input[type=range]::-webkit-slider-runnable-track { background: CanvasText; }
  .scrubber input[type=range]::-webkit-slider-thumb { background: Highlight; border-color: Canvas; box-shadow: 0 0 0 1px CanvasText; }
  .scrubber .op-mark { border-left-color: CanvasText; }
}
`;
