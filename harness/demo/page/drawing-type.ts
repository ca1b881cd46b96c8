// The lane drawings' text sizes, in SVG units, and the scale below which the player never shrinks a drawing. The
// accessibility review measured the drawings' words at 6 to 10 pixels on a 1024 x 768 projector (14-unit labels
// shrunk to half a pixel per unit); the drawings are now laid out around these sizes so that at one pixel per unit,
// which the player keeps at least, every word is 12 pixels or more. The stylesheet (style-lanes.ts) and the layout
// (lane-layout.ts, which sizes boxes for their words) read them from here so that they cannot disagree.

/** The smallest text a projector's audience or a low-vision reader is asked to read, in CSS pixels. */
export const READABLE_PX = 12;

export const TYPE = {
  /** A box's name (`paul`, `E-mail Router (router)`), a line or two. */
  label: 13,
  /** A server group's name (`Exchange ex1 · @contoso.example`), bold. */
  group: 13,
  /** How many messages a box holds, bold, straddling the box's top edge. */
  count: 13,
  /** DOWN and DISABLED, bold, in the box's bottom right corner. */
  tag: 12,
  /** How far the lane's reader has read a mailbox (`10:31`: R8's ThresholdDate, S6's watermark), on its top left edge. */
  upTo: 12,
} as const;

/** Above and below the baseline, as parts of the font size: DejaVu Sans' ascent and descent (0.928, 0.236), which
 * the browser's text boxes use; fonts with smaller ones only leave more room. */
export const ASCENT = 0.93;
export const DESCENT = 0.24;

/** The least pixels per drawing unit at which every word of the drawing is READABLE_PX or more. */
export const MIN_PX_PER_UNIT = READABLE_PX / Math.min(...Object.values(TYPE));
